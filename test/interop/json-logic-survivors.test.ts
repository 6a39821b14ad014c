import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromJsonLogic, toJsonLogic } from '../../src/interop/index.js';
import {
  and,
  equals,
  evaluate,
  includesAll,
  includesAny,
  includesNone,
  isFalse,
  isTrue,
  named,
  not,
  notEquals,
  or,
  startsWith,
  type Predicate,
} from '../../src/predicate/index.js';

const NO_EQUIVALENT = 'has no JsonLogic equivalent; keep this predicate in the JSON form instead';

/** Runs `toJsonLogic` and returns the message it throws, or fails when it returns. */
function exportError(predicate: Predicate): string {
  try {
    toJsonLogic(predicate);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('toJsonLogic returned instead of throwing');
}

/** Nests `rule` inside `depth` one-argument wrappers built by `wrap`. */
function nest(depth: number, wrap: (inner: unknown) => unknown, rule: unknown): unknown {
  let result = rule;
  for (let i = 0; i < depth; i++) result = wrap(result);
  return result;
}

function invalidValue(path: string, message: string): { code: string; path: string; message: string } {
  return { code: 'invalid_value', path, message };
}

describe('toJsonLogic output', () => {
  it('error names the unsupported operator', () => {
    expect(exportError(startsWith('title', 'VP'))).toBe(`toJsonLogic: predicate.op: the operator starts_with ${NO_EQUIVALENT}`);
  });

  it('error paths follow nesting', () => {
    expect(exportError(and(equals('a', 1), startsWith('title', 'VP')))).toBe(`toJsonLogic: predicate.predicates[1].op: the operator starts_with ${NO_EQUIVALENT}`);
    expect(exportError(or(startsWith('title', 'VP')))).toBe(`toJsonLogic: predicate.predicates[0].op: the operator starts_with ${NO_EQUIVALENT}`);
    expect(exportError(not(startsWith('title', 'VP')))).toBe(`toJsonLogic: predicate.predicate.op: the operator starts_with ${NO_EQUIVALENT}`);
    expect(exportError(named('senior', startsWith('title', 'VP')))).toBe(`toJsonLogic: predicate.predicate.op: the operator starts_with ${NO_EQUIVALENT}`);
  });

  it('named writes its inner rule', () => {
    expect(toJsonLogic(named('saas', equals('industry', 'SaaS')))).toEqual({ '===': [{ var: 'industry' }, 'SaaS'] });
  });

  it('isFalse writes strict false', () => {
    expect(toJsonLogic(isFalse('active'))).toEqual({ '===': [{ var: 'active' }, false] });
    expect(toJsonLogic(isTrue('active'))).toEqual({ '===': [{ var: 'active' }, true] });
  });

  it('ignoreCase error message', () => {
    expect(exportError(equals('country', 'us', { ignoreCase: true }))).toBe(`toJsonLogic: predicate.ignoreCase: ignoreCase ${NO_EQUIVALENT}`);
  });

  it('ignoreCase false is accepted', () => {
    // The builders and parsePredicate drop `ignoreCase: false`, but a hand-written node may carry it.
    const predicate = { op: 'equals', field: 'country', value: 'US', ignoreCase: false } as Predicate;
    expect(toJsonLogic(predicate)).toEqual({ '===': [{ var: 'country' }, 'US'] });
  });

  it('includesAll writes and of in', () => {
    expect(toJsonLogic(includesAll('tags', ['a']))).toEqual({ in: ['a', { var: 'tags' }] });
    expect(toJsonLogic(includesAll('tags', ['a', 'b']))).toEqual({ and: [{ in: ['a', { var: 'tags' }] }, { in: ['b', { var: 'tags' }] }] });
  });

  it('includesAny writes or of in', () => {
    expect(toJsonLogic(includesAny('tags', ['a']))).toEqual({ in: ['a', { var: 'tags' }] });
    expect(toJsonLogic(includesAny('tags', ['a', 'b']))).toEqual({ or: [{ in: ['a', { var: 'tags' }] }, { in: ['b', { var: 'tags' }] }] });
    expect(toJsonLogic(includesAny('tags', []))).toBe(false);
  });

  it('includesNone writes negated or', () => {
    expect(toJsonLogic(includesNone('tags', ['a']))).toEqual({ '!': [{ in: ['a', { var: 'tags' }] }] });
    expect(toJsonLogic(includesNone('tags', ['a', 'b']))).toEqual({ '!': [{ or: [{ in: ['a', { var: 'tags' }] }, { in: ['b', { var: 'tags' }] }] }] });
    expect(toJsonLogic(includesNone('tags', []))).toEqual({ '!': [false] });
  });
});

describe('fromJsonLogic variables', () => {
  it('var with extra keys rejected', () => {
    expect(fromJsonLogic({ '==': [{ var: 'a', extra: 1 }, 1] }).issues).toEqual([
      invalidValue('logic.==', 'expected a variable and a string, finite number or boolean, received [{"var":"a","extra":1},1]'),
    ]);
  });

  it('var in one-element array', () => {
    expect(fromJsonLogic({ '==': [{ var: ['industry'] }, 'SaaS'] }).predicate).toEqual(equals('industry', 'SaaS'));
  });

  it('var default error message', () => {
    expect(fromJsonLogic({ '==': [{ var: ['industry', 'SaaS'] }, 'SaaS'] }).issues).toEqual([
      invalidValue('logic.==[0].var', 'a default value in var is not supported, because a missing field is unknown rather than a default'),
      invalidValue('logic.==', 'expected a variable and a string, finite number or boolean, received [{"var":["industry","SaaS"]},"SaaS"]'),
    ]);
  });

  it('literal arguments are values', () => {
    // A number or null in place of {"var": ...} is a value, not a malformed variable.
    expect(fromJsonLogic({ '<': [100, { var: 'employees' }] }).issues).toBeUndefined();
    expect(fromJsonLogic({ '==': [null, { var: 'a' }] }).issues).toEqual([
      invalidValue('logic.==', 'expected a variable and a string, finite number or boolean, received [null,{"var":"a"}]'),
    ]);
  });
});

describe('fromJsonLogic value checks', () => {
  it('equality rejects non-scalar values', () => {
    expect(fromJsonLogic({ '==': [{ var: 'a' }, null] }).issues).toEqual([
      invalidValue('logic.==', 'expected a variable and a string, finite number or boolean, received [{"var":"a"},null]'),
    ]);
    // Infinity only arrives in an object input, and JSON.stringify writes it as null.
    expect(fromJsonLogic({ '==': [{ var: 'a' }, Infinity] }).issues).toEqual([
      invalidValue('logic.==', 'expected a variable and a string, finite number or boolean, received [{"var":"a"},null]'),
    ]);
  });

  it('comparison rejects non-bound values', () => {
    const message = 'expected a variable and a number or ISO 8601 date, received ';
    expect(fromJsonLogic({ '>': [{ var: 'a' }, 'many'] }).issues).toEqual([invalidValue('logic.>', `${message}[{"var":"a"},"many"]`)]);
    expect(fromJsonLogic({ '>': [{ var: 'a' }, Infinity] }).issues).toEqual([invalidValue('logic.>', `${message}[{"var":"a"},null]`)]);
    // parseIsoDate's regex test converts ["2024-01-01"] to the string "2024-01-01", so only the typeof check rejects it.
    expect(fromJsonLogic({ '>': [{ var: 'a' }, ['2024-01-01']] }).issues).toEqual([invalidValue('logic.>', `${message}[{"var":"a"},["2024-01-01"]]`)]);
    expect(fromJsonLogic({ '>': [{ var: 'a' }, '2024-01-01'] }).predicate).toEqual({ op: 'gt', field: 'a', value: '2024-01-01' });
  });

  it('comparison rejects two literals', () => {
    expect(fromJsonLogic({ '<': [1, 2] }).issues).toEqual([
      invalidValue('logic.<', 'expected a variable and a number or ISO 8601 date, received [1,2]'),
    ]);
  });
});

describe('fromJsonLogic comparisons', () => {
  const rangeMessage = 'expected [bound, {"var": field}, bound] with "<" or "<=", received ';

  it('range rejects each bad part', () => {
    expect(fromJsonLogic({ '<=': [1, 5, 10] }).issues).toEqual([invalidValue('logic.<=', `${rangeMessage}[1,5,10]`)]);
    expect(fromJsonLogic({ '<=': ['x', { var: 'a' }, 10] }).issues).toEqual([invalidValue('logic.<=', `${rangeMessage}["x",{"var":"a"},10]`)]);
    expect(fromJsonLogic({ '<=': [1, { var: 'a' }, 'x'] }).issues).toEqual([invalidValue('logic.<=', `${rangeMessage}[1,{"var":"a"},"x"]`)]);
    expect(fromJsonLogic({ '>=': [1, { var: 'a' }, 10] }).issues).toEqual([invalidValue('logic.>=', `${rangeMessage}[1,{"var":"a"},10]`)]);
    expect(fromJsonLogic({ '>': [1, { var: 'a' }, 10] }).issues).toEqual([invalidValue('logic.>', `${rangeMessage}[1,{"var":"a"},10]`)]);
  });

  it('range reports bad variable path', () => {
    expect(fromJsonLogic({ '<=': [1, { var: '' }, 10] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.<=[1].var', message: 'expected a non-empty field path, received ""' },
      invalidValue('logic.<=', `${rangeMessage}[1,{"var":""},10]`),
    ]);
  });

  it('comparison argument count', () => {
    expect(fromJsonLogic({ '<': [{ var: 'a' }] }).issues).toEqual([invalidValue('logic.<', 'expected two or three arguments, received 1')]);
    expect(fromJsonLogic({ '<': [{ var: 'a' }, 1, 2, 3] }).issues).toEqual([invalidValue('logic.<', 'expected two or three arguments, received 4')]);
  });

  it('comparison reports variable paths', () => {
    const message = 'expected a variable and a number or ISO 8601 date, received ';
    expect(fromJsonLogic({ '<': [{ var: '' }, 5] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.<[0].var', message: 'expected a non-empty field path, received ""' },
      invalidValue('logic.<', `${message}[{"var":""},5]`),
    ]);
    expect(fromJsonLogic({ '<': [5, { var: '' }] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.<[1].var', message: 'expected a non-empty field path, received ""' },
      invalidValue('logic.<', `${message}[5,{"var":""}]`),
    ]);
  });
});

describe('fromJsonLogic equality', () => {
  const message = 'expected a variable and a string, finite number or boolean, received ';

  it('reads flipped equality', () => {
    expect(fromJsonLogic({ '==': [1, { var: 'a' }] }).predicate).toEqual(equals('a', 1));
    expect(fromJsonLogic({ '!=': [{ var: 'a' }, 1] }).predicate).toEqual(notEquals('a', 1));
    expect(fromJsonLogic({ '!==': ['x', { var: 'a' }] }).predicate).toEqual(notEquals('a', 'x'));
  });

  it('equality needs two arguments', () => {
    expect(fromJsonLogic({ '==': [{ var: 'a' }, 1, 2] }).issues).toEqual([invalidValue('logic.==', `${message}[{"var":"a"},1,2]`)]);
    expect(fromJsonLogic({ '==': [1, { var: 'a' }, 2] }).issues).toEqual([invalidValue('logic.==', `${message}[1,{"var":"a"},2]`)]);
  });

  it('equality needs a variable', () => {
    expect(fromJsonLogic({ '===': [1, 2] }).issues).toEqual([invalidValue('logic.===', `${message}[1,2]`)]);
  });

  it('equality reports flipped variable path', () => {
    expect(fromJsonLogic({ '==': [1, { var: '' }] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.==[1].var', message: 'expected a non-empty field path, received ""' },
      invalidValue('logic.==', `${message}[1,{"var":""}]`),
    ]);
  });
});

describe('fromJsonLogic in', () => {
  const message = 'expected [{"var": field}, [values]] or [value, {"var": arrayField}]';

  it('in reads both forms', () => {
    expect(fromJsonLogic({ in: [{ var: 'a' }, ['x', 1]] }).predicate).toEqual({ op: 'one_of', field: 'a', values: ['x', 1] });
    expect(fromJsonLogic({ in: ['x', { var: 'tags' }] }).predicate).toEqual(includesAny('tags', ['x']));
  });

  it('in rejects other shapes', () => {
    for (const args of [[{ var: 'a' }, ['x'], 3], [1, [1, 2]], ['x', 5], [['x'], { var: 'tags' }]]) {
      expect(fromJsonLogic({ in: args }).issues).toEqual([invalidValue('logic.in', message)]);
    }
  });

  it('in reports variable paths', () => {
    expect(fromJsonLogic({ in: [{ var: '' }, ['x']] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.in[0].var', message: 'expected a non-empty field path, received ""' },
      invalidValue('logic.in', message),
    ]);
    expect(fromJsonLogic({ in: ['x', { var: '' }] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.in[1].var', message: 'expected a non-empty field path, received ""' },
      invalidValue('logic.in', message),
    ]);
  });
});

describe('fromJsonLogic rule structure', () => {
  it('rejects non-operator objects', () => {
    const message = 'expected an object with one JsonLogic operator, received ';
    expect(fromJsonLogic(null).issues).toEqual([{ code: 'invalid_type', path: 'logic', message: `${message}null` }]);
    expect(fromJsonLogic({}).issues).toEqual([{ code: 'invalid_type', path: 'logic', message: `${message}an object` }]);
    expect(fromJsonLogic({ and: [], or: [] }).issues).toEqual([{ code: 'invalid_type', path: 'logic', message: `${message}an object` }]);
  });

  it('unknown operator message', () => {
    expect(fromJsonLogic({ regex: ['x'] }).issues).toEqual([
      {
        code: 'unknown_operator',
        path: 'logic.regex',
        message: 'JsonLogic operator "regex" is not supported; use and, or, !, ==, !=, ===, !==, <, <=, >, >=, in, var or missing',
      },
    ]);
  });

  it('not takes one argument', () => {
    expect(fromJsonLogic({ '!': [true, false] }).issues).toEqual([invalidValue('logic.!', 'expected one argument, received 2')]);
  });

  it('not reports inner problems once', () => {
    expect(fromJsonLogic({ '!': [{ regex: 1 }] }).issues).toEqual([
      {
        code: 'unknown_operator',
        path: 'logic.![0].regex',
        message: 'JsonLogic operator "regex" is not supported; use and, or, !, ==, !=, ===, !==, <, <=, >, >=, in, var or missing',
      },
    ]);
  });

  it('missing takes one field', () => {
    expect(fromJsonLogic({ missing: ['a', 'b'] }).issues).toEqual([
      { code: 'missing_key', path: 'logic.missing[0]', message: 'expected a non-empty field path, received undefined' },
    ]);
    expect(fromJsonLogic({ missing: [''] }).issues).toEqual([
      { code: 'invalid_type', path: 'logic.missing[0]', message: 'expected a non-empty field path, received ""' },
    ]);
    expect(fromJsonLogic({ missing: 'a' })).toEqual({ ok: true, predicate: { op: 'missing', field: 'a' } });
  });
});

describe('fromJsonLogic nesting depth', () => {
  const tooDeep = (path: string) => [{ code: 'too_deep', path, message: 'rules nest more than 64 levels deep' }];

  it('accepts 64 nested levels', () => {
    expect(fromJsonLogic(nest(64, (inner) => ({ '!': [inner] }), true)).ok).toBe(true);
    expect(fromJsonLogic(nest(64, (inner) => ({ and: [inner] }), true)).ok).toBe(true);
  });

  it('rejects 65 nested nots', () => {
    expect(fromJsonLogic(nest(65, (inner) => ({ '!': [inner] }), true)).issues).toEqual(tooDeep(`logic${'.![0]'.repeat(65)}`));
  });

  it('rejects 65 nested ands', () => {
    expect(fromJsonLogic(nest(65, (inner) => ({ and: [inner] }), true)).issues).toEqual(tooDeep(`logic${'.and[0]'.repeat(65)}`));
  });
});

describe('fromJsonLogic failure reports', () => {
  it('invalid JSON text reported', () => {
    let expected = '';
    try {
      JSON.parse('not json');
    } catch (error) {
      expected = `invalid JSON: ${(error as Error).message}`;
    }
    expect(fromJsonLogic('not json')).toEqual({ ok: false, issues: [{ code: 'invalid_json', path: '', message: expected }] });
  });

  it('throwing getter is reported', () => {
    const rule = {
      get and(): unknown {
        throw new Error('getter failed');
      },
    };
    expect(fromJsonLogic(rule)).toEqual({ ok: false, issues: [invalidValue('logic', 'reading the rule failed: getter failed')] });
  });

  it('thrown null is reported', () => {
    const rule = {
      get and(): unknown {
        // A thrown value need not be an Error, and null has no message to read.
        throw null;
      },
    };
    expect(fromJsonLogic(rule)).toEqual({ ok: false, issues: [invalidValue('logic', 'reading the rule failed: null')] });
  });

  it('compile errors become issues', () => {
    // The reader accepts any two bounds, so min > max is caught when the predicate is compiled.
    expect(fromJsonLogic({ '<=': [10, { var: 'employees' }, 1] })).toEqual({
      ok: false,
      issues: [invalidValue('predicate', 'fromJsonLogic: predicate: between needs min <= max, received min 10 and max 1')],
    });
  });

  it('success result shape', () => {
    expect(fromJsonLogic(true)).toEqual({ ok: true, predicate: { op: 'and', predicates: [] } });
    expect(fromJsonLogic('false')).toEqual({ ok: true, predicate: { op: 'or', predicates: [] } });
    expect(fromJsonLogic({ and: [] })).toEqual({ ok: true, predicate: { op: 'and', predicates: [] } });
    expect(fromJsonLogic({ or: [] })).toEqual({ ok: true, predicate: { op: 'or', predicates: [] } });
  });
});

describe('JsonLogic evaluation round trip', () => {
  // Records whose fields are all present and of the type each predicate below compares.
  const recordArb = fc.record({
    industry: fc.constantFrom('SaaS', 'Finance', 'US'),
    employees: fc.integer({ min: -5, max: 500 }),
    active: fc.boolean(),
    tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  });
  const tagsArb = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 });
  const leafArb: fc.Arbitrary<Predicate> = fc.oneof(
    fc.constantFrom('SaaS', 'Finance').map((v) => equals('industry', v)),
    fc.integer({ min: -5, max: 500 }).map((v) => notEquals('employees', v)),
    fc.constant(isTrue('active')),
    fc.constant(isFalse('active')),
    tagsArb.map((v) => includesAll('tags', v)),
    tagsArb.map((v) => includesAny('tags', v)),
    tagsArb.map((v) => includesNone('tags', v)),
  );
  const predicateArb: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
    p: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      fc.array(tie('p'), { maxLength: 3 }).map((parts) => and(...parts)),
      fc.array(tie('p'), { maxLength: 3 }).map((parts) => or(...parts)),
      tie('p').map((inner) => not(inner)),
      tie('p').map((inner) => named('part', inner)),
    ),
  })).p;

  test.prop([predicateArb, recordArb])('import after export evaluates alike', (p, record) => {
    // Export changes the form of named, flags and array operators, so only the outcomes agree.
    const result = fromJsonLogic(JSON.stringify(toJsonLogic(p)));
    expect(result.issues).toBeUndefined();
    expect(evaluate(result.predicate as Predicate, record)).toBe(evaluate(p, record));
  });
});
