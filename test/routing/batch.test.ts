import { describe, expect, it, vi } from 'vitest';
import { assignment, compareRouters, ConfigError, createRouter, dryRun, memoryStore, routeMany, type Router } from 'netspear';
import { accounts, card, engaged, type Lead } from './fixtures.js';

const monday = Date.UTC(2026, 0, 5, 15, 0);

async function* generate(n: number, pulled: { count: number }): AsyncGenerator<Lead> {
  for (let i = 0; i < n; i++) {
    pulled.count++;
    yield i % 3 === 0 ? engaged : { email: `lead${i}@globaltechinc.com` };
  }
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('routeMany', () => {
  it('yields one result per lead in order', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const results = await collect(routeMany(router, [engaged, { email: 'a@globaltechinc.com' }, {}], { concurrency: 2 }));
    expect(results.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(results.map((r) => (r.ok ? r.decision.route : r.error.message))).toEqual(['sales', 'abm', 'nurture']);
  });

  it('keeps at most concurrency leads in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const router = createRouter({
      accounts,
      scorecard: card,
      hooks: {
        beforeRoute: async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inFlight--;
        },
      },
    });
    const results = await collect(routeMany(router, Array.from({ length: 30 }, () => engaged), { concurrency: 4 }));
    expect(results).toHaveLength(30);
    expect(peak).toBe(4);
  });

  it('reads the source only as fast as the consumer', async () => {
    const pulled = { count: 0 };
    const router = createRouter({ accounts, scorecard: card });
    const batch = routeMany(router, generate(1_000, pulled), { concurrency: 5 });
    await batch.next();
    await batch.next();
    expect(pulled.count).toBeLessThanOrEqual(7);
    await batch.return(undefined as never);
    expect(pulled.count).toBeLessThanOrEqual(7);
  });

  it('reports a failing lead and carries on', async () => {
    const router = createRouter({ accounts, scorecard: card });
    const flaky: Router<Lead> = { ...router, route: async (lead) => (lead === null ? Promise.reject(new Error('store down')) : router.route(lead)) };
    const results = await collect(routeMany(flaky, [engaged, null as unknown as Lead, engaged]));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, index: 1, error: { message: 'store down' } });
  });

  it('reports progress', async () => {
    const onProgress = vi.fn();
    const router = createRouter({ accounts, scorecard: card });
    await collect(routeMany(router, generate(25, { count: 0 }), { progressEvery: 10, onProgress }));
    expect(onProgress.mock.calls.map(([p]) => p.done)).toEqual([10, 20, 25]);
    expect(onProgress.mock.calls.at(-1)?.[0]).toEqual({ done: 25, failed: 0, inFlight: 0 });
  });

  it('rejects invalid options', async () => {
    const router = createRouter({ accounts, scorecard: card });
    await expect(routeMany(router, [], { concurrency: 0 }).next()).rejects.toThrow(/routeMany: concurrency/);
    await expect(routeMany({} as never, []).next()).rejects.toThrow(/routeMany: router/);
  });

  it.each([
    ['null', null],
    ['a string', 'leads.csv'],
    ['an object', { email: 'a@acme.com' }],
  ])('rejects %s as leads', async (_, leads) => {
    const router = createRouter({ accounts, scorecard: card });
    const first = routeMany(router, leads as never).next();
    await expect(first).rejects.toThrow(ConfigError);
    await expect(routeMany(router, leads as never).next()).rejects.toThrow(/^routeMany: leads: expected an array, iterable or async iterable of leads, received /);
  });

  it('rejects null options', async () => {
    const router = createRouter({ accounts, scorecard: card });
    await expect(routeMany(router, [], null as never).next()).rejects.toThrow(ConfigError);
    await expect(routeMany(router, [], null as never).next()).rejects.toThrow('routeMany: options: expected an options object, received null');
  });
});

describe('dryRun', () => {
  it('reports routes, load and caps without side effects', async () => {
    const sales = vi.fn();
    const live = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a', caps: { day: 2 } }, { id: 'b', caps: { day: 1 } }], store: live, fallback: 'queue', clock: () => monday });
    const router = createRouter({ accounts, scorecard: card, hooks: { sales }, assign: { sales: assign } });
    const leads = [...Array.from({ length: 5 }, () => engaged), { email: 'x@globaltechinc.com' }, {}];
    const report = await dryRun(router, leads);
    expect(report).toEqual({
      leads: 7,
      failed: 0,
      routes: { sales: 5, abm: 1, nurture: 1 },
      reasons: { score_at_or_above_threshold: 5, target_account: 1, score_below_threshold: 1 },
      assignees: { a: 2, b: 1, queue: 2 },
      capsHit: { a: 2, b: 3 },
    });
    expect(sales).not.toHaveBeenCalled();
    expect(live.snapshot()).toEqual({});
  });

  it('starts from a seeded store', async () => {
    const live = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], store: live, clock: () => monday });
    const router = createRouter({ accounts, scorecard: card, assign: { sales: assign } });
    await router.route(engaged);
    const report = await dryRun(router, [engaged], { store: memoryStore(live.snapshot()) });
    expect(report.assignees).toEqual({ b: 1 });
  });
});

describe('compareRouters', () => {
  it('counts leads that move between routes', async () => {
    const current = createRouter({ accounts, scorecard: card });
    const stricter = createRouter({ accounts, scorecard: card, mqlThreshold: 95 });
    const leads = [engaged, engaged, { ...engaged, visitedPricingPage: false }, { email: 'a@globaltechinc.com' }];
    const diff = await compareRouters(current, stricter, leads);
    expect(diff).toEqual({
      leads: 4,
      changed: 2,
      moves: [{ from: 'sales', to: 'nurture', leads: 2 }],
      summary: ['2 leads move from sales to nurture'],
      examples: { 'sales->nurture': [0, 1] },
    });
  });

  it('carries on past unreadable leads', async () => {
    const current = createRouter({ accounts, scorecard: card });
    const stricter = createRouter({ accounts, scorecard: card, mqlThreshold: 95 });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const thenThrows = {
      get then(): never {
        throw new Error('then getter failed');
      },
    };

    const diff = await compareRouters(current, stricter, [engaged, revocable.proxy as Lead, thenThrows as Lead, engaged]);

    expect(diff.leads).toBe(4);
    expect(diff.examples).toEqual({ 'sales->nurture': [0, 3] });
  });

  it('rejects leads that are not iterable', async () => {
    const router = createRouter({ accounts, scorecard: card });

    await expect(compareRouters(router, router, 7 as never)).rejects.toThrowError(
      'compareRouters: leads: expected an array, iterable or async iterable of leads, received 7',
    );
  });

  it('compares assignees when asked', async () => {
    const reps = (ids: readonly string[]) => assignment<Lead>({ reps: ids.map((id) => ({ id })), clock: () => monday });
    const current = createRouter({ accounts, scorecard: card, assign: { sales: reps(['a', 'b']) } });
    const next = createRouter({ accounts, scorecard: card, mqlThreshold: 95, assign: { sales: reps(['a', 'c']) } });
    const leads = [engaged, engaged, engaged, { email: 'a@globaltechinc.com' }];
    const diff = await compareRouters(current, next, leads, { assignees: true });
    expect(diff.changed).toBe(3);
    expect(diff.moves).toEqual([{ from: 'sales', to: 'nurture', leads: 3 }]);
    expect(diff.reassigned).toBe(3);
    expect(diff.handoffs).toEqual([
      { from: 'a', to: '(none)', leads: 2 },
      { from: 'b', to: '(none)', leads: 1 },
    ]);
    expect(diff.handoffExamples).toEqual({ 'a->(none)': [0, 2], 'b->(none)': [1] });
    expect(diff.summary).toEqual(['3 leads move from sales to nurture', '2 leads move from a to (none)', '1 lead moves from b to (none)']);
  });

  it('counts handoffs within one route', async () => {
    const reps = (ids: readonly string[]) => assignment<Lead>({ reps: ids.map((id) => ({ id })), clock: () => monday });
    const current = createRouter({ accounts, scorecard: card, assign: { sales: reps(['a', 'b']) } });
    const next = createRouter({ accounts, scorecard: card, assign: { sales: reps(['a', 'c']) } });
    const live = memoryStore();
    await current.route(engaged, { dryRun: true, store: live });
    const diff = await compareRouters(current, next, [engaged, engaged], { assignees: true, stores: { before: live } });
    expect(diff.changed).toBe(0);
    expect(diff.handoffs).toEqual([
      { from: 'a', to: 'c', leads: 1 },
      { from: 'b', to: 'a', leads: 1 },
    ]);
    expect(diff.reassigned).toBe(2);
  });

  it('leaves assignees out by default', async () => {
    const current = createRouter({ accounts, scorecard: card });
    const diff = await compareRouters(current, current, [engaged]);
    expect(diff).not.toHaveProperty('handoffs');
    expect(diff.changed).toBe(0);
  });

  it('rejects a non-router', async () => {
    await expect(compareRouters({} as never, {} as never, [])).rejects.toThrow(/compareRouters: before/);
  });

  it('rejects options that are not an object', async () => {
    const current = createRouter({ accounts, scorecard: card });
    await expect(compareRouters(current, current, [], null as never)).rejects.toThrow('compareRouters: options: expected an options object, received null');
  });
});
