import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { parseEmail } from '../identity/index.js';
import { localTimeIn, parseClockTime, parseInstant, type LocalTime } from './availability.js';
import type { AssignInput, Assigner, Assignment } from './router.js';
import { memoryStore, type RouterStore } from './store.js';

/** A sales rep who can take leads. */
export interface Rep {
  readonly id: string;
  /** False for a rep who left or is paused; their leads fall through to the pool. Defaults to true. */
  readonly active?: boolean;
  /** Share in weighted rotation, a whole number from 1. Defaults to 1. */
  readonly weight?: number;
  /** IANA time zone of working hours and of the day and week caps count in. Defaults to `UTC`. */
  readonly timeZone?: string;
  /** Local working hours; outside them the rep is skipped. Without it the rep is always available. */
  readonly workingHours?: {
    /** ISO weekdays, 1 (Monday) to 7 (Sunday). Defaults to Monday to Friday. */
    readonly days?: readonly number[];
    /** `HH:MM`, inclusive. */
    readonly start: string;
    /** `HH:MM`, exclusive; earlier than `start` for a shift past midnight. */
    readonly end: string;
  };
  /** Absences as ISO 8601 date-times; `from` inclusive, `to` exclusive. */
  readonly outOfOffice?: readonly { readonly from: string; readonly to: string }[];
  /** Maximum leads per local calendar day and per ISO week. */
  readonly caps?: { readonly day?: number; readonly week?: number };
  /** Territories the rep covers, such as the regional offices `East` or `West`. */
  readonly territories?: readonly string[];
  /** Open leads the rep has now, the starting load for `load_based`. Defaults to 0. */
  readonly openLeads?: number;
}

/** The method by which the pool picks a rep. */
export type AssignmentStrategy = 'round_robin' | 'weighted' | 'load_based';

/** Options for {@link assignment}. */
export interface AssignmentOptions<L> {
  readonly reps: readonly Rep[];
  /** Defaults to `round_robin`. */
  readonly strategy?: AssignmentStrategy;
  /** The store of rotation state, caps and open leads. Defaults to a new {@link memoryStore}. */
  readonly store?: RouterStore;
  /** The pool's name in store keys, so that several pools share a store. Defaults to `default`. */
  readonly pool?: string;
  /** The rep id of the lead's account owner, who gets the lead when available. */
  readonly owner?: (input: AssignInput<L>) => unknown;
  /** The lead's territory; only reps who cover it are in the pool. Without a value the whole pool is. */
  readonly territory?: (input: AssignInput<L>) => unknown;
  /** Send a lead whose normalised email has an open lead to that lead's owner. Off by default. */
  readonly duplicates?: boolean | { readonly emailField?: string };
  /** The assignee, such as a queue id, when no rep can take the lead. Defaults to null. */
  readonly fallback?: string;
  /** Milliseconds since the epoch. Defaults to `Date.now`. */
  readonly clock?: () => number;
  /** Compare-and-set attempts before giving up under contention. Defaults to 1,000. */
  readonly maxAttempts?: number;
}

/** Per-rep counts in the rotation state. */
interface RepCounts {
  total: number;
  day: string;
  dayCount: number;
  week: string;
  weekCount: number;
}

/** The rotation state of one pool, stored as JSON under one key, so one compare-and-set updates it atomically. */
interface PoolState {
  turn: number;
  last: string | null;
  current: Record<string, number>;
  cycle: Record<string, number>;
  counts: Record<string, RepCounts>;
}

interface CompiledRep {
  readonly id: string;
  readonly active: boolean;
  readonly weight: number;
  readonly local: (epochMs: number) => LocalTime;
  readonly hours: { readonly days: readonly number[]; readonly start: number; readonly end: number } | undefined;
  readonly away: readonly (readonly [number, number])[];
  readonly dayCap: number;
  readonly weekCap: number;
  readonly territories: readonly string[] | undefined;
  readonly openLeads: number;
}

const API = 'assignment';

function whole(path: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new ConfigError(API, path, `expected a whole number from ${min}, received ${describeValue(value)}`);
  }
  return value as number;
}

function compileRep(rep: Rep, i: number, ids: Set<string>): CompiledRep {
  const at = `reps[${i}]`;
  if (rep === null || typeof rep !== 'object' || typeof rep.id !== 'string' || rep.id.length === 0) {
    throw new ConfigError(API, `${at}.id`, `expected a non-empty string, received ${describeValue(rep?.id)}`);
  }
  if (ids.has(rep.id)) throw new ConfigError(API, `${at}.id`, `duplicate rep id ${JSON.stringify(rep.id)}`);
  ids.add(rep.id);
  const hours = rep.workingHours;
  const days = hours?.days ?? [1, 2, 3, 4, 5];
  if (!Array.isArray(days) || days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    throw new ConfigError(API, `${at}.workingHours.days`, `expected ISO weekdays from 1 (Monday) to 7 (Sunday), received ${describeValue(days)}`);
  }
  const territories = rep.territories;
  if (territories !== undefined && (!Array.isArray(territories) || territories.some((t) => typeof t !== 'string'))) {
    throw new ConfigError(API, `${at}.territories`, `expected an array of strings, received ${describeValue(territories)}`);
  }
  return {
    id: rep.id,
    active: rep.active !== false,
    weight: whole(`${at}.weight`, rep.weight, 1, 1),
    local: localTimeIn(API, `${at}.timeZone`, rep.timeZone ?? 'UTC'),
    hours:
      hours === undefined
        ? undefined
        : { days, start: parseClockTime(API, `${at}.workingHours.start`, hours.start), end: parseClockTime(API, `${at}.workingHours.end`, hours.end) },
    away: (rep.outOfOffice ?? []).map((span, j) => [
      parseInstant(API, `${at}.outOfOffice[${j}].from`, span?.from),
      parseInstant(API, `${at}.outOfOffice[${j}].to`, span?.to),
    ]),
    dayCap: whole(`${at}.caps.day`, rep.caps?.day, Number.MAX_SAFE_INTEGER, 0),
    weekCap: whole(`${at}.caps.week`, rep.caps?.week, Number.MAX_SAFE_INTEGER, 0),
    territories,
    openLeads: whole(`${at}.openLeads`, rep.openLeads, 0, 0),
  };
}

/** Returns why `rep` cannot take a lead now, or undefined when it can. */
function unavailable(rep: CompiledRep, now: number, counts: RepCounts | undefined): string | undefined {
  if (!rep.active) return 'inactive';
  if (rep.away.some(([from, to]) => now >= from && now < to)) return 'out_of_office';
  const hours = rep.hours;
  const capped = rep.dayCap < Number.MAX_SAFE_INTEGER || rep.weekCap < Number.MAX_SAFE_INTEGER;
  // Time-zone conversion is the costly part, so it runs only for reps with hours or caps.
  if (hours === undefined && !capped) return undefined;
  const local = rep.local(now);
  if (hours !== undefined) {
    const inside = hours.start <= hours.end
      ? local.minutes >= hours.start && local.minutes < hours.end
      : local.minutes >= hours.start || local.minutes < hours.end;
    if (!hours.days.includes(local.weekday) || !inside) return 'outside_working_hours';
  }
  if ((counts?.day === local.date ? counts.dayCount : 0) >= rep.dayCap) return 'cap_day';
  if ((counts?.week === local.week ? counts.weekCount : 0) >= rep.weekCap) return 'cap_week';
  return undefined;
}

/** Counts one more lead for `rep` in `state`. */
function count(state: PoolState, rep: CompiledRep, now: number): void {
  const counts = state.counts[rep.id];
  if (rep.dayCap === Number.MAX_SAFE_INTEGER && rep.weekCap === Number.MAX_SAFE_INTEGER) {
    state.counts[rep.id] = { total: (counts?.total ?? 0) + 1, day: '', dayCount: 0, week: '', weekCount: 0 };
    return;
  }
  const local = rep.local(now);
  state.counts[rep.id] = {
    total: (counts?.total ?? 0) + 1,
    day: local.date,
    dayCount: (counts?.day === local.date ? counts.dayCount : 0) + 1,
    week: local.week,
    weekCount: (counts?.week === local.week ? counts.weekCount : 0) + 1,
  };
}

function parseState(text: string | undefined): PoolState {
  const empty: PoolState = { turn: 0, last: null, current: {}, cycle: {}, counts: {} };
  if (text === undefined) return empty;
  try {
    const state = JSON.parse(text) as PoolState;
    return Number.isSafeInteger(state?.turn) ? state : empty;
  } catch {
    return empty;
  }
}

/** Normalises an email for duplicate detection: the canonical address without a `+tag`. */
function duplicateKey(email: unknown): string | undefined {
  const parsed = parseEmail(email);
  if (!parsed.ok) return undefined;
  const at = parsed.address.lastIndexOf('@');
  const local = parsed.address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}@${parsed.domain}`;
}

/**
 * Creates an assigner for a route. It tries the owner of an open lead with the same email, then
 * the account owner, then the pool by round robin, weighted round robin or fewest open leads.
 * The pool respects territories, working hours, absences and caps. Rotation state lives in
 * `store` behind compare-and-set, so concurrent routing never uses a turn twice or passes a cap.
 *
 * @example
 * const assign = assignment({
 *   reps: [{ id: 'rep-1', weight: 2, timeZone: 'America/New_York', caps: { day: 20 } }, { id: 'rep-2' }],
 *   strategy: 'weighted',
 *   owner: ({ decision }) => owners.get(decision.trace.account.matched ? decision.trace.account.accountId : ''),
 * });
 * const router = createRouter({ accounts, scorecard: card, assign: { sales: assign } });
 */
/* @__NO_SIDE_EFFECTS__ */
export function assignment<L = any>(options: AssignmentOptions<L>): Assigner<L> {
  if (options === null || typeof options !== 'object' || !Array.isArray(options.reps)) {
    throw new ConfigError(API, 'reps', `expected an array of reps, received ${describeValue(options?.reps)}`);
  }
  const ids = new Set<string>();
  const reps = options.reps.map((rep, i) => compileRep(rep, i, ids));
  const strategy = options.strategy ?? 'round_robin';
  if (!['round_robin', 'weighted', 'load_based'].includes(strategy)) {
    throw new ConfigError(API, 'strategy', `expected round_robin, weighted or load_based, received ${describeValue(strategy)}`);
  }
  for (const key of ['owner', 'territory', 'clock'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new ConfigError(API, key, `expected a function, received ${describeValue(options[key])}`);
    }
  }
  const ownStore = options.store ?? memoryStore();
  const stateKey = `netspear:pool:${options.pool ?? 'default'}`;
  const leadPrefix = `netspear:open-lead:${options.pool ?? 'default'}:`;
  const duplicates = options.duplicates;
  const emailPath = duplicates === undefined || duplicates === false
    ? undefined
    : splitPath(API, 'duplicates.emailField', (typeof duplicates === 'object' ? duplicates.emailField : undefined) ?? 'email');
  const fallback = options.fallback ?? null;
  const clock = options.clock ?? Date.now;
  const maxAttempts = whole('maxAttempts', options.maxAttempts, 1_000, 1);
  const byId = new Map(reps.map((rep) => [rep.id, rep]));

  const call = (read: ((input: AssignInput<L>) => unknown) | undefined, input: AssignInput<L>): unknown => {
    try {
      return read?.(input);
    } catch {
      return undefined;
    }
  };

  /** Picks from the pool and updates `state`; returns the rep and the reason, or undefined. */
  const pickFromPool = (state: PoolState, pool: readonly CompiledRep[]): { rep: CompiledRep; reason: string } | undefined => {
    if (pool.length === 0) return undefined;
    const start = state.last === null ? 0 : reps.findIndex((rep) => rep.id === state.last) + 1;
    // Reps in rotation order: the one after the last assignee first.
    const ordered = [...reps.slice(start), ...reps.slice(0, start)].filter((rep) => pool.includes(rep));
    let rep = ordered[0] as CompiledRep;
    let reason = `${rep.id}: next in round robin`;
    if (strategy === 'weighted') {
      // Smooth weighted round robin: each rep gains its weight, the highest is picked and pays the total back.
      let total = 0;
      for (const candidate of pool) {
        state.current[candidate.id] = (state.current[candidate.id] ?? 0) + candidate.weight;
        total += candidate.weight;
      }
      rep = pool.reduce((best, candidate) => ((state.current[candidate.id] ?? 0) > (state.current[best.id] ?? 0) ? candidate : best));
      state.current[rep.id] = (state.current[rep.id] ?? 0) - total;
      const cycle = Object.values(state.cycle).reduce((sum, n) => sum + n, 0);
      if (cycle >= total) state.cycle = {};
      state.cycle[rep.id] = (state.cycle[rep.id] ?? 0) + 1;
      reason = `${rep.id}: next in weighted rotation, ${state.cycle[rep.id]} of ${rep.weight} this cycle`;
    } else if (strategy === 'load_based') {
      const load = (candidate: CompiledRep): number => candidate.openLeads + (state.counts[candidate.id]?.total ?? 0);
      rep = ordered.reduce((best, candidate) => (load(candidate) < load(best) ? candidate : best));
      reason = `${rep.id}: fewest open leads (${load(rep)})`;
    }
    state.turn += 1;
    state.last = rep.id;
    return { rep, reason: `${reason}, turn ${state.turn}` };
  };

  return async (input) => {
    const store = input.store ?? ownStore;
    const now = clock();
    const email = emailPath === undefined ? undefined : duplicateKey(readPath(input.lead, emailPath));
    const openOwner = email === undefined ? undefined : await store.get(leadPrefix + email);
    const ownerId = call(options.owner, input);
    const territory = call(options.territory, input);

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const before = await store.get(stateKey);
      const state = parseState(before);
      const skipped: { rep: string; code: string }[] = [];
      let result: Assignment | undefined;

      const direct = (id: unknown, method: string, label: string): void => {
        if (result !== undefined || typeof id !== 'string' || id.length === 0) return;
        const rep = byId.get(id);
        const why = rep === undefined ? 'unknown_rep' : unavailable(rep, now, state.counts[id]);
        if (why !== undefined || rep === undefined) {
          skipped.push({ rep: id, code: why ?? 'unknown_rep' });
          return;
        }
        count(state, rep, now);
        result = { assignee: id, method, reason: `${id}: ${label}`, turn: null, skipped };
      };
      direct(openOwner, 'duplicate', `owns the open lead ${email ?? ''}`);
      direct(ownerId, 'account_owner', 'owns the account');

      if (result === undefined) {
        const pool = reps.filter((rep) => {
          const why =
            typeof territory === 'string' && territory.length > 0 && !(rep.territories ?? []).includes(territory)
              ? 'territory'
              : unavailable(rep, now, state.counts[rep.id]);
          if (why !== undefined && why !== 'territory') skipped.push({ rep: rep.id, code: why });
          return why === undefined;
        });
        const pick = pickFromPool(state, pool);
        if (pick !== undefined) {
          count(state, pick.rep, now);
          result = { assignee: pick.rep.id, method: strategy, reason: pick.reason, turn: state.turn, skipped };
        } else {
          const where = typeof territory === 'string' && territory.length > 0 ? ` in territory ${territory}` : '';
          result = { assignee: fallback, method: 'fallback', reason: `no rep${where} is available, so the lead went to the fallback`, turn: null, skipped };
        }
      }

      if (result.assignee === fallback && result.method === 'fallback') return result;
      const committed = JSON.stringify(state);
      if (await store.compareAndSet(stateKey, before, committed)) {
        if (email === undefined || result.assignee === null || result.assignee === openOwner) return result;
        const leadKey = leadPrefix + email;
        if (await store.compareAndSet(leadKey, openOwner, result.assignee)) return result;
        // Another copy of this lead got a rep since `openOwner` was read. Follow it to that rep,
        // and give the turn back unless another lead has taken one since.
        const owner = await store.get(leadKey);
        if (owner === undefined) return result;
        await store.compareAndSet(stateKey, committed, before ?? JSON.stringify(parseState(undefined)));
        return { assignee: owner, method: 'duplicate', reason: `${owner}: owns the open lead ${email}`, turn: null, skipped };
      }
    }
    throw new Error(`assignment: the store rejected ${maxAttempts} compare-and-set attempts on ${stateKey}; raise maxAttempts or reduce contention`);
  };
}
