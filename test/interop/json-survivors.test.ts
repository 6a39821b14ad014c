import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parsePredicate, toPredicateJson, type PredicateIssue } from '../../src/interop/index.js';
import { checkFieldPath, IssueList } from '../../src/interop/issues.js';
import { and, atLeast, between, exists, named, not, type Predicate } from '../../src/predicate/index.js';
import { uniquelyNamedArb } from '../predicate/arbitraries.js';

/** Parses a document and returns its issues, or an empty list when it parses. */
function problemsOf(input: unknown): readonly PredicateIssue[] {
  const result = parsePredicate(input);
  return result.ok ? [] : result.issues;
}

function doc(predicate: unknown, extra: Record<string, unknown> = {}): unknown {
  return { version: 1, predicate, ...extra };
}

/** Wraps a predicate in `count` nested `not` nodes. */
function nots(count: number, inner: unknown): unknown {
  let node = inner;
  for (let i = 0; i < count; i++) node = { op: 'not', predicate: node };
  return node;
}

/** Nests a predicate `count` levels deep inside single-part `and` or `named` nodes. */
function nest(op: 'and' | 'named', count: number, inner: unknown): unknown {
  let node = inner;
  for (let i = 0; i < count; i++) node = op === 'and' ? { op, predicates: [node] } : { op, name: `n${i}`, predicate: node };
  return node;
}

/** Tells whether a predicate contains a `named` node. */
function hasNamed(node: Predicate): boolean {
  if (node.op === 'named') return true;
  if (node.op === 'not') return hasNamed(node.predicate);
  if (node.op === 'and' || node.op === 'or') return node.predicates.some(hasNamed);
  return false;
}

const OPERATORS =
  'and, or, not, named, ref, equals, not_equals, one_of, none_of, includes_all, includes_any, includes_none, ' +
  'contains_any_word, starts_with, ends_with, contains, gt, gte, lt, lte, between, is_true, is_false, exists, missing';

const leaf = { op: 'exists', field: 'a' };

describe('IssueList.expected', () => {
  it('missing value gives missing_key', () => {
    const issues = new IssueList();

    issues.expected('predicate.value', 'a string', undefined);

    expect(issues.issues).toEqual([{ code: 'missing_key', path: 'predicate.value', message: 'expected a string, received undefined' }]);
  });

  it('present value gives invalid_type', () => {
    const issues = new IssueList();

    issues.expected('predicate.value', 'a string', 5);

    expect(issues.issues).toEqual([{ code: 'invalid_type', path: 'predicate.value', message: 'expected a string, received 5' }]);
  });
});

describe('checkFieldPath', () => {
  it.each<[unknown, string]>([
    [5, '5'],
    ['', '""'],
  ])('rejects field path %o', (field, shown) => {
    const issues = new IssueList();

    expect(checkFieldPath(issues, 'p.field', field)).toBe(false);
    expect(issues.issues).toEqual([{ code: 'invalid_type', path: 'p.field', message: `expected a non-empty field path, received ${shown}` }]);
  });

  it('rejects an empty segment', () => {
    const issues = new IssueList();

    expect(checkFieldPath(issues, 'p.field', 'address..country')).toBe(false);
    expect(issues.issues).toEqual([{ code: 'invalid_value', path: 'p.field', message: 'field path "address..country" has an empty segment' }]);
  });

  it('accepts a dotted path', () => {
    const issues = new IssueList();

    expect(checkFieldPath(issues, 'p.field', 'address.country')).toBe(true);
    expect(issues.issues).toEqual([]);
  });

  it('names the reserved key', () => {
    expect(problemsOf(doc({ op: 'exists', field: 'a.__proto__.b' }))).toEqual([
      { code: 'forbidden_key', path: 'predicate.field', message: 'field path "a.__proto__.b" uses the reserved key "__proto__"' },
    ]);
  });
});

describe('parsePredicate document checks', () => {
  it('reports invalid JSON text', () => {
    const text = '{"version":1,';
    let parseError = '';
    try {
      JSON.parse(text);
    } catch (error) {
      parseError = (error as Error).message;
    }

    expect(problemsOf(text)).toEqual([{ code: 'invalid_json', path: '', message: `invalid JSON: ${parseError}` }]);
  });

  it('rejects a non-object document', () => {
    expect(problemsOf(null)).toEqual([{ code: 'invalid_type', path: '', message: 'expected a predicate document object, received null' }]);
    expect(problemsOf(undefined)).toEqual([{ code: 'missing_key', path: '', message: 'expected a predicate document object, received undefined' }]);
  });

  it('names an unknown document key', () => {
    expect(problemsOf(doc(leaf, { extra: 1 }))).toEqual([
      { code: 'unknown_key', path: 'extra', message: 'a predicate document takes no key "extra"' },
    ]);
  });

  it('shows the received version', () => {
    expect(problemsOf({ version: 2, predicate: leaf })).toEqual([
      { code: 'unsupported_version', path: 'version', message: 'expected version 1, received 2' },
    ]);
    expect(problemsOf({ predicate: leaf })).toEqual([{ code: 'missing_key', path: 'version', message: 'expected version 1, received undefined' }]);
  });

  it('rejects non-object definitions', () => {
    expect(problemsOf(doc(leaf, { definitions: 5 }))).toEqual([
      { code: 'invalid_type', path: 'definitions', message: 'expected an object of named predicates, received 5' },
    ]);
  });

  it('reports a missing predicate', () => {
    expect(problemsOf({ version: 1 })).toEqual([{ code: 'missing_key', path: 'predicate', message: 'expected a predicate object, received undefined' }]);
  });

  it('rejects an array predicate', () => {
    expect(problemsOf(doc([]))).toEqual([{ code: 'invalid_type', path: 'predicate', message: 'expected a predicate object, received an array' }]);
  });
});

describe('parsePredicate operator checks', () => {
  it('lists operators for unknown op', () => {
    expect(problemsOf(doc({ op: 'greater', field: 'a' }))).toEqual([
      { code: 'unknown_operator', path: 'predicate.op', message: `unknown operator "greater"; expected one of ${OPERATORS}` },
    ]);
  });

  it('reports a missing op', () => {
    expect(problemsOf(doc({ field: 'a' }))).toEqual([
      { code: 'missing_key', path: 'predicate.op', message: `unknown operator undefined; expected one of ${OPERATORS}` },
    ]);
  });

  // An array key converts to the string "and" in a property lookup, so only a string op may select a shape.
  it('rejects an array op', () => {
    expect(problemsOf(doc({ op: ['and'], predicates: [] }))).toEqual([
      { code: 'unknown_operator', path: 'predicate.op', message: `unknown operator ["and"]; expected one of ${OPERATORS}` },
    ]);
  });

  it('names unknown and missing keys', () => {
    expect(problemsOf(doc({ op: 'exists', extra: 1 }))).toEqual([
      { code: 'unknown_key', path: 'predicate.extra', message: 'operator exists takes no key "extra"' },
      { code: 'missing_key', path: 'predicate.field', message: 'operator exists needs "field"' },
    ]);
  });

  it('rejects a non-boolean ignoreCase', () => {
    expect(problemsOf(doc({ op: 'equals', field: 'a', value: 'x', ignoreCase: 'yes' }))).toEqual([
      { code: 'invalid_type', path: 'predicate.ignoreCase', message: 'expected a boolean, received "yes"' },
    ]);
  });

  // Each missing key is reported once, by the shape check, and not again by the operator's value check.
  it.each<[Record<string, unknown>, string]>([
    [{ op: 'and' }, 'predicates'],
    [{ op: 'not' }, 'predicate'],
    [{ op: 'named', name: 'x' }, 'predicate'],
    [{ op: 'ref' }, 'name'],
    [{ op: 'equals', field: 'a' }, 'value'],
    [{ op: 'one_of', field: 'a' }, 'values'],
    [{ op: 'contains_any_word', field: 'a' }, 'words'],
    [{ op: 'contains', field: 'a' }, 'value'],
    [{ op: 'between', field: 'a', max: 2 }, 'min'],
    [{ op: 'between', field: 'a', min: 1 }, 'max'],
  ])('%o lacks %s', (input, key) => {
    expect(problemsOf(doc(input))).toEqual([{ code: 'missing_key', path: `predicate.${key}`, message: `operator ${String(input['op'])} needs "${key}"` }]);
  });
});

describe('parsePredicate value checks', () => {
  it('rejects non-array predicates', () => {
    expect(problemsOf(doc({ op: 'or', predicates: 'x' }))).toEqual([
      { code: 'invalid_type', path: 'predicate.predicates', message: 'expected an array of predicates, received "x"' },
    ]);
  });

  it.each<[unknown, string]>([
    [null, 'null'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('equals rejects value %s', (value, shown) => {
    expect(problemsOf(doc({ op: 'equals', field: 'a', value }))).toEqual([
      { code: 'invalid_type', path: 'predicate.value', message: `expected a string, finite number or boolean, received ${shown}` },
    ]);
  });

  it('one_of rejects a non-array', () => {
    expect(problemsOf(doc({ op: 'one_of', field: 'a', values: 'SaaS' }))).toEqual([
      { code: 'invalid_type', path: 'predicate.values', message: 'expected an array of strings, finite numbers or booleans, received "SaaS"' },
    ]);
  });

  it('one_of rejects NaN and null', () => {
    expect(problemsOf(doc({ op: 'one_of', field: 'a', values: ['SaaS', Number.NaN, null] }))).toEqual([
      { code: 'invalid_type', path: 'predicate.values[1]', message: 'expected a string, finite number or boolean, received NaN' },
      { code: 'invalid_type', path: 'predicate.values[2]', message: 'expected a string, finite number or boolean, received null' },
    ]);
  });

  it.each<[unknown, string]>([
    ['engineer', '"engineer"'],
    [[], 'an array'],
  ])('words %o is rejected', (words, shown) => {
    expect(problemsOf(doc({ op: 'contains_any_word', field: 'a', words }))).toEqual([
      { code: 'invalid_type', path: 'predicate.words', message: `expected a non-empty array of words, received ${shown}` },
    ]);
  });

  it('rejects words without letters', () => {
    expect(problemsOf(doc({ op: 'contains_any_word', field: 'a', words: ['cto', '--', 5] }))).toEqual([
      { code: 'invalid_type', path: 'predicate.words[1]', message: 'expected a word with letters or digits, received "--"' },
      { code: 'invalid_type', path: 'predicate.words[2]', message: 'expected a word with letters or digits, received 5' },
    ]);
  });

  it('contains rejects a number', () => {
    expect(problemsOf(doc({ op: 'contains', field: 'a', value: 5 }))).toEqual([
      { code: 'invalid_type', path: 'predicate.value', message: 'expected a string, received 5' },
    ]);
  });

  it.each<[unknown, string]>([
    [Number.NaN, 'NaN'],
    [null, 'null'],
  ])('gt rejects bound %s', (value, shown) => {
    expect(problemsOf(doc({ op: 'gt', field: 'a', value }))).toEqual([
      { code: 'invalid_type', path: 'predicate.value', message: `expected a finite number or an ISO 8601 date, received ${shown}` },
    ]);
  });

  it('between names the bad bound', () => {
    const message = 'expected a finite number or an ISO 8601 date such as "2024-01-31" (a date-time needs a zone), received "soon"';

    expect(problemsOf(doc({ op: 'between', field: 'a', min: 'soon', max: 'soon' }))).toEqual([
      { code: 'invalid_value', path: 'predicate.min', message },
      { code: 'invalid_value', path: 'predicate.max', message },
    ]);
  });

  it.each<[unknown, unknown]>([
    [0, '2024-01-01'],
    ['2024-01-01', 0],
  ])('between rejects %o and %o', (min, max) => {
    expect(problemsOf(doc({ op: 'between', field: 'a', min, max }))).toEqual([
      { code: 'invalid_value', path: 'predicate', message: 'between needs two numbers or two dates' },
    ]);
  });

  it.each<[unknown, unknown, string]>([
    [10, 1, '10 and 1'],
    ['2024-12-31', '2024-01-01', '"2024-12-31" and "2024-01-01"'],
  ])('between rejects min %o above %o', (min, max, shown) => {
    expect(problemsOf(doc({ op: 'between', field: 'a', min, max }))).toEqual([
      { code: 'invalid_value', path: 'predicate', message: `between needs min <= max, received ${shown}` },
    ]);
  });

  it('between accepts equal bounds', () => {
    expect(parsePredicate(doc({ op: 'between', field: 'a', min: 5, max: 5 }))).toEqual({ ok: true, predicate: between('a', 5, 5) });
  });
});

describe('parsePredicate names and references', () => {
  it('reads an inline named node', () => {
    const input = doc({ op: 'named', name: 'big', predicate: { op: 'gte', field: 'employees', value: 1000 } });

    expect(parsePredicate(input)).toEqual({ ok: true, predicate: named('big', atLeast('employees', 1000)) });
  });

  it('named reports its body by path', () => {
    expect(problemsOf(doc({ op: 'named', name: 'big', predicate: { op: 'exists' } }))).toEqual([
      { code: 'missing_key', path: 'predicate.predicate.field', message: 'operator exists needs "field"' },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['named', 5, '5'],
    ['named', '', '""'],
    ['ref', 5, '5'],
    ['ref', '', '""'],
  ])('%s rejects name %o', (op, name, shown) => {
    const input = op === 'named' ? { op, name, predicate: leaf } : { op, name };

    expect(problemsOf(doc(input))).toEqual([{ code: 'invalid_type', path: 'predicate.name', message: `expected a non-empty name, received ${shown}` }]);
  });

  it('names unknown and circular references', () => {
    expect(problemsOf(doc({ op: 'ref', name: 'nope' }))).toEqual([
      { code: 'unknown_reference', path: 'predicate.name', message: 'no definition named "nope"' },
    ]);
    expect(problemsOf(doc({ op: 'ref', name: 'a' }, { definitions: { a: { op: 'not', predicate: { op: 'ref', name: 'a' } } } }))).toEqual([
      { code: 'circular_reference', path: 'definitions.a.predicate.name', message: 'definition "a" refers to itself' },
    ]);
  });

  it('reads each definition once', () => {
    const input = doc({ op: 'and', predicates: [{ op: 'ref', name: 'bad' }, { op: 'ref', name: 'bad' }] }, { definitions: { bad: { op: 'exists' } } });

    expect(problemsOf(input)).toEqual([{ code: 'missing_key', path: 'definitions.bad.field', message: 'operator exists needs "field"' }]);
  });

  it('checks unused definitions', () => {
    expect(problemsOf(doc(leaf, { definitions: { unused: { op: 'exists' } } }))).toEqual([
      { code: 'missing_key', path: 'definitions.unused.field', message: 'operator exists needs "field"' },
    ]);
  });

  it('rejects a reserved definition name', () => {
    const text = '{"version":1,"definitions":{"__proto__":{"op":"exists","field":"a"}},"predicate":{"op":"exists","field":"a"}}';

    expect(problemsOf(text)).toEqual([{ code: 'forbidden_key', path: 'definitions.__proto__', message: '"__proto__" cannot name a definition' }]);
  });
});

describe('parsePredicate nesting depth', () => {
  const tooDeep = (path: string): PredicateIssue[] => [{ code: 'too_deep', path, message: 'predicates nest more than 64 levels deep' }];

  it('not nesting at the limit', () => {
    expect(parsePredicate(doc(nots(64, leaf))).ok).toBe(true);
    expect(problemsOf(doc(nots(65, leaf)))).toEqual(tooDeep(`predicate${'.predicate'.repeat(65)}`));
  });

  it('and nesting past the limit', () => {
    expect(parsePredicate(doc(nest('and', 64, leaf))).ok).toBe(true);
    expect(problemsOf(doc(nest('and', 65, leaf)))).toEqual(tooDeep(`predicate${'.predicates[0]'.repeat(65)}`));
  });

  it('named nesting past the limit', () => {
    expect(parsePredicate(doc(nest('named', 64, leaf))).ok).toBe(true);
    expect(problemsOf(doc(nest('named', 65, leaf)))).toEqual(tooDeep(`predicate${'.predicate'.repeat(65)}`));
  });

  // A reference counts as one level, like the named node it becomes.
  it('definition body counts a level', () => {
    const definitions = { deep: nots(63, leaf) };
    expect(parsePredicate(doc({ op: 'ref', name: 'deep' }, { definitions })).ok).toBe(true);

    const deeper = { deep: nots(64, leaf) };
    expect(problemsOf(doc({ op: 'ref', name: 'deep' }, { definitions: deeper }))).toEqual(tooDeep(`definitions.deep${'.predicate'.repeat(64)}`));
  });

  it('checks the depth of every reference', () => {
    const definitions = { shared: nots(62, leaf) };
    const input = doc({ op: 'and', predicates: [{ op: 'ref', name: 'shared' }, { op: 'not', predicate: { op: 'ref', name: 'shared' } }] }, { definitions });

    expect(parsePredicate(input)).toEqual({
      ok: false,
      issues: [{ code: 'too_deep', path: 'predicate.predicates[1].predicate.name', message: 'predicates nest more than 64 levels deep through definition "shared"' }],
    });
  });

  /** Builds a chain of definitions that each refer to the next one twice, which expands to 2^(steps + 2) - 2 nodes. */
  const doubling = (steps: number) => {
    const definitions: Record<string, unknown> = { [`d${steps}`]: leaf };
    for (let i = 0; i < steps; i += 1) {
      definitions[`d${i}`] = { op: 'and', predicates: [{ op: 'ref', name: `d${i + 1}` }, { op: 'ref', name: `d${i + 1}` }] };
    }
    return doc({ op: 'ref', name: 'd0' }, { definitions });
  };

  it('rejects a predicate that expands too far', () => {
    expect(parsePredicate(doubling(30))).toEqual({
      ok: false,
      issues: [{ code: 'too_large', path: 'predicate', message: 'the predicate expands to more than 10000 nodes when its references are replaced by their definitions' }],
    });
    expect(parsePredicate(doubling(11)).ok).toBe(true);
    expect(parsePredicate(doubling(12)).ok).toBe(false);
  });
});

describe('parsePredicate failures while reading', () => {
  const throwingOp = (thrown: unknown): Record<string, unknown> =>
    Object.defineProperty({}, 'op', {
      enumerable: true,
      get(): never {
        throw thrown;
      },
    });

  it('reports a throwing getter', () => {
    expect(parsePredicate(doc(throwingOp(new Error('getter failed'))))).toEqual({
      ok: false,
      issues: [{ code: 'invalid_value', path: 'predicate', message: 'reading the predicate failed: getter failed' }],
    });
  });

  it('reports a thrown null', () => {
    expect(problemsOf(doc(throwingOp(null)))).toEqual([
      { code: 'invalid_value', path: 'predicate', message: 'reading the predicate failed: null' },
    ]);
  });
});

describe('toPredicateJson output', () => {
  it('omits definitions without names', () => {
    expect(toPredicateJson(exists('a'))).toStrictEqual({ version: 1, predicate: { op: 'exists', field: 'a' } });
  });

  it('writes a name under not', () => {
    expect(toPredicateJson(not(named('x', exists('a'))))).toStrictEqual({
      version: 1,
      definitions: { x: { op: 'exists', field: 'a' } },
      predicate: { op: 'not', predicate: { op: 'ref', name: 'x' } },
    });
  });

  it('definitions stay writable', () => {
    const document = toPredicateJson(named('x', exists('a')));

    expect(Object.getOwnPropertyDescriptor(document.definitions, 'x')).toEqual({
      value: { op: 'exists', field: 'a' },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });

  it('names the path of a clash', () => {
    const first = named('x', atLeast('employees', 1));
    const second = named('outer', named('x', atLeast('employees', 2)));
    let thrown: unknown;
    try {
      toPredicateJson(and(first, second));
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toMatchObject({
      api: 'toPredicateJson',
      path: 'predicate.predicates[1].predicate.name',
      message: 'toPredicateJson: predicate.predicates[1].predicate.name: two different sub-predicates are named "x"; give each its own name',
    });
  });

  test.prop([uniquelyNamedArb])('named nodes become references', (p) => {
    const document = toPredicateJson(p);

    expect(JSON.stringify(document)).not.toContain('"op":"named"');
    expect('definitions' in document).toBe(hasNamed(p));
  });

  test.prop([uniquelyNamedArb.map((p) => not(p))])('parse after write under not', (p) => {
    expect(parsePredicate(JSON.stringify(toPredicateJson(p)))).toEqual({ ok: true, predicate: p });
  });
});
