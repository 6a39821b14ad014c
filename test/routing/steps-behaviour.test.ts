import { describe, expect, it } from 'vitest';
import {
  abmStep,
  accountStep,
  assignment,
  compareRouters,
  createRouter,
  defineStep,
  disqualifyStep,
  dryRun,
  equals,
  icp,
  idempotent,
  isTrue,
  memoryStore,
  mqlStep,
  nurtureStep,
  scorecard,
  scoreStep,
  type Router,
  type RouterStore,
} from 'netspear';
import { accountList, accounts, card, engaged, type Lead } from './fixtures.js';

const monday = Date.UTC(2026, 0, 5, 15, 0);

/** Matches a `NetspearConfigError` with exactly this API, path and message. */
const configError = (api: string, path: string, problem: string) =>
  expect.objectContaining({ name: 'NetspearConfigError', api, path, message: `${api}: ${path ? `${path}: ` : ''}${problem}` });

/** A scorecard whose tiers have no `mql` tier, so the MQL threshold must be passed. */
const tieredCard = scorecard<Lead, 'hot' | 'cold'>({
  rules: [{ id: 'pricing', when: isTrue('visitedPricingPage'), points: 10 }],
  tiers: [{ name: 'hot', min: 50 }, { name: 'cold' }],
});

describe('defineStep validation', () => {
  const run = () => undefined;

  it('rejects a null step or invalid id', () => {
    expect(() => defineStep(null as never)).toThrow(configError('defineStep', '', 'expected a step object { id, routes, run }, received null'));
    expect(() => defineStep({ id: 42 as never, routes: [], run })).toThrow(configError('defineStep', 'id', 'expected a non-empty string, received 42'));
    expect(() => defineStep({ id: '', routes: [], run })).toThrow(configError('defineStep', 'id', 'expected a non-empty string, received ""'));
  });

  it('rejects a function as the step', () => {
    const step = Object.assign(() => undefined, { id: 'vip', routes: [], run });
    expect(() => defineStep(step)).toThrow(configError('defineStep', '', 'expected a step object { id, routes, run }, received a function'));
  });

  it.each([
    ['a string', 'abm', '"abm"'],
    ['undefined', undefined, 'undefined'],
    ['an empty name', ['abm', ''], 'an array'],
    ['a number', [5], 'an array'],
  ])('rejects routes as %s', (_, routes, received) => {
    expect(() => defineStep({ id: 'vip', routes: routes as never, run })).toThrow(
      configError('defineStep', 'routes', `expected an array of route names, received ${received}`),
    );
  });

  it('rejects a run that is not a function', () => {
    expect(() => defineStep({ id: 'vip', routes: [], run: 'go' as never })).toThrow(configError('defineStep', 'run', 'expected a function, received "go"'));
  });
});

describe('accountStep options', () => {
  it.each([
    ['null', null, 'null'],
    ['a string', 'accounts.csv', '"accounts.csv"'],
  ])('rejects %s as accounts', (_, list, received) => {
    expect(() => accountStep(list as never)).toThrow(
      configError('accountStep', 'accounts', `expected an array of accounts or an account index, received ${received}`),
    );
  });

  it('rejects invalid field paths', () => {
    expect(() => accountStep(accountList, { emailField: '' })).toThrow(configError('accountStep', 'emailField', 'expected a non-empty field path, received ""'));
    expect(() => accountStep(accountList, { companyField: 'company', emailField: '' })).toThrow(
      configError('accountStep', 'emailField', 'expected a non-empty field path, received ""'),
    );
    expect(() => accountStep(accountList, { companyField: 'org..name' })).toThrow(
      configError('accountStep', 'companyField', 'field path "org..name" has an empty segment'),
    );
  });

  it('rejects minConfidence out of range', () => {
    expect(() => accountStep(accountList, { companyField: 'company', minConfidence: 1.5 })).toThrow(
      configError('accountStep', 'minConfidence', 'expected a number from 0 to 1, received 1.5'),
    );
  });

  it('accepts minConfidence bounds', () => {
    const at = (minConfidence: number) =>
      createRouter({ steps: [accountStep<{ company?: string }>(accountList, { companyField: 'company', minConfidence })], fallback: 'nurture' });
    expect(at(0).decide({ company: 'Global Tec' }).trace.account).toMatchObject({ matched: true, via: 'fuzzy_name' });
    expect(at(1).decide({ company: 'Global Tech, Inc.' }).trace.account).toEqual({
      matched: false,
      code: 'low_confidence',
      message: 'Global Tech Inc matched by name at confidence 0.8, below the minimum 1',
    });
  });
});

describe('accountStep by email', () => {
  const router = createRouter({ steps: [accountStep<Lead>(accountList)], fallback: 'nurture' });

  it('notes the matched account', () => {
    const decision = router.decide({ email: 'cto@eu.globaltechinc.com' });
    expect(decision.trace.account).toEqual({
      matched: true,
      accountId: 'acc-1',
      accountName: 'Global Tech Inc',
      domain: 'eu.globaltechinc.com',
      matchedDomain: 'globaltechinc.com',
      via: 'subdomain',
    });
    expect(decision.steps).toEqual([{ step: 'match', status: 'passed', note: 'matched Global Tech Inc' }]);
  });

  it('keeps the domain of a miss', () => {
    const decision = router.decide({ email: 'jane@gmail.com' });
    expect(decision.trace.account).toEqual({
      matched: false,
      code: 'free_mail',
      message:
        'The email "jane@gmail.com" uses the free-mail domain "gmail.com", which does not identify a company. Match the lead by other fields, or ask for a work email.',
      domain: 'gmail.com',
    });
    expect(decision.steps).toEqual([{ step: 'match', status: 'passed', note: 'no account (free_mail)' }]);
  });
});

describe('accountStep by company name', () => {
  interface FormLead {
    email?: unknown;
    company?: unknown;
  }
  const step = accountStep<FormLead>(accountList, { companyField: 'company' });
  const router = createRouter({ steps: [step], fallback: 'nurture' });

  it('claims no route', () => {
    expect(step.routes).toEqual([]);
    expect(router.routes).toEqual(['nurture']);
  });

  it('records the email domain of a name match', () => {
    const decision = router.decide({ email: 'jane@gmail.com', company: 'Global Tech, Inc.' });
    expect(decision.trace.account).toStrictEqual({
      matched: true,
      accountId: 'acc-1',
      accountName: 'Global Tech Inc',
      domain: 'gmail.com',
      matchedKey: 'globaltech',
      via: 'name',
      confidence: 0.8,
    });
    expect(decision.steps).toEqual([{ step: 'match', status: 'passed', note: 'matched Global Tech Inc (name)' }]);
  });

  it('leaves out the domain without an email', () => {
    const decision = router.decide({ company: 'Global Tech, Inc.' });
    expect(decision.trace.account).toStrictEqual({
      matched: true,
      accountId: 'acc-1',
      accountName: 'Global Tech Inc',
      matchedKey: 'globaltech',
      via: 'name',
      confidence: 0.8,
    });
  });

  it('notes a domain match', () => {
    const decision = router.decide({ email: 'cto@globaltechinc.com', company: 'Fintech Innovators' });
    expect(decision.steps).toEqual([{ step: 'match', status: 'passed', note: 'matched Global Tech Inc (domain)' }]);
  });

  it('explains a low-confidence match', () => {
    const decision = router.decide({ email: 'jane@gmail.com', company: 'Global Tec' });
    expect(decision.trace.account).toEqual({
      matched: false,
      code: 'low_confidence',
      message: 'Global Tech Inc matched by fuzzy_name at confidence 0.54, below the minimum 0.8',
      domain: 'gmail.com',
    });
    expect(decision.steps).toEqual([{ step: 'match', status: 'passed', note: 'no account (low_confidence)' }]);
  });

  it('reports a lead that matches nothing', () => {
    const decision = router.decide({ company: 'Nobody' });
    expect(decision.reason).toBe('fallback');
    expect(decision.trace.account).toStrictEqual({
      matched: false,
      code: 'no_account',
      message: 'No account matches the lead: it has no email, and no account matches the company name "Nobody".',
    });
    expect(decision.steps).toEqual([{ step: 'match', status: 'passed', note: 'no account (no_account)' }]);
  });
});

describe('accountStep without an email', () => {
  it('reads a missing email as missing, not invalid', () => {
    const router = createRouter({ steps: [accountStep<Lead>(accountList)], fallback: 'nurture' });
    const noEmail = { matched: false, code: 'no_account', message: 'No account matches the lead: it has no email.' };
    for (const lead of [{}, { email: null }, { email: ' Select ' }, { email: Number.NaN }]) {
      expect(router.decide(lead as Lead).trace.account).toStrictEqual(noEmail);
    }
    expect(router.decide({ email: 'not-an-email' } as Lead).trace.account).toMatchObject({ matched: false, code: 'invalid_email' });
  });

  it('does so in the default graph', () => {
    expect(createRouter({ accounts, scorecard: card }).decide({ title: 'CTO' } as Lead).trace.account).toStrictEqual({
      matched: false,
      code: 'no_account',
      message: 'No account matches the lead: it has no email.',
    });
  });
});

describe('accountStep by website', () => {
  interface SiteLead {
    email?: unknown;
    company?: unknown;
    site?: unknown;
  }
  const router = createRouter({ steps: [accountStep<SiteLead>(accountList, { websiteField: 'site' }), abmStep<SiteLead>()], fallback: 'nurture' });

  it('records the website of a match', () => {
    const decision = router.decide({ email: 'jane@gmail.com', site: 'https://www.globaltechinc.com/contact' });
    expect(decision.trace.account).toStrictEqual({
      matched: true,
      accountId: 'acc-1',
      accountName: 'Global Tech Inc',
      domain: 'gmail.com',
      website: 'globaltechinc.com',
      matchedDomain: 'globaltechinc.com',
      via: 'website',
      confidence: 0.85,
    });
    expect(decision).toMatchObject({ route: 'abm', summary: 'target account Global Tech Inc (globaltechinc.com)' });
    expect(decision.steps[0]).toEqual({ step: 'match', status: 'passed', note: 'matched Global Tech Inc (website)' });
  });

  it('leaves out the domain without an email', () => {
    expect(router.decide({ site: 'eu.globaltechinc.com' }).trace.account).toStrictEqual({
      matched: true,
      accountId: 'acc-1',
      accountName: 'Global Tech Inc',
      website: 'eu.globaltechinc.com',
      matchedDomain: 'globaltechinc.com',
      via: 'website',
      confidence: 0.8,
    });
  });

  it('ignores the company without companyField', () => {
    expect(router.decide({ company: 'Global Tech Inc' }).trace.account).toStrictEqual({
      matched: false,
      code: 'no_account',
      message: 'No account matches the lead: it has neither an email nor a company name.',
    });
  });

  it('applies minConfidence to a website', () => {
    const strict = createRouter({ steps: [accountStep<SiteLead>(accountList, { websiteField: 'site', minConfidence: 0.9 })], fallback: 'nurture' });
    expect(strict.decide({ site: 'globaltechinc.com' }).trace.account).toStrictEqual({
      matched: false,
      code: 'low_confidence',
      message: 'Global Tech Inc matched by website at confidence 0.85, below the minimum 0.9',
    });
  });

  it('combines website and company fields', () => {
    const both = createRouter({ steps: [accountStep<SiteLead>(accountList, { websiteField: 'site', companyField: 'company' })], fallback: 'nurture' });
    expect(both.decide({ company: 'Fintech Innovators', site: 'globaltechinc.com' }).trace.account).toMatchObject({ accountId: 'acc-1', via: 'website' });
    expect(both.decide({ company: 'Fintech Innovators', site: 'Select' }).trace.account).toMatchObject({ accountId: 'acc-2', via: 'name' });
  });

  it('rejects an invalid websiteField path', () => {
    expect(() => accountStep(accountList, { websiteField: 'org..site' })).toThrow(
      configError('accountStep', 'websiteField', 'field path "org..site" has an empty segment'),
    );
  });
});

describe('abmStep', () => {
  it('rejects null as the ICP', () => {
    expect(() => abmStep({ icp: null as never })).toThrow(configError('abmStep', 'icp', 'expected an ICP built by icp(), received null'));
  });

  it('passes a lead without an account step', () => {
    const decision = createRouter({ steps: [abmStep<Lead>()], fallback: 'nurture' }).decide({ email: 'cto@globaltechinc.com' });
    expect(decision.reason).toBe('fallback');
    expect(decision.steps).toEqual([{ step: 'abm', status: 'passed' }]);
  });

  it('passes an account without a trace', () => {
    const partial = defineStep<Lead>({ id: 'partial', routes: [], run: () => ({ account: { record: undefined } as never }) });
    const decision = createRouter({ steps: [partial, abmStep<Lead>()], fallback: 'nurture' }).decide({});
    expect(decision.reason).toBe('fallback');
    expect(decision.steps).toEqual([
      { step: 'partial', status: 'passed' },
      { step: 'abm', status: 'passed' },
    ]);
  });

  it('names the matched domain', () => {
    const router = createRouter({ steps: [accountStep<Lead>(accountList), abmStep<Lead>()], fallback: 'nurture' });
    expect(router.decide({ email: 'cto@globaltechinc.com' })).toMatchObject({
      route: 'abm',
      reason: 'target_account',
      summary: 'target account Global Tech Inc (globaltechinc.com)',
    });
  });

  it('names the matched name key', () => {
    const router = createRouter({ steps: [accountStep<Lead>(accountList, { companyField: 'company' }), abmStep<Lead>()], fallback: 'nurture' });
    expect(router.decide({ email: 'jane@gmail.com', company: 'Global Tech, Inc.' } as Lead)).toMatchObject({
      route: 'abm',
      reason: 'target_account',
      summary: 'target account Global Tech Inc (name globaltech)',
    });
  });

  it('reports the ICP outcome', () => {
    const profile = icp<(typeof accountList)[number]>(equals('owner', 'rep-1'));
    const router = createRouter({ steps: [accountStep<Lead>(accountList), abmStep<Lead>({ icp: profile })], fallback: 'nurture' });
    const fits = router.decide({ email: 'cto@globaltechinc.com' });
    expect(fits).toMatchObject({ route: 'abm', reason: 'icp_match', summary: 'target account Global Tech Inc (globaltechinc.com) fits the ICP' });
    const misses = router.decide({ email: 'cfo@fintechinnovators.com' });
    expect(misses.route).toBe('nurture');
    expect(misses.trace.icp).toBe('no_match');
    expect(misses.steps[1]).toEqual({ step: 'abm', status: 'passed', note: 'Fintech Innovators: ICP no_match' });
  });
});

describe('scoring steps', () => {
  it('rejects a missing scorecard', () => {
    expect(() => scoreStep(null as never)).toThrow(configError('scoreStep', 'scorecard', 'expected a scorecard built by scorecard(), received null'));
  });

  it('rejects an invalid threshold', () => {
    expect(() => scoreStep(card, { threshold: Number.NaN })).toThrow(configError('scoreStep', 'threshold', 'expected a finite number, received NaN'));
    expect(() => mqlStep(card, { threshold: '80' as never })).toThrow(configError('mqlStep', 'threshold', 'expected a finite number, received "80"'));
  });

  it('needs a threshold without an mql tier', () => {
    const problem = 'the scorecard has no "mql" tier with a min; pass threshold';
    expect(() => scoreStep(tieredCard)).toThrow(configError('scoreStep', 'threshold', problem));
    expect(() => mqlStep(tieredCard)).toThrow(configError('mqlStep', 'threshold', problem));
  });

  it('names createRouter for its own threshold', () => {
    expect(() => createRouter({ accounts, scorecard: card, mqlThreshold: 'high' as never })).toThrow(
      configError('createRouter', 'mqlThreshold', 'expected a finite number, received "high"'),
    );
    expect(() => createRouter({ accounts, scorecard: tieredCard })).toThrow(
      configError('createRouter', 'mqlThreshold', 'the scorecard has no "mql" tier with a min; pass mqlThreshold'),
    );
  });

  it('records the score in the trace', () => {
    const decision = createRouter({ steps: [scoreStep<Lead>(card), nurtureStep<Lead>()], fallback: 'nurture' }).decide({ title: 'CTO' });
    expect(decision.trace).toMatchObject({
      score: 20,
      threshold: 75,
      tier: 'nurture',
      matchedRules: ['title'],
      missingFields: ['companySize', 'downloadedAssets', 'visitedPricingPage'],
    });
    expect(decision).toMatchObject({ route: 'nurture', reason: 'score_below_threshold', summary: 'score 20 is below the MQL threshold 75' });
  });

  it('records data issues in the trace', () => {
    const router = createRouter({ steps: [scoreStep<Lead>(card), nurtureStep<Lead>()], fallback: 'nurture' });

    expect(router.decide(null as never).trace.issues).toEqual([{ code: 'invalid_lead', path: '', expected: 'object', received: 'null' }]);
    expect(router.decide({ title: 'CTO', companySize: 'big' } as never).trace.issues).toEqual([
      { code: 'type_mismatch', path: 'companySize', ruleId: 'size', expected: 'number', received: '"big"' },
    ]);
  });

  it('explains an MQL claim', () => {
    const decision = createRouter({ steps: [mqlStep<Lead>(card)], fallback: 'nurture' }).decide(engaged);
    expect(decision).toMatchObject({ route: 'sales', reason: 'score_at_or_above_threshold', summary: 'score 90 is at or above the MQL threshold 75' });
  });

  it('mqlStep without a score passes', () => {
    const decision = createRouter({ steps: [mqlStep<Lead>(undefined)], fallback: 'nurture' }).decide(engaged);
    expect(decision.reason).toBe('fallback');
    expect(decision.steps).toEqual([{ step: 'mql', status: 'passed', note: 'no score: add a scoreStep before this step' }]);
  });

  it('nurtureStep claims an unscored lead', () => {
    const decision = createRouter({ steps: [nurtureStep<Lead>()], fallback: 'nurture' }).decide({});
    expect(decision).toMatchObject({ route: 'nurture', reason: 'not_claimed_earlier', summary: 'no earlier step claimed the lead', step: 'nurture' });
  });
});

describe('disqualifyStep options', () => {
  it.each([
    ['null', null, 'null'],
    ['a string', 'rival.com', '"rival.com"'],
  ])('rejects %s as options', (_, options, received) => {
    expect(() => disqualifyStep(options as never)).toThrow(configError('disqualifyStep', '', `expected an options object, received ${received}`));
  });

  it('rejects domain lists', () => {
    expect(() => disqualifyStep({ competitorDomains: 'rival.com' as never })).toThrow(
      configError('disqualifyStep', 'competitorDomains', 'expected an array of domains, received "rival.com"'),
    );
    expect(() => disqualifyStep({ disposableDomains: 'mailinator.com' as never })).toThrow(
      configError('disqualifyStep', 'disposableDomains', 'expected an array of domains, received "mailinator.com"'),
    );
    expect(() => disqualifyStep({ competitorDomains: ['rival.com', 'not a domain'] })).toThrow(
      configError('disqualifyStep', 'competitorDomains[1]', 'expected a domain such as "rival.com", received "not a domain"'),
    );
  });

  it.each([
    ['a string', 'student', '"student"'],
    ['an empty word', ['student', ''], 'an array'],
    ['a number', [5], 'an array'],
  ])('rejects titleWords as %s', (_, titleWords, received) => {
    expect(() => disqualifyStep({ titleWords: titleWords as never })).toThrow(
      configError('disqualifyStep', 'titleWords', `expected an array of words, received ${received}`),
    );
  });

  it('rejects an invalid predicate and paths', () => {
    expect(() => disqualifyStep({ when: 42 as never })).toThrow(configError('disqualifyStep', 'when', 'expected a predicate object, received 42'));
    expect(() => disqualifyStep({ emailField: '' })).toThrow(configError('disqualifyStep', 'emailField', 'expected a non-empty field path, received ""'));
    expect(() => disqualifyStep({ titleField: '' })).toThrow(configError('disqualifyStep', 'titleField', 'expected a non-empty field path, received ""'));
  });
});

describe('disqualifyStep decisions', () => {
  const gate = disqualifyStep<Lead>({
    competitorDomains: ['rival.com'],
    disposableDomains: ['mailinator.com'],
    titleWords: ['student', 'intern'],
    when: equals('region', 'Embargoed'),
  });
  const router = createRouter({ steps: [gate], fallback: 'nurture' });

  it('explains each disqualification', () => {
    expect(router.decide({ email: 'spy@eu.rival.com' })).toMatchObject({
      reason: 'competitor',
      summary: 'disqualified: eu.rival.com belongs to the competitor rival.com',
    });
    expect(router.decide({ email: 'x@mailinator.com' })).toMatchObject({ reason: 'disposable_email', summary: 'disqualified: mailinator.com is a disposable mailbox' });
    expect(router.decide({ email: 'x@other.io', title: 'Summer Intern' })).toMatchObject({ reason: 'title', summary: 'disqualified: the title contains "intern"' });
    expect(router.decide({ email: 'x@other.io', region: 'Embargoed' })).toMatchObject({
      reason: 'predicate',
      summary: 'disqualified: the lead matches the disqualify predicate',
    });
  });

  it('ignores suffixes that are not subdomains', () => {
    expect(router.decide({ email: 'x@notrival.com' }).reason).toBe('fallback');
    expect(router.decide({ email: 'x@fakemailinator.com' }).reason).toBe('fallback');
  });

  it('checks the title without an email', () => {
    const decision = router.decide({ title: 'Student' });
    expect(decision).toMatchObject({ route: 'disqualified', reason: 'title', summary: 'disqualified: the title contains "student"' });
    expect(decision.steps).toEqual([{ step: 'disqualify', status: 'claimed' }]);
  });
});

describe('dryRun tallies', () => {
  it('counts failed leads', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const flaky: Router<Lead> = {
      ...router,
      route: async (lead) => {
        if (lead.id === 'bad') throw new Error('store down');
        return router.route(lead);
      },
    };
    const report = await dryRun(flaky, [engaged, { id: 'bad' }, {}]);
    expect(report).toEqual({
      leads: 3,
      failed: 1,
      routes: { sales: 1, nurture: 1 },
      reasons: { score_at_or_above_threshold: 1, score_below_threshold: 1 },
      assignees: {},
      capsHit: {},
    });
  });

  it('counts week caps and unassigned leads', async () => {
    const assign = assignment<Lead>({
      reps: [
        { id: 'a', caps: { week: 1 } },
        { id: 'b', outOfOffice: [{ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }] },
      ],
      clock: () => monday,
    });
    const router = createRouter({ accounts, scorecard: card, assign: { sales: assign } });
    const report = await dryRun(router, [engaged, engaged]);
    expect(report.assignees).toEqual({ a: 1, '(none)': 1 });
    expect(report.capsHit).toEqual({ a: 1 });
  });
});

describe('compareRouters moves', () => {
  interface Pair {
    readonly before: 'a' | 'b' | 'c' | 'd';
    readonly after: 'a' | 'b' | 'c' | 'd';
  }
  const routeBy = (field: keyof Pair) =>
    createRouter({
      steps: [
        defineStep<Pair, 'a' | 'b' | 'c' | 'd'>({
          id: 'pick',
          routes: ['a', 'b', 'c', 'd'],
          run: ({ lead }) => ({ route: lead[field], reason: 'picked', summary: `picked ${lead[field]}` }),
        }),
      ],
      fallback: 'none',
    });
  const pair = (before: Pair['before'], after: Pair['after']): Pair => ({ before, after });

  it('rejects a missing router', async () => {
    const router = createRouter({ accounts, scorecard: card });
    await expect(compareRouters(null as never, router, [])).rejects.toThrow(
      configError('compareRouters', 'before', 'expected a router built by createRouter(), received null'),
    );
    await expect(compareRouters(router, undefined as never, [])).rejects.toThrow(
      configError('compareRouters', 'after', 'expected a router built by createRouter(), received undefined'),
    );
  });

  it('sorts moves by size then names', async () => {
    const leads = [pair('c', 'a'), pair('b', 'd'), pair('b', 'a'), pair('d', 'd'), pair('a', 'c'), pair('a', 'c'), pair('a', 'c')];
    const diff = await compareRouters(routeBy('before'), routeBy('after'), leads, { examples: 2 });
    expect(diff).toEqual({
      leads: 7,
      changed: 6,
      moves: [
        { from: 'a', to: 'c', leads: 3 },
        { from: 'b', to: 'a', leads: 1 },
        { from: 'b', to: 'd', leads: 1 },
        { from: 'c', to: 'a', leads: 1 },
      ],
      summary: ['3 leads move from a to c', '1 lead moves from b to a', '1 lead moves from b to d', '1 lead moves from c to a'],
      examples: { 'c->a': [0], 'b->d': [1], 'b->a': [2], 'a->c': [4, 5] },
    });
  });
});

describe('idempotent options', () => {
  const router = createRouter({ accounts, scorecard: card });

  it('rejects a missing router', () => {
    expect(() => idempotent(null as never, { store: memoryStore() })).toThrow(
      configError('idempotent', 'router', 'expected a router built by createRouter(), received null'),
    );
    expect(() => idempotent({} as never, { store: memoryStore() })).toThrow(
      configError('idempotent', 'router', 'expected a router built by createRouter(), received an object'),
    );
  });

  it('rejects options without a store', () => {
    const problem = 'expected a store with get, set and compareAndSet, received undefined';
    expect(() => idempotent(router, undefined as never)).toThrow(configError('idempotent', 'store', problem));
    expect(() => idempotent(router, {} as never)).toThrow(configError('idempotent', 'store', problem));
  });

  const { get, set, compareAndSet } = memoryStore();
  it.each([
    ['get', { set, compareAndSet }],
    ['set', { get, compareAndSet }],
    ['compareAndSet', { get, set }],
  ])('rejects a store without %s', (_, incomplete: Partial<RouterStore>) => {
    expect(() => idempotent(router, { store: incomplete as RouterStore })).toThrow(
      configError('idempotent', 'store', 'expected a store with get, set and compareAndSet, received an object'),
    );
  });

  it('rejects an invalid key', () => {
    expect(() => idempotent(router, { store: memoryStore(), key: 42 as never })).toThrow(
      configError('idempotent', 'key', 'expected a field path or a function, received 42'),
    );
    expect(() => idempotent(router, { store: memoryStore(), key: '' })).toThrow(configError('idempotent', 'key', 'expected a non-empty field path, received ""'));
  });
});

describe('idempotent keys', () => {
  const plain = createRouter({ accounts, scorecard: card });

  it('reads the key from a function', async () => {
    const store = memoryStore();
    const router = idempotent(plain, { store, key: (lead: Lead) => `form-${String(lead.id)}` });
    const decision = await router.route({ ...engaged, id: 7 });
    expect(decision.idempotency).toEqual({ key: 'form-7', status: 'first' });
    expect(Object.keys(store.snapshot())).toEqual(['netspear:decision:form-7']);
  });

  it('prefixes store keys', async () => {
    const store = memoryStore();
    await idempotent(plain, { store, key: 'id', prefix: 'crm:' }).route({ ...engaged, id: 'k' });
    expect(Object.keys(store.snapshot())).toEqual(['crm:k']);
  });

  it('accepts a finite number as key', async () => {
    const store = memoryStore();
    const router = idempotent(plain, { store, key: 'id' });
    expect((await router.route({ ...engaged, id: 42 })).idempotency).toEqual({ key: '42', status: 'first' });
    expect((await router.route({ ...engaged, id: Number.NaN })).idempotency).toEqual({ key: null, status: 'no_key' });
    expect(Object.keys(store.snapshot())).toEqual(['netspear:decision:42']);
  });

  it('ignores an empty key', async () => {
    const store = memoryStore();
    const decision = await idempotent(plain, { store, key: 'id' }).route(engaged, { idempotencyKey: '' });
    expect(decision.idempotency).toEqual({ key: null, status: 'no_key' });
    expect(store.snapshot()).toEqual({});
  });

  it('writes no key in a dry run', async () => {
    const store = memoryStore();
    const decision = await idempotent(plain, { store, key: 'id' }).route({ ...engaged, id: 'k' }, { dryRun: true });
    expect(decision.idempotency).toBeNull();
    expect(decision.dryRun).toBe(true);
    expect(store.snapshot()).toEqual({});
  });

  it('marks a failed decision write', async () => {
    const base = memoryStore();
    const store: RouterStore = {
      get: base.get,
      compareAndSet: base.compareAndSet,
      set: () => {
        throw new Error('connection reset');
      },
    };
    const decision = await idempotent(plain, { store, key: 'id' }).route({ ...engaged, id: 'k' });
    expect(decision.route).toBe('sales');
    expect(decision.idempotency).toEqual({ key: 'k', status: 'store_failed' });
  });
});

describe('memoryStore', () => {
  it('names its kind', () => {
    expect(memoryStore().kind).toBe('memory_store');
  });
});
