import { describe, expectTypeOf, it } from 'vitest';
import {
  atLeast,
  evaluate,
  fieldsOf,
  type FieldPath,
  type FieldValue,
  type Outcome,
  type PathTo,
  type Predicate,
} from '../../src/predicate/index.js';

interface Company {
  name: string;
  industry: string;
  employees: number;
  techStack: string[];
  address?: { country: string };
}

const c = fieldsOf<Company>();

describe('fieldsOf paths', () => {
  it('accepts nested optional path', () => {
    expectTypeOf(c.equals('address.country', 'US')).toEqualTypeOf<Predicate<Company>>();
    expectTypeOf(c.exists('address.country')).toEqualTypeOf<Predicate<Company>>();
    expectTypeOf(c.startsWith('address.country', 'U')).toEqualTypeOf<Predicate<Company>>();
  });

  it('lists every field path', () => {
    expectTypeOf<FieldPath<Company>>().toEqualTypeOf<
      'name' | 'industry' | 'employees' | 'techStack' | 'address' | 'address.country'
    >();
  });

  it('narrows paths by value type', () => {
    expectTypeOf<PathTo<Company, number>>().toEqualTypeOf<'employees'>();
    expectTypeOf<PathTo<Company, string>>().toEqualTypeOf<'name' | 'industry' | 'address.country'>();
    expectTypeOf<FieldValue<Company, 'address.country'>>().toEqualTypeOf<string>();
  });

  it('untyped record takes any path', () => {
    expectTypeOf<FieldPath<Record<string, unknown>>>().toEqualTypeOf<string>();
  });

  it('rejects misspelt field', () => {
    // @ts-expect-error 'industy' is not a field of Company.
    c.oneOf('industy', ['SaaS']);
    // @ts-expect-error 'address.city' is not a path into Company.
    c.exists('address.city');
  });

  it('rejects non-numeric comparison', () => {
    // @ts-expect-error 'name' is a string, so numeric operators do not accept it.
    c.atLeast('name', 3);
    // @ts-expect-error 'techStack' is an array, not a number.
    c.between('techStack', 1, 2);
  });

  it('rejects wrong element type', () => {
    // @ts-expect-error techStack holds strings, so 3 is not a valid element.
    c.includesAll('techStack', [3]);
    // @ts-expect-error 'industry' is a string, not an array.
    c.includesAny('industry', ['SaaS']);
  });

  it('rejects wrong value type', () => {
    // @ts-expect-error employees is a number, so 'many' is not a valid value.
    c.oneOf('employees', ['many']);
    // @ts-expect-error name is a string, so a boolean is not a valid value.
    c.equals('name', true);
  });

  it('rejects flag on string', () => {
    // @ts-expect-error isTrue needs a boolean field and Company has none.
    c.isTrue('name');
  });
});

describe('plain operators', () => {
  it('accept any field', () => {
    expectTypeOf(atLeast('anything.at.all', 1)).toEqualTypeOf<Predicate>();
  });

  it('evaluate returns outcome', () => {
    expectTypeOf(evaluate(c.atLeast('employees', 1), { name: 'a', industry: 'b', employees: 1, techStack: [] })).toEqualTypeOf<Outcome>();
  });
});
