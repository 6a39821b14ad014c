import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import { DEFAULT_PLACEHOLDERS, isMissing } from '../internal/values.js';
import type { Decision, RouteOptions, Router } from './router.js';
import type { RouterStore } from './store.js';

/** The store of first decisions and the source of a lead's idempotency key. */
export interface IdempotencyOptions<L> {
  readonly store: RouterStore;
  /** A field path or a function giving the key; `route(lead, { idempotencyKey })` overrides it. */
  readonly key?: string | ((lead: L) => unknown);
  /** Prefix of the store keys. Defaults to `netspear:decision:`. */
  readonly prefix?: string;
  /**
   * Milliseconds after which a routing that started but never stored its decision counts as
   * dead, so that the next call with its key routes the lead again. Defaults to 900,000 (15
   * minutes, the longest run of an AWS Lambda function).
   */
  readonly pendingTimeoutMs?: number;
  /** The clock of the pending markers. Defaults to `Date.now`. */
  readonly clock?: () => number;
}

const API = 'idempotent';
const PENDING_PREFIX = '{"pending":true';

/**
 * Returns when a pending marker was written, or undefined when the stored value is a decision.
 * A marker without a readable time counts as written at the epoch, so it has expired.
 */
function pendingSince(stored: string): number | undefined {
  if (!stored.startsWith(PENDING_PREFIX)) return undefined;
  try {
    const since: unknown = (JSON.parse(stored) as { since?: unknown }).since;
    return typeof since === 'number' && Number.isFinite(since) ? since : 0;
  } catch {
    return 0;
  }
}

/**
 * Wraps a router so that a lead or event routed again with the same key gets the first
 * decision back, without assignment or hooks running again. A lead without a key is routed as
 * usual and marked `no_key`. A store failure never loses the lead: it is routed and marked `store_failed`.
 *
 * @example
 * const router = idempotent(createRouter({ ... }), { store: memoryStore(), key: 'formSubmissionId' });
 * await router.route(lead); // idempotency.status: 'first'
 * await router.route(lead); // the same decision, idempotency.status: 'replayed'
 */
/* @__NO_SIDE_EFFECTS__ */
export function idempotent<L, R extends string>(router: Router<L, R>, options: IdempotencyOptions<L>): Router<L, R> {
  if (router?.kind !== 'router') {
    throw new ConfigError(API, 'router', `expected a router built by createRouter(), received ${describeValue(router)}`);
  }
  const store = options?.store;
  if (typeof store?.get !== 'function' || typeof store.set !== 'function' || typeof store.compareAndSet !== 'function') {
    throw new ConfigError(API, 'store', `expected a store with get, set and compareAndSet, received ${describeValue(store)}`);
  }
  const { key } = options;
  if (key !== undefined && typeof key !== 'function' && typeof key !== 'string') {
    throw new ConfigError(API, 'key', `expected a field path or a function, received ${describeValue(key)}`);
  }
  const keyPath = typeof key === 'string' ? splitPath(API, 'key', key) : undefined;
  const prefix = options.prefix ?? 'netspear:decision:';
  const timeout = options.pendingTimeoutMs ?? 900_000;
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    throw new ConfigError(API, 'pendingTimeoutMs', `expected a number of milliseconds above 0, received ${describeValue(timeout)}`);
  }
  const clock = options.clock ?? Date.now;
  if (typeof clock !== 'function') throw new ConfigError(API, 'clock', `expected a function returning epoch milliseconds, received ${describeValue(clock)}`);

  const readKey = (lead: L, override: string | undefined): string | null => {
    let raw: unknown = override;
    if (raw === undefined) {
      try {
        if (typeof key === 'function') raw = key(lead);
        else if (keyPath !== undefined) raw = readPath(lead, keyPath);
      } catch {
        raw = undefined;
      }
    }
    // A blank key or a form placeholder such as `Select` would merge different leads.
    if (typeof raw === 'string' && !isMissing(raw, DEFAULT_PLACEHOLDERS)) return raw;
    return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : null;
  };

  const route = async (lead: L, routeOptions: RouteOptions = {}): Promise<Decision<R>> => {
    if (routeOptions.dryRun === true) return router.route(lead, routeOptions);
    const id = readKey(lead, routeOptions.idempotencyKey);
    if (id === null) return { ...(await router.route(lead, routeOptions)), idempotency: { key: null, status: 'no_key' } };
    const storeKey = prefix + id;
    try {
      const now = clock();
      const marker = JSON.stringify({ pending: true, since: now });
      if (!(await store.compareAndSet(storeKey, undefined, marker))) {
        const stored = await store.get(storeKey);
        const since = stored === undefined ? undefined : pendingSince(stored);
        if (stored !== undefined && since === undefined) {
          return { ...(JSON.parse(stored) as Decision<R>), idempotency: { key: id, status: 'replayed' } };
        }
        // A marker older than the timeout belongs to a routing that died before it stored its
        // decision. One caller takes it over by swapping in its own marker and routes again.
        const expired = stored !== undefined && since !== undefined && now - since >= timeout;
        if (!expired || !(await store.compareAndSet(storeKey, stored, marker))) {
          // The first routing with this key has not finished: return the pure decision, with no
          // assignment and no hooks, so that side effects run once.
          const decision = await router.route(lead, { dryRun: true });
          return { ...decision, idempotency: { key: id, status: 'in_progress' } };
        }
      }
    } catch {
      const decision = await router.route(lead, routeOptions);
      return { ...decision, idempotency: { key: id, status: 'store_failed' } };
    }
    const decision: Decision<R> = { ...(await router.route(lead, routeOptions)), idempotency: { key: id, status: 'first' } };
    try {
      await store.set(storeKey, JSON.stringify(decision));
      return decision;
    } catch {
      return { ...decision, idempotency: { key: id, status: 'store_failed' } };
    }
  };

  return { ...router, route };
}
