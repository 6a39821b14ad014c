import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileForms } from '../../src/predicate/compile.js';
import { includesAll, includesNone, type Predicate } from '../../src/predicate/index.js';
import { optionsArb, predicateArb, recordArb } from './arbitraries.js';

/** Copies a record onto a class instance, which owns the same fields but takes the safe path. */
function withPrototype(record: Record<string, unknown>): Record<string, unknown> {
  class Company {}
  return Object.assign(new Company(), record) as Record<string, unknown>;
}

/** Builds an array proxy whose `includes` throws, a value that only the safe path handles. */
function hostileArray(): unknown[] {
  return new Proxy(['kubernetes'], {
    get(target, key, receiver) {
      if (key === 'includes' || key === 'length') throw new Error('trap');
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

describe('compileForms', () => {
  test.prop([predicateArb, recordArb, optionsArb])('fast and safe paths agree', (p, record, options) => {
    const { evaluate } = compileForms('test', p, options);
    expect(evaluate(record)).toBe(evaluate(withPrototype(record as Record<string, unknown>)));
  });

  test.prop([predicateArb, recordArb, optionsArb])('matches equals a match outcome', (p, record, options) => {
    const { evaluate, matches } = compileForms('test', p, options);
    expect(matches(record)).toBe(evaluate(record) === 'match');
    expect(matches(withPrototype(record as Record<string, unknown>))).toBe(evaluate(record) === 'match');
  });

  test.prop([predicateArb, recordArb])('fastMatches agrees on plain records', (p, record) => {
    const { fastMatches, matches } = compileForms('test', p);
    expect(fastMatches(record)).toBe(matches(record));
  });

  it.each<[string, Predicate<{ techStack: unknown }>]>([
    ['includesAll', includesAll('techStack', ['kubernetes'])],
    ['includesNone', includesNone('techStack', ['kubernetes'])],
  ])('%s on a throwing array is unknown', (_name, p) => {
    const { evaluate, matches, fastMatches } = compileForms('test', p);
    const record = { techStack: hostileArray() };
    expect(evaluate(record)).toBe('unknown');
    expect(matches(record)).toBe(false);
    expect(() => fastMatches(record)).toThrow('trap');
  });
});
