import { fc } from '@fast-check/vitest';
import {
  and,
  atLeast,
  atMost,
  between,
  contains,
  containsAnyWord,
  endsWith,
  equals,
  exists,
  greaterThan,
  includesAll,
  includesAny,
  includesNone,
  isFalse,
  isTrue,
  lessThan,
  missing,
  noneOf,
  not,
  notEquals,
  oneOf,
  or,
  startsWith,
  type Predicate,
  type Scalar,
} from '../../src/predicate/index.js';

const fieldArb = fc.constantFrom('industry', 'employees', 'techStack', 'address.country', 'closedOn');
const textArb = fc.constantFrom('SaaS', 'Finance', 'US', '100', 'kubernetes', 'a,b');
const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(textArb, fc.integer({ min: -5, max: 500 }), fc.boolean());
const boundArb = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)));
const dateArb = fc.constantFrom('2024-01-01', '2024-06-30T12:00:00Z');
const rangeArb = fc.oneof(
  fc.tuple(boundArb, boundArb).map(([a, b]): [number | string, number | string] => [Math.min(a, b), Math.max(a, b)]),
  fc.constant<[string, string]>(['2024-01-01', '2024-06-30T12:00:00Z']),
);
const caseArb = fc.record({ ignoreCase: fc.boolean() });

/** Leaves that JsonLogic expresses and reads back unchanged. */
const jsonLogicLeafArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.tuple(fieldArb, scalarArb).map(([f, v]) => equals(f, v)),
  fc.tuple(fieldArb, scalarArb).map(([f, v]) => notEquals(f, v)),
  fc.tuple(fieldArb, fc.array(scalarArb, { maxLength: 3 })).map(([f, v]) => oneOf(f, v)),
  fc.tuple(fieldArb, fc.array(scalarArb, { maxLength: 3 })).map(([f, v]) => noneOf(f, v)),
  fc.tuple(fieldArb, fc.oneof(boundArb, dateArb)).map(([f, v]) => greaterThan(f, v)),
  fc.tuple(fieldArb, fc.oneof(boundArb, dateArb)).map(([f, v]) => atLeast(f, v)),
  fc.tuple(fieldArb, fc.oneof(boundArb, dateArb)).map(([f, v]) => lessThan(f, v)),
  fc.tuple(fieldArb, fc.oneof(boundArb, dateArb)).map(([f, v]) => atMost(f, v)),
  fc.tuple(fieldArb, rangeArb).map(([f, [a, b]]) => between(f, a, b)),
  fc.tuple(fieldArb, scalarArb).map(([f, v]) => includesAny(f, [v])),
  fieldArb.map((f) => exists(f)),
  fieldArb.map((f) => missing(f)),
);

/** Predicates JsonLogic reads back unchanged: `not` never wraps what `!` folds into a leaf. */
export const jsonLogicSubsetArb: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonLogicLeafArb,
    fc.array(tie('p'), { maxLength: 3 }).map((parts) => and(...parts)),
    fc.array(tie('p'), { maxLength: 3 }).map((parts) => or(...parts)),
    tie('p')
      .filter((p) => p.op !== 'missing' && p.op !== 'one_of')
      .map((inner) => not(inner)),
  ),
})).p;

/** Every leaf operator react-querybuilder can carry, with ignoreCase where it applies. */
const queryBuilderLeafArb: fc.Arbitrary<Predicate> = fc.oneof(
  jsonLogicLeafArb,
  fc.tuple(fieldArb, scalarArb, caseArb).map(([f, v, o]) => equals(f, v, o)),
  fc.tuple(fieldArb, fc.array(scalarArb, { maxLength: 3 }), caseArb).map(([f, v, o]) => noneOf(f, v, o)),
  fc.tuple(fieldArb, textArb, caseArb).map(([f, v, o]) => contains(f, v, o)),
  fc.tuple(fieldArb, textArb, caseArb).map(([f, v, o]) => startsWith(f, v, o)),
  fc.tuple(fieldArb, textArb, caseArb).map(([f, v, o]) => endsWith(f, v, o)),
  fc.tuple(fieldArb, fc.array(scalarArb, { maxLength: 3 }), caseArb).map(([f, v, o]) => includesAll(f, v, o)),
  fc.tuple(fieldArb, fc.array(scalarArb, { maxLength: 3 }), caseArb).map(([f, v, o]) => includesNone(f, v, o)),
  fc.tuple(fieldArb, fc.array(fc.constantFrom('engineer', 'vice president'), { minLength: 1, maxLength: 2 })).map(([f, w]) => containsAnyWord(f, w)),
  fieldArb.map((f) => isTrue(f)),
  fieldArb.map((f) => isFalse(f)),
);

const negatableArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.tuple(fieldArb, textArb, caseArb).map(([f, v, o]) => not(contains(f, v, o))),
  fc.tuple(fieldArb, textArb).map(([f, v]) => not(startsWith(f, v))),
  fc.tuple(fieldArb, textArb).map(([f, v]) => not(endsWith(f, v))),
  fc.tuple(fieldArb, rangeArb).map(([f, [a, b]]) => not(between(f, a, b))),
);

type Group = Predicate & { readonly op: 'and' | 'or' };

/** Rule groups react-querybuilder reads back unchanged: `not` wraps groups or negatable rules only. */
export const queryBuilderSubsetArb: fc.Arbitrary<Predicate> = fc.letrec<{ group: Predicate; item: Predicate }>((tie) => ({
  group: fc.tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(tie('item'), { maxLength: 3 }), fc.boolean()).map(([op, parts, negate]) => {
    const group: Group = (op === 'and' ? and(...parts) : or(...parts)) as Group;
    return negate ? not(group) : group;
  }),
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, queryBuilderLeafArb, negatableArb, tie('group')),
})).group;
