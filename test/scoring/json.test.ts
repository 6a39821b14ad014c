import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DefinitionError, equals, isTrue, scorecard, scorecardFromJSON, scorecardToJSON } from 'netspear';
import { recordArb } from '../predicate/arbitraries.js';
import { definitionArb, eventsArb, NOW } from './arbitraries.js';

function problemsOf(json: unknown): string[] {
  try {
    scorecardFromJSON(json);
  } catch (error) {
    if (error instanceof DefinitionError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the JSON definition to be rejected');
}

describe('scorecardFromJSON', () => {
  const definition = {
    rules: [{ id: 'vp', label: 'VP or above', when: equals('seniority', 'vp'), points: 20 }],
    groups: [
      {
        id: 'email',
        cap: 30,
        decay: { kind: 'half_life', days: 30 },
        rules: [{ id: 'click', event: 'email_click', points: 5, perDay: 3, withinDays: 90 }],
      },
    ],
    tiers: [{ name: 'hot', min: 40 }, { name: 'cold' }],
    hysteresis: 5,
    parseStrings: true,
  } as const;

  it('reads JSON text', () => {
    const card = scorecardFromJSON(JSON.stringify(definition));
    const events = [{ type: 'email_click', at: NOW - 1000 }];
    expect(card.score({ seniority: 'vp' }, { now: NOW, events }).total).toBe(25);
    expect(card.tiers.map((t) => t.name)).toEqual(['hot', 'cold']);
  });

  it('reads parsed data', () => {
    expect(scorecardFromJSON(definition).total({ seniority: 'vp' }, { now: NOW })).toBe(20);
  });

  it('writes version and no clock', () => {
    const json = scorecardToJSON(scorecard({ ...definition, clock: () => NOW }));
    expect(json.version).toBe(1);
    expect('clock' in json).toBe(false);
    expect(scorecardFromJSON(json).definition).toEqual(definition);
  });

  it('lists every problem by path', () => {
    const problems = problemsOf({
      rules: [{ id: 'a', when: isTrue('a'), points: 5, pionts: 5 }],
      groups: [
        { id: 'g0', rules: [] },
        { id: 'g1', rules: [] },
        { id: 'g2', rules: [{ id: 'b', when: { op: 'equals', field: 'x' }, points: 'ten' }], capp: 3 },
      ],
      tiers: [{ name: 'hot', min: '40' }],
      colour: 'red',
    });
    expect(problems).toEqual([
      'tiers[0].min: expected a finite number, received "40"',
      'groups[2].rules[0].points: expected a whole number of points, received "ten"',
      expect.stringMatching(/^groups\[2\]\.rules\[0\]\.when\.value/),
      'colour: unknown key; expected one of $schema, version, rules, groups, cap, floor, tiers, mqlThreshold, hysteresis, eventsField, placeholders, parseStrings',
      'rules[0].pionts: unknown key; expected one of id, label, when, points, at, withinDays, decay',
      'groups[2].capp: unknown key; expected one of id, label, rules, cap, floor, decay',
    ]);
  });

  it('rejects bad decay keys', () => {
    const rule = { id: 'c', event: 'click', points: 1, decay: { kind: 'step', steps: [{ afterDays: 1, factor: 0.5, fator: 1 }], days: 3 } };
    expect(problemsOf({ rules: [rule], mqlThreshold: 1 })).toEqual([
      'rules[0].decay.days: unknown key; expected one of kind, steps',
      'rules[0].decay.steps[0].fator: unknown key; expected one of afterDays, factor',
    ]);
  });

  it('rejects bad option types', () => {
    expect(problemsOf({ rules: [], mqlThreshold: 1, placeholders: 'Select', parseStrings: 'yes', version: 2 })).toEqual([
      'placeholders: expected an array of strings, received "Select"',
      'version: expected 1, the only definition version, received 2',
      'parseStrings: expected true or false, received "yes"',
    ]);
  });

  it('rejects invalid JSON text', () => {
    const [problem] = problemsOf('{"rules": [');
    expect(problem).toMatch(/^: invalid JSON: /);
  });

  it('rejects non-objects', () => {
    expect(problemsOf('[]')).toEqual([': expected a JSON object, received an array']);
    expect(problemsOf(null)).toEqual([': expected a JSON object, received null']);
  });

  it('error names the first path', () => {
    try {
      scorecardFromJSON({ rules: [{ id: 'a', when: isTrue('a'), points: 'ten' }], mqlThreshold: 1 });
    } catch (error) {
      expect(error).toBeInstanceOf(DefinitionError);
      expect((error as DefinitionError).name).toBe('NetspearConfigError');
      expect((error as DefinitionError).path).toBe('rules[0].points');
      expect((error as DefinitionError).message).toBe('scorecardFromJSON: rules[0].points: expected a whole number of points, received "ten"');
    }
    expect.assertions(4);
  });
});

describe('JSON round trip properties', () => {
  test.prop([definitionArb])('JSON round trip is identity', (definition) => {
    const text = JSON.stringify(scorecardToJSON(definition));
    const again = JSON.stringify(scorecardToJSON(scorecardFromJSON(text)));
    expect(again).toBe(text);
    expect(JSON.stringify(scorecardFromJSON(text).definition)).toBe(JSON.stringify(definition));
  });

  test.prop([definitionArb, recordArb, eventsArb])('round trip keeps scores', (definition, lead, events) => {
    const original = scorecard(definition).score(lead, { now: NOW, events });
    const restored = scorecardFromJSON(JSON.stringify(scorecardToJSON(definition))).score(lead, { now: NOW, events });
    expect(restored).toEqual(original);
  });
});

describe('scorecardFromJSON editor support', () => {
  it('ignores a $schema key', () => {
    const card = scorecardFromJSON({
      $schema: './node_modules/netspear/schemas/scorecard.json',
      rules: [{ id: 'vp', when: { op: 'equals', field: 'seniority', value: 'vp' }, points: 20 }],
      mqlThreshold: 20,
    });
    expect(card.total({ seniority: 'vp' })).toBe(20);
    expect(scorecardToJSON(card)).not.toHaveProperty('$schema');
  });
});
