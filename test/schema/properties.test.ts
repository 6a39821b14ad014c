import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { accountIndex, createRouter, icpFit, scorecard, scorecardFromJSON, scorecardToJSON } from 'netspear';
import { parsePredicate, toPredicateJson } from 'netspear/interop';
import { fitDefinitionSchema, predicateDocumentSchema, routerConfigSchema, scorecardDefinitionSchema } from 'netspear/schema';
import { predicateArb, uniquelyNamedArb } from '../predicate/arbitraries.js';
import { definitionArb } from '../scoring/arbitraries.js';
import { mutationArb } from './mutations.js';

/** Returns true when building throws, as every netspear factory does on an invalid definition. */
function throws(build: () => unknown): boolean {
  try {
    build();
    return false;
  } catch {
    return true;
  }
}

const toJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const optional = <V>(arb: fc.Arbitrary<V>) => fc.option(arb, { nil: undefined });

/** Scorecards as JSON: named tiers, or an MQL threshold in place of the tiers. */
const scorecardJsonArb: fc.Arbitrary<unknown> = fc
  .tuple(definitionArb, fc.option(fc.integer({ min: -50, max: 150 }), { nil: undefined }), fc.boolean())
  .map(([definition, threshold, versioned]) => {
    const json = scorecardToJSON(definition) as Record<string, unknown>;
    if (threshold !== undefined) {
      delete json['tiers'];
      json['mqlThreshold'] = threshold;
    }
    if (!versioned) delete json['version'];
    return toJson(json);
  });

const predicateDocumentArb: fc.Arbitrary<unknown> = uniquelyNamedArb.map((p) => toJson(toPredicateJson(p)));

const fitJsonArb: fc.Arbitrary<unknown> = fc
  .record({
    criteria: fc.array(fc.record({ when: predicateArb, weight: fc.double({ min: 0.01, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
    tiers: optional(fc.constantFrom([{ name: 'A', min: 80 }, { name: 'B', min: 50 }, { name: 'C' }], [{ name: 'Fit', min: 0 }])),
    minCoverage: optional(fc.double({ min: 0, max: 1, noNaN: true })),
    parseStrings: optional(fc.boolean()),
  })
  .map(({ criteria, ...rest }) => toJson({ criteria: criteria.map((c, i) => ({ id: `c${i}`, ...c })), ...rest }));

const routerConfigArb: fc.Arbitrary<unknown> = fc
  .record({
    mqlThreshold: optional(fc.integer({ min: -10, max: 200 })),
    emailField: optional(fc.constantFrom('email', 'contact.email', 'Email Address')),
    timeoutMs: optional(fc.oneof(fc.integer({ min: 1, max: 2_147_483_647 }), fc.constant(0.5))),
    retry: optional(fc.record({ attempts: fc.integer({ min: 1, max: 10 }), backoffMs: optional(fc.integer({ min: 0, max: 5000 })), factor: optional(fc.double({ min: 0, max: 4, noNaN: true })) })),
    version: optional(fc.constantFrom('2024-05', 'v3')),
  })
  .map(toJson);

const library = {
  scorecard: (input: unknown) => !throws(() => scorecardFromJSON(input)),
  predicate: (input: unknown) => parsePredicate(input).ok,
  fit: (input: unknown) => !throws(() => icpFit(input as never)),
  router: (input: unknown) =>
    !throws(() => createRouter({ accounts: accountIndex([]), scorecard: scorecard({ mqlThreshold: 10 }), ...(input as object) })),
};

/** True for paths under a group's decay, which the library reads only for rules without a decay of their own. */
const underGroupDecay = (path: readonly (string | number)[]) => path[0] === 'groups' && path[2] === 'decay';

const scorecardMutations = mutationArb(scorecardJsonArb, {
  keys: ['points', 'id', 'name', 'field', 'op', 'value', 'values', 'words', 'predicates', 'predicate', 'days', 'min', 'max', 'maxCount', 'maxPoints', 'perDay',
    'withinDays', 'cap', 'floor', 'factor', 'afterDays', 'kind', 'event', 'at', 'eventsField', 'mqlThreshold', 'tiers', 'rules', 'groups', 'steps', 'version',
    'parseStrings', 'placeholders'],
  checksKeysAt: (path) => !path.includes('when') && !path.includes('where'),
  skip: underGroupDecay,
});
const predicateMutations = mutationArb(predicateDocumentArb, {
  keys: ['name', 'field', 'op', 'value', 'values', 'words', 'predicates', 'predicate', 'min', 'max', 'definitions', 'version'],
  checksKeysAt: () => true,
});
const fitMutations = mutationArb(fitJsonArb, {
  keys: ['id', 'name', 'field', 'op', 'weight', 'value', 'values', 'words', 'predicates', 'predicate', 'min', 'max', 'minCoverage', 'tiers', 'criteria', 'placeholders'],
  checksKeysAt: () => false,
});
const routerMutations = mutationArb(routerConfigArb, {
  keys: ['attempts', 'backoffMs', 'factor', 'timeoutMs', 'mqlThreshold', 'emailField'],
  checksKeysAt: () => false,
  fallback: { timeoutMs: 0 },
});

describe('schemas accept valid definitions', () => {
  test.prop([scorecardJsonArb])('scorecard accepted by both', (input) => {
    expect(library.scorecard(input)).toBe(true);
    expect(scorecardDefinitionSchema().safeParse(input).error?.issues).toBeUndefined();
  });

  test.prop([predicateDocumentArb])('predicate document accepted by both', (input) => {
    expect(library.predicate(input)).toBe(true);
    expect(predicateDocumentSchema().safeParse(input).error?.issues).toBeUndefined();
  });

  test.prop([fitJsonArb])('fit accepted by both', (input) => {
    expect(library.fit(input)).toBe(true);
    expect(fitDefinitionSchema().safeParse(input).error?.issues).toBeUndefined();
  });

  test.prop([routerConfigArb])('router config accepted by both', (input) => {
    expect(library.router(input)).toBe(true);
    expect(routerConfigSchema().safeParse(input).error?.issues).toBeUndefined();
  });
});

describe('schemas reject mutated definitions', () => {
  test.prop([scorecardMutations])('scorecard rejected by both', ({ input, change }) => {
    expect(library.scorecard(input), change).toBe(false);
    expect(scorecardDefinitionSchema().safeParse(input).success, change).toBe(false);
  });

  test.prop([predicateMutations])('predicate document rejected by both', ({ input, change }) => {
    expect(library.predicate(input), change).toBe(false);
    expect(predicateDocumentSchema().safeParse(input).success, change).toBe(false);
  });

  test.prop([fitMutations])('fit rejected by both', ({ input, change }) => {
    expect(library.fit(input), change).toBe(false);
    expect(fitDefinitionSchema().safeParse(input).success, change).toBe(false);
  });

  test.prop([routerMutations])('router config rejected by both', ({ input, change }) => {
    expect(library.router(input), change).toBe(false);
    expect(routerConfigSchema().safeParse(input).success, change).toBe(false);
  });
});
