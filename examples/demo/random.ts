/**
 * A seeded pseudo-random number generator with the sampling helpers the demo generator needs.
 * The helpers use only `+ - * /`, `Math.floor` and comparisons, which IEEE 754 defines exactly,
 * and never `Math.log` or `Math.exp`, whose results the ECMAScript specification lets engines
 * approximate differently. So every engine generates the same data from a seed.
 */
export interface Random {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer from `min` to `max`, both inclusive. */
  int(min: number, max: number): number;
  /** Returns true with the given probability. */
  chance(probability: number): boolean;
  /** Returns a uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Returns an element chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Returns the number of successes before the first failure, each with probability `p`. */
  geometric(p: number, max: number): number;
  /** Returns `count` distinct elements of a list, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Mulberry32, the 32-bit generator Tommy Ettinger published in 2017 as public domain (gist
 * tommyettinger/46a874533244883189143505d203312c). Its period is 2^32, which suits sample data,
 * and its output is predictable, so it must not be used for secrets.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates the helpers over a Mulberry32 generator started from `seed`. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: expected a non-empty list');
    return items[int(0, items.length - 1)]!;
  };

  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let target = next() * total;
    for (const [item, weight] of entries) {
      target -= weight;
      if (target < 0) return item;
    }
    // Rounding can leave a tiny remainder after the last entry.
    return entries.at(-1)![0];
  };

  const geometric = (p: number, max: number): number => {
    let count = 0;
    while (count < max && next() < p) count++;
    return count;
  };

  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
    }
    return chosen;
  };

  return { next, int, chance: (probability) => next() < probability, pick, weighted, geometric, sample };
}
