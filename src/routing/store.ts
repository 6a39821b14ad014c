/**
 * A small key-value store for routing state (rotation turns, caps, open leads, idempotency
 * keys). Values are strings, so any key-value service fits: Redis, DynamoDB with a condition
 * expression, a Durable Object, a SQL row. Every method may be sync or async.
 */
export interface RouterStore {
  /** Returns the value of `key`, or undefined when it is absent. */
  readonly get: (key: string) => string | undefined | Promise<string | undefined>;
  /** Writes `value` under `key` unconditionally. */
  readonly set: (key: string, value: string) => void | Promise<void>;
  /**
   * Writes `value` only when the current value equals `expected` (undefined: the key is
   * absent), atomically, and returns whether it wrote.
   */
  readonly compareAndSet: (key: string, expected: string | undefined, value: string) => boolean | Promise<boolean>;
}

/** An in-memory store, with its contents exposed for tests and dry runs. */
export interface MemoryStore extends RouterStore {
  readonly kind: 'memory_store';
  /** Copies the current contents, for a dry run that starts from today's state. */
  readonly snapshot: () => Record<string, string>;
}

/**
 * Creates an in-memory store, optionally seeded from a snapshot. Each call is atomic because
 * JavaScript runs it to completion, so concurrent routing through one store never hands out
 * the same turn twice. Its state lives in one process: serverless instances each get their own.
 *
 * @example
 * const store = memoryStore();
 * const assign = assignment({ reps, store });
 */
/* @__NO_SIDE_EFFECTS__ */
export function memoryStore(seed: Readonly<Record<string, string>> = {}): MemoryStore {
  const values = new Map<string, string>(Object.entries(seed));
  return {
    kind: 'memory_store',
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
    },
    compareAndSet: (key, expected, value) => {
      if (values.get(key) !== expected) return false;
      values.set(key, value);
      return true;
    },
    snapshot: () => Object.fromEntries(values),
  };
}
