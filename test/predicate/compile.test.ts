import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import { compilePredicate, MAX_PREDICATE_DEPTH, predicateFields, wordKey } from '../../src/predicate/compile.js';
import {
  and,
  atLeast,
  between,
  containsAnyWord,
  equals,
  exists,
  includesAll,
  includesAny,
  not,
  oneOf,
  or,
  type Predicate,
  type PredicateNode,
} from '../../src/predicate/index.js';

/** Compiles a predicate and returns the error it throws, or fails the test when none is thrown. */
function compileError(predicate: unknown): ConfigError {
  try {
    compilePredicate('test', predicate as Predicate);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected compilePredicate to throw a ConfigError');
}

/** Builds a predicate of `depth` nested nots around a flag test. */
function nested(depth: number): PredicateNode {
  let node: PredicateNode = { op: 'is_true', field: 'active' };
  for (let i = 0; i < depth; i++) node = { op: 'not', predicate: node };
  return node;
}

describe('compilePredicate nesting limit', () => {
  it('accepts the deepest allowed nesting', () => {
    expect(compilePredicate('test', nested(MAX_PREDICATE_DEPTH))({ active: true })).toBe('match');
  });

  it('rejects one level deeper', () => {
    const error = compileError(nested(MAX_PREDICATE_DEPTH + 1));
    expect(error.message).toContain(`more than ${MAX_PREDICATE_DEPTH} levels`);
  });

  it('rejects hostile depth without overflow', () => {
    expect(compileError(nested(20_000)).name).toBe('NetspearConfigError');
  });
});

describe('compilePredicate validation', () => {
  it('error has config name', () => {
    const error = compileError({ op: 'gt', field: 'employees', value: 'many' });
    expect(error.name).toBe('NetspearConfigError');
    expect(error.api).toBe('test');
    expect(error.path).toBe('predicate.value');
  });

  it('unknown operator names op', () => {
    const error = compileError({ op: 'greater', field: 'employees', value: 1 });
    expect(error.path).toBe('predicate.op');
    expect(error.message).toContain('"greater"');
  });

  it('nested error names node', () => {
    const error = compileError(and(equals('industry', 'SaaS'), not(atLeast('employees', Number.NaN))));
    expect(error.message).toContain('predicate.predicates[1].predicate.value');
  });

  it('rejects __proto__ path', () => {
    const error = compileError(equals('__proto__.x', 1));
    expect(error.path).toBe('predicate.field');
    expect(error.message).toContain('__proto__');
  });

  it('rejects constructor path', () => {
    expect(compileError(exists('constructor')).message).toContain('"constructor"');
  });

  it('rejects prototype segment', () => {
    expect(compileError(exists('a.prototype')).message).toContain('"prototype"');
  });

  it('rejects empty path segment', () => {
    expect(compileError(exists('address..country')).message).toContain('empty segment');
    expect(compileError(exists('')).path).toBe('predicate.field');
  });

  it('rejects non-finite bounds', () => {
    expect(compileError(atLeast('employees', Number.POSITIVE_INFINITY)).path).toBe('predicate.value');
    expect(compileError(between('employees', 0, Number.NaN)).path).toBe('predicate.max');
  });

  it('rejects reversed between', () => {
    expect(compileError(between('employees', 10, 1)).message).toContain('min <= max');
  });

  it('rejects bad list element', () => {
    expect(compileError(oneOf('industry', ['SaaS', Number.NaN])).path).toBe('predicate.values[1]');
    expect(compileError(includesAny('tags', [{}] as never)).path).toBe('predicate.values[0]');
  });

  it('rejects non-array values', () => {
    expect(compileError({ op: 'one_of', field: 'industry', values: 'SaaS' }).path).toBe('predicate.values');
    expect(compileError({ op: 'and', predicates: null }).path).toBe('predicate.predicates');
  });

  it('rejects word without letters', () => {
    expect(compileError(containsAnyWord('title', ['engineer', ' - '])).path).toBe('predicate.words[1]');
  });

  it('rejects non-object node', () => {
    expect(compileError(or(equals('a', 1), null as never)).path).toBe('predicate.predicates[1]');
  });
});

describe('predicateFields', () => {
  it('lists fields once in order', () => {
    const p = or(and(equals('industry', 'SaaS'), atLeast('employees', 1)), not(equals('industry', 'Finance')));
    expect(predicateFields(p)).toEqual(['industry', 'employees']);
  });
});

describe('wordKey', () => {
  it('pads lower-case words', () => {
    expect(wordKey('Senior  Engineer, R&D')).toBe(' senior engineer r d ');
  });

  it('keeps non-Latin letters', () => {
    expect(wordKey('Ingénieur Größe')).toBe(' ingénieur größe ');
  });
});

describe('compiled leaf shortcuts', () => {
  it('placeholder in value list', () => {
    const test = compilePredicate('test', oneOf('industry', ['Select', 'SaaS']));
    expect(test({ industry: 'Select' })).toBe('unknown');
    expect(test({ industry: 'SaaS' })).toBe('match');
    expect(test({ industry: 'Retail' })).toBe('no_match');
  });

  it('placeholder after case folding', () => {
    const test = compilePredicate('test', equals('industry', 'select', { ignoreCase: true }));
    expect(test({ industry: 'SELECT' })).toBe('unknown');
  });

  it('non-ASCII placeholder longer in lower case', () => {
    // "aİb" has 3 characters and lower-cases to the 4 characters of "ai̇b".
    const test = compilePredicate('test', equals('answer', 'yes'), { placeholders: ['ai\u0307b'] });
    expect(test({ answer: 'a\u0130b' })).toBe('unknown');
    expect(test({ answer: 'no' })).toBe('no_match');
  });

  it('padded placeholder is missing', () => {
    const test = compilePredicate('test', oneOf('industry', ['SaaS']));
    expect(test({ industry: '  select ' })).toBe('unknown');
    expect(test({ industry: 'Selects' })).toBe('no_match');
  });

  it('throwing array spares siblings', () => {
    const techStack = new Proxy([], {
      get: () => {
        throw new Error('trap failed');
      },
    });
    const record = { techStack, country: 'US' };
    expect(compilePredicate('test', includesAll('techStack', ['kubernetes']))(record)).toBe('unknown');
    expect(compilePredicate('test', or(includesAny('techStack', ['kubernetes']), equals('country', 'US')))(record)).toBe('match');
  });

  it('throwing date value is unknown', () => {
    const closedOn = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('trap failed');
        },
      },
    );
    expect(compilePredicate('test', atLeast('closedOn', '2024-01-01'))({ closedOn })).toBe('unknown');
  });

  it('and of many parts', () => {
    const parts = [equals('a', 1), equals('b', 1), equals('c', 1), equals('d', 1)];
    const test = compilePredicate('test', and(...parts));
    expect(test({ a: 1, b: 1, c: 1, d: 1 })).toBe('match');
    expect(test({ a: 1, b: 1, c: 1 })).toBe('unknown');
    expect(test({ b: 1, c: 1, d: 2 })).toBe('no_match');
  });
});
