import { describe, expect, it, vi } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { atLeast, containsAnyWord, createRouter, includesAny, isTrue, scorecard, type Decision } from '../../src/index.js';

interface Lead {
  email?: unknown;
  title?: unknown;
  companySize?: unknown;
  downloadedAssets?: unknown;
  visitedPricingPage?: unknown;
}

const card = scorecard<Lead>({
  rules: [
    { id: 'title', when: containsAnyWord('title', ['Engineer', 'Developer', 'CTO']), points: 20 },
    { id: 'size', when: atLeast('companySize', 51), points: 15 },
    { id: 'api-docs', when: includesAny('downloadedAssets', ['api_documentation.pdf']), points: 30 },
    { id: 'pricing', when: isTrue('visitedPricingPage'), points: 25 },
  ],
  mqlThreshold: 75,
});

const accounts = [
  { id: 'acc-1', name: 'Global Tech Inc', domains: ['globaltechinc.com'] },
  { id: 'acc-2', name: 'Fintech Innovators', domains: ['fintechinnovators.com'] },
];

const engaged: Lead = {
  email: 'dev@example.com',
  title: 'Senior Engineer',
  companySize: 250,
  downloadedAssets: ['api_documentation.pdf'],
  visitedPricingPage: true,
};

describe('createRouter', () => {
  it('sends target-account leads to abm', async () => {
    const abm = vi.fn();
    const router = createRouter({ accounts, scorecard: card, hooks: { abm } });
    const decision = await router.route({ email: 'someone@globaltechinc.com' });
    expect(decision.route).toBe('abm');
    expect(abm).toHaveBeenCalledTimes(1);
    expect(decision.trace.account).toMatchObject({ matched: true, accountId: 'acc-1', accountName: 'Global Tech Inc' });
    expect(decision.trace.reason).toBe('target_account');
  });

  it('matches subdomains of target accounts', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const decision = await router.route({ email: 'ops@eu.globaltechinc.com' });
    expect(decision.route).toBe('abm');
    expect(decision.trace.account).toMatchObject({ matched: true, via: 'subdomain' });
  });

  it('never matches free-mail leads', async () => {
    const abm = vi.fn();
    const router = createRouter({ accounts: [...accounts, { id: 'acc-3', name: 'Gee', domains: ['gee.com'] }], scorecard: card, hooks: { abm } });
    const decision = await router.route({ email: 'someone@gmail.com' });
    expect(decision.route).not.toBe('abm');
    expect(abm).not.toHaveBeenCalled();
    expect(decision.trace.account).toMatchObject({ matched: false, code: 'free_mail' });
  });

  it('sends MQLs to sales', async () => {
    const sales = vi.fn();
    const router = createRouter({ accounts, scorecard: card, hooks: { sales } });
    const decision = await router.route(engaged);
    expect(decision.route).toBe('sales');
    expect(decision.trace.score).toBe(90);
    expect(decision.trace.threshold).toBe(75);
    expect(decision.trace.reason).toBe('score_at_or_above_threshold');
    expect(sales).toHaveBeenCalledTimes(1);
  });

  it('treats the threshold as inclusive', () => {
    const router = createRouter({ accounts, scorecard: card, mqlThreshold: 90 });
    expect(router.decide(engaged).route).toBe('sales');
  });

  it('sends everyone else to nurture', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const decision = await router.route({ email: 'student@uni.edu', title: 'Student' });
    expect(decision.route).toBe('nurture');
    expect(decision.trace.reason).toBe('score_below_threshold');
    expect(decision.summary).toContain('below the MQL threshold 75');
  });

  it('records a throwing hook and keeps the lead', async () => {
    const onError = vi.fn();
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        abm: () => {
          throw new Error('CRM is down');
        },
        afterRoute: () => undefined,
        onError,
      },
    });
    const decision = await router.route({ email: 'a@globaltechinc.com' });
    expect(decision.route).toBe('abm');
    expect(decision.hooks).toEqual([
      { hook: 'abm', status: 'error', error: { name: 'Error', message: 'CRM is down' } },
      { hook: 'afterRoute', status: 'ok' },
    ]);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('records a rejecting async hook', async () => {
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: { nurture: async () => Promise.reject('timeout') },
    });
    const decision = await router.route({ email: 'x@nowhere.org' });
    expect(decision.route).toBe('nurture');
    expect(decision.hooks).toEqual([{ hook: 'nurture', status: 'error', error: { name: 'NonError', message: 'timeout' } }]);
  });

  it('records a failing onError hook', async () => {
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        nurture: () => {
          throw new TypeError('bad');
        },
        onError: () => {
          throw new Error('pager failed');
        },
      },
    });
    const decision = await router.route({});
    expect(decision.hooks.map((h) => `${h.hook}:${h.status}`)).toEqual(['nurture:error', 'onError:error']);
  });

  it('keeps a hook from changing the decision', async () => {
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        nurture: (decision) => {
          (decision as { route: string }).route = 'sales';
        },
      },
    });
    const decision = await router.route({ email: 'x@nowhere.org' });
    expect(decision.route).toBe('nurture');
    expect(decision.hooks[0]?.status).toBe('error');
  });

  it('routes invalid leads to nurture', async () => {
    const router = createRouter({ accounts, scorecard: card });
    for (const lead of [null, undefined, 42, 'lead', [], { email: 42 }, JSON.parse('{"__proto__": {"email": "a@globaltechinc.com"}}')]) {
      const decision = await router.route(lead as Lead);
      expect(decision.route).toBe('nurture');
    }
  });

  it('reads a custom email field', () => {
    const router = createRouter({ accounts, scorecard: card, emailField: 'contact.email' });
    expect(router.decide({ contact: { email: 'x@globaltechinc.com' } } as Lead).route).toBe('abm');
  });

  it('rejects invalid options', () => {
    expect(() => createRouter({ accounts, scorecard: {} as never })).toThrow(/createRouter: scorecard/);
    expect(() => createRouter({ accounts, scorecard: card, mqlThreshold: Number.NaN })).toThrow(/mqlThreshold/);
    expect(() => createRouter({ accounts, scorecard: card, hooks: { abm: 'x' as never } })).toThrow(/hooks\.abm/);
    expect(() => createRouter({ accounts, scorecard: card, emailField: '__proto__' })).toThrow(/reserved key/);
  });

  it('requires a threshold without an mql tier', () => {
    const tiered = scorecard({ rules: [], tiers: [{ name: 'hot', min: 50 }, { name: 'cold' }] });
    expect(() => createRouter({ accounts, scorecard: tiered })).toThrow(/pass mqlThreshold/);
    expect(createRouter({ accounts, scorecard: tiered, mqlThreshold: 50 }).kind).toBe('router');
  });
});

const anyLead = fc.record(
  {
    email: fc.oneof(
      fc.constantFrom('a@globaltechinc.com', 'b@sub.fintechinnovators.com', 'c@gmail.com', 'd@other.io', 'Select', ''),
      fc.emailAddress(),
      fc.anything(),
    ),
    title: fc.oneof(fc.constantFrom('CTO', 'Senior Engineer', 'Student', 'Select'), fc.anything()),
    companySize: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(Number.NaN), fc.anything()),
    downloadedAssets: fc.oneof(fc.constant(['api_documentation.pdf']), fc.array(fc.string()), fc.anything()),
    visitedPricingPage: fc.oneof(fc.boolean(), fc.anything()),
  },
  { requiredKeys: [] },
);

const anyHook = fc.constantFrom<'ok' | 'throw' | 'reject' | 'throw-null' | 'garbage'>('ok', 'throw', 'reject', 'throw-null', 'garbage');

function hookOf(kind: 'ok' | 'throw' | 'reject' | 'throw-null' | 'garbage') {
  return () => {
    if (kind === 'throw') throw new Error('hook failed');
    if (kind === 'throw-null') throw null;
    if (kind === 'reject') return Promise.reject(new Error('hook rejected'));
    if (kind === 'garbage') return { then: 42 };
    return undefined;
  };
}

describe('createRouter properties', () => {
  test.prop([anyLead, anyHook, anyHook, anyHook, anyHook])(
    'every lead gets exactly one route',
    async (lead, abm, sales, nurture, after) => {
      const router = createRouter({
        accounts,
        scorecard: card,
        hooks: { abm: hookOf(abm), sales: hookOf(sales), nurture: hookOf(nurture), afterRoute: hookOf(after) },
      });
      const decision = await router.route(lead);
      expect(['abm', 'sales', 'nurture']).toContain(decision.route);
      expect(decision.route).toBe(router.decide(lead).route);
      expect(decision.hooks.filter((h) => h.hook === decision.route)).toHaveLength(1);
    },
  );

  test.prop([anyLead])('decision survives a JSON round trip', async (lead) => {
    const router = createRouter({ accounts, scorecard: card, hooks: { abm: hookOf('throw') } });
    const decision: Decision = await router.route(lead);
    expect(JSON.parse(JSON.stringify(decision))).toStrictEqual(decision);
  });
});
