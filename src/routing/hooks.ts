import { ConfigError, describeValue } from '../internal/config-error.js';

/**
 * The `AbortSignal` of the caller's runtime when its types declare one (DOM or Node), and a
 * minimal shape otherwise, because the library compiles against ECMAScript alone.
 */
export type RouterAbortSignal = typeof globalThis extends { readonly AbortSignal: { readonly prototype: infer S } }
  ? S
  : { readonly aborted: boolean; readonly reason: unknown };

/** Timer functions the router uses for hook timeouts and retry backoff; inject fakes in tests. */
export interface Timers {
  /** Schedules `callback` after `ms` milliseconds and returns a handle for `clearTimeout`. */
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** Cancels the callback scheduled under `handle`, which `setTimeout` returned. */
  readonly clearTimeout: (handle: unknown) => void;
}

/** An opt-in retry: up to `attempts` runs in all, waiting `backoffMs × factor^(n−1)` before run n + 1. */
export interface RetryPolicy {
  /** Runs in all, the first included, from 1 to 10; 1 means no retry. */
  readonly attempts: number;
  /** Milliseconds to wait before the first retry. Defaults to 100. */
  readonly backoffMs?: number;
  /** Multiplier of the wait for each later retry. Defaults to 2. */
  readonly factor?: number;
}

/** The context a hook receives besides the decision and the lead. */
export interface HookContext {
  /** Aborted when the hook's timeout passes; pass it to `fetch` and other cancellable calls. */
  readonly signal: RouterAbortSignal;
  /** The run number, from 1; above 1 on a retry. */
  readonly attempt: number;
}

/** A thrown value as plain data. */
export interface ErrorInfo {
  readonly name: string;
  readonly message: string;
}

/** The failure of one timed run: what was thrown, or the timeout error. */
export interface RunFailure {
  readonly error: unknown;
  readonly timedOut: boolean;
}

/** The settings every timed run shares. */
export interface RunSettings {
  readonly timers: Timers;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy | undefined;
}

/** The maximum delay `setTimeout` accepts (2^31 − 1 ms), because a longer one fires at once in Node and browsers. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Turns anything thrown into a plain `{ name, message }`, without throwing itself. */
export function describeError(error: unknown): ErrorInfo {
  try {
    if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
    if (typeof error === 'string') return { name: 'NonError', message: error };
    return { name: 'NonError', message: `thrown value: ${describeValue(error)}` };
  } catch {
    return { name: 'NonError', message: 'thrown value could not be described' };
  }
}

/** Returns the timers of the global object, looked up at each call so that fake timers apply. */
export function globalTimers(): Timers {
  const host = globalThis as unknown as Timers;
  return {
    setTimeout: (callback, ms) => host.setTimeout(callback, ms),
    clearTimeout: (handle) => host.clearTimeout(handle),
  };
}

/** Checks a timeout in milliseconds, as a positive number no larger than `setTimeout` accepts. */
export function checkTimeout(api: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0) || value > MAX_TIMEOUT_MS) {
    throw new ConfigError(api, path, `expected milliseconds above 0, at most ${MAX_TIMEOUT_MS}, received ${describeValue(value)}`);
  }
  return value;
}

/** Maximum number of runs a retry policy allows, so that one failing hook cannot hold a serverless invocation for minutes. */
export const MAX_ATTEMPTS = 10;

/** Checks a retry policy. */
export function checkRetry(api: string, path: string, retry: unknown): RetryPolicy | undefined {
  if (retry === undefined) return undefined;
  const policy = retry as RetryPolicy;
  if (policy === null || typeof policy !== 'object' || Array.isArray(policy)) {
    throw new ConfigError(api, path, `expected a retry policy object, received ${describeValue(policy)}`);
  }
  const unknown = Object.keys(policy).find((key) => key !== 'attempts' && key !== 'backoffMs' && key !== 'factor');
  if (unknown !== undefined) {
    throw new ConfigError(api, `${path}.${unknown}`, 'unknown key; expected one of attempts, backoffMs, factor');
  }
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1 || policy.attempts > MAX_ATTEMPTS) {
    const problem = `expected a whole number of runs from 1 to ${MAX_ATTEMPTS}, received ${describeValue(policy?.attempts)}`;
    throw new ConfigError(api, `${path}.attempts`, problem);
  }
  for (const key of ['backoffMs', 'factor'] as const) {
    const value = policy[key];
    const max = key === 'backoffMs' ? MAX_TIMEOUT_MS : Number.MAX_VALUE;
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max)) {
      const range = key === 'backoffMs' ? `from 0 to ${MAX_TIMEOUT_MS}` : 'from 0';
      throw new ConfigError(api, `${path}.${key}`, `expected a finite number ${range}, received ${describeValue(value)}`);
    }
  }
  return policy;
}

/**
 * Runs `work` once with an abort signal and a timeout. Resolves to undefined on success and to
 * the failure otherwise; it never rejects. When the timeout passes first, the signal is aborted
 * with a `TimeoutError` and the work is no longer awaited.
 */
export function runOnce(settings: RunSettings, label: string, work: (signal: RouterAbortSignal) => unknown): Promise<RunFailure | undefined> {
  // NOTE: AbortController is a web API, not ECMAScript; every runtime netspear targets
  // (Node 20, browsers, Lambda, Workers, Vercel Edge) provides it.
  const Controller = (globalThis as unknown as { AbortController: new () => { signal: RouterAbortSignal; abort: (reason: unknown) => void } })
    .AbortController;
  const controller = new Controller();
  return new Promise((resolve) => {
    const timer = settings.timers.setTimeout(() => {
      const error = new Error(`${label} timed out after ${settings.timeoutMs} ms`);
      error.name = 'TimeoutError';
      controller.abort(error);
      resolve({ error, timedOut: true });
    }, settings.timeoutMs);
    const settle = (failure: RunFailure | undefined): void => {
      settings.timers.clearTimeout(timer);
      resolve(failure);
    };
    let result: Promise<unknown>;
    try {
      // Promise.resolve adopts thenables and turns a throwing `then` into a rejection.
      result = Promise.resolve(work(controller.signal));
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      () => settle(undefined),
      (error: unknown) => settle({ error, timedOut: false }),
    );
  });
}

/** Waits `ms` milliseconds on the injected timers. */
export function sleep(timers: Timers, ms: number): Promise<void> {
  return new Promise((resolve) => {
    timers.setTimeout(resolve, ms);
  });
}

/**
 * Runs `work` with the timeout and the retry policy. Resolves to the number of runs and the
 * last failure, which is undefined when a run succeeded.
 */
export async function runWithRetry(
  settings: RunSettings,
  label: string,
  work: (signal: RouterAbortSignal, attempt: number) => unknown,
): Promise<{ readonly attempts: number; readonly failure: RunFailure | undefined }> {
  const attempts = settings.retry?.attempts ?? 1;
  let delay = settings.retry?.backoffMs ?? 100;
  let failure: RunFailure | undefined;
  for (let attempt = 1; ; attempt++) {
    failure = await runOnce(settings, label, (signal) => work(signal, attempt));
    if (failure === undefined || attempt >= attempts) return { attempts: attempt, failure };
    await sleep(settings.timers, delay);
    // A delay past the timer limit would fire at once, so a large factor stops growing there.
    delay = Math.min(MAX_TIMEOUT_MS, delay * (settings.retry?.factor ?? 2));
  }
}
