import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignment, memoryStore, type AssignmentOptions, type Assigner, type MemoryStore, type PendingDecision, type Rep, type RouterStore } from 'netspear';
import type { Lead } from './fixtures.js';

/** Monday 2026-01-05 15:00 UTC. */
const monday = Date.UTC(2026, 0, 5, 15, 0);
const DAY = 86_400_000;
const POOL_KEY = 'netspear:pool:default';

const decision = { route: 'sales' } as PendingDecision;
const input = <L = Lead>(lead: L = {} as L) => ({ lead, decision, store: undefined });

/** Builds an assigner from options that may break the declared types, as JavaScript callers can. */
function build(options: unknown): Assigner<Lead> {
  return assignment<Lead>(options as AssignmentOptions<Lead>);
}

/** Returns `name: message` of the error that building an assigner throws. */
function rejection(options: unknown): string {
  try {
    build(options);
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return 'no error';
}

/** Returns the pool state that the assigner stored as JSON. */
function poolState(store: MemoryStore, key = POOL_KEY): unknown {
  const text = store.snapshot()[key];
  return text === undefined ? undefined : JSON.parse(text);
}

async function assignees(assign: Assigner<Lead>, n: number): Promise<(string | null)[]> {
  const results = [];
  for (let i = 0; i < n; i++) results.push((await assign(input())).assignee);
  return results;
}

/** Creates a memory store that records the keys read and counts compare-and-set calls. */
function recordingStore(accept = true): RouterStore & { reads: string[]; casCalls: () => number } {
  const inner = memoryStore();
  const reads: string[] = [];
  let calls = 0;
  return {
    reads,
    get: (key) => {
      reads.push(key);
      return inner.get(key);
    },
    set: (key, value) => inner.set(key, value),
    compareAndSet: (key, expected, value) => {
      calls++;
      return accept && inner.compareAndSet(key, expected, value);
    },
    casCalls: () => calls,
  };
}

/** Creates a function that carries `fields`, an object that is not of type `object`. */
const callable = <T extends object>(fields: T) => Object.assign(() => undefined, fields);

describe('assignment option validation', () => {
  it.each<[string, unknown, string]>([
    ['null options', null, 'assignment: reps: expected an array of reps, received undefined'],
    ['missing reps', {}, 'assignment: reps: expected an array of reps, received undefined'],
    ['reps as a string', { reps: 'a' }, 'assignment: reps: expected an array of reps, received "a"'],
    ['options as a function', callable({ reps: [] }), 'assignment: reps: expected an array of reps, received an array'],
  ])('options: %s', (_, options, message) => {
    expect(rejection(options)).toBe(`NetspearConfigError: ${message}`);
  });

  it.each<[string, unknown, string]>([
    ['null rep', null, 'reps[0].id: expected a non-empty string, received undefined'],
    ['rep as a function', callable({ id: 'a' }), 'reps[0].id: expected a non-empty string, received "a"'],
    ['missing id', {}, 'reps[0].id: expected a non-empty string, received undefined'],
    ['empty id', { id: '' }, 'reps[0].id: expected a non-empty string, received ""'],
    ['numeric id', { id: 42 }, 'reps[0].id: expected a non-empty string, received 42'],
    ['weekday 0', { id: 'a', workingHours: { start: '09:00', end: '17:00', days: [0] } }, 'reps[0].workingHours.days: expected ISO weekdays from 1 (Monday) to 7 (Sunday), received an array'],
    ['weekday 8', { id: 'a', workingHours: { start: '09:00', end: '17:00', days: [8] } }, 'reps[0].workingHours.days: expected ISO weekdays from 1 (Monday) to 7 (Sunday), received an array'],
    ['fractional weekday', { id: 'a', workingHours: { start: '09:00', end: '17:00', days: [1.5] } }, 'reps[0].workingHours.days: expected ISO weekdays from 1 (Monday) to 7 (Sunday), received an array'],
    ['one bad weekday', { id: 'a', workingHours: { start: '09:00', end: '17:00', days: [1, 9] } }, 'reps[0].workingHours.days: expected ISO weekdays from 1 (Monday) to 7 (Sunday), received an array'],
    ['weekdays as a string', { id: 'a', workingHours: { start: '09:00', end: '17:00', days: 'mon-fri' } }, 'reps[0].workingHours.days: expected ISO weekdays from 1 (Monday) to 7 (Sunday), received "mon-fri"'],
    ['territories as a string', { id: 'a', territories: 'East' }, 'reps[0].territories: expected an array of strings, received "East"'],
    ['numeric territory', { id: 'a', territories: [5] }, 'reps[0].territories: expected an array of strings, received an array'],
    ['one numeric territory', { id: 'a', territories: ['East', 5] }, 'reps[0].territories: expected an array of strings, received an array'],
    ['zero weight', { id: 'a', weight: 0 }, 'reps[0].weight: expected a whole number from 1, received 0'],
    ['negative week cap', { id: 'a', caps: { week: -1 } }, 'reps[0].caps.week: expected a whole number from 0, received -1'],
    ['fractional open leads', { id: 'a', openLeads: 1.5 }, 'reps[0].openLeads: expected a whole number from 0, received 1.5'],
    ['start as 9am', { id: 'a', workingHours: { start: '9am', end: '17:00' } }, 'reps[0].workingHours.start: expected a 24-hour time such as "09:00", received "9am"'],
    ['start with a leading digit', { id: 'a', workingHours: { start: '109:00', end: '17:00' } }, 'reps[0].workingHours.start: expected a 24-hour time such as "09:00", received "109:00"'],
    ['start with a trailing digit', { id: 'a', workingHours: { start: '09:000', end: '17:00' } }, 'reps[0].workingHours.start: expected a 24-hour time such as "09:00", received "09:000"'],
    ['start as an array', { id: 'a', workingHours: { start: ['09:00'], end: '17:00' } }, 'reps[0].workingHours.start: expected a 24-hour time such as "09:00", received an array'],
    ['end at 24:00', { id: 'a', workingHours: { start: '09:00', end: '24:00' } }, 'reps[0].workingHours.end: expected a 24-hour time such as "09:00", received "24:00"'],
    ['null absence', { id: 'a', outOfOffice: [null] }, 'reps[0].outOfOffice[0].from: expected an ISO 8601 date-time such as "2026-12-24T00:00:00Z", received undefined'],
    ['absence start as an array', { id: 'a', outOfOffice: [{ from: ['2026-01-01T00:00:00Z'], to: '2026-01-02T00:00:00Z' }] }, 'reps[0].outOfOffice[0].from: expected an ISO 8601 date-time such as "2026-12-24T00:00:00Z", received an array'],
    ['absence end as text', { id: 'a', outOfOffice: [{ from: '2026-01-01T00:00:00Z', to: 'later' }] }, 'reps[0].outOfOffice[0].to: expected an ISO 8601 date-time such as "2026-12-24T00:00:00Z", received "later"'],
  ])('rep: %s', (_, rep, message) => {
    expect(rejection({ reps: [rep] })).toBe(`NetspearConfigError: assignment: ${message}`);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown strategy', { strategy: 'random' }, 'strategy: expected round_robin, weighted or load_based, received "random"'],
    ['owner as a string', { owner: 'rep-1' }, 'owner: expected a function, received "rep-1"'],
    ['territory as a string', { territory: 'East' }, 'territory: expected a function, received "East"'],
    ['clock as a number', { clock: 0 }, 'clock: expected a function, received 0'],
    ['zero maxAttempts', { maxAttempts: 0 }, 'maxAttempts: expected a whole number from 1, received 0'],
    ['empty email field', { duplicates: { emailField: '' } }, 'duplicates.emailField: expected a non-empty field path, received ""'],
  ])('pool: %s', (_, options, message) => {
    expect(rejection({ reps: [{ id: 'a' }], ...options })).toBe(`NetspearConfigError: assignment: ${message}`);
  });

  it('accepts every documented option', () => {
    const options: AssignmentOptions<Lead> = {
      reps: [{ id: 'a', workingHours: { start: '00:00', end: '23:59', days: [1, 7] }, territories: ['East'], outOfOffice: [{ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }] }],
      strategy: 'load_based',
      owner: () => 'a',
      territory: () => 'East',
      clock: () => monday,
      duplicates: true,
      maxAttempts: 1,
    };
    expect(rejection(options)).toBe('no error');
  });
});

describe('assignment availability', () => {
  it('out of office: from inclusive, to exclusive', async () => {
    const from = Date.UTC(2026, 0, 5, 12, 0);
    const to = Date.UTC(2026, 0, 5, 18, 0);
    const reps: Rep[] = [{ id: 'a', outOfOffice: [{ from: '2026-01-05T12:00:00Z', to: '2026-01-05T18:00:00Z' }] }];
    const at = async (now: number) => (await assignment<Lead>({ reps, clock: () => now })(input())).skipped;

    expect(await at(from - 1)).toEqual([]);
    expect(await at(from)).toEqual([{ rep: 'a', code: 'out_of_office' }]);
    expect(await at(to - 1)).toEqual([{ rep: 'a', code: 'out_of_office' }]);
    expect(await at(to)).toEqual([]);
    expect(await at(to + DAY)).toEqual([]);
  });

  it('working hours with minutes', async () => {
    const reps: Rep[] = [{ id: 'a', workingHours: { start: '09:30', end: '17:45', days: [1, 2, 3, 4, 5, 6, 7] } }];
    const at = async (hour: number, minute: number) => (await assignment<Lead>({ reps, clock: () => Date.UTC(2026, 0, 5, hour, minute) })(input())).assignee;

    expect(await at(9, 29)).toBeNull();
    expect(await at(9, 30)).toBe('a');
    expect(await at(17, 44)).toBe('a');
    expect(await at(17, 45)).toBeNull();
  });

  it('working hours past midnight', async () => {
    const reps: Rep[] = [{ id: 'a', workingHours: { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5, 6, 7] } }];
    const at = async (hour: number, minute: number) => (await assignment<Lead>({ reps, clock: () => Date.UTC(2026, 0, 5, hour, minute) })(input())).assignee;

    expect(await at(21, 59)).toBeNull();
    expect(await at(22, 0)).toBe('a');
    expect(await at(5, 59)).toBe('a');
    expect(await at(6, 0)).toBeNull();
  });

  it('working hours of zero length', async () => {
    const reps: Rep[] = [{ id: 'a', workingHours: { start: '09:00', end: '09:00', days: [1, 2, 3, 4, 5, 6, 7] } }];
    for (const hour of [0, 8, 9, 10, 23]) {
      const result = await assignment<Lead>({ reps, clock: () => Date.UTC(2026, 0, 5, hour, 0) })(input());
      expect(result.skipped).toEqual([{ rep: 'a', code: 'outside_working_hours' }]);
    }
  });

  it('working days in local time', async () => {
    // Sunday 2026-01-11 23:30 UTC is Monday 08:30 in Tokyo.
    const sundayLate = Date.UTC(2026, 0, 11, 23, 30);
    const hours = { start: '00:00', end: '23:59' };
    const reps: Rep[] = [
      { id: 'sunday-utc', workingHours: { ...hours, days: [7] } },
      { id: 'sunday-tokyo', timeZone: 'Asia/Tokyo', workingHours: { ...hours, days: [7] } },
      { id: 'monday-tokyo', timeZone: 'Asia/Tokyo', workingHours: { ...hours, days: [1] } },
    ];
    const result = await assignment<Lead>({ reps, clock: () => sundayLate })(input());
    expect(result.assignee).toBe('sunday-utc');
    expect(result.skipped).toEqual([{ rep: 'sunday-tokyo', code: 'outside_working_hours' }]);
  });

  it('week cap at the boundary', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a', caps: { week: 1 } }], store, clock: () => monday });
    expect((await assign(input())).assignee).toBe('a');
    expect(await assign(input())).toEqual({
      assignee: null,
      method: 'fallback',
      reason: 'no rep is available, so the lead went to the fallback',
      turn: null,
      skipped: [{ rep: 'a', code: 'cap_week' }],
    });
  });

  it.each<[string, string, number, string, string]>([
    ['a Monday in January', 'UTC', Date.UTC(2026, 0, 5, 12), '2026-01-05', '2026-W02'],
    ['a Sunday in January', 'UTC', Date.UTC(2026, 0, 11, 12), '2026-01-11', '2026-W02'],
    ['a Tuesday in March', 'UTC', Date.UTC(2026, 2, 10, 12), '2026-03-10', '2026-W11'],
    ['the Thursday of week 53', 'UTC', Date.UTC(2026, 11, 31, 12), '2026-12-31', '2026-W53'],
    ['a Sunday of the old year’s week', 'UTC', Date.UTC(2027, 0, 3, 12), '2027-01-03', '2026-W53'],
    ['a Monday of the new year’s week', 'UTC', Date.UTC(2024, 11, 30, 12), '2024-12-30', '2025-W01'],
    ['New Year in Tokyo', 'Asia/Tokyo', Date.UTC(2026, 11, 31, 20), '2027-01-01', '2026-W53'],
    ['New Year’s Eve in New York', 'America/New_York', Date.UTC(2027, 0, 1, 3), '2026-12-31', '2026-W53'],
  ])('local date and ISO week: %s', async (_, timeZone, now, date, week) => {
    const store = memoryStore();
    await assignment<Lead>({ reps: [{ id: 'a', timeZone, caps: { day: 5 } }], store, clock: () => now })(input());
    expect(poolState(store)).toEqual({
      turn: 1,
      last: 'a',
      current: {},
      cycle: {},
      counts: { a: { total: 1, day: date, dayCount: 1, week, weekCount: 1 } },
    });
  });
});

describe('assignment time-zone work', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('skips time zones of plain reps', async () => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a', timeZone: 'Europe/Berlin' }, { id: 'b' }], store, clock: () => monday });
    expect(await assignees(assign, 3)).toEqual(['a', 'b', 'a']);
    expect(formatToParts).not.toHaveBeenCalled();
    expect(poolState(store)).toEqual({
      turn: 3,
      last: 'a',
      current: {},
      cycle: {},
      counts: {
        a: { total: 2, day: '', dayCount: 0, week: '', weekCount: 0 },
        b: { total: 1, day: '', dayCount: 0, week: '', weekCount: 0 },
      },
    });
  });

  it('converts time zones of capped reps', async () => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const dayCapped = assignment<Lead>({ reps: [{ id: 'a', caps: { day: 3 } }], clock: () => monday });
    expect((await dayCapped(input())).assignee).toBe('a');
    expect(formatToParts).toHaveBeenCalled();

    formatToParts.mockClear();
    const weekCapped = assignment<Lead>({ reps: [{ id: 'a', caps: { week: 3 } }], clock: () => monday });
    expect((await weekCapped(input())).assignee).toBe('a');
    expect(formatToParts).toHaveBeenCalled();
  });
});

describe('assignment rotation', () => {
  it('weighted cycle restarts after the total weight', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a', weight: 2 }, { id: 'b', weight: 1 }], strategy: 'weighted', clock: () => monday });
    const reasons = [];
    for (let i = 0; i < 7; i++) reasons.push((await assign(input())).reason);
    expect(reasons).toEqual([
      'a: next in weighted rotation, 1 of 2 this cycle, turn 1',
      'b: next in weighted rotation, 1 of 1 this cycle, turn 2',
      'a: next in weighted rotation, 2 of 2 this cycle, turn 3',
      'a: next in weighted rotation, 1 of 2 this cycle, turn 4',
      'b: next in weighted rotation, 1 of 1 this cycle, turn 5',
      'a: next in weighted rotation, 2 of 2 this cycle, turn 6',
      'a: next in weighted rotation, 1 of 2 this cycle, turn 7',
    ]);
  });

  it('load balancing counts capped reps', async () => {
    const reps: Rep[] = [
      { id: 'a', caps: { day: 10 } },
      { id: 'b', openLeads: 2, caps: { day: 10 } },
    ];
    const assign = assignment<Lead>({ reps, strategy: 'load_based', clock: () => monday });
    const reasons = [];
    for (let i = 0; i < 5; i++) reasons.push((await assign(input())).reason);
    expect(reasons).toEqual([
      'a: fewest open leads (0), turn 1',
      'a: fewest open leads (1), turn 2',
      'b: fewest open leads (2), turn 3',
      'a: fewest open leads (2), turn 4',
      'b: fewest open leads (3), turn 5',
    ]);
  });

  it('recovers from corrupt pool state', async () => {
    for (const corrupt of ['not json', 'null', '{"turn":"x"}']) {
      const store = memoryStore({ [POOL_KEY]: corrupt });
      const result = await assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], store, clock: () => monday })(input());
      expect(result).toEqual({ assignee: 'a', method: 'round_robin', reason: 'a: next in round robin, turn 1', turn: 1, skipped: [] });
    }
  });

  it('fallback leaves the store untouched', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a', active: false }], store, fallback: 'queue', clock: () => monday });
    expect(await assign(input())).toEqual({
      assignee: 'queue',
      method: 'fallback',
      reason: 'no rep is available, so the lead went to the fallback',
      turn: null,
      skipped: [{ rep: 'a', code: 'inactive' }],
    });
    expect(store.snapshot()).toEqual({});
  });

  it('rep named as the fallback', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], store, fallback: 'a', clock: () => monday });
    const first = await assign(input());
    const second = await assign(input());
    expect(first).toEqual({ assignee: 'a', method: 'round_robin', reason: 'a: next in round robin, turn 1', turn: 1, skipped: [] });
    expect(second).toEqual({ assignee: 'b', method: 'round_robin', reason: 'b: next in round robin, turn 2', turn: 2, skipped: [] });
  });

  it('reads only the pool state', async () => {
    const store = recordingStore();
    const result = await assignment<Lead>({ reps: [{ id: 'a' }], store, clock: () => monday })(input({ email: 'jane@acme.com' }));
    expect(result.assignee).toBe('a');
    expect(store.reads).toEqual([POOL_KEY]);
    expect(store.casCalls()).toBe(1);
  });

  it('single attempt on a free store', async () => {
    const result = await assignment<Lead>({ reps: [{ id: 'a' }], maxAttempts: 1, clock: () => monday })(input());
    expect(result.assignee).toBe('a');
  });

  it('gives up after exactly maxAttempts', async () => {
    const store = recordingStore(false);
    const assign = assignment<Lead>({ reps: [{ id: 'a' }], store, maxAttempts: 3, clock: () => monday });
    await expect(assign(input())).rejects.toThrow(
      'assignment: the store rejected 3 compare-and-set attempts on netspear:pool:default; raise maxAttempts or reduce contention',
    );
    expect(store.casCalls()).toBe(3);
  });
});

describe('assignment owners', () => {
  it('account owner result', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], owner: () => 'b', clock: () => monday });
    expect(await assign(input())).toEqual({ assignee: 'b', method: 'account_owner', reason: 'b: owns the account', turn: null, skipped: [] });
  });

  it('empty owner id is no owner', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }], owner: () => '', clock: () => monday });
    expect(await assign(input())).toEqual({ assignee: 'a', method: 'round_robin', reason: 'a: next in round robin, turn 1', turn: 1, skipped: [] });
  });

  it('inactive owner skip code', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'gone', active: false }], owner: () => 'gone', clock: () => monday });
    // The owner check and the pool each skip the inactive rep.
    expect((await assign(input())).skipped).toEqual([
      { rep: 'gone', code: 'inactive' },
      { rep: 'gone', code: 'inactive' },
    ]);
  });

  it('open lead outranks the account owner', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], owner: () => 'b', duplicates: true, clock: () => monday });
    const first = await assign(input({ email: 'jane@acme.com' }));
    const copy = await assign(input({ email: 'jane@acme.com' }));
    expect(first.method).toBe('account_owner');
    expect(copy).toEqual({ assignee: 'b', method: 'duplicate', reason: 'b: owns the open lead jane@acme.com', turn: null, skipped: [] });
  });
});

describe('assignment duplicates', () => {
  it('duplicate result and store keys', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], duplicates: true, store, clock: () => monday });
    const first = await assign(input({ email: 'Jane+webinar@Acme.com' }));
    const copy = await assign(input({ email: 'jane@acme.com' }));
    expect(first).toEqual({ assignee: 'a', method: 'round_robin', reason: 'a: next in round robin, turn 1', turn: 1, skipped: [] });
    expect(copy).toEqual({ assignee: 'a', method: 'duplicate', reason: 'a: owns the open lead jane@acme.com', turn: null, skipped: [] });
    expect(Object.keys(store.snapshot()).sort()).toEqual(['netspear:open-lead:default:jane@acme.com', POOL_KEY]);
    expect(store.snapshot()['netspear:open-lead:default:jane@acme.com']).toBe('a');
  });

  it('open-lead keys carry the pool name', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }], duplicates: true, store, pool: 'east', clock: () => monday });
    await assign(input({ email: 'jane@acme.com' }));
    expect(Object.keys(store.snapshot()).sort()).toEqual(['netspear:open-lead:east:jane@acme.com', 'netspear:pool:east']);
  });

  it('different emails are not duplicates', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], duplicates: true, clock: () => monday });
    const results = [
      await assign(input({ email: 'jane@acme.com' })),
      await assign(input({ email: '+tag@acme.com' })),
      await assign(input({ email: '+other@acme.com' })),
    ];
    expect(results.map((r) => [r.assignee, r.method])).toEqual([
      ['a', 'round_robin'],
      ['b', 'round_robin'],
      ['c', 'round_robin'],
    ]);
  });

  it('invalid email skips duplicate detection', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], duplicates: true, store, clock: () => monday });
    const results = [await assign(input({ email: 'not an email' })), await assign(input({ email: 'not an email' }))];
    expect(results.map((r) => [r.assignee, r.method])).toEqual([
      ['a', 'round_robin'],
      ['b', 'round_robin'],
    ]);
    expect(Object.keys(store.snapshot())).toEqual([POOL_KEY]);
  });

  it('duplicates false turns detection off', async () => {
    const store = memoryStore();
    const assign = assignment<Lead>({ reps: [{ id: 'a' }, { id: 'b' }], duplicates: false, store, clock: () => monday });
    const results = [await assign(input({ email: 'jane@acme.com' })), await assign(input({ email: 'jane@acme.com' }))];
    expect(results.map((r) => [r.assignee, r.method])).toEqual([
      ['a', 'round_robin'],
      ['b', 'round_robin'],
    ]);
    expect(Object.keys(store.snapshot())).toEqual([POOL_KEY]);
  });

  it('custom email field', async () => {
    interface Contact {
      email?: string;
      contact: { email: string };
    }
    const assign = assignment<Contact>({ reps: [{ id: 'a' }, { id: 'b' }], duplicates: { emailField: 'contact.email' }, clock: () => monday });
    const first = await assign(input<Contact>({ email: 'one@acme.com', contact: { email: 'jane@acme.com' } }));
    const copy = await assign(input<Contact>({ email: 'two@acme.com', contact: { email: 'jane@acme.com' } }));
    expect(first.assignee).toBe('a');
    expect(copy).toEqual({ assignee: 'a', method: 'duplicate', reason: 'a: owns the open lead jane@acme.com', turn: null, skipped: [] });
  });

  it('duplicates as a function reads email', async () => {
    const duplicates = callable({ emailField: 'contact' });
    const assign = build({ reps: [{ id: 'a' }, { id: 'b' }], duplicates, clock: () => monday });
    const first = await assign(input({ email: 'jane@acme.com' }));
    const copy = await assign(input({ email: 'jane@acme.com' }));
    expect(first.assignee).toBe('a');
    expect(copy.method).toBe('duplicate');
  });
});

describe('assignment territories', () => {
  const reps: Rep[] = [
    { id: 'anywhere' },
    { id: 'west', territories: ['West'] },
    { id: 'east', territories: ['East'] },
  ];

  it('territory leaves no skip entries', async () => {
    const assign = assignment<Lead>({ reps, territory: () => 'East', clock: () => monday });
    expect(await assign(input())).toEqual({ assignee: 'east', method: 'round_robin', reason: 'east: next in round robin, turn 1', turn: 1, skipped: [] });
  });

  it('empty territory means the whole pool', async () => {
    const assign = assignment<Lead>({ reps: [{ id: 'east', territories: ['East'] }], territory: () => '', clock: () => monday });
    expect((await assign(input())).assignee).toBe('east');
  });

  it.each<[string, unknown]>([
    ['no territory', undefined],
    ['empty territory', ''],
    ['territory as an array', ['East']],
  ])('fallback reason: %s', async (_, territory) => {
    const assign = assignment<Lead>({ reps: [{ id: 'east', territories: ['East'], active: false }], territory: () => territory, clock: () => monday });
    expect(await assign(input())).toEqual({
      assignee: null,
      method: 'fallback',
      reason: 'no rep is available, so the lead went to the fallback',
      turn: null,
      skipped: [{ rep: 'east', code: 'inactive' }],
    });
  });
});
