import { fc } from '@fast-check/vitest';
import {
  and,
  atLeast,
  atMost,
  between,
  contains,
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
import type { ColumnSpec } from '../../src/sql/index.js';

/** The table the differential tests load: one column per field, with its type. */
export const COLUMNS: Record<string, ColumnSpec> = {
  industry: { column: 'industry', type: 'text' },
  title: { column: 'job "title"', type: 'text' },
  employees: { column: 'employees', type: 'number' },
  active: { column: 'active', type: 'boolean' },
  techStack: { column: 'tech_stack', type: 'text[]' },
  closedOn: { column: 'closed_on', type: 'date' },
};

// ASCII letters only change case, because SQLite's lower() folds ASCII alone.
const TEXTS = ['SaaS', 'saas', 'Finance', 'US', '', '   ', '\u00a0', 'Select', ' select ', 'Select...', '--None--', 'N/A', 'Senior Engineer', 'VP of Sales', '9', '10', "O'Neil", 'a"b', 'ü', 'kubernetes'];
const TAGS = ['kubernetes', 'KUBERNETES', 'react', 'aws', 'ü'];
const DATES = ['2023-12-31', '2024-01-01', '2024-01-01T12:00:00.000Z', '2024-01-01T12:00:00+02:00', '2024-06-30T23:59:59.999Z'];

const textArb = fc.constantFrom(...TEXTS);
const numberArb = fc.oneof(
  fc.integer({ min: -5, max: 300 }),
  fc.constantFrom(0, -0, 9, 10, 50, 100, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);
const dateArb = fc.oneof(
  fc.constantFrom(...DATES),
  fc.integer({ min: Date.UTC(2023, 11, 30), max: Date.UTC(2024, 6, 1) }).map((ms) => new Date(ms).toISOString()),
);

/** A row as JavaScript evaluates it. A field is absent, null, or of its column's type. */
export type Row = Partial<Record<keyof typeof COLUMNS, unknown>>;

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 4 });

export const rowArb: fc.Arbitrary<Row> = fc.record(
  {
    industry: nullable(textArb),
    title: nullable(textArb),
    employees: nullable(numberArb),
    active: nullable(fc.boolean()),
    techStack: nullable(fc.array(fc.oneof(fc.constantFrom(...TAGS), fc.constant(null)), { maxLength: 3 })),
    closedOn: nullable(dateArb),
  },
  { requiredKeys: [] },
);

const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(textArb, numberArb.filter(Number.isFinite), fc.boolean());
const scalarsArb = fc.array(scalarArb, { maxLength: 3 });
const caseArb = fc.record({ ignoreCase: fc.boolean() });
const boundArb = fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(0.5, 9, 10, 100));
const dateBoundArb = fc.constantFrom(...DATES);
/** Every field but the date, on which equality is not compiled. */
const scalarField = fc.constantFrom('industry', 'title', 'employees', 'active', 'techStack');
const anyField = fc.constantFrom('industry', 'title', 'employees', 'active', 'techStack', 'closedOn');
/** Fields a numeric bound may name: every field but text ones with dates in them. */
const numericField = fc.constantFrom('industry', 'title', 'employees', 'active', 'techStack', 'closedOn');
const dateField = fc.constantFrom('closedOn', 'employees', 'active', 'techStack');

/** Leaves on fields of every type, including mismatched types that evaluate to `unknown`. */
const leafArb: fc.Arbitrary<Predicate> = fc.oneof(
  fc.tuple(scalarField, scalarArb, caseArb).map(([f, v, o]) => equals(f, v, o)),
  fc.tuple(scalarField, scalarArb, caseArb).map(([f, v, o]) => notEquals(f, v, o)),
  fc.tuple(scalarField, scalarsArb, caseArb).map(([f, v, o]) => oneOf(f, v, o)),
  fc.tuple(scalarField, scalarsArb, caseArb).map(([f, v, o]) => noneOf(f, v, o)),
  fc.tuple(anyField, textArb, caseArb).map(([f, v, o]) => startsWith(f, v, o)),
  fc.tuple(anyField, textArb, caseArb).map(([f, v, o]) => endsWith(f, v, o)),
  fc.tuple(anyField, textArb, caseArb).map(([f, v, o]) => contains(f, v, o)),
  fc.tuple(numericField, boundArb).map(([f, v]) => greaterThan(f, v)),
  fc.tuple(numericField, boundArb).map(([f, v]) => atLeast(f, v)),
  fc.tuple(numericField, boundArb).map(([f, v]) => lessThan(f, v)),
  fc.tuple(numericField, boundArb).map(([f, v]) => atMost(f, v)),
  fc.tuple(numericField, boundArb, boundArb).map(([f, a, b]) => between(f, Math.min(a, b), Math.max(a, b))),
  fc.tuple(dateField, dateBoundArb).map(([f, v]) => greaterThan(f, v)),
  fc.tuple(dateField, dateBoundArb).map(([f, v]) => atMost(f, v)),
  fc.tuple(dateField, dateBoundArb, dateBoundArb).map(([f, a, b]) => (Date.parse(a) <= Date.parse(b) ? between(f, a, b) : between(f, b, a))),
  fc.tuple(anyField, fc.array(fc.oneof(fc.constantFrom(...TAGS), scalarArb), { maxLength: 3 }), caseArb).map(([f, v, o]) => includesAll(f, v, o)),
  fc.tuple(anyField, fc.array(fc.oneof(fc.constantFrom(...TAGS), scalarArb), { maxLength: 3 }), caseArb).map(([f, v, o]) => includesAny(f, v, o)),
  fc.tuple(anyField, fc.array(fc.oneof(fc.constantFrom(...TAGS), scalarArb), { maxLength: 3 }), caseArb).map(([f, v, o]) => includesNone(f, v, o)),
  anyField.map((f) => isTrue(f)),
  anyField.map((f) => isFalse(f)),
  anyField.map((f) => exists(f)),
  anyField.map((f) => missing(f)),
);

/** Random predicates over the table's fields that SQL can express. */
export const sqlPredicateArb: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('p'), { maxLength: 3 }).map((parts) => and(...parts)),
    fc.array(tie('p'), { maxLength: 3 }).map((parts) => or(...parts)),
    tie('p').map((inner) => not(inner)),
    tie('p').map((inner) => named('part', inner)),
  ),
})).p;

/** Placeholder lists the tests compile with; undefined leaves the defaults. */
export const placeholdersArb = fc.constantFrom<readonly string[] | undefined>(undefined, ['Select'], [], ['Select', 'N/A']);
