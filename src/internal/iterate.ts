import { ConfigError, describeValue } from './config-error.js';

/**
 * Opens a sync or async iterable of leads as one iterator whose `next()` results can be awaited.
 * Throws a `ConfigError` for anything else, including a string, whose characters are never leads.
 *
 * `for await` over a sync iterable awaits every value, which reads its `then` property: a lead
 * whose getter or proxy trap throws, or a revoked proxy, would end the loop there. Awaiting the
 * result of `next()` reads `then` on the `{ value, done }` wrapper only.
 */
export function openLeads<L>(api: string, leads: Iterable<L> | AsyncIterable<L>): Iterator<L> | AsyncIterator<L> {
  const candidate = leads as Partial<AsyncIterable<L> & Iterable<L>> | null;
  if (typeof candidate !== 'object' || candidate === null) {
    throw new ConfigError(api, 'leads', `expected an array, iterable or async iterable of leads, received ${describeValue(leads)}`);
  }
  const openAsync = candidate[Symbol.asyncIterator];
  if (typeof openAsync === 'function') return openAsync.call(candidate);
  const openSync = candidate[Symbol.iterator];
  if (typeof openSync === 'function') return openSync.call(candidate);
  throw new ConfigError(api, 'leads', `expected an array, iterable or async iterable of leads, received ${describeValue(leads)}`);
}
