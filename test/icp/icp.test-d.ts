import { describe, expectTypeOf, it } from 'vitest';
import { filterAccounts, icp, type Icp, type SeparatedAccounts } from '../../src/icp/index.js';
import { atLeast } from '../../src/predicate/index.js';

interface Company {
  name: string;
  employees: number;
  techStack: string[];
}

const profile = icp<Company>((c) => c.atLeast('employees', 100));
const companies: Company[] = [];

describe('icp types', () => {
  it('carries the record type', () => {
    expectTypeOf(profile).toEqualTypeOf<Icp<Company>>();
  });

  it('checks fields in builder', () => {
    // @ts-expect-error 'name' is a string, so atLeast does not accept it.
    icp<Company>((c) => c.atLeast('name', 3));
  });

  it('accepts a number-or-string field', () => {
    interface CsvRow {
      employees: number | string;
      notes: string;
    }
    expectTypeOf(icp<CsvRow>((c) => c.atLeast('employees', 100), { parseStrings: true })).toEqualTypeOf<Icp<CsvRow>>();
    // @ts-expect-error 'notes' is only ever a string, so a numeric bound does not fit it.
    icp<CsvRow>((c) => c.atLeast('notes', 3));
  });

  it('accepts untyped predicate', () => {
    expectTypeOf(icp(atLeast('employees', 1)).evaluate).parameter(0).toBeAny();
  });
});

describe('filterAccounts types', () => {
  it('returns array by default', () => {
    expectTypeOf(filterAccounts(profile, companies)).toEqualTypeOf<Company[]>();
    expectTypeOf(filterAccounts(profile, companies, { unknown: 'include' })).toEqualTypeOf<Company[]>();
  });

  it('separate returns both lists', () => {
    expectTypeOf(filterAccounts(profile, companies, { unknown: 'separate' })).toEqualTypeOf<SeparatedAccounts<Company>>();
  });

  it('rejects unknown policy name', () => {
    // @ts-expect-error 'drop' is not an unknown policy.
    filterAccounts(profile, companies, { unknown: 'drop' });
  });
});
