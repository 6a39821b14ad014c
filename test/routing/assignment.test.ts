import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { assignment, createRouter, memoryStore, type Assigner, type PendingDecision, type Rep, type RouterStore } from 'netspear';
import { accounts, card, engaged, fixedClock, type Lead } from './fixtures.js';

/** Monday 2026-01-05 15:00 UTC: 10:00 in New York, 16:00 in Berlin. */
const monday = Date.UTC(2026, 0, 5, 15, 0);

const decision = { route: 'sales' } as PendingDecision;
const input = (lead: Lead = {}) => ({ lead, decision, store: undefined });

async function assignAll(assign: Assigner<Lead>, n: number) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await assign(input({ email: `lead${i}@example.com` })));
  return results;
}

function tally(assignees: readonly (string | null)[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const id of assignees) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Creates a store that yields to the event loop on every call, as a network store does. */
function slowStore(): RouterStore & { casCalls: () => number } {
  const inner = memoryStore();
  let calls = 0;
  const later = <T>(value: () => T) => new Promise<T>((resolve) => setImmediate(() => resolve(value())));
  return {
    get: (key) => later(() => inner.get(key) as string | undefined),
    set: (key, value) => later(() => inner.set(key, value) as void),
    compareAndSet: (key, expected, value) => {
      calls++;
      return later(() => inner.compareAndSet(key, expected, value) as boolean);
    },
    casCalls: () => calls,
  };
}

describe('assignment', () => {
  it('rotates round robin in rep order', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], clock: () => monday });
    const results = await assignAll(assign, 4);
    expect(results.map((r) => r.assignee)).toEqual(['a', 'b', 'c', 'a']);
    expect(results.map((r) => r.turn)).toEqual([1, 2, 3, 4]);
    expect(results[1]?.reason).toBe('b: next in round robin, turn 2');
  });

  it('explains a weighted pick', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'rep-4', weight: 5 }, { id: 'rep-5', weight: 1 }], strategy: 'weighted', clock: () => monday });
    const results = await assignAll(assign, 3);
    expect(results[2]?.reason).toMatch(/^rep-4: next in weighted rotation, 3 of 5 this cycle, turn 3$/);
  });

  it('sends the lead to its account owner', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'owner' }], owner: () => 'owner', clock: () => monday });
    const result = await assign(input());
    expect(result).toMatchObject({ assignee: 'owner', method: 'account_owner', turn: null });
  });

  it('falls through an inactive owner', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'gone', active: false }], owner: () => 'gone', clock: () => monday });
    const result = await assign(input());
    expect(result).toMatchObject({ assignee: 'a', method: 'round_robin', turn: 1 });
    expect(result.skipped).toContainEqual({ rep: 'gone', code: 'inactive' });
  });

  it('falls through an unknown owner', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }], owner: () => 'left-the-company', clock: () => monday });
    expect((await assign(input())).skipped).toEqual([{ rep: 'left-the-company', code: 'unknown_rep' }]);
  });

  it('sends everyone out of office to the fallback', async () => {
    const away = { outOfOffice: [{ from: '2026-01-01T00:00:00Z', to: '2026-01-10T00:00:00Z' }] };
    const assign = assignment<Lead>({ reps: [{ id: 'a', ...away }, { id: 'b', ...away }], fallback: 'queue:unassigned', clock: () => monday });
    const result = await assign(input());
    expect(result).toMatchObject({ assignee: 'queue:unassigned', method: 'fallback', turn: null });
    expect(result.skipped).toEqual([
      { rep: 'a', code: 'out_of_office' },
      { rep: 'b', code: 'out_of_office' },
    ]);
  });

  it('defaults the fallback to null', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a', active: false }], clock: () => monday });
    expect((await assign(input())).assignee).toBeNull();
  });

  it('respects working hours in the rep’s time zone', async () => {
    const hours = { start: '09:00', end: '17:00' };
    const reps: Rep[] = [
      { id: 'tokyo', timeZone: 'Asia/Tokyo', workingHours: hours },
      { id: 'new-york', timeZone: 'America/New_York', workingHours: hours },
    ];
    const result = await assignment<Lead>({ reps, clock: () => monday })(input());
    expect(result.assignee).toBe('new-york');
    expect(result.skipped).toEqual([{ rep: 'tokyo', code: 'outside_working_hours' }]);
  });

  it('handles shifts past midnight', async () => {
    const reps: Rep[] = [{ id: 'night', timeZone: 'Europe/Berlin', workingHours: { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5, 6, 7] } }];
    const atNight = await assignment<Lead>({ reps, clock: () => Date.UTC(2026, 0, 5, 23, 30) })(input());
    const atNoon = await assignment<Lead>({ reps, clock: () => Date.UTC(2026, 0, 5, 11, 0) })(input());
    expect(atNight.assignee).toBe('night');
    expect(atNoon.assignee).toBeNull();
  });

  it('resets the day cap at local midnight', async () => {
    let now = Date.UTC(2026, 0, 5, 22, 0);
    const assign = assignment<Lead>({ reps: [{ id: 'a', timeZone: 'Europe/Berlin', caps: { day: 1 } }], clock: () => now });
    expect((await assign(input())).assignee).toBe('a');
    now = Date.UTC(2026, 0, 5, 22, 30);
    expect((await assign(input())).skipped).toEqual([{ rep: 'a', code: 'cap_day' }]);
    // 23:00 UTC is midnight in Berlin.
    now = Date.UTC(2026, 0, 5, 23, 0);
    expect((await assign(input())).assignee).toBe('a');
  });

  it('applies the week cap', async () => {
    let now = monday;
    const assign = assignment<Lead>({ reps: [{ id: 'a', caps: { week: 2 } }], clock: () => now });
    for (let day = 0; day < 3; day++) {
      now = monday + day * 86_400_000;
      await assign(input());
    }
    expect((await assign(input())).skipped).toEqual([{ rep: 'a', code: 'cap_week' }]);
    now = monday + 7 * 86_400_000;
    expect((await assign(input())).assignee).toBe('a');
  });

  it('assigns within the lead’s territory', async () => {
    const reps: Rep[] = [
      { id: 'east-1', territories: ['East'] },
      { id: 'west-1', territories: ['West'] },
      { id: 'east-2', territories: ['East'] },
    ];
    const assign = assignment<Lead>({ reps, territory: ({ lead }) => lead.region, fallback: 'queue', clock: () => monday });
    const east = [await assign(input({ region: 'East' })), await assign(input({ region: 'East' })), await assign(input({ region: 'East' }))];
    expect(east.map((r) => r.assignee)).toEqual(['east-1', 'east-2', 'east-1']);
    expect((await assign(input({ region: 'West' }))).assignee).toBe('west-1');
    expect((await assign(input({ region: 'Central' })))).toMatchObject({ assignee: 'queue', reason: 'no rep in territory Central is available, so the lead went to the fallback' });
    expect((await assign(input({}))).assignee).not.toBe('queue');
  });

  it('balances load by open leads', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'busy', openLeads: 3 }, { id: 'idle' }], strategy: 'load_based', clock: () => monday });
    const results = await assignAll(assign, 5);
    expect(results.map((r) => r.assignee)).toEqual(['idle', 'idle', 'idle', 'busy', 'idle']);
    expect(results[0]?.reason).toBe('idle: fewest open leads (0), turn 1');
  });

  it('sends a duplicate to the open lead’s owner', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], duplicates: true, clock: () => monday });
    const first = await assign(input({ email: 'Jane.Doe+webinar@Acme.com' }));
    await assign(input({ email: 'other@acme.com' }));
    const again = await assign(input({ email: 'jane.doe@acme.com' }));
    expect(first.assignee).toBe('a');
    expect(again).toMatchObject({ assignee: 'a', method: 'duplicate', turn: null });
  });

  it('sends concurrent copies of a new lead to one rep', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], duplicates: true, store: slowStore(), clock: () => monday });
    const copies = await Promise.all(Array.from({ length: 5 }, () => assign(input({ email: 'jane@acme.com' }))));
    expect(new Set(copies.map((copy) => copy.assignee))).toEqual(new Set(['a']));
    expect(copies.filter((copy) => copy.method === 'duplicate').length).toBe(4);
  });

  it('gives back the turn of a copy that lost the race', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], duplicates: true, store: slowStore(), clock: () => monday });
    const copies = await Promise.all([assign(input({ email: 'jane@acme.com' })), assign(input({ email: 'jane@acme.com' }))]);
    expect(copies.map((copy) => copy.assignee)).toEqual(['a', 'a']);
    const next = await assign(input({ email: 'other@acme.com' }));
    expect(next).toMatchObject({ assignee: 'b', turn: 2 });
  });

  it('keeps pools apart in one store', async () => {
    const store = memoryStore();
    const east = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], store, pool: 'east', clock: () => monday });
    const west = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], store, pool: 'west', clock: () => monday });
    await east(input());
    expect((await west(input())).assignee).toBe('a');
    expect(Object.keys(store.snapshot()).sort()).toEqual(['netspear:pool:east', 'netspear:pool:west']);
  });

  it('assigns 100 concurrent leads 100 distinct turns', async () => {
    const store = slowStore();
    const reps = Array.from({ length: 7 }, (_, i) => ({ id: `rep-${i}` }));
    const assign = assignment<Lead>({ reps, store, clock: () => monday });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => assign(input({ email: `l${i}@x.io` }))));
    const turns = results.map((r) => r.turn);
    expect(new Set(turns).size).toBe(100);
    expect([...turns].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(store.casCalls()).toBeGreaterThan(100);
    const counts = [...tally(results.map((r) => r.assignee)).values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('assigns 100 concurrent routes through memoryStore', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], store, clock: () => monday });
    const router = createRouter({ accounts, scorecard: card, assign: { sales: assign }, clock: fixedClock });
    const decisions = await Promise.all(Array.from({ length: 100 }, () => router.route(engaged)));
    expect(new Set(decisions.map((d) => d.assignment?.turn)).size).toBe(100);
  });

  it('gives up after maxAttempts conflicts', async () => {
    const store: RouterStore = { get: () => undefined, set: () => undefined, compareAndSet: () => false };
    const assign = assignment<Lead>({ reps: [{ id: 'a' }], store, maxAttempts: 3, clock: () => monday });
    await expect(assign(input())).rejects.toThrow(/rejected 3 compare-and-set attempts/);
  });

  it('records an assigner failure on the decision', async () => {
    const store: RouterStore = { get: () => undefined, set: () => undefined, compareAndSet: () => false };
    const router = createRouter({ accounts, scorecard: card, assign: { sales: assignment({ reps: [{ id: 'a' }], store, maxAttempts: 1 }) } });
    const result = await router.route(engaged);
    expect(result.route).toBe('sales');
    expect(result.assignment).toMatchObject({ assignee: null, method: 'error' });
  });

  it('rejects invalid reps', () => {
    expect(() => assignment({ reps: [{ id: 'a' }, { id: 'a' }] })).toThrow(/reps\[1\]\.id: duplicate/);
    expect(() => assignment({ reps: [{ id: 'a', timeZone: 'Mars/Olympus' }] })).toThrow(/reps\[0\]\.timeZone: unknown time zone/);
    expect(() => assignment({ reps: [{ id: 'a', workingHours: { start: '9am', end: '17:00' } }] })).toThrow(/workingHours\.start/);
    expect(() => assignment({ reps: [{ id: 'a', outOfOffice: [{ from: 'soon', to: '2026-01-01' }] }] })).toThrow(/outOfOffice\[0\]\.from/);
    expect(() => assignment({ reps: [{ id: 'a', weight: 0 }] })).toThrow(/reps\[0\]\.weight/);
    expect(() => assignment({ reps: [{ id: 'a', caps: { day: 1.5 } }] })).toThrow(/caps\.day/);
    expect(() => assignment({ reps: [], strategy: 'random' as never })).toThrow(/strategy/);
    expect(() => assignment({ reps: 'a' as never })).toThrow(/assignment: reps/);
  });
});

const repCount = fc.integer({ min: 1, max: 8 });

describe('assignment properties', () => {
  test.prop([fc.integer({ min: 0, max: 60 }), repCount])('round robin gives floor or ceil N/K', async (n, k) => {
    const assign = assignment<Lead>({ reps: Array.from({ length: k }, (_, i) => ({ id: `r${i}` })), clock: () => monday });
    const counts = tally((await assignAll(assign, n)).map((r) => r.assignee));
    for (let i = 0; i < k; i++) {
      const got = counts.get(`r${i}`) ?? 0;
      expect(got).toBeGreaterThanOrEqual(Math.floor(n / k));
      expect(got).toBeLessThanOrEqual(Math.ceil(n / k));
    }
  });

  test.prop([fc.integer({ min: 1, max: 80 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 })])(
    'weighted rotation tracks the weights',
    async (n, weights) => {
      const assign = assignment<Lead>({ reps: weights.map((weight, i) => ({ id: `r${i}`, weight })), strategy: 'weighted', clock: () => monday });
      const counts = tally((await assignAll(assign, n)).map((r) => r.assignee));
      const total = weights.reduce((a, b) => a + b, 0);
      weights.forEach((weight, i) => {
        expect(Math.abs((counts.get(`r${i}`) ?? 0) - (n * weight) / total)).toBeLessThanOrEqual(1);
      });
    },
  );

  test.prop([fc.integer({ min: 1, max: 60 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), fc.boolean()])(
    'caps are never exceeded',
    async (n, caps, concurrent) => {
      const assign = assignment<Lead>({ reps: caps.map((day, i) => ({ id: `r${i}`, caps: { day } })), clock: () => monday, store: concurrent ? slowStore() : memoryStore() });
      const results = concurrent
        ? await Promise.all(Array.from({ length: n }, () => assign(input())))
        : await assignAll(assign, n);
      const counts = tally(results.map((r) => r.assignee));
      caps.forEach((cap, i) => expect(counts.get(`r${i}`) ?? 0).toBeLessThanOrEqual(cap));
      const capacity = caps.reduce((a, b) => a + b, 0);
      expect(counts.get(null) ?? 0).toBe(Math.max(0, n - capacity));
    },
  );

  test.prop([fc.array(fc.constantFrom('ana@acme.com', 'Ana+form@acme.com', 'bo@acme.com', 'cy@beta.io'), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 })])(
    'copies of one lead reach one rep',
    async (emails, reps) => {
      const assign = assignment<Lead>({ reps: Array.from({ length: reps }, (_, i) => ({ id: `r${i}` })), duplicates: true, store: slowStore(), clock: () => monday });
      const results = await Promise.all(emails.map((email) => assign(input({ email }))));
      const owners = new Map<string, Set<string | null>>();
      emails.forEach((email, i) => {
        const person = email.toLowerCase().replace('+form', '');
        owners.set(person, (owners.get(person) ?? new Set()).add(results[i]!.assignee));
      });
      for (const assignees of owners.values()) expect(assignees.size).toBe(1);
    },
  );

  test.prop([fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('round_robin', 'weighted', 'load_based' as const)])(
    'same store state gives the same assignment',
    async (warmup, weights, strategy) => {
      const reps = weights.map((weight, i) => ({ id: `r${i}`, weight, caps: { day: 6 } }));
      const store = memoryStore();
      await assignAll(assignment<Lead>({ reps, strategy, store, clock: () => monday }), warmup);
      const seed = store.snapshot();
      const once = await assignment<Lead>({ reps, strategy, store: memoryStore(seed), clock: () => monday })(input());
      const twice = await assignment<Lead>({ reps, strategy, store: memoryStore(seed), clock: () => monday })(input());
      expect(twice).toStrictEqual(once);
    },
  );
});
