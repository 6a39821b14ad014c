import { describe, expect, it } from 'vitest';
import { buyingGroupCoverage, type BuyingGroupOptions } from 'netspear/metrics';
import { atLeast, containsAnyWord } from '../../src/predicate/index.js';

interface Contact {
  account?: string;
  title?: string;
  engagement?: number;
}

const options: BuyingGroupOptions<Contact> = {
  account: 'account',
  roles: [
    { name: 'economic buyer', when: containsAnyWord('title', ['CFO', 'CEO']) },
    { name: 'technical evaluator', when: containsAnyWord('title', ['CTO', 'Architect', 'Engineer']) },
    { name: 'champion', when: containsAnyWord('title', ['Director', 'Manager']) },
  ],
  engaged: atLeast('engagement', 10),
};

const contacts: Contact[] = [
  { account: 'acme', title: 'CFO', engagement: 12 },
  { account: 'acme', title: 'Engineering Manager', engagement: 30 },
  { account: 'acme', title: 'Solutions Architect', engagement: 2 },
  { account: 'acme', title: 'Intern', engagement: 99 },
  { account: 'globex', title: 'CEO and CTO', engagement: 50 },
  { account: 'globex', engagement: 50 },
];

describe('buyingGroupCoverage', () => {
  const report = buyingGroupCoverage(contacts, { ...options, accounts: ['initech'] });

  it('share of roles engaged', () => {
    const acme = report.accounts.find((a) => a.account === 'acme')!;

    expect(acme.coverage).toBe(2 / 3);
    expect(acme.engagedRoles).toEqual(['economic buyer', 'champion']);
    expect(acme.missingRoles).toEqual(['technical evaluator']);
    expect(acme.contacts).toBe(4);
    expect(acme.unmapped).toBe(1);
  });

  it('mapped but not engaged', () => {
    const acme = report.accounts.find((a) => a.account === 'acme')!;
    expect(acme.roles.find((r) => r.role === 'technical evaluator')).toEqual({ role: 'technical evaluator', contacts: 1, engaged: 0 });
  });

  it('one contact fills two roles', () => {
    const globex = report.accounts.find((a) => a.account === 'globex')!;

    expect(globex.engagedRoles).toEqual(['economic buyer', 'technical evaluator']);
    expect(globex.unmapped).toBe(1);
  });

  it('listed account without contacts', () => {
    const initech = report.accounts[0]!;

    expect(initech.account).toBe('initech');
    expect(initech.coverage).toBe(0);
    expect(initech.missingRoles).toEqual(['economic buyer', 'technical evaluator', 'champion']);
  });

  it('summary over accounts', () => {
    expect(report.averageCoverage).toBeCloseTo((0 + 2 / 3 + 2 / 3) / 3, 12);
    expect(report.fullyCovered).toBe(0);
  });

  it('every contact engaged by default', () => {
    const { engaged: _, ...withoutEngaged } = options;
    const acme = buyingGroupCoverage(contacts, withoutEngaged).accounts[0]!;
    expect(acme.coverage).toBe(1);
  });

  it('contact without account left out', () => {
    const result = buyingGroupCoverage([{ title: 'CFO' }], options);

    expect(result.leftOut).toBe(1);
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([['missing_value', 0]]);
    expect(result.averageCoverage).toBeUndefined();
  });

  it('rejects invalid roles', () => {
    expect(() => buyingGroupCoverage(contacts, { ...options, roles: [] })).toThrow(/buyingGroupCoverage: roles/);
    expect(() =>
      buyingGroupCoverage(contacts, { ...options, roles: [{ name: 'x', when: containsAnyWord('title', ['a']) }, { name: 'x', when: containsAnyWord('title', ['b']) }] }),
    ).toThrow(/roles\[1\]\.name: duplicate/);
    expect(() => buyingGroupCoverage(contacts, { ...options, roles: [{ name: 'x', when: { op: 'nope', field: 'title' } as never }] })).toThrow(
      /buyingGroupCoverage: roles\[0\]\.when/,
    );
  });
});
