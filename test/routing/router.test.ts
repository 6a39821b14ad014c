import { afterEach, describe, expect, it, vi } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { accountIndex, ConfigError, createRouter, scorecard, type Decision } from 'netspear';
import { accounts, anyBehaviour, anyLead, card, engaged, fixedClock, hookOf, instantTimers, type Lead } from './fixtures.js';

describe('createRouter default graph', () => {
  it('sends target-account leads to abm', async () => {
    const abm = vi.fn();
    const router = createRouter({ accounts, scorecard: card, hooks: { abm } });
    const decision = await router.route({ email: 'someone@globaltechinc.com' });
    expect(decision.route).toBe('abm');
    expect(abm).toHaveBeenCalledTimes(1);
    expect(decision.trace.account).toMatchObject({ matched: true, accountId: 'acc-1', accountName: 'Global Tech Inc' });
    expect(decision.trace.reason).toBe('target_account');
    expect(decision.step).toBe('abm');
  });

  it('matches subdomains of target accounts', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const decision = await router.route({ email: 'ops@eu.globaltechinc.com' });
    expect(decision.route).toBe('abm');
    expect(decision.trace.account).toMatchObject({ matched: true, via: 'subdomain' });
  });

  it('never matches free-mail leads', async () => {
    const abm = vi.fn();
    const router = createRouter({ accounts, scorecard: card, hooks: { abm } });
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
    expect(decision.trace.ledger).toEqual([
      { ruleId: 'title', outcome: 'match', points: 20 },
      { ruleId: 'size', outcome: 'match', points: 15 },
      { ruleId: 'api-docs', outcome: 'match', points: 30 },
      { ruleId: 'pricing', outcome: 'match', points: 25 },
    ]);
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

  it('lists each step outcome', () => {
    const router = createRouter({ accounts, scorecard: card });
    expect(router.decide({ email: 'x@other.io' }).steps).toEqual([
      { step: 'match', status: 'passed', note: 'no account (no_account)' },
      { step: 'score', status: 'passed' },
      { step: 'abm', status: 'passed' },
      { step: 'mql', status: 'passed', note: 'score 0 is below 75' },
      { step: 'nurture', status: 'claimed' },
    ]);
  });

  it('scores abm leads too', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const decision = await router.route({ ...engaged, email: 'dev@globaltechinc.com' });
    expect(decision.route).toBe('abm');
    expect(decision.trace.score).toBe(90);
    expect(decision.trace.tier).toBe('mql');
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

  it('applies an ICP to matched accounts', () => {
    const router = createRouter({
      accounts,
      scorecard: card,
      icp: { kind: 'icp', predicate: { op: 'exists', field: 'owner' } as never, evaluate: (account: { id: string }) => (account.id === 'acc-1' ? 'match' : 'no_match') },
    });
    expect(router.decide({ email: 'a@globaltechinc.com' })).toMatchObject({ route: 'abm', reason: 'icp_match' });
    const other = router.decide({ email: 'a@fintechinnovators.com' });
    expect(other.route).toBe('nurture');
    expect(other.trace.icp).toBe('no_match');
  });

  it('copies the version into decisions', async () => {
    const router = createRouter({ accounts, scorecard: card, version: '2026-12-a' });
    expect((await router.route(engaged)).configVersion).toBe('2026-12-a');
    expect(createRouter({ accounts, scorecard: card }).decide(engaged).configVersion).toBeNull();
  });

  it('rejects invalid options', () => {
    expect(() => createRouter({ accounts, scorecard: {} as never })).toThrow(/createRouter: scorecard/);
    expect(() => createRouter({ accounts, scorecard: card, mqlThreshold: Number.NaN })).toThrow(/mqlThreshold/);
    expect(() => createRouter({ accounts, scorecard: card, hooks: { abm: 'x' as never } })).toThrow(/hooks\.abm/);
    expect(() => createRouter({ accounts, scorecard: card, hooks: { salse: () => 1 } as never })).toThrow(/hooks\.salse: no such hook or route/);
    expect(() => createRouter({ accounts, scorecard: card, emailField: '__proto__' })).toThrow(/reserved key/);
    expect(() => createRouter({ accounts: [] as never, scorecard: card })).toThrow(/accountIndex\(accounts\)/);
    expect(() => createRouter({ accounts: { kind: 'account_index' } as never, scorecard: card })).toThrow(/accountIndex\(accounts\)/);
    expect(() => createRouter({ accounts, scorecard: card, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createRouter({ accounts, scorecard: card, retry: { attempts: 0 } })).toThrow(/retry\.attempts/);
    expect(() => createRouter({ accounts, scorecard: card, hooks: { abm: { run: () => 1, timeoutMs: Infinity } } })).toThrow(/hooks\.abm\.timeoutMs/);
    expect(() => createRouter({ accounts, scorecard: card, assign: { abm: 5 as never } })).toThrow(/assign\.abm/);
  });

  it.each(['onError', 'deadLetter', 'beforeRoute', 'sales'])('rejects top-level hook %s', (name) => {
    const options = { accounts, scorecard: card, [name]: () => undefined };
    const build = () => createRouter(options);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(`createRouter: ${name}: unknown option ${name}; hooks go in hooks: { ${name} }`);
  });

  it('rejects an unknown option key', () => {
    const options = { accounts, scorecard: card, timeout: 500 };
    expect(() => createRouter(options)).toThrow(
      'createRouter: timeout: unknown option timeout; expected one of hooks, assign, timeoutMs, retry, version, clock, timers, accounts, scorecard, mqlThreshold, emailField, icp',
    );
  });

  it('rejects fallback without steps', () => {
    const options = { accounts, scorecard: card, fallback: 'sales' };
    expect(() => createRouter(options)).toThrow(/^createRouter: fallback: unknown option fallback; expected one of /);
  });

  it('skips undefined option values', () => {
    const options = { accounts, scorecard: card, onError: undefined };
    expect(createRouter(options).kind).toBe('router');
  });

  it('requires a threshold without an mql tier', () => {
    const tiered = scorecard({ rules: [], tiers: [{ name: 'hot', min: 50 }, { name: 'cold' }] });
    expect(() => createRouter({ accounts, scorecard: tiered })).toThrow(/pass mqlThreshold/);
    expect(createRouter({ accounts, scorecard: tiered, mqlThreshold: 50 }).kind).toBe('router');
  });

  it('lists its routes with the fallback last', () => {
    const router = createRouter({ accounts, scorecard: card });
    expect(router.routes).toEqual(['abm', 'sales', 'nurture']);
    expect(router.fallback).toBe('nurture');
  });
});

describe('createRouter hooks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs hooks in the documented order', async () => {
    const calls: string[] = [];
    const log = (name: string) => () => {
      calls.push(name);
    };
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        afterRoute: log('afterRoute'),
        sales: log('sales'),
        afterScore: log('afterScore'),
        afterMatch: log('afterMatch'),
        beforeRoute: log('beforeRoute'),
        abm: log('abm'),
      },
    });
    await router.route(engaged);
    expect(calls).toEqual(['beforeRoute', 'afterMatch', 'afterScore', 'sales', 'afterRoute']);
  });

  it('records a throwing hook and keeps the lead', async () => {
    const onError = vi.fn();
    const router = createRouter({
      accounts,
      scorecard: card,
      clock: fixedClock,
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
      { hook: 'abm', status: 'error', attempts: 1, ms: 0, error: { name: 'Error', message: 'CRM is down' } },
      { hook: 'afterRoute', status: 'ok', attempts: 1, ms: 0 },
    ]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toBe('abm');
  });

  it('records a rejecting async hook', async () => {
    const router = createRouter({ accounts, scorecard: card, hooks: { nurture: async () => Promise.reject('timeout') } });
    const decision = await router.route({ email: 'x@nowhere.org' });
    expect(decision.route).toBe('nurture');
    expect(decision.hooks[0]).toMatchObject({ hook: 'nurture', status: 'error', error: { name: 'NonError', message: 'timeout' } });
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

  it('cuts off a hanging hook at its timeout', async () => {
    vi.useFakeTimers();
    let aborted: unknown;
    const afterRoute = vi.fn();
    const router = createRouter({
      accounts,
      scorecard: card,
      timeoutMs: 1_000,
      hooks: {
        sales: (_decision, _lead, { signal }) =>
          new Promise(() => {
            (signal as AbortSignal).addEventListener('abort', () => {
              aborted = (signal as AbortSignal).reason;
            });
          }),
        afterRoute,
      },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(999);
    expect(afterRoute).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const decision = await pending;
    expect(decision.route).toBe('sales');
    expect(decision.hooks[0]).toMatchObject({ hook: 'sales', status: 'timeout', error: { name: 'TimeoutError', message: 'hook sales timed out after 1000 ms' } });
    expect(aborted).toBeInstanceOf(Error);
    expect(afterRoute).toHaveBeenCalledTimes(1);
  });

  it('uses a hook’s own timeout', async () => {
    vi.useFakeTimers();
    const router = createRouter({
      accounts,
      scorecard: card,
      timeoutMs: 60_000,
      hooks: { sales: { run: () => new Promise(() => undefined), timeoutMs: 50 } },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(50);
    expect((await pending).hooks[0]?.status).toBe('timeout');
  });

  it('retries with exponential backoff', async () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        sales: {
          run: (_decision, _lead, { attempt }) => {
            attempts.push(attempt);
            if (attempt < 3) throw new Error(`failure ${attempt}`);
          },
          retry: { attempts: 4, backoffMs: 100, factor: 3 },
        },
      },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(99);
    expect(attempts).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(299);
    expect(attempts).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    const decision = await pending;
    expect(attempts).toEqual([1, 2, 3]);
    expect(decision.hooks[0]).toMatchObject({ hook: 'sales', status: 'ok', attempts: 3 });
  });

  it('dead-letters a hook after its last retry', async () => {
    const deadLetter = vi.fn();
    const onError = vi.fn();
    const sales = vi.fn(() => {
      throw new Error('CRM rejected the task');
    });
    const router = createRouter({
      accounts,
      scorecard: card,
      timers: instantTimers(),
      retry: { attempts: 2, backoffMs: 5 },
      hooks: { sales, onError, deadLetter },
    });
    const decision = await router.route(engaged);
    expect(sales).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(deadLetter).toHaveBeenCalledTimes(1);
    const entry = deadLetter.mock.calls[0]?.[0];
    expect(entry).toMatchObject({ hook: 'sales', attempts: 2, error: { message: 'CRM rejected the task' }, lead: engaged });
    expect(entry.decision.route).toBe('sales');
    expect(decision.hooks).toEqual([expect.objectContaining({ hook: 'sales', status: 'error', attempts: 2 })]);
  });

  it('replays a dead-lettered hook', async () => {
    let fail = true;
    const entries: unknown[] = [];
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        sales: () => {
          if (fail) throw new Error('down');
        },
        deadLetter: (entry) => {
          entries.push(JSON.parse(JSON.stringify(entry)));
        },
      },
    });
    await router.route(engaged);
    fail = false;
    const outcome = await router.replay(entries[0] as never);
    expect(outcome).toMatchObject({ hook: 'sales', status: 'ok' });
  });

  it('records a failing dead-letter hook', async () => {
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        nurture: () => Promise.reject(new Error('a')),
        deadLetter: () => Promise.reject(new Error('queue is full')),
      },
    });
    const decision = await router.route({});
    expect(decision.hooks.map((h) => `${h.hook}:${h.status}`)).toEqual(['nurture:error', 'deadLetter:error']);
  });

  it('skips afterMatch without an account step', async () => {
    const afterMatch = vi.fn();
    const afterScore = vi.fn();
    const router = createRouter({ steps: [], fallback: 'queue', hooks: { afterMatch, afterScore } });
    const decision = await router.route({});
    expect(decision.route).toBe('queue');
    expect(afterMatch).not.toHaveBeenCalled();
    expect(afterScore).not.toHaveBeenCalled();
  });

  it('runs no hooks in a dry run', async () => {
    const sales = vi.fn();
    const router = createRouter({ accounts, scorecard: card, hooks: { sales, beforeRoute: sales } });
    const decision = await router.route(engaged, { dryRun: true });
    expect(decision.dryRun).toBe(true);
    expect(decision.hooks).toEqual([]);
    expect(sales).not.toHaveBeenCalled();
  });
});

describe('createRouter properties', () => {
  test.prop([anyLead, anyBehaviour, anyBehaviour, anyBehaviour, anyBehaviour, anyBehaviour, anyBehaviour])(
    'every lead gets exactly one route',
    async (lead, before, abm, sales, nurture, after, onError) => {
      const router = createRouter({
        accounts,
        scorecard: card,
        timers: instantTimers(),
        hooks: {
          beforeRoute: hookOf(before),
          abm: hookOf(abm),
          sales: hookOf(sales),
          nurture: hookOf(nurture),
          afterRoute: hookOf(after),
          onError: hookOf(onError),
          deadLetter: hookOf(onError),
        },
      });
      const decision = await router.route(lead);
      expect(['abm', 'sales', 'nurture']).toContain(decision.route);
      expect(decision.route).toBe(router.decide(lead).route);
      expect(decision.hooks.filter((h) => h.hook === decision.route)).toHaveLength(1);
      expect(decision.hooks.filter((h) => h.hook === 'afterRoute')).toHaveLength(1);
    },
  );

  test.prop([anyLead, anyBehaviour])('decision survives a JSON round trip', async (lead, behaviour) => {
    const router = createRouter({
      accounts,
      scorecard: card,
      timers: instantTimers(),
      hooks: { abm: hookOf(behaviour), sales: hookOf(behaviour), nurture: hookOf(behaviour) },
    });
    const decision: Decision = await router.route(lead);
    expect(JSON.parse(JSON.stringify(decision))).toStrictEqual(decision);
  });

  test.prop([anyLead])('same lead gives the same decision', async (lead) => {
    const build = () => createRouter({ accounts: accountIndex([{ id: 'a', name: 'A', domains: ['globaltechinc.com'] }]), scorecard: card, clock: fixedClock });
    expect(await build().route(lead)).toStrictEqual(await build().route(lead));
  });
});
