import { ConfigError, describeValue } from '../internal/config-error.js';
import { openLeads } from '../internal/iterate.js';
import { describeError, type ErrorInfo } from './hooks.js';
import type { Decision, RouteOptions, Router } from './router.js';

/** The result for one lead of a batch, in input order. */
export type BatchResult<L, R extends string> =
  | { readonly index: number; readonly lead: L; readonly ok: true; readonly decision: Decision<R> }
  | { readonly index: number; readonly lead: L; readonly ok: false; readonly error: ErrorInfo };

/** Counts reported while a batch runs. */
export interface BatchProgress {
  /** Leads whose result was handed to the consumer. */
  readonly done: number;
  /** Of those, leads whose routing failed. */
  readonly failed: number;
  /** Leads being routed now. */
  readonly inFlight: number;
}

/** Options for {@link routeMany}. */
export interface RouteManyOptions extends RouteOptions {
  /** Leads routed at the same time. Defaults to 8. */
  readonly concurrency?: number;
  /** Called after every `progressEvery` results and once at the end. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Defaults to 1,000. */
  readonly progressEvery?: number;
}

/**
 * Routes leads from an array, iterable or async iterable, yielding one result per lead in
 * input order. At most `concurrency` leads are in flight and the next lead is read only when
 * the consumer requests more, so memory stays constant however many leads the source contains.
 * A lead whose routing fails is reported and the batch carries on. The first `next()` rejects
 * with a `NetspearConfigError` when the router, the lead source or the options are invalid.
 *
 * @example
 * for await (const result of routeMany(router, readLeads(), { concurrency: 16 })) {
 *   if (result.ok) await crm.update(result.lead.id, result.decision);
 *   else console.error(`lead ${result.index}: ${result.error.message}`);
 * }
 */
export async function* routeMany<L, R extends string>(
  router: Router<L, R>,
  leads: Iterable<L> | AsyncIterable<L>,
  options: RouteManyOptions = {},
): AsyncGenerator<BatchResult<L, R>, BatchProgress, undefined> {
  if (router?.kind !== 'router') {
    throw new ConfigError('routeMany', 'router', `expected a router built by createRouter(), received ${describeValue(router)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('routeMany', 'options', `expected an options object, received ${describeValue(options)}`);
  }
  const concurrency = options.concurrency ?? 8;
  const every = options.progressEvery ?? 1_000;
  for (const [name, value] of [['concurrency', concurrency], ['progressEvery', every]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new ConfigError('routeMany', name, `expected a whole number from 1, received ${describeValue(value)}`);
    }
  }
  const { concurrency: _c, onProgress, progressEvery: _p, ...routeOptions } = options;
  const source = openLeads('routeMany', leads);
  const window: Promise<BatchResult<L, R>>[] = [];
  let index = 0;
  let done = 0;
  let failed = 0;
  let exhausted = false;

  const start = (lead: L): Promise<BatchResult<L, R>> => {
    const at = index++;
    return router.route(lead, routeOptions).then(
      (decision) => ({ index: at, lead, ok: true as const, decision }),
      (error: unknown) => ({ index: at, lead, ok: false as const, error: describeError(error) }),
    );
  };
  const progress = (): BatchProgress => ({ done, failed, inFlight: window.length });

  try {
    for (;;) {
      while (!exhausted && window.length < concurrency) {
        const next = await source.next();
        if (next.done === true) exhausted = true;
        else window.push(start(next.value));
      }
      const head = window.shift();
      if (head === undefined) break;
      const result = await head;
      done++;
      if (!result.ok) failed++;
      yield result;
      if (done % every === 0) onProgress?.(progress());
    }
  } finally {
    // Close the source when the consumer stops early, as for-await does for its own loop.
    if (!exhausted) await source.return?.();
  }
  const summary = progress();
  onProgress?.(summary);
  return summary;
}
