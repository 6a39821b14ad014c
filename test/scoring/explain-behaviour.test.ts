import { describe, expect, it } from 'vitest';
import {
  and,
  combinedScorecard,
  compareScorecards,
  ConfigError,
  DefinitionError,
  equals,
  formatScore,
  isTrue,
  scorecard,
  scorecardFromJSON,
  scorecardToJSON,
} from 'netspear';
import { compileDecay } from '../../src/scoring/decay.js';
import { collectProblems, reportThrown } from '../../src/scoring/problems.js';

const now = '2024-05-01T00:00:00Z';
const nowMs = Date.parse(now);

/** Runs `build`, which must throw a `DefinitionError`, and returns that error. */
function definitionError(build: () => unknown): DefinitionError {
  try {
    build();
  } catch (error) {
    if (error instanceof DefinitionError) return error;
    throw error;
  }
  throw new Error('expected a DefinitionError, but nothing was thrown');
}

describe('compareScorecards', () => {
  const tiers = [{ name: 'hot', min: 50 }, { name: 'warm', min: 20 }];
  const before = scorecard({
    rules: [
      { id: 'a', when: isTrue('a'), points: 10 },
      { id: 'b', when: isTrue('b'), points: 20 },
      { id: 'c', when: isTrue('c'), points: 30 },
    ],
    tiers,
  });
  const after = scorecard({
    rules: [
      { id: 'a', when: isTrue('a'), points: 25 },
      { id: 'b', when: isTrue('b'), points: 5 },
      { id: 'c', when: isTrue('c'), points: 30 },
      { id: 'd', when: isTrue('d'), points: 1 },
    ],
    tiers,
  });
  const leads = [
    { a: true, c: true }, // 40 warm, then 55 hot
    { a: true, b: true, c: true }, // 60 hot both times
    { b: true }, // 20 warm, then 5 with no tier
    { b: true, d: true }, // 20 warm, then 6 with no tier
    { a: true, b: true }, // 30 warm both times
    { c: true, d: true }, // 30 warm, then 31 warm
  ];

  it('compare counts, rules and changes', () => {
    expect(compareScorecards(before, after, leads, { id: (_lead, index) => `lead-${index}`, maxChanges: 2 })).toEqual({
      leads: 6,
      tierChanges: 3,
      transitions: [
        { from: 'warm', to: null, leads: 2 },
        { from: 'warm', to: 'hot', leads: 1 },
      ],
      averageTotal: { before: 200 / 6, after: 187 / 6 },
      rules: [
        { ruleId: 'b', tierChanges: 2, leads: 4, pointsDelta: -60 },
        { ruleId: 'a', tierChanges: 1, leads: 3, pointsDelta: 45 },
        { ruleId: 'd', tierChanges: 1, leads: 2, pointsDelta: 2 },
      ],
      changes: [
        { index: 0, id: 'lead-0', before: { total: 40, tier: 'warm' }, after: { total: 55, tier: 'hot' }, rules: [{ ruleId: 'a', delta: 15 }] },
        { index: 2, id: 'lead-2', before: { total: 20, tier: 'warm' }, after: { total: 5, tier: undefined }, rules: [{ ruleId: 'b', delta: -15 }] },
      ],
    });
  });

  it('change lists every changed rule', () => {
    const diff = compareScorecards(before, after, [{ b: true, d: true }]);
    expect(diff.changes).toEqual([
      {
        index: 0,
        before: { total: 20, tier: 'warm' },
        after: { total: 6, tier: undefined },
        rules: [
          { ruleId: 'b', delta: -15 },
          { ruleId: 'd', delta: 1 },
        ],
      },
    ]);
  });

  it('ties sort rules by id', () => {
    const old = scorecard({ rules: [{ id: 'y', when: isTrue('y'), points: 1 }, { id: 'x', when: isTrue('x'), points: 1 }], tiers });
    const next = scorecard({ rules: [{ id: 'y', when: isTrue('y'), points: 2 }, { id: 'x', when: isTrue('x'), points: 3 }], tiers });
    expect(compareScorecards(old, next, [{ x: true, y: true }]).rules).toEqual([
      { ruleId: 'x', tierChanges: 0, leads: 1, pointsDelta: 2 },
      { ruleId: 'y', tierChanges: 0, leads: 1, pointsDelta: 1 },
    ]);
  });

  it('tier changes outrank lead count', () => {
    const old = scorecard({ rules: [{ id: 'p', when: isTrue('p'), points: 1 }, { id: 'q', when: isTrue('q'), points: 10 }], tiers });
    const next = scorecard({ rules: [{ id: 'p', when: isTrue('p'), points: 2 }, { id: 'q', when: isTrue('q'), points: 25 }], tiers });
    expect(compareScorecards(old, next, [{ p: true }, { p: true }, { p: true }, { q: true }]).rules).toEqual([
      { ruleId: 'q', tierChanges: 1, leads: 1, pointsDelta: 15 },
      { ruleId: 'p', tierChanges: 0, leads: 3, pointsDelta: 3 },
    ]);
  });

  it('reads a one-pass iterable', () => {
    function* generate() {
      yield { a: true, c: true };
      yield { b: true };
    }
    const diff = compareScorecards(before, after, generate());
    expect(diff.leads).toBe(2);
    expect(diff.averageTotal).toEqual({ before: 30, after: 30 });
    expect(diff.changes.map((change) => change.index)).toEqual([0, 1]);
  });

  it('uses the first card clock', () => {
    const rule = { id: 'visit', event: 'visit', points: 30, withinDays: 10 };
    const clocked = scorecard({ rules: [rule], tiers, clock: () => nowMs });
    const unclocked = scorecard({ rules: [rule], tiers });
    const events = [{ type: 'visit', at: '2024-04-30T00:00:00Z' }];
    const diff = compareScorecards(clocked, unclocked, [{}], { events });
    expect(diff.tierChanges).toBe(0);
    expect(diff.averageTotal).toEqual({ before: 30, after: 30 });
  });

  it('given now overrides clocks', () => {
    const late = () => Date.parse('2030-01-01T00:00:00Z');
    const old = scorecard({ rules: [{ id: 'visit', event: 'visit', points: 30, withinDays: 10 }], tiers, clock: late });
    const next = scorecard({ rules: [{ id: 'visit', event: 'visit', points: 60, withinDays: 10 }], tiers, clock: late });
    const events = [{ type: 'visit', at: '2024-04-30T00:00:00Z' }];
    const diff = compareScorecards(old, next, [{}], { now, events });
    expect(diff.transitions).toEqual([{ from: 'warm', to: 'hot', leads: 1 }]);
    expect(diff.rules).toEqual([{ ruleId: 'visit', tierChanges: 1, leads: 1, pointsDelta: 30 }]);
  });
});

describe('formatScore text', () => {
  it('shows values of every type', () => {
    const card = scorecard({
      rules: [
        { id: 'name', label: 'Name', when: equals('name', 'x'), points: 5 },
        { id: 'sym', label: 'Sym', when: equals('sym', 'x'), points: 5 },
        { id: 'big', label: 'Big', when: equals('big', 'x'), points: 5 },
        { id: 'arr', label: 'Arr', when: equals('arr', 'x'), points: 5 },
      ],
      mqlThreshold: 100,
    });
    const lead = { name: 'y', sym: Symbol('s'), big: 10n, arr: [1234567, 1234567, 1234567, 1234567, 123456] };
    expect(formatScore(card.score(lead))).toBe(
      [
        'Score 0, tier nurture',
        '  0  Name  no match (name = "y")',
        '  0  Sym   undecided (sym = Symbol(s))',
        '  0  Big   undecided (big = 10)',
        '  0  Arr   undecided (arr = [1234567,1234567,1234567,1234567,123456])',
        'Issue: type_mismatch at sym, expected string, received a symbol',
        'Issue: type_mismatch at big, expected string, received 10',
        'Issue: type_mismatch at arr, expected string, received an array',
      ].join('\n'),
    );
  });

  it('joins several field values', () => {
    const card = scorecard({ rules: [{ id: 'both', label: 'Both', when: and(isTrue('a'), equals('b', 'x')), points: 5 }], mqlThreshold: 100 });
    expect(formatScore(card.score({ a: true, b: 'x' }))).toBe(['Score 5, tier nurture', '  +5  Both  matched (a = true, b = "x")'].join('\n'));
  });

  it('cuts long values at 40', () => {
    const card = scorecard({ rules: [{ id: 'arr', label: 'Arr', when: equals('arr', 'x'), points: 5 }], mqlThreshold: 100 });
    const text = formatScore(card.score({ arr: [1234567, 1234567, 1234567, 1234567, 1234567] }));
    expect(text.split('\n')[1]).toBe('  0  Arr  undecided (arr = [1234567,1234567,1234567,1234567,123456…)');
  });

  it('long strings and timestamp issues', () => {
    const card = scorecard({
      rules: [
        { id: 'title', label: 'Title', when: equals('title', 'x'), points: 5 },
        { id: 'visit', label: 'Visit', event: 'visit', points: 3 },
      ],
      mqlThreshold: 100,
    });
    const result = card.score({ title: 'Vice President of Worldwide Field Operations' }, { now, events: [{ type: 'visit', at: 'yesterday' }] });
    expect(formatScore(result)).toBe(
      [
        'Score 0, tier nurture, as of 2024-05-01T00:00:00.000Z',
        '  0  Title  no match (title = "Vice President of Worldwide Field Operations")',
        '  0  Visit  0 × 3',
        'Issue: invalid_timestamp at events[0].at, expected date, received "yesterday"',
      ].join('\n'),
    );
  });

  const card = scorecard({
    rules: [
      { id: 'visit', label: 'Visits', event: 'visit', points: 10, withinDays: 5, maxCount: 2 },
      { id: 'spam', label: 'Spam', when: isTrue('spam'), points: -40 },
      { id: 'vp', label: 'VP', when: isTrue('vp'), points: 0 },
    ],
    groups: [{ id: 'web', label: 'Web', rules: [{ id: 'demo', label: 'Demo', event: 'demo', points: 7 }] }],
    floor: -10,
    cap: 20,
    tiers: [{ name: 'hot', min: 50 }],
  });

  it('event counts and scorecard cap', () => {
    const events = [
      { type: 'visit', at: '2024-04-30T00:00:00Z' },
      { type: 'visit', at: '2024-04-29T00:00:00Z' },
      { type: 'visit', at: '2024-04-28T00:00:00Z' },
      { type: 'visit', at: '2024-01-01T00:00:00Z' },
      { type: 'demo', at: '2024-04-30T00:00:00Z' },
    ];
    expect(formatScore(card.score({ spam: false, vp: false }, { now, events }))).toBe(
      [
        'Score 20, tier none, as of 2024-05-01T00:00:00.000Z',
        '  +20  Visits  2 × 10; 1 outside the window; 1 over the maximum count',
        '    0  Spam    no match (spam = false)',
        '    0  VP      no match (vp = false)',
        '  Web: 0 (of +7)',
        '    0  Demo    1 × 7; capped -7 by the scorecard',
      ].join('\n'),
    );
  });

  it('floor clip wording', () => {
    expect(formatScore(card.score({ spam: true }, { now, events: [] }))).toBe(
      [
        'Score -10, tier none, as of 2024-05-01T00:00:00.000Z',
        '    0  Visits  0 × 10',
        '  -10  Spam    matched (spam = true); floored +30 by the scorecard',
        '    0  VP      undecided (vp = missing)',
        '  Web: 0',
        '    0  Demo    0 × 7',
        'Missing: vp (0 points undecided)',
      ].join('\n'),
    );
  });

  it('showZero false keeps undecided', () => {
    expect(formatScore(card.score({ spam: true }, { now, events: [] }), { showZero: false })).toBe(
      [
        'Score -10, tier none, as of 2024-05-01T00:00:00.000Z',
        '  -10  Spam  matched (spam = true); floored +30 by the scorecard',
        '    0  VP    undecided (vp = missing)',
        'Missing: vp (0 points undecided)',
      ].join('\n'),
    );
  });

  it('showZero true shows zeros', () => {
    const withZero = formatScore(card.score({ spam: true }, { now, events: [] }), { showZero: true });
    expect(withZero).toBe(formatScore(card.score({ spam: true }, { now, events: [] })));
  });

  it('heads each group', () => {
    const grouped = scorecard({
      groups: [
        { id: 'a', label: 'Alpha', cap: 5, rules: [{ id: 'x', label: 'X', when: isTrue('x'), points: 3 }] },
        { id: 'b', label: 'Beta', rules: [{ id: 'y', label: 'Y', when: isTrue('y'), points: 4 }] },
      ],
      rules: [{ id: 'z', label: 'Z', when: isTrue('z'), points: 1 }],
      mqlThreshold: 50,
    });
    expect(formatScore(grouped.score({ x: true, y: true, z: true }))).toBe(
      [
        'Score 8, tier nurture',
        '  +1  Z  matched (z = true)',
        '  Alpha: +3',
        '  +3  X  matched (x = true)',
        '  Beta: +4',
        '  +4  Y  matched (y = true)',
      ].join('\n'),
    );
  });
});

describe('decay validation', () => {
  const problemsOf = (decay: unknown) =>
    definitionError(() => scorecard({ rules: [{ id: 'r', event: 'e', points: 5, decay: decay as never }], mqlThreshold: 5 })).problems;

  it('rejects a non-object', () => {
    expect(problemsOf(5)).toEqual([{ path: 'rules[0].decay', message: 'expected a decay object, received 5' }]);
    expect(problemsOf(null)).toEqual([{ path: 'rules[0].decay', message: 'expected a decay object, received null' }]);
  });

  it('rejects bad days', () => {
    expect(problemsOf({ kind: 'linear', days: 0 })).toEqual([{ path: 'rules[0].decay.days', message: 'expected a positive number of days, received 0' }]);
    expect(problemsOf({ kind: 'half_life', days: Infinity })).toEqual([
      { path: 'rules[0].decay.days', message: 'expected a positive number of days, received Infinity' },
    ]);
    expect(problemsOf({ kind: 'half_life', days: '3' })).toEqual([{ path: 'rules[0].decay.days', message: 'expected a positive number of days, received "3"' }]);
  });

  it('rejects empty steps', () => {
    expect(problemsOf({ kind: 'step', steps: [] })).toEqual([
      { path: 'rules[0].decay.steps', message: 'expected a non-empty array of steps, received an array' },
    ]);
  });

  it('rejects invalid steps', () => {
    expect(problemsOf({ kind: 'step', steps: [null, { afterDays: -1, factor: 2 }, { afterDays: NaN, factor: 0.5 }] })).toEqual([
      { path: 'rules[0].decay.steps[0].afterDays', message: 'expected a number of days of at least 0, received undefined' },
      { path: 'rules[0].decay.steps[0].factor', message: 'expected a factor from 0 to 1, received undefined' },
      { path: 'rules[0].decay.steps[1].afterDays', message: 'expected a number of days of at least 0, received -1' },
      { path: 'rules[0].decay.steps[1].factor', message: 'expected a factor from 0 to 1, received 2' },
      { path: 'rules[0].decay.steps[2].afterDays', message: 'expected a number of days of at least 0, received NaN' },
    ]);
  });

  it('rejects unordered steps', () => {
    const steps = [
      { afterDays: 5, factor: 0.5 },
      { afterDays: 5, factor: 0.5 },
      { afterDays: 3, factor: 0.6 },
      { afterDays: '9', factor: '1' },
    ];
    expect(problemsOf({ kind: 'step', steps })).toEqual([
      { path: 'rules[0].decay.steps[1].afterDays', message: 'steps must be in increasing order of afterDays, received 5 after 5' },
      { path: 'rules[0].decay.steps[2].afterDays', message: 'steps must be in increasing order of afterDays, received 3 after 5' },
      { path: 'rules[0].decay.steps[2].factor', message: 'a later step may not raise the factor, received 0.6 after 0.5' },
      { path: 'rules[0].decay.steps[3].afterDays', message: 'expected a number of days of at least 0, received "9"' },
      { path: 'rules[0].decay.steps[3].factor', message: 'expected a factor from 0 to 1, received "1"' },
    ]);
  });

  it('rejects an unknown kind', () => {
    expect(problemsOf({ kind: 'expo' })).toEqual([
      { path: 'rules[0].decay.kind', message: 'expected "half_life", "linear" or "step", received "expo"' },
    ]);
  });

  it('compileDecay returns no function', () => {
    const [problems, report] = collectProblems();
    expect(compileDecay({ kind: 'step', steps: [{ afterDays: 1, factor: 2 }] }, 'd', report)).toBeUndefined();
    expect(compileDecay({ kind: 'linear', days: -1 }, 'e', report)).toBeUndefined();
    expect(problems).toEqual([
      { path: 'd.steps[0].factor', message: 'expected a factor from 0 to 1, received 2' },
      { path: 'e.days', message: 'expected a positive number of days, received -1' },
    ]);
  });

  it('half-life and linear schedules', () => {
    const [problems, report] = collectProblems();
    const halfLife = compileDecay({ kind: 'half_life', days: 10 }, 'd', report)!;
    const linear = compileDecay({ kind: 'linear', days: 10 }, 'd', report)!;
    expect([halfLife(0), halfLife(10), halfLife(20)]).toEqual([1, 0.5, 0.25]);
    expect([linear(0), linear(5), linear(20)]).toEqual([1, 0.5, 0]);
    expect(problems).toEqual([]);
  });

  it('step schedule', () => {
    const steps = [
      { afterDays: 0, factor: 1 },
      { afterDays: 10, factor: 0.5 },
      { afterDays: 20, factor: 0.5 },
      { afterDays: 30, factor: 0 },
    ];
    const card = scorecard({ rules: [{ id: 'r', event: 'e', points: 100, decay: { kind: 'step', steps } }], mqlThreshold: 5 });
    const totalAt = (at: string) => card.total({}, { now, events: [{ type: 'e', at }] });
    expect(totalAt('2024-04-30T00:00:00Z')).toBe(100);
    expect(totalAt('2024-04-21T00:00:00Z')).toBe(50);
    expect(totalAt('2024-04-11T00:00:00Z')).toBe(50);
    expect(totalAt('2024-03-01T00:00:00Z')).toBe(0);
  });
});

describe('combinedScorecard grades', () => {
  const fit = scorecard({ rules: [{ id: 'vp', when: isTrue('vp'), points: 60 }], tiers: [{ name: 'A', min: 50 }, { name: 'AB', min: 70 }] });
  const engagement = scorecard({
    rules: [{ id: 'demo', event: 'demo', points: 40, withinDays: 30 }],
    tiers: [{ name: '1', min: 40 }, { name: '2' }],
    clock: () => nowMs,
  });
  const events = [{ type: 'demo', at: '2024-04-20T00:00:00Z' }];

  it('lists every matrix problem', () => {
    const error = definitionError(() => combinedScorecard({ fit, engagement, matrix: { a1: 'x', A1: 5 as never, B1: 'y', '?2': 'z' } }));
    const tiersText = 'A grade is a fit tier (AB, A, ? for no tier) followed by an engagement tier (1, 2)';
    expect(error.problems).toEqual([
      { path: 'matrix.a1', message: `unknown grade "a1"; did you mean "A1"? ${tiersText}` },
      { path: 'matrix.A1', message: 'expected a label string, received 5' },
      { path: 'matrix.B1', message: `unknown grade "B1". ${tiersText}` },
    ]);
  });

  it('rejects bad definitions', () => {
    expect(() => combinedScorecard({ fit, engagement, matrix: [] as never })).toThrow(
      new ConfigError('combinedScorecard', 'matrix', 'expected an object of labels by grade, received an array'),
    );
    expect(() => combinedScorecard({ fit: { kind: 'x' } as never, engagement })).toThrow(
      'combinedScorecard: fit: expected a scorecard built by scorecard(), received an object',
    );
    expect(() => combinedScorecard({ fit, engagement: undefined as never })).toThrow(
      'combinedScorecard: engagement: expected a scorecard built by scorecard(), received undefined',
    );
    expect(() => combinedScorecard(undefined as never)).toThrow('combinedScorecard: fit: expected a scorecard built by scorecard(), received undefined');
    expect(() => combinedScorecard({ fit, engagement, weights: { engagement: 1.5 } })).toThrow(
      'combinedScorecard: weights.engagement: expected a whole number, received 1.5',
    );
    expect(() => combinedScorecard({ fit, engagement, weights: { fit: '2' as never } })).toThrow(
      'combinedScorecard: weights.fit: expected a whole number, received "2"',
    );
  });

  it('weights and engagement clock', () => {
    const combined = combinedScorecard({ fit, engagement, weights: { fit: 3, engagement: 2 }, matrix: { A1: 'sales' } });
    expect(combined.kind).toBe('combined_scorecard');
    const result = combined.score({ vp: true }, { events });
    expect([result.total, result.grade, result.label]).toEqual([260, 'A1', 'sales']);
    const later = combined.score({ vp: true }, { events, now: '2024-06-15T00:00:00Z' });
    expect([later.total, later.grade, later.label]).toEqual([180, 'A2', 'nurture']);
  });

  it('previous grade splits by longest name', () => {
    const sticky = scorecard({ rules: [{ id: 'vp', when: isTrue('vp'), points: 60 }], tiers: [{ name: 'A', min: 70 }, { name: 'AB', min: 50 }], hysteresis: 15 });
    const stickyEngagement = scorecard({ rules: [{ id: 'demo', event: 'demo', points: 30 }], tiers: [{ name: '1', min: 40 }, { name: '2' }], hysteresis: 15 });
    const combined = combinedScorecard({ fit: sticky, engagement: stickyEngagement });
    expect(combined.score({ vp: true }, { now, events, previousGrade: 'AB1' }).grade).toBe('AB1');
    expect(combined.score({ vp: true }, { now, events, previousGrade: 'A2' }).grade).toBe('A2');
    expect(combined.score({ vp: true }, { now, events }).grade).toBe('AB2');
  });
});

describe('scorecardFromJSON problems', () => {
  it('lists unknown keys everywhere', () => {
    const error = definitionError(() =>
      scorecardFromJSON({
        rules: [5, { id: 'r', event: 'e', points: 5, pionts: 1, decay: { kind: 'step', steps: [{ afterDays: 1, factor: 0.5, extra: 1 }], days: 3 } }],
        groups: [
          7,
          {
            id: 'g',
            label: 'G',
            rules: [{ id: 'q', when: { op: 'isTrue', field: 'q' }, points: 2, wat: 1 }],
            decay: { kind: 'linear', days: 3, steps: [] },
            extra: 1,
          },
        ],
        tiers: [{ name: 'hot', min: 10, color: 'red' }, 'x'],
      }),
    );
    expect(error.problems).toEqual([
      { path: 'tiers[1]', message: 'expected a tier object { name, min? }, received "x"' },
      { path: 'rules[0].id', message: 'expected a non-empty string, received undefined' },
      { path: 'rules[0]', message: 'expected a rule object, received 5' },
      { path: 'groups[0]', message: 'expected a group object, received 7' },
      { path: 'groups[1].rules[0].when.op', message: 'unknown operator "isTrue"' },
      { path: 'rules[1].pionts', message: 'unknown key; expected one of id, label, event, where, points, maxCount, maxPoints, perDay, withinDays, decay' },
      { path: 'rules[1].decay.days', message: 'unknown key; expected one of kind, steps' },
      { path: 'rules[1].decay.steps[0].extra', message: 'unknown key; expected one of afterDays, factor' },
      { path: 'groups[1].extra', message: 'unknown key; expected one of id, label, rules, cap, floor, decay' },
      { path: 'groups[1].rules[0].wat', message: 'unknown key; expected one of id, label, when, points, at, withinDays, decay' },
      { path: 'groups[1].decay.steps', message: 'unknown key; expected one of kind, days' },
      { path: 'tiers[0].color', message: 'unknown key; expected one of name, min' },
    ]);
  });

  it('rules that are not an array', () => {
    const error = definitionError(() => scorecardFromJSON({ rules: 'nope', mqlThreshold: 5 }));
    expect(error.problems).toEqual([{ path: 'rules', message: 'expected an array of rules, received "nope"' }]);
  });

  it('steps of a linear decay', () => {
    const error = definitionError(() =>
      scorecardFromJSON({ rules: [{ id: 'r', event: 'e', points: 5, decay: { kind: 'linear', days: 2, steps: [{ bogus: 1 }] } }], mqlThreshold: 5 }),
    );
    expect(error.problems).toEqual([{ path: 'rules[0].decay.steps', message: 'unknown key; expected one of kind, days' }]);
  });

  it('unknown key on a valid card', () => {
    const error = definitionError(() => scorecardFromJSON({ rules: [{ id: 'r', event: 'e', points: 5 }], mqlThreshold: 5, bogus: 1 }));
    expect(error.message).toBe(
      'scorecardFromJSON: bogus: unknown key; expected one of $schema, version, rules, groups, cap, floor, tiers, mqlThreshold, hysteresis, eventsField, placeholders, parseStrings',
    );
  });

  it('passes other errors through', () => {
    const rule = {
      id: 'r',
      event: 'e',
      get points(): number {
        throw new RangeError('getter failed');
      },
    };
    expect(() => scorecardFromJSON({ rules: [rule], mqlThreshold: 5 })).toThrow(new RangeError('getter failed'));
  });

  it('null group', () => {
    const error = definitionError(() => scorecardFromJSON({ rules: [], groups: [null], mqlThreshold: 5 }));
    expect(error.problems).toEqual([{ path: 'groups[0]', message: 'expected a group object, received null' }]);
  });

  it('toJSON reads a bare definition', () => {
    expect(scorecardToJSON({ rules: [], mqlThreshold: 5, kind: 'other' } as never)).toEqual({ version: 1, rules: [], mqlThreshold: 5, kind: 'other' });
  });
});

describe('definition problems', () => {
  it('message of an empty list', () => {
    const error = new DefinitionError('api', []);
    expect([error.message, error.path]).toEqual(['api: invalid definition', '']);
  });

  it('message lists every problem', () => {
    const error = new DefinitionError('api', [
      { path: '', message: 'm1' },
      { path: '', message: 'm2' },
      { path: 'x', message: 'm3' },
    ]);
    expect([error.message, error.path]).toEqual(['api: m1\napi: m2\napi: x: m3', '']);
  });

  it('reporter returns false', () => {
    const [problems, report] = collectProblems();
    expect(report('p', 'm')).toBe(false);
    expect(problems).toEqual([{ path: 'p', message: 'm' }]);
  });

  it('reportThrown strips the prefix', () => {
    const [problems, report] = collectProblems();
    expect(reportThrown('api', report, () => { throw new ConfigError('api', 'p', 'at path'); })).toBeUndefined();
    reportThrown('api', report, () => { throw new ConfigError('api', '', 'no path'); });
    reportThrown('api', report, () => { throw new ConfigError('other', 'q', 'other api'); });
    expect(reportThrown('api', report, () => 7)).toBe(7);
    expect(problems).toEqual([
      { path: 'p', message: 'at path' },
      { path: '', message: 'no path' },
      { path: 'q', message: 'other: q: other api' },
    ]);
  });

  it('reportThrown rethrows other errors', () => {
    const [problems, report] = collectProblems();
    expect(() => reportThrown('api', report, () => { throw new TypeError('boom'); })).toThrow(new TypeError('boom'));
    expect(problems).toEqual([]);
  });
});
