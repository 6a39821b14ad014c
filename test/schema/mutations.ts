// Mutations of valid definitions that netspear must reject: a wrong value at a key the library
// checks, an unknown operator, a reserved segment in a field path, or a `__proto__` key.
import { fc } from '@fast-check/vitest';

type Path = readonly (string | number)[];

/** Wrong values by key: each is invalid wherever the key appears in a definition. */
export const WRONG_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  points: [2.5, '10', null],
  id: [5, ''],
  name: ['', 7],
  field: ['__proto__.polluted', 'address..country', 'constructor', 5],
  op: ['regex', '$where', 3],
  weight: [0, -1, '3'],
  value: [{ $gt: 1 }, null],
  values: ['SaaS', 4],
  words: [5, 'cto'],
  predicates: [{}, 'all'],
  predicate: [5, []],
  days: [0, -3, '7'],
  min: ['abc', true],
  max: ['abc', false],
  maxCount: [-1, 1.5],
  maxPoints: [1.5, -2],
  perDay: [0],
  withinDays: [0, '30'],
  cap: [-1, 2.5],
  floor: [1, 'low'],
  factor: [-0.5, 'half'],
  afterDays: [-1, 'later'],
  kind: ['exponential', 1],
  event: ['', 4, []],
  at: ['__proto__', 'a..b'],
  eventsField: ['prototype.x', ''],
  attempts: [0, 1.5],
  backoffMs: [-1, 'soon'],
  timeoutMs: [0, -5, 3_000_000_000],
  mqlThreshold: ['high', true],
  emailField: ['__proto__', 'contact..email'],
  minCoverage: [2, -0.1],
  hysteresis: [-1],
  tiers: [[], {}],
  rules: [{}, 'all'],
  groups: ['none'],
  criteria: [[], {}],
  steps: [[]],
  definitions: [5, []],
  version: [2, '1'],
  parseStrings: ['yes'],
  placeholders: ['Select', [5]],
};

/** One place to mutate: an object in the definition and one of its keys. */
interface Site {
  readonly path: Path;
  readonly object: Record<string, unknown>;
  readonly key: string;
}

/** Lists every object key of a JSON value, depth first, with its path. */
function sites(value: unknown, path: Path = []): Site[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sites(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return Object.keys(object).flatMap((key) => [{ path, object, key }, ...sites(object[key], [...path, key])]);
}

/** Lists every object of a JSON value with its path. */
function objects(value: unknown, path: Path = []): { path: Path; object: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objects(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return [{ path, object }, ...Object.keys(object).flatMap((key) => objects(object[key], [...path, key]))];
}

/** A mutated definition and a description of the change, for failure messages. */
export interface Mutation {
  readonly input: unknown;
  readonly change: string;
}

/** Options of {@link mutationArb}. */
export interface MutationOptions {
  /** Keys whose values the library checks in this kind of definition. */
  readonly keys: readonly string[];
  /** Whether the library rejects an unknown `__proto__` key on the object at this path. */
  readonly checksKeysAt: (path: Path) => boolean;
  /** Paths the library does not read (such as the decay of a group without rules), left alone. */
  readonly skip?: (path: Path, definition: unknown) => boolean;
  /** The invalid definition used when a valid one has no key to mutate. Defaults to `5`. */
  readonly fallback?: unknown;
}

/**
 * Returns mutations of valid definitions: a wrong value at a checked key, or an own
 * `__proto__` key (as `JSON.parse` creates it) on an object whose keys the library checks.
 */
export function mutationArb(valid: fc.Arbitrary<unknown>, options: MutationOptions): fc.Arbitrary<Mutation> {
  return fc.tuple(valid, fc.nat(), fc.nat(), fc.boolean()).map(([definition, pick, variant, protoKey]) => {
    const copy = JSON.parse(JSON.stringify(definition)) as unknown;
    const skip = (path: Path) => options.skip?.(path, copy) ?? false;
    if (protoKey) {
      const targets = objects(copy).filter(({ path }) => options.checksKeysAt(path) && !skip(path));
      const target = targets[pick % targets.length];
      if (target !== undefined) {
        // An own `__proto__` key, as JSON.parse creates it from an attacker's payload.
        Object.defineProperty(target.object, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
        return { input: copy, change: `__proto__ key at ${JSON.stringify(target.path)}` };
      }
    }
    const targets = sites(copy).filter(({ key, path }) => options.keys.includes(key) && !skip([...path, key]));
    const target = targets[pick % targets.length];
    if (target === undefined) {
      const fallback = options.fallback ?? 5;
      return { input: fallback, change: `definition replaced by ${JSON.stringify(fallback)}` };
    }
    const wrong = WRONG_VALUES[target.key]!;
    const value = wrong[variant % wrong.length];
    target.object[target.key] = value;
    return { input: copy, change: `${JSON.stringify([...target.path, target.key])} = ${JSON.stringify(value)}` };
  });
}
