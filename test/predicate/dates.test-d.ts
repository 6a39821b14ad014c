import { describe, expectTypeOf, it } from 'vitest';
import { fieldsOf, type Predicate } from '../../src/predicate/index.js';

interface Deal {
  name: string;
  amount: number;
  closedOn: Date;
  stage?: { changedAt: string };
}

const d = fieldsOf<Deal>();

describe('date comparisons types', () => {
  it('accept dates on date fields', () => {
    expectTypeOf(d.between('closedOn', new Date(0), '2024-12-31')).toEqualTypeOf<Predicate<Deal>>();
    expectTypeOf(d.atLeast('stage.changedAt', '2024-01-01')).toEqualTypeOf<Predicate<Deal>>();
  });

  it('reject mismatched bounds', () => {
    // @ts-expect-error amount is a number, so a date bound does not fit.
    d.atLeast('amount', new Date(0));
    // @ts-expect-error closedOn is a Date, so a numeric bound does not fit.
    d.lessThan('closedOn', 5);
  });

  it('named keeps the record type', () => {
    expectTypeOf(d.named('big', d.atLeast('amount', 1000))).toEqualTypeOf<Predicate<Deal>>();
  });
});
