import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { filterAccounts, icp } from '../../src/icp/index.js';
import { ConfigError } from '../../src/internal/config-error.js';
import { and, atLeast, evaluate, includesAll, oneOf } from '../../src/predicate/index.js';
import { optionsArb, predicateArb, recordArb } from '../predicate/arbitraries.js';

interface Company {
  name: string;
  industry: string;
  techStack: string[];
  employees: number;
}

const globalTech: Company = { name: 'Global Tech Inc', industry: 'SaaS', techStack: ['kubernetes', 'react'], employees: 5000 };
const localAgency: Company = { name: 'Local Agency', industry: 'Marketing', techStack: ['wordpress'], employees: 20 };
const fintech: Company = {
  name: 'Fintech Innovators',
  industry: 'Finance',
  techStack: ['python', 'aws', 'kubernetes'],
  employees: 500,
};
const startupX: Company = { name: 'Startup X', industry: 'SaaS', techStack: ['rails'], employees: 10 };
const companies = [globalTech, localAgency, fintech, startupX];

const profile = icp<Company>((c) =>
  c.and(c.oneOf('industry', ['SaaS', 'Finance']), c.atLeast('employees', 100), c.includesAll('techStack', ['kubernetes'])),
);

/** A SaaS company with no employee count, which the profile can neither accept nor reject. */
const noHeadcount = { name: 'Quiet Co', industry: 'SaaS', techStack: ['kubernetes'] } as unknown as Company;
/** A company whose industry rules it out even though its employee count is missing. */
const retailNoHeadcount = { name: 'Shop Co', industry: 'Retail', techStack: ['kubernetes'] } as unknown as Company;

describe('filterAccounts', () => {
  it('keeps matches in input order', () => {
    const names = filterAccounts(profile, companies).map((c) => c.name);
    expect(names).toEqual(['Global Tech Inc', 'Fintech Innovators']);
  });

  it('returns the input objects', () => {
    const [first] = filterAccounts(profile, companies);
    expect(first).toBe(globalTech);
  });

  it('excludes unknowns by default', () => {
    expect(filterAccounts(profile, [noHeadcount, globalTech])).toEqual([globalTech]);
  });

  it('exclude policy drops unknowns', () => {
    expect(filterAccounts(profile, [noHeadcount, globalTech], { unknown: 'exclude' })).toEqual([globalTech]);
  });

  it('include policy keeps unknowns', () => {
    const matchedOrUnknown = filterAccounts(profile, [noHeadcount, localAgency, globalTech, retailNoHeadcount], { unknown: 'include' });
    expect(matchedOrUnknown).toEqual([noHeadcount, globalTech]);
  });

  it('separate policy splits unknowns', () => {
    const result = filterAccounts(profile, [noHeadcount, ...companies, retailNoHeadcount], { unknown: 'separate' });
    expect(result.matched).toEqual([globalTech, fintech]);
    expect(result.unknown).toEqual([noHeadcount]);
  });

  it('rejects a null company list', () => {
    const call = () => filterAccounts(profile, null as unknown as Company[]);
    expect(call).toThrowError(ConfigError);
    expect(call).toThrowError('filterAccounts: companies: expected an array of companies, received null');
  });

  it('rejects a missing profile', () => {
    const call = () => filterAccounts(undefined as unknown as typeof profile, companies);
    expect(call).toThrowError(ConfigError);
    expect(call).toThrowError('filterAccounts: profile: expected an ICP built by icp(), received undefined');
  });

  it.each([
    ['drop', 'filterAccounts: options.unknown: expected "exclude", "include" or "separate", received "drop"'],
    ['Separate', 'received "Separate"; did you mean "separate"?'],
    [true, 'received true'],
  ])('rejects unknown policy %j', (policy, message) => {
    const call = () => filterAccounts(profile, companies, { unknown: policy as 'exclude' });
    expect(call).toThrowError(ConfigError);
    expect(call).toThrowError(message);
  });

  it('empty input gives empty output', () => {
    expect(filterAccounts(profile, [])).toEqual([]);
    expect(filterAccounts(profile, [], { unknown: 'separate' })).toEqual({ matched: [], unknown: [] });
  });

  test.prop([predicateArb, fc.array(recordArb, { maxLength: 15 }), optionsArb])(
    'policies partition the companies',
    (predicate, records, options) => {
      const profileOfAny = icp<Record<string, unknown>>(predicate, options);
      const excluded = filterAccounts(profileOfAny, records);
      const included = filterAccounts(profileOfAny, records, { unknown: 'include' });
      const separated = filterAccounts(profileOfAny, records, { unknown: 'separate' });

      expect(separated.matched).toEqual(excluded);
      expect(included).toEqual(records.filter((r) => excluded.includes(r) || separated.unknown.includes(r)));
      expect(included.length).toBe(excluded.length + separated.unknown.length);
    },
  );
});

describe('icp', () => {
  it('evaluates one company', () => {
    expect(profile.evaluate(globalTech)).toBe('match');
    expect(profile.evaluate(startupX)).toBe('no_match');
    expect(profile.evaluate(noHeadcount)).toBe('unknown');
  });

  it('stores the predicate data', () => {
    expect(profile.kind).toBe('icp');
    expect(profile.predicate).toEqual(
      and(oneOf('industry', ['SaaS', 'Finance']), atLeast('employees', 100), includesAll('techStack', ['kubernetes'])),
    );
  });

  it('accepts a plain predicate', () => {
    const plain = icp(atLeast('employees', 100));
    expect(plain.evaluate({ employees: 100 })).toBe('match');
  });

  it('passes evaluation options', () => {
    const fromCsv = icp(atLeast('employees', 100), { parseStrings: true });
    expect(fromCsv.evaluate({ employees: '250' })).toBe('match');
  });

  it('rejects invalid predicate when built', () => {
    const build = (): unknown => icp(atLeast('employees', Number.NaN));
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('icp: predicate.value');
  });

  it('rejects __proto__ field', () => {
    expect(() => icp(atLeast('__proto__.employees', 1))).toThrow(/__proto__/);
  });

  test.prop([predicateArb, recordArb, optionsArb])('agrees with evaluate', (predicate, record, options) => {
    expect(icp(predicate, options).evaluate(record)).toBe(evaluate(predicate, record, options));
  });
});
