import { ConfigError, describeValue } from '../internal/config-error.js';
import { readPath, splitPath } from '../internal/path.js';
import type { Decision, RouteOptions, Router } from './router.js';
import type { RouterStore } from './store.js';

/** The store of first decisions and the source of a lead's idempotency key. */
export interface IdempotencyOptions<L> {
  readonly store: RouterStore;
  /** A field path or a function giving the key; `route(lead, { idempotencyKey })` overrides it. */
  readonly key?: string | ((lead: L) => unknown);
  /** Prefix of the store keys. Defaults to `netspear:decision:`. */
  readonly prefix?: string;
}

const API = 'idempotent';
const PENDING = '{"pending":true}';

/**
 * Wraps a router so that a lead or event routed again with the same key gets the first
 * decision back, without assignment or hooks running again. A lead without a key is routed as
 * usual. A store failure never loses the lead: it is routed and marked `store_failed`.
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
    if (typeof raw === 'string' && raw.length > 0) return raw;
    return typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : null;
  };

  const route = async (lead: L, routeOptions: RouteOptions = {}): Promise<Decision<R>> => {
    const id = routeOptions.dryRun === true ? null : readKey(lead, routeOptions.idempotencyKey);
    if (id === null) return router.route(lead, routeOptions);
    const storeKey = prefix + id;
    try {
      if (!(await store.compareAndSet(storeKey, undefined, PENDING))) {
        const stored = await store.get(storeKey);
        if (stored !== undefined && stored !== PENDING) {
          return { ...(JSON.parse(stored) as Decision<R>), idempotency: { key: id, status: 'replayed' } };
        }
        // The first routing with this key has not finished: return the pure decision, with no
        // assignment and no hooks, so that side effects run once.
        // NOTE: a process that dies mid-routing leaves the pending marker; give the store a TTL.
        const decision = await router.route(lead, { dryRun: true });
        return { ...decision, idempotency: { key: id, status: 'in_progress' } };
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
