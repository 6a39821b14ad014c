import { describe, expect, it } from 'vitest';
import {
  and,
  between,
  containsAnyWord,
  DefinitionError,
  equals,
  exists,
  greaterThan,
  includesAll,
  includesAny,
  isFalse,
  isTrue,
  lessThan,
  named,
  not,
  oneOf,
  or,
  scorecard,
  startsWith,
  toEpochMs,
  type ScoringRule,
} from 'netspear';
import { collectProblems, type DefinitionProblem } from '../../src/scoring/problems.js';
import { compileRule, type Context, type RuleDetail } from '../../src/scoring/rules.js';

const NOW = '2024-05-01T00:00:00Z';
const DAY = 86_400_000;

/** Returns an ISO timestamp `days` days before NOW. */
function daysAgo(days: number): string {
  return new Date(Date.parse(NOW) - days * DAY).toISOString();
}

/** Builds a scorecard from `rules` and returns the problems it is rejected with. */
function problemsOf(rules: readonly unknown[]): readonly DefinitionProblem[] {
  try {
    scorecard({ rules: rules as ScoringRule[], mqlThreshold: 1 });
  } catch (error) {
    if (error instanceof DefinitionError) return error.problems;
    throw error;
  }
  throw new Error('expected the definition to be rejected');
}

/** Compiles one rule at `rules[0]` and returns the compiled rule with the problems reported. */
function compileOne(rule: unknown) {
  const [problems, report] = collectProblems();
  const compiled = compileRule('scorecard', rule as ScoringRule, 'rules[0]', {}, [], undefined, report);
  return { compiled, problems };
}

describe('rule validation messages', () => {
  it('non-object rules', () => {
    expect(problemsOf([null, 7])).toEqual([
      { path: 'rules[0].id', message: 'expected a non-empty string, received undefined' },
      { path: 'rules[0]', message: 'expected a rule object, received null' },
      { path: 'rules[1].id', message: 'expected a non-empty string, received undefined' },
      { path: 'rules[1]', message: 'expected a rule object, received 7' },
    ]);
  });

  it('points and label', () => {
    expect(problemsOf([{ id: 'a', when: isTrue('x'), points: 'twenty', label: 5 }])).toEqual([
      { path: 'rules[0].points', message: 'expected a whole number of points, received "twenty"' },
      { path: 'rules[0].label', message: 'expected a string, received 5' },
    ]);
  });

  it('event rule counts', () => {
    const rule = { id: 'e', event: 'click', points: 1, maxCount: 1.5, maxPoints: -1, perDay: 0 };
    expect(problemsOf([rule])).toEqual([
      { path: 'rules[0].maxCount', message: 'expected a whole number of at least 0, received 1.5' },
      { path: 'rules[0].maxPoints', message: 'expected a whole number of at least 0, received -1' },
      { path: 'rules[0].perDay', message: 'expected a whole number of at least 1, received 0' },
    ]);
  });

  it('non-numeric maxPoints', () => {
    expect(problemsOf([{ id: 'e', event: 'click', points: 1, maxPoints: '5' }])).toEqual([
      { path: 'rules[0].maxPoints', message: 'expected a whole number of at least 0, received "5"' },
    ]);
  });

  it('withinDays must be positive', () => {
    const rules = [0, -1, Infinity, '30', 'thirty'].map((withinDays, i) => ({ id: `e${i}`, event: 'click', points: 1, withinDays }));
    expect(problemsOf(rules)).toEqual([
      { path: 'rules[0].withinDays', message: 'expected a positive number of days, received 0' },
      { path: 'rules[1].withinDays', message: 'expected a positive number of days, received -1' },
      { path: 'rules[2].withinDays', message: 'expected a positive number of days, received Infinity' },
      { path: 'rules[3].withinDays', message: 'expected a positive number of days, received "30"' },
      { path: 'rules[4].withinDays', message: 'expected a positive number of days, received "thirty"' },
    ]);
  });

  it('event types must be non-empty strings', () => {
    const rules = [['view', ''], ['view', 5], []].map((event, i) => ({ id: `e${i}`, event, points: 1 }));
    const message = 'expected an event type or a non-empty array of event types, received an array';
    expect(problemsOf(rules)).toEqual([
      { path: 'rules[0].event', message },
      { path: 'rules[1].event', message },
      { path: 'rules[2].event', message },
    ]);
  });

  it('when on an event rule', () => {
    expect(problemsOf([{ id: 'e', event: 'click', when: isTrue('a'), points: 1 }])).toEqual([
      { path: 'rules[0].when', message: 'an event rule filters events with where, not when; move the criterion to where' },
    ]);
  });

  it('invalid where criterion', () => {
    expect(problemsOf([{ id: 'e', event: 'click', where: { op: 'gt', field: 'n', value: 'many' }, points: 1 }])).toEqual([
      { path: 'rules[0].where.value', message: 'expected a finite number or an ISO 8601 date, received "many"' },
    ]);
  });

  it('invalid at path', () => {
    expect(problemsOf([{ id: 'a', when: isTrue('x'), at: 'visit..at', points: 1 }])).toEqual([
      { path: 'rules[0].at', message: 'field path "visit..at" has an empty segment' },
    ]);
  });

  it('withinDays without at', () => {
    expect(problemsOf([{ id: 'a', when: isTrue('x'), points: 1, withinDays: 7 }])).toEqual([
      { path: 'rules[0].at', message: 'withinDays and decay need the path of a timestamp in at, such as "lastVisitAt"' },
    ]);
  });

  it('invalid group decay', () => {
    expect(() =>
      scorecard({ groups: [{ id: 'web', decay: { kind: 'linear', days: 0 }, rules: [{ id: 'v', event: 'visit', points: 1 }] }], mqlThreshold: 1 }),
    ).toThrow('scorecard: groups[0].rules[0] (group decay).days: expected a positive number of days, received 0');
  });
});

describe('compileRule result', () => {
  const valid: Record<string, unknown> = {
    event: { id: 'e', event: 'click', points: 1 },
    field: { id: 'f', when: isTrue('x'), points: 1 },
    timed: { id: 't', when: isTrue('x'), at: 'seenAt', points: 1 },
  };

  it('one problem gives undefined', () => {
    for (const [kind, rule] of Object.entries(valid)) {
      const { compiled, problems } = compileOne(rule);
      expect(problems, kind).toEqual([]);
      expect(compiled, kind).toBeDefined();
    }

    const invalid: [unknown, string][] = [
      [{ id: 'e', event: 'click', points: 1, withinDays: 0 }, 'rules[0].withinDays'],
      [{ id: 'e', event: 'click', points: 1, decay: { kind: 'linear', days: 0 } }, 'rules[0].decay.days'],
      [{ id: 'e', event: 'click', points: 1, maxCount: -1 }, 'rules[0].maxCount'],
      [{ id: 'e', event: 'click', points: 1, maxPoints: -1 }, 'rules[0].maxPoints'],
      [{ id: 'e', event: 'click', points: 1, perDay: 0 }, 'rules[0].perDay'],
      [{ id: 'e', event: 'click', points: 1, where: { op: 'gt', field: 'n', value: 'many' } }, 'rules[0].where.value'],
      [{ id: 'e', event: '', points: 1 }, 'rules[0].event'],
      [{ id: 'e', event: 'click', points: 1, label: 5 }, 'rules[0].label'],
      [{ id: 'f', when: isTrue('x'), points: 1.5 }, 'rules[0].points'],
      [{ id: 'f', when: isTrue('x'), at: 'seenAt', points: 1, withinDays: -2 }, 'rules[0].withinDays'],
      [{ id: 'f', when: isTrue('x'), at: 'seenAt', points: 1, decay: { kind: 'step', steps: [] } }, 'rules[0].decay.steps'],
      [{ id: 'f', when: isTrue('x'), at: '', points: 1 }, 'rules[0].at'],
      [{ id: 'f', when: { op: 'gt', field: 'n' }, points: 1 }, 'rules[0].when.value'],
    ];
    for (const [rule, path] of invalid) {
      const { compiled, problems } = compileOne(rule);
      expect(problems.map((p) => p.path), path).toEqual([path]);
      expect(compiled, path).toBeUndefined();
    }
  });

  it('untimed field rule run', () => {
    const { compiled } = compileOne({ id: 'f', when: greaterThan('size', 50), points: 15 });
    const context: Context = { now: NaN, events: [], issues: undefined };
    const blank = (): RuleDetail => ({ outcome: 'no_match', count: 0, raw: 0, decayedExact: 0, ruleClip: 0, timeUnknown: false, events: undefined });

    const matched = blank();
    expect(compiled!.run({ size: 100 }, context, matched)).toBe(15);
    expect(matched).toEqual({ outcome: 'match', count: 1, raw: 15, decayedExact: 15, ruleClip: 0, timeUnknown: false, events: undefined });

    const unmatched = blank();
    expect(compiled!.run({ size: 10 }, context, unmatched)).toBe(0);
    expect(unmatched).toEqual({ outcome: 'no_match', count: 0, raw: 0, decayedExact: 0, ruleClip: 0, timeUnknown: false, events: undefined });

    const unknown = blank();
    expect(compiled!.run({}, context, unknown)).toBe(0);
    expect(unknown.outcome).toBe('unknown');
    expect(unknown.count).toBe(0);

    expect(compiled!.run({ size: 100 }, context)).toBe(15);
    expect(compiled!.run({ size: 10 }, context)).toBe(0);
  });
});

describe('type mismatch issues', () => {
  it('expected type by operator', () => {
    const rules: ScoringRule[] = [
      { id: 'gt', when: greaterThan('size', 50), points: 1 },
      { id: 'between', when: between('revenue', 1, 5), points: 1 },
      { id: 'true', when: isTrue('flag'), points: 1 },
      { id: 'false', when: isFalse('off'), points: 1 },
      { id: 'any', when: includesAny('tags', ['a']), points: 1 },
      { id: 'all', when: includesAll('labels', ['a']), points: 1 },
      { id: 'eq-number', when: equals('level', 5), points: 1 },
      { id: 'eq-boolean', when: equals('active', true), points: 1 },
      { id: 'eq-string', when: equals('plan', 'pro'), points: 1 },
      { id: 'one-of', when: oneOf('tier', [3, 4]), points: 1 },
      { id: 'starts', when: startsWith('domain', 'x'), points: 1 },
      { id: 'words', when: containsAnyWord('title', ['cto']), points: 1 },
    ];
    const lead = {
      size: 'big',
      revenue: 'x',
      flag: 'yes',
      off: 'no',
      tags: 'a',
      labels: 5,
      level: 'five',
      active: 'yes',
      plan: 5,
      tier: 'three',
      domain: 5,
      title: 5,
    };
    const result = scorecard({ rules, mqlThreshold: 1 }).score(lead);
    expect(result.issues).toEqual([
      { code: 'type_mismatch', path: 'size', ruleId: 'gt', expected: 'number', received: '"big"' },
      { code: 'type_mismatch', path: 'revenue', ruleId: 'between', expected: 'number', received: '"x"' },
      { code: 'type_mismatch', path: 'flag', ruleId: 'true', expected: 'boolean', received: '"yes"' },
      { code: 'type_mismatch', path: 'off', ruleId: 'false', expected: 'boolean', received: '"no"' },
      { code: 'type_mismatch', path: 'tags', ruleId: 'any', expected: 'array', received: '"a"' },
      { code: 'type_mismatch', path: 'labels', ruleId: 'all', expected: 'array', received: '5' },
      { code: 'type_mismatch', path: 'level', ruleId: 'eq-number', expected: 'number', received: '"five"' },
      { code: 'type_mismatch', path: 'active', ruleId: 'eq-boolean', expected: 'boolean', received: '"yes"' },
      { code: 'type_mismatch', path: 'plan', ruleId: 'eq-string', expected: 'string', received: '5' },
      { code: 'type_mismatch', path: 'tier', ruleId: 'one-of', expected: 'number', received: '"three"' },
      { code: 'type_mismatch', path: 'domain', ruleId: 'starts', expected: 'string', received: '5' },
      { code: 'type_mismatch', path: 'title', ruleId: 'words', expected: 'string', received: '5' },
    ]);
  });

  it('nested and, or, not', () => {
    const when = and(greaterThan('a', 1), or(isTrue('b'), not(lessThan('c', 3))));
    const result = scorecard({ rules: [{ id: 'nested', when, points: 1 }], mqlThreshold: 1 }).score({ a: 'x', b: 'x', c: 'x' });
    expect(result.issues).toEqual([
      { code: 'type_mismatch', path: 'a', ruleId: 'nested', expected: 'number', received: '"x"' },
      { code: 'type_mismatch', path: 'b', ruleId: 'nested', expected: 'boolean', received: '"x"' },
      { code: 'type_mismatch', path: 'c', ruleId: 'nested', expected: 'number', received: '"x"' },
    ]);
  });

  it('date comparisons expect a date', () => {
    const rules = [
      { id: 'between-dates', when: between('createdAt', '2020-01-01', '2030-01-01'), points: 1 },
      { id: 'after-date', when: greaterThan('renewedAt', '2024-01-01T00:00:00Z'), points: 1 },
    ];
    const result = scorecard({ rules, mqlThreshold: 1 }).score({ createdAt: 1_714_000_000_000, renewedAt: '2024-06-01T10:00:00' });

    expect(result.issues).toEqual([
      { code: 'type_mismatch', path: 'createdAt', ruleId: 'between-dates', expected: 'date', received: '1714000000000' },
      { code: 'type_mismatch', path: 'renewedAt', ruleId: 'after-date', expected: 'date', received: '"2024-06-01T10:00:00"' },
    ]);
  });

  it('first criterion on a field wins', () => {
    const when = and(greaterThan('x', 1), isTrue('x'));
    const result = scorecard({ rules: [{ id: 'r', when, points: 1 }], mqlThreshold: 1 }).score({ x: 'text' });
    expect(result.issues).toEqual([{ code: 'type_mismatch', path: 'x', ruleId: 'r', expected: 'number', received: '"text"' }]);
  });

  it('timed rule with mismatched field', () => {
    const card = scorecard({ rules: [{ id: 'big', when: greaterThan('size', 50), at: 'seenAt', points: 5 }], mqlThreshold: 1 });
    const result = card.score({ size: 'big', seenAt: daysAgo(1) }, { now: NOW });
    expect(result.issues).toEqual([{ code: 'type_mismatch', path: 'size', ruleId: 'big', expected: 'number', received: '"big"' }]);
  });

  it('invalid timestamp is its only issue', () => {
    const card = scorecard({ rules: [{ id: 'seen', when: exists('seenAt'), at: 'seenAt', points: 5 }], mqlThreshold: 1 });
    const result = card.score({ seenAt: 'soon' }, { now: NOW });
    expect(result.issues).toEqual([{ code: 'invalid_timestamp', path: 'seenAt', ruleId: 'seen', expected: 'date', received: '"soon"' }]);
    expect(result.contributions[0]?.outcome).toBe('unknown');
  });
});

describe('timed field rules', () => {
  const card = scorecard({ rules: [{ id: 'demo', when: isTrue('demo'), at: 'demoAt', points: 40, withinDays: 30 }], mqlThreshold: 1 });
  const line = (outcome: string, points: number, demoAt: unknown) => ({
    ruleId: 'demo',
    label: 'demo',
    groupId: undefined,
    outcome,
    matched: outcome === 'match',
    points,
    rulePoints: 40,
    count: points === 0 ? 0 : 1,
    rawPoints: points,
    decayFactor: 1,
    decayedPoints: points,
    clips: [],
    values: { demo: true, demoAt },
  });

  it('window edge counts', () => {
    const result = card.score({ demo: true, demoAt: daysAgo(30) }, { now: NOW });
    expect(result).toEqual({
      total: 40,
      tier: 'mql',
      contributions: [line('match', 40, daysAgo(30))],
      groups: [],
      missingFields: [],
      undecidedPoints: 0,
      issues: [],
      asOf: '2024-05-01T00:00:00.000Z',
    });
  });

  it('outside window is no match', () => {
    const result = card.score({ demo: true, demoAt: daysAgo(31) }, { now: NOW });
    expect(result.total).toBe(0);
    expect(result.contributions).toEqual([line('no_match', 0, daysAgo(31))]);
  });

  it('future timestamp is no match', () => {
    const later = '2024-05-02T00:00:00Z';
    const result = card.score({ demo: true, demoAt: later }, { now: NOW });
    expect(result.total).toBe(0);
    expect(result.contributions).toEqual([line('no_match', 0, later)]);
  });

  it('missing timestamp has no issue', () => {
    for (const demoAt of [undefined, '', 'Select']) {
      const result = card.score({ demo: true, demoAt }, { now: NOW });
      expect(result.issues, String(demoAt)).toEqual([]);
      expect(result.missingFields, String(demoAt)).toEqual(['demoAt']);
      expect(result.contributions[0]?.outcome, String(demoAt)).toBe('unknown');
    }
  });

  it('no decay gives full points', () => {
    const undecayed = scorecard({ rules: [{ id: 'demo', when: isTrue('demo'), at: 'demoAt', points: 7 }], mqlThreshold: 1 });
    expect(undecayed.total({ demo: true, demoAt: daysAgo(400) }, { now: NOW })).toBe(7);
  });

  it('reads no events', () => {
    const result = card.score({ demo: true, demoAt: daysAgo(1), events: 'lots' }, { now: NOW });
    expect(result.events).toBeUndefined();
    expect(result.issues).toEqual([]);
  });
});

describe('event rule contributions', () => {
  const card = scorecard({
    rules: [
      { id: 'view', event: 'page_view', points: 2 },
      { id: 'download', event: 'download', points: 9 },
    ],
    mqlThreshold: 1,
  });
  const line = (ruleId: string, rulePoints: number, counted: number) => ({
    ruleId,
    label: ruleId,
    groupId: undefined,
    outcome: counted > 0 ? 'match' : 'no_match',
    matched: counted > 0,
    points: counted * rulePoints,
    rulePoints,
    count: counted,
    rawPoints: counted * rulePoints,
    decayFactor: 1,
    decayedPoints: counted * rulePoints,
    clips: [],
    values: {},
    events: { counted, outsideWindow: 0, overDailyLimit: 0, overMaxCount: 0 },
  });

  it('counted and uncounted rules', () => {
    const result = card.score({}, { now: NOW, events: [{ type: 'page_view', at: daysAgo(1) }] });
    expect(result.contributions).toEqual([line('view', 2, 1), line('download', 9, 0)]);
    expect(result.events).toEqual({ received: 1, used: 1, duplicates: 0, future: 0, invalid: 0 });
  });

  it('null events from the lead', () => {
    const result = card.score({ events: null }, { now: NOW });
    expect(result.issues).toEqual([]);
    expect(result.contributions).toEqual([line('view', 2, 0), line('download', 9, 0)]);
  });

  it('total ignores bad events', () => {
    expect(card.total({ events: 'lots' }, { now: NOW })).toBe(0);
    const events = [{ type: 'page_view', at: 'last week' }, { type: 7, at: daysAgo(1) }, { type: 'page_view', at: daysAgo(1) }];
    expect(card.total({}, { now: NOW, events })).toBe(2);
  });

  it('invalid event issues', () => {
    const events = [{ type: 7, at: daysAgo(1) }, { type: 'page_view', at: 1714521600 }];
    expect(card.score({}, { now: NOW, events }).issues).toEqual([
      { code: 'invalid_event', path: 'events[0].type', expected: 'string', received: '7' },
      { code: 'invalid_timestamp', path: 'events[1].at', expected: 'date', received: '1714521600' },
    ]);
  });

  it('numeric ids dedupe', () => {
    const events = [
      { type: 'download', at: daysAgo(2), id: 7 },
      { type: 'download', at: daysAgo(1), id: 7 },
      { type: 'download', at: daysAgo(1), id: '7' },
      { type: 'download', at: daysAgo(1), id: 8 },
    ];
    const result = card.score({}, { now: NOW, events });
    expect(result.total).toBe(18);
    expect(result.events).toEqual({ received: 4, used: 2, duplicates: 2, future: 0, invalid: 0 });
  });

});

describe('timestamp parsing', () => {
  it('epoch ms at the limit', () => {
    expect(toEpochMs(1e11)).toBe(1e11);
    expect(toEpochMs(-1e11)).toBe(-1e11);
    expect(toEpochMs(1e11 - 1)).toBeUndefined();
  });

  it('surrounding spaces are trimmed', () => {
    expect(toEpochMs(' 2024-05-01T10:00:00Z\n')).toBe(Date.UTC(2024, 4, 1, 10));
  });

  it('rejects impossible dates', () => {
    for (const value of ['2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '0050-01-01', '2023-02-29']) {
      expect(toEpochMs(value), value).toBeUndefined();
    }
    expect(toEpochMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects impossible times', () => {
    for (const value of ['2024-05-01T24:00:00Z', '2024-05-01T10:60:00Z', '2024-05-01T10:00:60Z', '2024-05-01T23:59:99']) {
      expect(toEpochMs(value), value).toBeUndefined();
    }
    expect(toEpochMs('2024-05-01T23:59:59Z')).toBe(Date.UTC(2024, 4, 1, 23, 59, 59));
  });
});

describe('type mismatch inside named criteria', () => {
  it('reports the field of a named criterion', () => {
    const card = scorecard({ rules: [{ id: 'named', when: named('big', greaterThan('nm', 1)), points: 1 }], mqlThreshold: 1 });
    expect(card.score({ nm: 'x' }).issues).toEqual([{ code: 'type_mismatch', path: 'nm', ruleId: 'named', expected: 'number', received: '"x"' }]);
  });
});
