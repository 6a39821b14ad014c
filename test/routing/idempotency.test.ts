import { describe, expect, it, vi } from 'vitest';
import { assignment, createRouter, idempotent, memoryStore, type RouterStore } from 'netspear';
import { accounts, card, engaged, type Lead } from './fixtures.js';

const monday = Date.UTC(2026, 0, 5, 15, 0);

function build(store: RouterStore = memoryStore()) {
  const sales = vi.fn();
  const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], clock: () => monday });
  const router = idempotent(createRouter({ accounts, scorecard: card, hooks: { sales }, assign: { sales: assign } }), { store, key: 'id' });
  return { router, sales };
}

describe('idempotent', () => {
  it('returns the first decision for a repeated key', async () => {
    const { router, sales } = build();
    const first = await router.route({ ...engaged, id: 'form-1' });
    const again = await router.route({ ...engaged, id: 'form-1' });
    expect(first.idempotency).toEqual({ key: 'form-1', status: 'first' });
    expect(again.idempotency).toEqual({ key: 'form-1', status: 'replayed' });
    expect({ ...again, idempotency: null }).toEqual({ ...first, idempotency: null });
    expect(again.assignment?.assignee).toBe('a');
    expect(sales).toHaveBeenCalledTimes(1);
  });

  it('routes different keys separately', async () => {
    const { router, sales } = build();
    const first = await router.route({ ...engaged, id: 1 });
    const second = await router.route({ ...engaged, id: 2 });
    expect(second.assignment?.assignee).not.toBe(first.assignment?.assignee);
    expect(sales).toHaveBeenCalledTimes(2);
  });

  it('routes leads without a key as usual', async () => {
    const { router, sales } = build();
    await router.route(engaged);
    const again = await router.route(engaged);
    expect(sales).toHaveBeenCalledTimes(2);
    expect(again.idempotency).toEqual({ key: null, status: 'no_key' });
  });

  it('marks an empty or throwing key as no_key', async () => {
    const throwing = idempotent(createRouter({ steps: [], fallback: 'nurture' }), {
      store: memoryStore(),
      key: () => {
        throw new Error('key lookup failed');
      },
    });
    const { router } = build();
    const decisions = [await throwing.route({}), await router.route({ ...engaged, id: '' }), await router.route({ ...engaged, id: Number.NaN })];
    expect(decisions.map((decision) => [decision.route, decision.idempotency])).toEqual([
      ['nurture', { key: null, status: 'no_key' }],
      ['sales', { key: null, status: 'no_key' }],
      ['sales', { key: null, status: 'no_key' }],
    ]);
  });

  it('never merges leads on a blank or placeholder key', async () => {
    const { router, sales } = build();
    const keys = ['   ', 'Select', '--None--'];
    for (const id of keys) await router.route({ ...engaged, id });
    const perCall = await router.route(engaged, { idempotencyKey: '  ' });
    expect(sales).toHaveBeenCalledTimes(4);
    expect(perCall.idempotency).toEqual({ key: null, status: 'no_key' });
  });

  it('leaves a dry run unmarked', async () => {
    const { router } = build();
    expect((await router.route({ ...engaged, id: 'dry' }, { dryRun: true })).idempotency).toBeNull();
    expect((await router.route(engaged, { dryRun: true })).idempotency).toBeNull();
  });

  it('prefers the key passed to route', async () => {
    const { router, sales } = build();
    await router.route({ ...engaged, id: 'x' }, { idempotencyKey: 'event-9' });
    const again = await router.route({ ...engaged, id: 'y' }, { idempotencyKey: 'event-9' });
    expect(again.idempotency?.status).toBe('replayed');
    expect(sales).toHaveBeenCalledTimes(1);
  });

  it('runs side effects once under concurrency', async () => {
    const { router, sales } = build();
    const decisions = await Promise.all(Array.from({ length: 5 }, () => router.route({ ...engaged, id: 'dup' })));
    expect(sales).toHaveBeenCalledTimes(1);
    expect(decisions.map((d) => d.idempotency?.status).sort()).toEqual(['first', 'in_progress', 'in_progress', 'in_progress', 'in_progress']);
    expect(decisions.every((d) => d.route === 'sales')).toBe(true);
  });

  it('routes the lead when the store fails', async () => {
    const broken: RouterStore = {
      get: () => undefined,
      set: () => undefined,
      compareAndSet: () => {
        throw new Error('connection refused');
      },
    };
    const { router, sales } = build(broken);
    const decision = await router.route({ ...engaged, id: 'k' });
    expect(decision.route).toBe('sales');
    expect(decision.idempotency?.status).toBe('store_failed');
    expect(sales).toHaveBeenCalledTimes(1);
  });

  it('routes again after a routing died', async () => {
    const store = memoryStore({ 'netspear:decision:k': JSON.stringify({ pending: true, since: monday - 900_000 }) });
    const sales = vi.fn();
    const router = idempotent(createRouter({ accounts, scorecard: card, hooks: { sales } }), { store, key: 'id', clock: () => monday });
    const decision = await router.route({ ...engaged, id: 'k' });
    expect(decision.idempotency).toEqual({ key: 'k', status: 'first' });
    expect(sales).toHaveBeenCalledTimes(1);
    const again = await router.route({ ...engaged, id: 'k' });
    expect(again.idempotency?.status).toBe('replayed');
    expect(sales).toHaveBeenCalledTimes(1);
  });

  it('waits for a routing under the timeout', async () => {
    const store = memoryStore({ 'netspear:decision:k': JSON.stringify({ pending: true, since: monday - 899_999 }) });
    const sales = vi.fn();
    const router = idempotent(createRouter({ accounts, scorecard: card, hooks: { sales } }), { store, key: 'id', clock: () => monday });
    const decision = await router.route({ ...engaged, id: 'k' });
    expect(decision.idempotency?.status).toBe('in_progress');
    expect(sales).not.toHaveBeenCalled();
  });

  it('lets one caller take over a dead routing', async () => {
    const store = memoryStore({ 'netspear:decision:k': '{"pending":true}' });
    const sales = vi.fn();
    const router = idempotent(createRouter({ accounts, scorecard: card, hooks: { sales } }), { store, key: 'id', pendingTimeoutMs: 1_000, clock: () => monday });
    const decisions = await Promise.all(Array.from({ length: 4 }, () => router.route({ ...engaged, id: 'k' })));
    expect(decisions.map((d) => d.idempotency?.status).sort()).toEqual(['first', 'in_progress', 'in_progress', 'in_progress']);
    expect(sales).toHaveBeenCalledTimes(1);
  });

  it('rejects invalid options', () => {
    const store = memoryStore();
    const plain = createRouter({ accounts, scorecard: card });
    expect(() => idempotent(plain, { store, pendingTimeoutMs: 0 })).toThrow('idempotent: pendingTimeoutMs: expected a number of milliseconds above 0, received 0');
    expect(() => idempotent(plain, { store, pendingTimeoutMs: Number.NaN })).toThrow(/pendingTimeoutMs/);
    expect(() => idempotent(plain, { store, clock: 5 as never })).toThrow('idempotent: clock: expected a function returning epoch milliseconds, received 5');
    const router = createRouter({ accounts, scorecard: card });
    expect(() => idempotent(router, { store: {} as never })).toThrow(/idempotent: store/);
    expect(() => idempotent({} as never, { store: memoryStore() })).toThrow(/idempotent: router/);
    expect(() => idempotent(router, { store: memoryStore(), key: '__proto__' })).toThrow(/reserved key/);
  });
});
