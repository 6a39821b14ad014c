import { afterEach, describe, expect, it, vi } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { ConfigError, createRouter, defineStep, memoryStore, routeMany, type AssignInput, type BatchProgress, type Router } from 'netspear';
import { accounts, card, engaged, fixedClock, type Lead } from './fixtures.js';

const MAX_TIMEOUT_MS = 2_147_483_647;
const LIFECYCLE = ['beforeRoute', 'afterMatch', 'afterScore', 'afterRoute', 'onError', 'deadLetter'] as const;

/** Runs `build` and returns the ConfigError it throws. Any other outcome fails the test. */
function configErrorOf(build: () => unknown): ConfigError {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

/** Builds a router from options that the types would reject. */
function buildRouter(options: unknown): () => unknown {
  return () => createRouter(options as never);
}

/** Returns the ConfigError that the first `next()` of a batch rejects with. */
async function batchErrorOf(batch: AsyncGenerator<unknown>): Promise<ConfigError> {
  const error: unknown = await batch.next().then(
    () => new Error('expected a ConfigError, but the batch started'),
    (reason: unknown) => reason,
  );
  if (error instanceof ConfigError) return error;
  throw error;
}

/** Waits `ms` milliseconds on the global (possibly fake) timers. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

/** Builds an iterable over `leads` whose iterator records calls to `return`, or has no `return` when `closable` is false. */
function trackedSource(leads: readonly Lead[], closable = true) {
  const close = vi.fn((): IteratorResult<Lead> => ({ done: true, value: undefined }));
  let next = 0;
  const iterator: Iterator<Lead> = {
    next: () => (next < leads.length ? { done: false, value: leads[next++] as Lead } : { done: true, value: undefined }),
    ...(closable ? { return: close } : {}),
  };
  return { source: { [Symbol.iterator]: () => iterator } as Iterable<Lead>, close };
}

describe('createRouter option errors', () => {
  it.each([
    ['null', null, 'createRouter: expected an options object, received null'],
    ['a number', 5, 'createRouter: expected an options object, received 5'],
  ])('rejects %s as options', (_, options, message) => {
    const error = configErrorOf(buildRouter(options));
    expect(error.api).toBe('createRouter');
    expect(error.path).toBe('');
    expect(error.message).toBe(message);
  });

  it.each([
    ['an undefined step', [undefined]],
    ['a plain object step', [{ id: 'x', routes: [], run: () => undefined }]],
    ['a non-array', 'steps'],
  ])('rejects %s in steps', (_, steps) => {
    const error = configErrorOf(buildRouter({ steps, fallback: 'queue' }));
    expect(error.path).toBe('steps');
    expect(error.message).toBe('createRouter: steps: expected an array of steps built by defineStep() or the step factories');
  });

  it.each([
    ['', 'createRouter: fallback: expected a route name, received ""'],
    [42, 'createRouter: fallback: expected a route name, received 42'],
  ])('rejects fallback %j', (fallback, message) => {
    const error = configErrorOf(buildRouter({ steps: [], fallback }));
    expect(error.path).toBe('fallback');
    expect(error.message).toBe(message);
  });

  it.each([
    ['undefined', undefined, 'createRouter: accounts: expected an index built by accountIndex(accounts), received undefined'],
    ['an array', [], 'createRouter: accounts: expected an index built by accountIndex(accounts), received an array'],
  ])('rejects %s as accounts', (_, value, message) => {
    const error = configErrorOf(buildRouter({ accounts: value, scorecard: card }));
    expect(error.path).toBe('accounts');
    expect(error.message).toBe(message);
  });

  it('rejects a missing scorecard', () => {
    const error = configErrorOf(buildRouter({ accounts }));
    expect(error.path).toBe('scorecard');
    expect(error.message).toBe('createRouter: scorecard: expected a scorecard built by scorecard(), received undefined');
  });

  it.each([...LIFECYCLE, '__proto__', 'constructor', 'prototype'])('rejects reserved route name %s', (name) => {
    const claimant = defineStep({ id: 'claimant', routes: [name], run: () => undefined });
    const asRoute = configErrorOf(buildRouter({ steps: [claimant], fallback: 'queue' }));
    expect(asRoute.path).toBe('steps');
    expect(asRoute.message).toBe(`createRouter: steps: the route name ${JSON.stringify(name)} is reserved; rename the route`);
    const asFallback = configErrorOf(buildRouter({ steps: [], fallback: name }));
    expect(asFallback.message).toBe(`createRouter: steps: the route name ${JSON.stringify(name)} is reserved; rename the route`);
  });

  it.each(LIFECYCLE)('accepts lifecycle hook %s', (name) => {
    const router = createRouter({ accounts, scorecard: card, hooks: { [name]: () => undefined } });
    expect(router.routes).toEqual(['abm', 'sales', 'nurture']);
  });

  it.each([
    ['null', null, 'null'],
    ['a string', 'notify', '"notify"'],
    ['settings without run', { run: 5, timeoutMs: 10 }, 'an object'],
  ])('rejects %s as a hook', (_, hook, received) => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, hooks: { abm: hook } }));
    expect(error.path).toBe('hooks.abm');
    expect(error.message).toBe(`createRouter: hooks.abm: expected a function or { run, timeoutMs?, retry? }, received ${received}`);
  });

  it('rejects a hook for an unknown route', () => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, hooks: { salse: () => undefined } }));
    expect(error.path).toBe('hooks.salse');
    expect(error.message).toBe('createRouter: hooks.salse: no such hook or route; routes are abm, sales, nurture');
  });

  it('skips undefined hooks', () => {
    const router = createRouter({ accounts, scorecard: card, hooks: { abm: undefined, onError: undefined } as never });
    expect(router.kind).toBe('router');
  });

  it('names the hook settings path', () => {
    const run = () => undefined;
    const retry = configErrorOf(buildRouter({ accounts, scorecard: card, hooks: { sales: { run, retry: { attempts: 0 } } } }));
    expect(retry.path).toBe('hooks.sales.retry.attempts');
    expect(retry.message).toBe('createRouter: hooks.sales.retry.attempts: expected a whole number of runs from 1 to 10, received 0');
    const backoff = configErrorOf(buildRouter({ accounts, scorecard: card, hooks: { sales: { run, retry: { attempts: 2, factor: -2 } } } }));
    expect(backoff.path).toBe('hooks.sales.retry.factor');
    expect(backoff.message).toBe('createRouter: hooks.sales.retry.factor: expected a finite number from 0, received -2');
    const timeout = configErrorOf(buildRouter({ accounts, scorecard: card, hooks: { sales: { run, timeoutMs: 0 } } }));
    expect(timeout.path).toBe('hooks.sales.timeoutMs');
    expect(timeout.message).toBe(`createRouter: hooks.sales.timeoutMs: expected milliseconds above 0, at most ${MAX_TIMEOUT_MS}, received 0`);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIMEOUT_MS + 1, '500'])('rejects timeoutMs %j', (timeoutMs) => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, timeoutMs }));
    expect(error.path).toBe('timeoutMs');
    const received = typeof timeoutMs === 'string' ? JSON.stringify(timeoutMs) : String(timeoutMs);
    expect(error.message).toBe(`createRouter: timeoutMs: expected milliseconds above 0, at most ${MAX_TIMEOUT_MS}, received ${received}`);
  });

  it.each([1, 0.5, MAX_TIMEOUT_MS])('accepts timeoutMs %d', (timeoutMs) => {
    expect(createRouter({ accounts, scorecard: card, timeoutMs }).kind).toBe('router');
  });

  test.prop([fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, MAX_TIMEOUT_MS, MAX_TIMEOUT_MS + 1))])('timeoutMs range check', (timeoutMs) => {
    const build = () => createRouter({ accounts, scorecard: card, timeoutMs });
    if (timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS) {
      expect(build().kind).toBe('router');
    } else {
      expect(build).toThrow(`createRouter: timeoutMs: expected milliseconds above 0, at most ${MAX_TIMEOUT_MS}, received ${String(timeoutMs)}`);
    }
  });

  it.each([
    ['null', null, 'null'],
    ['a number', 3, '3'],
    ['a string', 'twice', '"twice"'],
    ['an array', [3], 'an array'],
    ['a function with attempts', Object.assign(() => undefined, { attempts: 2 }), 'a function'],
  ])('rejects %s as a retry policy', (_, retry, received) => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, retry }));
    expect(error.path).toBe('retry');
    expect(error.message).toBe(`createRouter: retry: expected a retry policy object, received ${received}`);
  });

  it.each([
    ['zero attempts', { attempts: 0 }, '0'],
    ['fractional attempts', { attempts: 1.5 }, '1.5'],
    ['eleven attempts', { attempts: 11 }, '11'],
    ['missing attempts', { backoffMs: 10 }, 'undefined'],
  ])('rejects %s as retry', (_, retry, received) => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, retry }));
    expect(error.path).toBe('retry.attempts');
    expect(error.message).toBe(`createRouter: retry.attempts: expected a whole number of runs from 1 to 10, received ${received}`);
  });

  it.each([
    ['backoffMs', -1, '-1'],
    ['backoffMs', Number.POSITIVE_INFINITY, 'Infinity'],
    ['backoffMs', Number.NaN, 'NaN'],
    ['backoffMs', '5', '"5"'],
    ['factor', -0.5, '-0.5'],
    ['factor', Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('rejects retry.%s %j', (key, value, received) => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, retry: { attempts: 2, [key]: value } }));
    const range = key === 'backoffMs' ? 'from 0 to 2147483647' : 'from 0';
    expect(error.path).toBe(`retry.${key}`);
    expect(error.message).toBe(`createRouter: retry.${key}: expected a finite number ${range}, received ${received}`);
  });

  it('rejects an unknown retry key', () => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, retry: { attempts: 3, jitter: true } }));
    expect(error.message).toBe('createRouter: retry.jitter: unknown key; expected one of attempts, backoffMs, factor');
  });

  it('rejects a backoff past the timer limit', () => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, retry: { attempts: 2, backoffMs: 3e9 } }));
    expect(error.message).toBe('createRouter: retry.backoffMs: expected a finite number from 0 to 2147483647, received 3000000000');
  });

  it('accepts a zero backoff and factor', () => {
    const router = createRouter({ accounts, scorecard: card, retry: { attempts: 1, backoffMs: 0, factor: 0 } });
    expect(router.kind).toBe('router');
  });

  it.each([
    ['a number for a route', { abm: 5 }, 'assign.abm'],
    ['an unknown route', { queue: () => undefined }, 'assign.queue'],
  ])('rejects %s in assign', (_, assign, path) => {
    const error = configErrorOf(buildRouter({ accounts, scorecard: card, assign }));
    expect(error.path).toBe(path);
    expect(error.message).toBe(`createRouter: ${path}: expected an assigner function for one of the routes abm, sales, nurture`);
  });

  it('lists graph options for an unknown key', () => {
    const error = configErrorOf(buildRouter({ steps: [], fallback: 'queue', timeout: 500 }));
    expect(error.path).toBe('timeout');
    expect(error.message).toBe('createRouter: timeout: unknown option timeout; expected one of hooks, assign, timeoutMs, retry, version, clock, timers, steps, fallback');
  });

  it('points hybrid options to the steps', () => {
    const error = configErrorOf(buildRouter({ steps: [], fallback: 'queue', scorecard: card }));
    expect(error.path).toBe('scorecard');
    expect(error.message).toBe('createRouter: scorecard: unknown option scorecard; with steps, pass it to accountStep, abmStep or mqlStep');
  });
});

describe('createRouter decision trace', () => {
  it('fallback trace without account step', () => {
    const router = createRouter({ steps: [], fallback: 'queue' });
    expect(router.decide({})).toEqual({
      route: 'queue',
      reason: 'fallback',
      summary: 'no step claimed the lead, so the fallback route took it',
      step: null,
      trace: {
        reason: 'fallback',
        account: { matched: false, code: 'not_checked', message: 'no step matched the lead to an account' },
        score: null,
        threshold: null,
        tier: null,
        matchedRules: [],
        missingFields: [],
        ledger: [],
        issues: [],
        icp: null,
        facts: {},
      },
      steps: [],
      assignment: null,
      configVersion: null,
    });
  });

  it('no afterMatch without account step', async () => {
    const afterMatch = vi.fn();
    const router = createRouter({ steps: [], fallback: 'queue', clock: fixedClock, hooks: { afterMatch, afterRoute: () => undefined } });
    const decision = await router.route({});
    expect(afterMatch).not.toHaveBeenCalled();
    expect(decision.hooks).toEqual([{ hook: 'afterRoute', status: 'ok', attempts: 1, ms: 0 }]);
  });

  it('records matched rules and missing fields', () => {
    const router = createRouter({ accounts, scorecard: card });
    const partial = router.decide({ email: 'x@other.io', title: 'Senior Engineer' }).trace;
    expect(partial.matchedRules).toEqual(['title']);
    expect(partial.missingFields).toEqual(['companySize', 'downloadedAssets', 'visitedPricingPage']);
    const full = router.decide(engaged).trace;
    expect(full.matchedRules).toEqual(['title', 'size', 'api-docs', 'pricing']);
    expect(full.missingFields).toEqual([]);
  });

  it.each([
    ['a number', 42, 'returned 42 instead of a claim, findings or undefined'],
    ['null', null, 'returned null instead of a claim, findings or undefined'],
    ['a string', 'queue', 'returned "queue" instead of a claim, findings or undefined'],
    ['a claim with a numeric reason', { route: 'vip', reason: 5, summary: 'vip lead' }, 'returned an invalid claim for route "vip"'],
    ['a claim without a summary', { route: 'vip', reason: 'vip' }, 'returned an invalid claim for route "vip"'],
    ['a claim for an undeclared route', { route: 'sales', reason: 'vip', summary: 'vip lead' }, 'returned an invalid claim for route "sales"'],
  ])('step returning %s falls back', (_, result, message) => {
    const odd = defineStep<Lead, 'vip'>({ id: 'odd', routes: ['vip'], run: () => result as never });
    const router = createRouter({ steps: [odd], fallback: 'queue' });
    const decision = router.decide({});
    expect(decision.route).toBe('queue');
    expect(decision.reason).toBe('step_failed');
    expect(decision.step).toBeNull();
    expect(decision.summary).toBe(`step odd failed (${message}), so the fallback route took the lead`);
    expect(decision.steps).toEqual([{ step: 'odd', status: 'error', error: { name: 'TypeError', message } }]);
  });
});

describe('createRouter hook outcomes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names every lifecycle outcome', async () => {
    const ok = () => undefined;
    const router = createRouter({
      accounts,
      scorecard: card,
      clock: fixedClock,
      hooks: { beforeRoute: ok, afterMatch: ok, afterScore: ok, sales: ok, afterRoute: ok },
    });
    const decision = await router.route(engaged);
    expect(decision.hooks).toEqual([
      { hook: 'beforeRoute', status: 'ok', attempts: 1, ms: 0 },
      { hook: 'afterMatch', status: 'ok', attempts: 1, ms: 0 },
      { hook: 'afterScore', status: 'ok', attempts: 1, ms: 0 },
      { hook: 'sales', status: 'ok', attempts: 1, ms: 0 },
      { hook: 'afterRoute', status: 'ok', attempts: 1, ms: 0 },
    ]);
  });

  const unreadable = new Error('hidden');
  Object.defineProperty(unreadable, 'message', {
    get() {
      throw new Error('message getter failed');
    },
  });

  it.each([
    ['a string', 'CRM is down', { name: 'NonError', message: 'CRM is down' }],
    ['a number', 42, { name: 'NonError', message: 'thrown value: 42' }],
    ['undefined', undefined, { name: 'NonError', message: 'thrown value: undefined' }],
    ['null', null, { name: 'NonError', message: 'thrown value: null' }],
    ['an object', { code: 503 }, { name: 'NonError', message: 'thrown value: an object' }],
    ['an unreadable error', unreadable, { name: 'NonError', message: 'thrown value could not be described' }],
  ])('describes a thrown %s', async (_, thrown, error) => {
    const router = createRouter({
      accounts,
      scorecard: card,
      clock: fixedClock,
      hooks: {
        sales: () => {
          throw thrown;
        },
      },
    });
    const decision = await router.route(engaged);
    expect(decision.hooks).toStrictEqual([{ hook: 'sales', status: 'error', attempts: 1, ms: 0, error }]);
  });

  it('bare function ignores its properties', async () => {
    const other = vi.fn();
    const sales = Object.assign(vi.fn(), { run: other, retry: { attempts: 0 } });
    const router = createRouter({ accounts, scorecard: card, clock: fixedClock, hooks: { sales } });
    const decision = await router.route(engaged);
    expect(sales).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
    expect(decision.hooks).toEqual([{ hook: 'sales', status: 'ok', attempts: 1, ms: 0 }]);
  });

  it('bare function uses router timeout', async () => {
    vi.useFakeTimers();
    const sales = Object.assign(() => new Promise(() => undefined), { timeoutMs: 5 });
    const router = createRouter({ accounts, scorecard: card, timeoutMs: 1_000, hooks: { sales } });
    const pending = router.route(engaged);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const decision = await pending;
    expect(decision.hooks[0]?.error).toEqual({ name: 'TimeoutError', message: 'hook sales timed out after 1000 ms' });
  });

  it('settled hook clears its timeout', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const router = createRouter({
      accounts,
      scorecard: card,
      timeoutMs: 50,
      hooks: {
        sales: (_decision, _lead, context) => {
          signal = context.signal as AbortSignal;
        },
      },
    });
    const decision = await router.route(engaged);
    expect(decision.hooks[0]?.status).toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(signal?.aborted).toBe(false);
  });

  it('default retry backoff is 100 ms', async () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const router = createRouter({
      accounts,
      scorecard: card,
      retry: { attempts: 3 },
      hooks: {
        sales: (_decision, _lead, { attempt }) => {
          attempts.push(attempt);
          throw new Error(`failure ${attempt}`);
        },
      },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(99);
    expect(attempts).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(199);
    expect(attempts).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1, 2, 3]);
    const decision = await pending;
    expect(decision.hooks[0]).toMatchObject({ hook: 'sales', status: 'error', attempts: 3, error: { name: 'Error', message: 'failure 3' } });
  });

  it('retry waits the given backoffMs', async () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        sales: {
          run: (_decision, _lead, { attempt }) => {
            attempts.push(attempt);
            if (attempt === 1) throw new Error('first run fails');
          },
          retry: { attempts: 2, backoffMs: 30 },
        },
      },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(29);
    expect(attempts).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1, 2]);
    expect((await pending).hooks[0]).toMatchObject({ hook: 'sales', status: 'ok', attempts: 2 });
  });

  it('runs once with a single attempt', async () => {
    const sales = vi.fn(() => {
      throw new Error('down');
    });
    const router = createRouter({ accounts, scorecard: card, clock: fixedClock, retry: { attempts: 1 }, hooks: { sales } });
    const decision = await router.route(engaged);
    expect(sales).toHaveBeenCalledTimes(1);
    expect(decision.hooks).toEqual([{ hook: 'sales', status: 'error', attempts: 1, ms: 0, error: { name: 'Error', message: 'down' } }]);
  });

  it('onError and deadLetter time out', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(fixedClock());
    const hang = () => new Promise(() => undefined);
    const router = createRouter({
      accounts,
      scorecard: card,
      timeoutMs: 50,
      retry: { attempts: 2, backoffMs: 10 },
      clock: () => Date.now(),
      hooks: {
        sales: () => {
          throw new Error('CRM is down');
        },
        onError: hang,
        deadLetter: hang,
      },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(110);
    const decision = await pending;
    expect(decision.hooks).toEqual([
      { hook: 'sales', status: 'error', attempts: 2, ms: 10, error: { name: 'Error', message: 'CRM is down' } },
      { hook: 'onError', status: 'timeout', attempts: 1, ms: 50, error: { name: 'TimeoutError', message: 'hook onError timed out after 50 ms' } },
      { hook: 'deadLetter', status: 'timeout', attempts: 1, ms: 50, error: { name: 'TimeoutError', message: 'hook deadLetter timed out after 50 ms' } },
    ]);
  });

  it('measures each phase on the clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(fixedClock());
    const router = createRouter({
      accounts,
      scorecard: card,
      clock: () => Date.now(),
      hooks: { beforeRoute: () => wait(20), sales: () => wait(10) },
      assign: {
        sales: async () => {
          await wait(30);
          return { assignee: 'rep-1', method: 'manual', reason: 'rep-1 covers sales', turn: null, skipped: [] };
        },
      },
    });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(60);
    const decision = await pending;
    expect(decision.timings).toEqual({ startedAt: fixedClock(), decideMs: 0, assignMs: 30, totalMs: 60 });
    expect(decision.hooks).toEqual([
      { hook: 'beforeRoute', status: 'ok', attempts: 1, ms: 20 },
      { hook: 'sales', status: 'ok', attempts: 1, ms: 10 },
    ]);
  });

  it('replay of unknown hook', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const outcome = await router.replay({
      hook: 'abm',
      error: { name: 'Error', message: 'down' },
      attempts: 1,
      decision: router.decide(engaged),
      lead: engaged,
    });
    expect(outcome).toStrictEqual({ hook: 'abm', status: 'error', attempts: 0, ms: 0, error: { name: 'NotFoundError', message: 'no hook named abm' } });
  });
});

describe('createRouter assignment', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const valid = { assignee: 'rep-1', method: 'manual', reason: 'rep-1 covers sales', turn: 3, skipped: [] };

  it('dry run without store skips assigner', async () => {
    const assign = vi.fn(() => valid);
    const router = createRouter({ accounts, scorecard: card, assign: { sales: assign } });
    const decision = await router.route(engaged, { dryRun: true });
    expect(assign).not.toHaveBeenCalled();
    expect(decision.assignment).toBeNull();
  });

  it('dry run passes its store', async () => {
    const store = memoryStore();
    const assign = vi.fn((_input: AssignInput<Lead>) => valid);
    const router = createRouter({ accounts, scorecard: card, assign: { sales: assign } });
    const decision = await router.route(engaged, { dryRun: true, store });
    expect(assign).toHaveBeenCalledTimes(1);
    expect(assign.mock.calls[0]?.[0]).toMatchObject({ lead: engaged, store });
    expect(decision.assignment).toEqual(valid);
  });

  it('records an assigner timeout', async () => {
    vi.useFakeTimers();
    const router = createRouter({ accounts, scorecard: card, timeoutMs: 50, assign: { sales: () => new Promise(() => undefined) } });
    const pending = router.route(engaged);
    await vi.advanceTimersByTimeAsync(50);
    const decision = await pending;
    expect(decision.assignment).toStrictEqual({ assignee: null, method: 'error', reason: 'assigner timed out after 50 ms', turn: null, skipped: [] });
  });

  it('records a throwing assigner', async () => {
    const router = createRouter({
      accounts,
      scorecard: card,
      assign: {
        sales: () => {
          throw new Error('no reps are configured');
        },
      },
    });
    const decision = await router.route(engaged);
    expect(decision.assignment).toStrictEqual({ assignee: null, method: 'error', reason: 'no reps are configured', turn: null, skipped: [] });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'rep-1'],
    ['a numeric assignee', { ...valid, assignee: 5 }],
    ['a missing method', { ...valid, method: undefined }],
    ['a missing reason', { ...valid, reason: undefined }],
    ['a fractional turn', { ...valid, turn: 1.5 }],
    ['skipped as an object', { ...valid, skipped: {} }],
  ])('rejects %s as an assignment', async (_, result) => {
    const router = createRouter({ accounts, scorecard: card, assign: { sales: () => result as never } });
    const decision = await router.route(engaged);
    expect(decision.assignment).toStrictEqual({
      assignee: null,
      method: 'error',
      reason: 'the assigner returned an invalid assignment',
      turn: null,
      skipped: [],
    });
  });

  it('accepts a null assignee and turn', async () => {
    const result = { assignee: null, method: 'queue', reason: 'every rep is out', turn: null, skipped: [null, { rep: 7, code: 'cap_day' }] };
    const router = createRouter({ accounts, scorecard: card, assign: { sales: () => result as never } });
    const decision = await router.route(engaged);
    expect(decision.assignment).toStrictEqual({
      assignee: null,
      method: 'queue',
      reason: 'every rep is out',
      turn: null,
      skipped: [
        { rep: 'undefined', code: 'undefined' },
        { rep: '7', code: 'cap_day' },
      ],
    });
  });

  it('accepts a rep and a turn', async () => {
    const router = createRouter({ accounts, scorecard: card, assign: { sales: () => valid } });
    const decision = await router.route(engaged);
    expect(decision.assignment).toStrictEqual(valid);
  });
});

describe('routeMany option errors', () => {
  const router = createRouter({ accounts, scorecard: card });

  it.each([
    ['undefined', undefined, 'undefined'],
    ['a plain object', {}, 'an object'],
  ])('rejects %s as the router', async (_, value, received) => {
    const error = await batchErrorOf(routeMany(value as never, []));
    expect(error.api).toBe('routeMany');
    expect(error.path).toBe('router');
    expect(error.message).toBe(`routeMany: router: expected a router built by createRouter(), received ${received}`);
  });

  it('rejects a string as options', async () => {
    const error = await batchErrorOf(routeMany(router, [], 'fast' as never));
    expect(error.path).toBe('options');
    expect(error.message).toBe('routeMany: options: expected an options object, received "fast"');
  });

  it.each([
    ['concurrency', 0, '0'],
    ['concurrency', 1.5, '1.5'],
    ['concurrency', Number.NaN, 'NaN'],
    ['progressEvery', 0, '0'],
    ['progressEvery', -3, '-3'],
  ])('rejects %s %d', async (name, value, received) => {
    const error = await batchErrorOf(routeMany(router, [], { [name]: value }));
    expect(error.path).toBe(name);
    expect(error.message).toBe(`routeMany: ${name}: expected a whole number from 1, received ${received}`);
  });

  it('accepts one lead at a time', async () => {
    const onProgress = vi.fn((_progress: BatchProgress) => undefined);
    const results = [];
    for await (const result of routeMany(router, [engaged, {}], { concurrency: 1, progressEvery: 1, onProgress })) results.push(result);
    expect(results.map((result) => result.index)).toEqual([0, 1]);
    expect(onProgress.mock.calls.map(([progress]) => progress)).toEqual([
      { done: 1, failed: 0, inFlight: 0 },
      { done: 2, failed: 0, inFlight: 0 },
      { done: 2, failed: 0, inFlight: 0 },
    ]);
  });
});

describe('routeMany progress and closing', () => {
  const router = createRouter({ accounts, scorecard: card });
  const flaky: Router<Lead> = {
    ...router,
    route: async (lead, options) => (lead === null ? Promise.reject(new Error('store down')) : router.route(lead, options)),
  };

  it('counts failed leads', async () => {
    const onProgress = vi.fn((_progress: BatchProgress) => undefined);
    const batch = routeMany(flaky, [engaged, null as unknown as Lead, null as unknown as Lead, engaged], { concurrency: 1, progressEvery: 1, onProgress });
    const oks: boolean[] = [];
    let step = await batch.next();
    while (step.done !== true) {
      oks.push(step.value.ok);
      step = await batch.next();
    }
    expect(oks).toEqual([true, false, false, true]);
    expect(step.value).toEqual({ done: 4, failed: 2, inFlight: 0 });
    expect(onProgress.mock.calls.map(([progress]) => progress.failed)).toEqual([0, 1, 2, 2, 2]);
  });

  it('runs without onProgress', async () => {
    const batch = routeMany(router, [engaged, engaged], { progressEvery: 1 });
    const first = await batch.next();
    const second = await batch.next();
    const end = await batch.next();
    expect([first.done, second.done, end.done]).toEqual([false, false, true]);
    expect(end.value).toEqual({ done: 2, failed: 0, inFlight: 0 });
  });

  it('closes the source on an early stop', async () => {
    const { source, close } = trackedSource([engaged, engaged, engaged]);
    const indexes: number[] = [];
    for await (const result of routeMany(router, source, { concurrency: 1 })) {
      indexes.push(result.index);
      break;
    }
    expect(indexes).toEqual([0]);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('leaves an exhausted source alone', async () => {
    const { source, close } = trackedSource([engaged, engaged, engaged]);
    const indexes: number[] = [];
    for await (const result of routeMany(router, source, { concurrency: 1 })) indexes.push(result.index);
    expect(indexes).toEqual([0, 1, 2]);
    expect(close).not.toHaveBeenCalled();
  });

  it('early stop without source return', async () => {
    const { source } = trackedSource([engaged, engaged, engaged], false);
    const indexes: number[] = [];
    for await (const result of routeMany(router, source, { concurrency: 1 })) {
      indexes.push(result.index);
      break;
    }
    expect(indexes).toEqual([0]);
  });
});
