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
  named,
  noneOf,
  not,
  notEquals,
  oneOf,
  or,
  startsWith,
  type Predicate,
  type Scalar,
} from '../../src/predicate/index.js';

/**
 * Field paths that random predicates read. `revenue` never appears in random records, so it is
 * always missing, and `address.country` reads a nested object.
 */
export const FIELDS = [
  'name',
  'industry',
  'employees',
  'techStack',
  'country',
  'title',
  'active',
  'address.country',
  'revenue',
  'closedOn',
] as const;

/** Strings that hit the hard cases: placeholders, blanks, numeric and boolean text, word boundaries. */
const TEXTS = [
  'SaaS',
  'saas',
  'Finance',
  'US',
  'us',
  'Select',
  'select ',
  '',
  '   ',
  'Senior Engineer',
  'Engineering Manager',
  'VP of Sales',
  'kubernetes',
  '250',
  '9',
  '10',
  'true',
  'no',
] as const;

const TAGS = ['kubernetes', 'KUBERNETES', 'react', 'python', 'aws', 'wordpress'] as const;

const text = fc.constantFrom(...TEXTS);

/** ISO dates for bounds, around the turn of 2024. */
const DATES = ['2023-12-31', '2024-01-01', '2024-01-01T12:00:00Z', '2024-01-01T12:00:00+02:00', '2024-06-30'] as const;
/** A comparison bound that is an ISO date. */
export const dateBoundArb = fc.constantFrom(...DATES);
/** A date as records hold it: ISO text, a `Date`, an invalid Date or text that is not ISO 8601. */
const dateValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...DATES, '2024-02-30', '01/05/2024', '2024-01-01T12:00:00', new Date(Number.NaN)),
  fc.integer({ min: Date.UTC(2023, 11, 30), max: Date.UTC(2024, 6, 1) }).map((ms) => new Date(ms)),
  fc.integer({ min: Date.UTC(2023, 11, 30), max: Date.UTC(2024, 6, 1) }).map((ms) => new Date(ms).toISOString()),
);
const smallNumber = fc.oneof(fc.integer({ min: -10, max: 6000 }), fc.constantFrom(0, 9, 10, 50, 100, 250));

/**
 * A finite number for predicate bounds: mostly small integers, sometimes any finite double.
 * -0 becomes 0 because JSON writes both as `0`, and they compare alike.
 */
export const boundArb = fc.oneof(
  { arbitrary: smallNumber, weight: 4 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)), weight: 1 },
);

/** A value a predicate compares against. */
export const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(text, smallNumber, fc.boolean());

/**
 * A raw field value as CRM exports and web forms send it: right and wrong types, numbers as
 * strings, placeholders, null, NaN, infinities, arrays with mixed elements and nested objects.
 */
export const fieldValueArb: fc.Arbitrary<unknown> = fc.oneof(
  text,
  smallNumber,
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  fc.boolean(),
  fc.array(fc.oneof(fc.constantFrom(...TAGS), smallNumber, fc.boolean(), fc.constant(null)), { maxLength: 4 }),
  fc.record({ country: fc.oneof(text, fc.constant(null)) }, { requiredKeys: [] }),
  dateValueArb,
);

/** A company-like record in which every field may be absent, null, NaN or of the wrong type. */
export const recordArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    name: fieldValueArb,
    industry: fieldValueArb,
    employees: fieldValueArb,
    techStack: fieldValueArb,
    country: fieldValueArb,
    title: fieldValueArb,
    active: fieldValueArb,
    address: fieldValueArb,
    closedOn: fieldValueArb,
  },
  { requiredKeys: [] },
);

const fieldArb = fc.constantFrom(...FIELDS);
const caseArb = fc.record({ ignoreCase: fc.boolean() });
const scalarsArb = fc.array(scalarArb, { maxLength: 4 });
const wordsArb = fc.array(fc.constantFrom('engineer', 'Engineer', 'CTO', 'vice president', 'saas', 'us', '250'), {
  minLength: 1,
  maxLength: 3,
});

/** A predicate with one operator on one field, covering every leaf operator. */
export const leafArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.tuple(fieldArb, scalarArb, caseArb).map(([f, v, o]) => equals(f, v, o)),
  fc.tuple(fieldArb, scalarArb, caseArb).map(([f, v, o]) => notEquals(f, v, o)),
  fc.tuple(fieldArb, scalarsArb, caseArb).map(([f, v, o]) => oneOf(f, v, o)),
  fc.tuple(fieldArb, scalarsArb, caseArb).map(([f, v, o]) => noneOf(f, v, o)),
  fc.tuple(fieldArb, wordsArb).map(([f, w]) => containsAnyWord(f, w)),
  fc.tuple(fieldArb, text, caseArb).map(([f, v, o]) => startsWith(f, v, o)),
  fc.tuple(fieldArb, text, caseArb).map(([f, v, o]) => endsWith(f, v, o)),
  fc.tuple(fieldArb, text, caseArb).map(([f, v, o]) => contains(f, v, o)),
  fc.tuple(fieldArb, boundArb).map(([f, v]) => greaterThan(f, v)),
  fc.tuple(fieldArb, boundArb).map(([f, v]) => atLeast(f, v)),
  fc.tuple(fieldArb, boundArb).map(([f, v]) => lessThan(f, v)),
  fc.tuple(fieldArb, boundArb).map(([f, v]) => atMost(f, v)),
  fc.tuple(fieldArb, boundArb, boundArb).map(([f, a, b]) => between(f, Math.min(a, b), Math.max(a, b))),
  fc.tuple(fieldArb, dateBoundArb).map(([f, v]) => atLeast(f, v)),
  fc.tuple(fieldArb, dateBoundArb).map(([f, v]) => lessThan(f, v)),
  fc.tuple(fieldArb, dateBoundArb, dateBoundArb).map(([f, a, b]) => (Date.parse(a) <= Date.parse(b) ? between(f, a, b) : between(f, b, a))),
  fc.tuple(fieldArb, scalarsArb, caseArb).map(([f, v, o]) => includesAll(f, v, o)),
  fc.tuple(fieldArb, scalarsArb, caseArb).map(([f, v, o]) => includesAny(f, v, o)),
  fc.tuple(fieldArb, scalarsArb, caseArb).map(([f, v, o]) => includesNone(f, v, o)),
  fieldArb.map((f) => isTrue(f)),
  fieldArb.map((f) => isFalse(f)),
  fieldArb.map((f) => exists(f)),
  fieldArb.map((f) => missing(f)),
);

/** A predicate tree of `and`, `or` and `not` over random leaves, including empty `and()` and `or()`. */
export const predicateArb: fc.Arbitrary<Predicate> = fc.letrec<{ predicate: Predicate }>((tie) => ({
  predicate: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('predicate'), { maxLength: 3 }).map((parts) => and(...parts)),
    fc.array(tie('predicate'), { maxLength: 3 }).map((parts) => or(...parts)),
    tie('predicate').map((inner) => not(inner)),
    fc.tuple(fc.constantFrom('enterprise', 'saas.core', 'fit-1'), tie('predicate')).map(([name, inner]) => named(name, inner)),
  ),
})).predicate;

/** Evaluation options: string parsing on or off, default or custom placeholders. */
export const optionsArb = fc.record(
  {
    parseStrings: fc.boolean(),
    placeholders: fc.constantFrom<readonly string[]>([], ['Select'], ['Select', 'N/A', '-']),
  },
  { requiredKeys: [] },
);

/** Renames every named sub-predicate to `part1`, `part2`, …, so that no two share a name. */
export function withUniqueNames(predicate: Predicate): Predicate {
  let count = 0;
  const visit = (node: Predicate): Predicate => {
    switch (node.op) {
      case 'and':
      case 'or':
        return { op: node.op, predicates: node.predicates.map(visit) };
      case 'not':
        return { op: 'not', predicate: visit(node.predicate) };
      case 'named':
        count++;
        return { op: 'named', name: `part${count}`, predicate: visit(node.predicate) };
      default:
        return node;
    }
  };
  return visit(predicate);
}

/** A random predicate whose named sub-predicates have distinct names, as the JSON form needs. */
export const uniquelyNamedArb: fc.Arbitrary<Predicate> = predicateArb.map(withUniqueNames);
