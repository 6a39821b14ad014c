import { describe, expect, it } from 'vitest';
import { DefinitionError, equals, greaterThan, isTrue, scorecard, toEpochMs, type LeadEvent, type ScoringRule } from 'netspear';

const NOW = '2024-05-01T00:00:00Z';
const DAY = 86_400_000;

/** Returns an ISO timestamp `days` days before NOW. */
function daysAgo(days: number): string {
  return new Date(Date.parse(NOW) - days * DAY).toISOString();
}

function rejected(build: () => unknown): DefinitionError {
  try {
    build();
  } catch (error) {
    if (error instanceof DefinitionError) return error;
    throw error;
  }
  throw new Error('expected the definition to be rejected');
}

describe('timestamps', () => {
  it('zone-less ISO reads as UTC', () => {
    expect(toEpochMs('2024-05-01T10:00:00')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(toEpochMs('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
  });

  it('offsets convert to UTC', () => {
    expect(toEpochMs('2024-05-01T12:00:00+02:00')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(toEpochMs('2024-05-01T12:00:00.250-0130')).toBe(Date.UTC(2024, 4, 1, 13, 30, 0, 250));
  });

  it('accepts Date and epoch ms', () => {
    expect(toEpochMs(new Date(Date.UTC(2024, 0, 2)))).toBe(Date.UTC(2024, 0, 2));
    expect(toEpochMs(1714521600000)).toBe(1714521600000);
  });

  it('rejects invalid values', () => {
    for (const value of ['2024-02-30', '2024-13-01', '2024-05-01T24:00:00Z', 'yesterday', '', 'Select', Number.NaN, new Date('x'), null, {}, 1714521600]) {
      expect(toEpochMs(value), String(value)).toBeUndefined();
    }
  });
});

describe('groups with caps and floors', () => {
  const card = scorecard({
    groups: [
      {
        id: 'title',
        cap: 30,
        rules: [
          { id: 'vp', when: equals('seniority', 'vp'), points: 20 },
          { id: 'tech', when: equals('department', 'engineering'), points: 25 },
        ],
      },
      {
        id: 'penalties',
        floor: -20,
        rules: [
          { id: 'student', when: isTrue('student'), points: -15 },
          { id: 'competitor', when: isTrue('competitor'), points: -30 },
        ],
      },
    ],
    mqlThreshold: 25,
  });

  it('cap clips the last rule', () => {
    const result = card.score({ seniority: 'vp', department: 'engineering' });
    expect(result.total).toBe(30);
    expect(result.contributions.map((c) => c.points)).toEqual([20, 10, 0, 0]);
    expect(result.contributions[1]?.clips).toEqual([{ by: 'group', id: 'title', points: -15 }]);
    expect(result.contributions[1]?.decayedPoints).toBe(25);
    expect(result.groups[0]).toEqual({ groupId: 'title', label: 'title', rawPoints: 45, points: 30 });
  });

  it('floor gives back points', () => {
    const result = card.score({ student: true, competitor: true });
    expect(result.total).toBe(-20);
    expect(result.contributions.map((c) => c.points)).toEqual([0, 0, -15, -5]);
    expect(result.contributions[3]?.clips).toEqual([{ by: 'group', id: 'penalties', points: 25 }]);
  });

  it('total fast path applies caps', () => {
    expect(card.total({ seniority: 'vp', department: 'engineering', student: true, competitor: true })).toBe(10);
  });

  it('scorecard cap and floor', () => {
    const capped = scorecard({
      rules: [
        { id: 'a', when: isTrue('a'), points: 70 },
        { id: 'b', when: isTrue('b'), points: 50 },
        { id: 'c', when: isTrue('c'), points: -200 },
      ],
      cap: 100,
      floor: 0,
      mqlThreshold: 50,
    });
    const high = capped.score({ a: true, b: true });
    expect(high.total).toBe(100);
    expect(high.contributions[1]?.clips).toEqual([{ by: 'scorecard', id: 'scorecard', points: -20 }]);
    const low = capped.score({ c: true });
    expect(low.total).toBe(0);
    expect(low.contributions[2]?.points).toBe(0);
    expect(capped.total({ c: true })).toBe(0);
  });

  it('rejects a negative cap', () => {
    const error = rejected(() => scorecard({ groups: [{ id: 'g', cap: -5, rules: [] }], mqlThreshold: 1 }));
    expect(error.path).toBe('groups[0].cap');
  });

  it('rejects a positive floor', () => {
    expect(rejected(() => scorecard({ rules: [], floor: 10, mqlThreshold: 1 })).path).toBe('floor');
  });

  it('rule ids unique across groups', () => {
    const when = isTrue('a');
    const error = rejected(() =>
      scorecard({ rules: [{ id: 'x', when, points: 1 }], groups: [{ id: 'g', rules: [{ id: 'x', when, points: 1 }] }], mqlThreshold: 1 }),
    );
    expect(error.path).toBe('groups[0].rules[0].id');
  });
});

describe('event rules', () => {
  const click = (i: number, at: string): LeadEvent => ({ type: 'email_click', at, id: `click-${i}` });

  it('duplicate event id counts once', () => {
    const card = scorecard({ rules: [{ id: 'download', event: 'download', points: 10 }], mqlThreshold: 10 });
    const event = { type: 'download', at: daysAgo(1), id: 'evt-1' };
    const result = card.score({}, { now: NOW, events: [event, { ...event }, event] });
    expect(result.total).toBe(10);
    expect(result.contributions[0]?.count).toBe(1);
    expect(result.events?.duplicates).toBe(2);
  });

  it('40 bot clicks hit the daily limit', () => {
    const card = scorecard({ rules: [{ id: 'clicks', event: 'email_click', points: 3, perDay: 5 }], mqlThreshold: 10 });
    const burst = Array.from({ length: 40 }, (_, i) => click(i, `2024-04-30T09:15:${String(i).padStart(2, '0')}Z`));
    const result = card.score({}, { now: NOW, events: burst });
    expect(result.total).toBe(15);
    expect(result.contributions[0]?.events).toEqual({ counted: 5, outsideWindow: 0, overDailyLimit: 35, overMaxCount: 0 });
  });

  it('daily limit is per UTC day', () => {
    const card = scorecard({ rules: [{ id: 'clicks', event: 'email_click', points: 1, perDay: 1 }], mqlThreshold: 10 });
    const events = [click(1, '2024-04-29T23:59:59Z'), click(2, '2024-04-30T00:00:00Z'), click(3, '2024-04-30T00:00:01+00:00')];
    expect(card.total({}, { now: NOW, events })).toBe(2);
  });

  it('window excludes old events', () => {
    const card = scorecard({ rules: [{ id: 'views', event: 'page_view', points: 2, withinDays: 30 }], mqlThreshold: 10 });
    const events = [daysAgo(1), daysAgo(30), daysAgo(31), daysAgo(400)].map((at) => ({ type: 'page_view', at }));
    const result = card.score({}, { now: NOW, events });
    expect(result.total).toBe(4);
    expect(result.contributions[0]?.events?.outsideWindow).toBe(2);
  });

  it('maxCount counts earliest first', () => {
    const card = scorecard({
      rules: [{ id: 'webinar', event: 'webinar', points: 10, maxCount: 2, decay: { kind: 'linear', days: 100 } }],
      mqlThreshold: 10,
    });
    const events = [daysAgo(10), daysAgo(50), daysAgo(90)].map((at) => ({ type: 'webinar', at }));
    const result = card.score({}, { now: NOW, events });
    // The two earliest (90 and 50 days old) are counted: 10 × 0.1 + 10 × 0.5 = 6.
    expect(result.total).toBe(6);
    expect(result.contributions[0]?.events?.overMaxCount).toBe(1);
  });

  it('maxPoints clips the rule', () => {
    const card = scorecard({ rules: [{ id: 'views', event: 'page_view', points: 4, maxPoints: 10 }], mqlThreshold: 10 });
    const events = Array.from({ length: 5 }, (_, i) => ({ type: 'page_view', at: daysAgo(i) }));
    const result = card.score({}, { now: NOW, events });
    expect(result.total).toBe(10);
    expect(result.contributions[0]?.decayedPoints).toBe(20);
    expect(result.contributions[0]?.clips).toEqual([{ by: 'rule', id: 'views', points: -10 }]);
  });

  it('negative maxPoints clips by magnitude', () => {
    const card = scorecard({ rules: [{ id: 'bounce', event: 'bounce', points: -5, maxPoints: 8 }], mqlThreshold: 10 });
    const events = [1, 2, 3].map((d) => ({ type: 'bounce', at: daysAgo(d) }));
    expect(card.total({}, { now: NOW, events })).toBe(-8);
  });

  it('where filters on event fields', () => {
    const card = scorecard({
      rules: [{ id: 'pricing', event: 'page_view', where: equals('url', '/pricing'), points: 10 }],
      mqlThreshold: 10,
    });
    const events = [
      { type: 'page_view', at: daysAgo(1), url: '/pricing' },
      { type: 'page_view', at: daysAgo(1), url: '/blog' },
      { type: 'page_view', at: daysAgo(1) },
    ];
    expect(card.total({}, { now: NOW, events })).toBe(10);
  });

  it('reads events from the lead', () => {
    const card = scorecard({ rules: [{ id: 'd', event: 'download', points: 10 }], eventsField: 'activity.events', mqlThreshold: 10 });
    const lead = { activity: { events: [{ type: 'download', at: daysAgo(2) }] } };
    expect(card.total(lead, { now: NOW })).toBe(10);
  });

  it('future events are left out', () => {
    const card = scorecard({ rules: [{ id: 'd', event: 'download', points: 10 }], mqlThreshold: 10 });
    const result = card.score({}, { now: NOW, events: [{ type: 'download', at: '2024-05-02T00:00:00Z' }] });
    expect(result.total).toBe(0);
    expect(result.events?.future).toBe(1);
  });

  it('bad timestamps are reported', () => {
    const card = scorecard({ rules: [{ id: 'd', event: 'download', points: 10 }], mqlThreshold: 10 });
    const events: unknown[] = [
      { type: 'download', at: 'last tuesday' },
      { type: 'download', at: 1714521600 },
      { type: 'download' },
      { at: daysAgo(1) },
      'not an event',
      null,
      { type: 'download', at: daysAgo(1) },
    ];
    const result = card.score({}, { now: NOW, events });
    expect(result.total).toBe(10);
    expect(result.events).toEqual({ received: 7, used: 1, duplicates: 0, future: 0, invalid: 6 });
    expect(result.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_timestamp events[0].at',
      'invalid_timestamp events[1].at',
      'invalid_timestamp events[2].at',
      'invalid_event events[3].type',
      'invalid_event events[4].type',
      'invalid_event events[5].type',
    ]);
  });

  it('non-array events are reported', () => {
    const card = scorecard({ rules: [{ id: 'd', event: 'download', points: 10 }], mqlThreshold: 10 });
    const result = card.score({ events: 'lots' }, { now: NOW });
    expect(result.total).toBe(0);
    expect(result.issues).toEqual([{ code: 'invalid_events', path: 'events', expected: 'array', received: '"lots"' }]);
  });

  it('__proto__ events are ignored', () => {
    const card = scorecard({ rules: [{ id: 'd', event: 'download', points: 10 }], mqlThreshold: 10 });
    const hostile = JSON.parse('[{"__proto__": {"type": "download", "at": "2024-04-30"}}]') as unknown[];
    expect(card.total({}, { now: NOW, events: hostile })).toBe(0);
  });

  it('rejects when on event rule', () => {
    const mixed = { id: 'e', event: 'click', when: isTrue('a'), points: 1 } as unknown as ScoringRule;
    expect(rejected(() => scorecard({ rules: [mixed], mqlThreshold: 1 })).path).toBe('rules[0].when');
  });

  it('rejects bad event rule fields', () => {
    const bad = { id: 'e', event: [], points: 1.5, perDay: 0, maxCount: -1, withinDays: 'thirty' } as unknown as ScoringRule;
    const error = rejected(() => scorecard({ rules: [bad], mqlThreshold: 1 }));
    expect(error.problems.map((p) => p.path)).toEqual([
      'rules[0].points',
      'rules[0].withinDays',
      'rules[0].event',
      'rules[0].maxCount',
      'rules[0].perDay',
    ]);
  });
});

describe('decay', () => {
  const rule = (decay: object): ScoringRule => ({ id: 'v', event: 'visit', points: 100, decay } as ScoringRule);
  const at = (days: number, decay: object): number =>
    scorecard({ rules: [rule(decay)], mqlThreshold: 1 }).total({}, { now: NOW, events: [{ type: 'visit', at: daysAgo(days) }] });

  it('half-life halves points', () => {
    expect(at(0, { kind: 'half_life', days: 30 })).toBe(100);
    expect(at(30, { kind: 'half_life', days: 30 })).toBe(50);
    expect(at(60, { kind: 'half_life', days: 30 })).toBe(25);
  });

  it('linear reaches zero', () => {
    expect(at(45, { kind: 'linear', days: 90 })).toBe(50);
    expect(at(90, { kind: 'linear', days: 90 })).toBe(0);
    expect(at(200, { kind: 'linear', days: 90 })).toBe(0);
  });

  it('step uses last step reached', () => {
    const steps = { kind: 'step', steps: [{ afterDays: 30, factor: 0.5 }, { afterDays: 90, factor: 0 }] };
    expect(at(29, steps)).toBe(100);
    expect(at(30, steps)).toBe(50);
    expect(at(90, steps)).toBe(0);
  });

  it('ledger shows the factor', () => {
    const card = scorecard({ rules: [rule({ kind: 'half_life', days: 10 })], mqlThreshold: 1 });
    const line = card.score({}, { now: NOW, events: [{ type: 'visit', at: daysAgo(10) }, { type: 'visit', at: daysAgo(0) }] }).contributions[0]!;
    expect(line.rawPoints).toBe(200);
    expect(line.decayedPoints).toBe(150);
    expect(line.decayFactor).toBe(0.75);
  });

  it('rounds half away from zero', () => {
    const half = { kind: 'step', steps: [{ afterDays: 1, factor: 0.5 }] };
    const card = (points: number) => scorecard({ rules: [{ id: 'v', event: 'visit', points, decay: half } as ScoringRule], mqlThreshold: 1 });
    const events = [{ type: 'visit', at: daysAgo(2) }];
    expect(card(5).total({}, { now: NOW, events })).toBe(3);
    expect(card(-5).total({}, { now: NOW, events })).toBe(-3);
  });

  it('window, limit and decay combine', () => {
    const card = scorecard({
      rules: [{ id: 'c', event: 'email_click', points: 10, perDay: 2, withinDays: 30, decay: { kind: 'half_life', days: 10 } }],
      mqlThreshold: 1,
    });
    const events = [
      ...[0, 1, 2].map((i) => ({ type: 'email_click', at: daysAgo(10), id: `a${i}` })),
      ...[0, 1].map((i) => ({ type: 'email_click', at: daysAgo(40), id: `b${i}` })),
    ];
    const line = card.score({}, { now: NOW, events }).contributions[0]!;
    expect(line.events).toEqual({ counted: 2, outsideWindow: 2, overDailyLimit: 1, overMaxCount: 0 });
    expect(line.points).toBe(10);
  });

  it('group decay applies to its rules', () => {
    const card = scorecard({
      groups: [
        {
          id: 'web',
          decay: { kind: 'half_life', days: 10 },
          rules: [
            { id: 'a', event: 'visit', points: 40 },
            { id: 'b', event: 'visit', points: 40, decay: { kind: 'linear', days: 20 } },
          ],
        },
      ],
      mqlThreshold: 1,
    });
    const result = card.score({}, { now: NOW, events: [{ type: 'visit', at: daysAgo(10) }] });
    expect(result.contributions.map((c) => c.points)).toEqual([20, 20]);
  });

  it('field rule decays by its timestamp', () => {
    const card = scorecard({
      rules: [{ id: 'demo', when: isTrue('requestedDemo'), at: 'demoAt', points: 40, withinDays: 60, decay: { kind: 'half_life', days: 14 } }],
      mqlThreshold: 1,
    });
    expect(card.total({ requestedDemo: true, demoAt: daysAgo(14) }, { now: NOW })).toBe(20);
    expect(card.total({ requestedDemo: true, demoAt: daysAgo(61) }, { now: NOW })).toBe(0);
    expect(card.total({ requestedDemo: false, demoAt: daysAgo(1) }, { now: NOW })).toBe(0);
  });

  it('field rule without timestamp is undecided', () => {
    const card = scorecard({ rules: [{ id: 'demo', when: isTrue('requestedDemo'), at: 'demoAt', points: 40, withinDays: 30 }], mqlThreshold: 1 });
    const missing = card.score({ requestedDemo: true }, { now: NOW });
    expect(missing.contributions[0]?.outcome).toBe('unknown');
    expect(missing.missingFields).toEqual(['demoAt']);
    expect(missing.undecidedPoints).toBe(40);
    const invalid = card.score({ requestedDemo: true, demoAt: 'soon' }, { now: NOW });
    expect(invalid.total).toBe(0);
    expect(invalid.issues).toEqual([{ code: 'invalid_timestamp', path: 'demoAt', ruleId: 'demo', expected: 'date', received: '"soon"' }]);
  });

  it('rejects decay without at', () => {
    const error = rejected(() =>
      scorecard({ rules: [{ id: 'x', when: isTrue('a'), points: 1, decay: { kind: 'linear', days: 5 } }], mqlThreshold: 1 }),
    );
    expect(error.path).toBe('rules[0].at');
  });

  it('rejects invalid decays', () => {
    const bad = (decay: unknown) => rejected(() => scorecard({ rules: [rule(decay as object)], mqlThreshold: 1 })).problems.map((p) => p.path);
    expect(bad({ kind: 'half_life', days: 0 })).toEqual(['rules[0].decay.days']);
    expect(bad({ kind: 'linear' })).toEqual(['rules[0].decay.days']);
    expect(bad({ kind: 'exponential', days: 3 })).toEqual(['rules[0].decay.kind']);
    expect(bad({ kind: 'step', steps: [] })).toEqual(['rules[0].decay.steps']);
    expect(bad({ kind: 'step', steps: [{ afterDays: 10, factor: 0.2 }, { afterDays: 5, factor: 0.5 }] })).toEqual([
      'rules[0].decay.steps[1].afterDays',
      'rules[0].decay.steps[1].factor',
    ]);
    expect(bad({ kind: 'step', steps: [{ afterDays: -1, factor: 2 }] })).toEqual([
      'rules[0].decay.steps[0].afterDays',
      'rules[0].decay.steps[0].factor',
    ]);
  });
});

describe('scoring instant', () => {
  const card = scorecard({ rules: [{ id: 'v', event: 'visit', points: 10, withinDays: 7 }], mqlThreshold: 1, clock: () => Date.parse(NOW) });
  const events = [{ type: 'visit', at: daysAgo(3) }];

  it('clock is the default now', () => {
    expect(card.score({}, { events }).asOf).toBe('2024-05-01T00:00:00.000Z');
    expect(card.total({}, { events })).toBe(10);
  });

  it('now moves the window', () => {
    expect(card.total({}, { events, now: '2024-05-10T00:00:00Z' })).toBe(0);
    expect(card.total({}, { events, now: new Date('2024-05-04T00:00:00Z') })).toBe(10);
  });

  it('rejects an invalid now', () => {
    expect(() => card.score({}, { events, now: 'tomorrow' })).toThrow(/now: expected an ISO timestamp/);
  });

  it('untimed scorecard has no asOf', () => {
    const plain = scorecard({ rules: [{ id: 'a', when: isTrue('a'), points: 1 }], mqlThreshold: 1 });
    expect('asOf' in plain.score({ a: true })).toBe(false);
  });
});

describe('missing data and types', () => {
  const card = scorecard({ rules: [{ id: 'size', when: greaterThan('employees', 100), points: 20 }], mqlThreshold: 1 });

  it('string number is a type mismatch', () => {
    const result = card.score({ employees: '250' });
    expect(result.total).toBe(0);
    expect(result.missingFields).toEqual([]);
    expect(result.undecidedPoints).toBe(20);
    expect(result.issues).toEqual([{ code: 'type_mismatch', path: 'employees', ruleId: 'size', expected: 'number', received: '"250"' }]);
  });

  it('parseStrings reads the string', () => {
    const parsing = scorecard({ rules: [{ id: 'size', when: greaterThan('employees', 100), points: 20 }], mqlThreshold: 1, parseStrings: true });
    expect(parsing.score({ employees: '250' }).total).toBe(20);
    expect(parsing.score({ employees: '9' }).total).toBe(0);
    expect(parsing.score({ employees: '250' }).issues).toEqual([]);
  });

  it('Select is missing, not mismatch', () => {
    const result = card.score({ employees: 'Select' });
    expect(result.missingFields).toEqual(['employees']);
    expect(result.issues).toEqual([]);
  });
});

describe('tier hysteresis', () => {
  const card = scorecard({
    rules: [{ id: 'p', when: greaterThan('p', 0), points: 0 }],
    tiers: [{ name: 'hot', min: 80 }, { name: 'warm', min: 50 }, { name: 'cold' }],
    hysteresis: 5,
  });

  it('keeps tier inside the band', () => {
    expect(card.tierOf(76, 'hot')).toBe('hot');
    expect(card.tierOf(75, 'hot')).toBe('hot');
    expect(card.tierOf(74, 'hot')).toBe('warm');
  });

  it('rises without delay', () => {
    expect(card.tierOf(80, 'warm')).toBe('hot');
    expect(card.tierOf(79, 'warm')).toBe('warm');
  });

  it('drops through several tiers', () => {
    expect(card.tierOf(10, 'hot')).toBe('cold');
    expect(card.tierOf(52, 'hot')).toBe('warm');
  });

  it('ignores unknown previous tier', () => {
    expect(card.tierOf(76, 'lava' as 'hot')).toBe('warm');
  });

  it('score uses previousTier', () => {
    const flat = scorecard({ rules: [{ id: 'a', when: isTrue('a'), points: 48 }], mqlThreshold: 50, hysteresis: 3 });
    expect(flat.score({ a: true }, { previousTier: 'mql' }).tier).toBe('mql');
    expect(flat.score({ a: true }).tier).toBe('nurture');
  });

  it('rejects negative hysteresis', () => {
    expect(rejected(() => scorecard({ rules: [], mqlThreshold: 1, hysteresis: -1 })).path).toBe('hysteresis');
  });
});

describe('every problem is listed', () => {
  it('lists problems by path', () => {
    const error = rejected(() =>
      scorecard({
        rules: [{ id: 'a', when: isTrue('a'), points: 'ten' as unknown as number }],
        groups: [
          { id: 'g', rules: [{ id: 'b', when: { op: 'nope' } as never, points: 1 }] },
          { id: 'g', cap: 1.5, rules: [{ id: 'a', when: isTrue('b'), points: 1 }] },
        ],
        tiers: [],
      }),
    );
    expect(error.name).toBe('NetspearConfigError');
    expect(error.problems.map((p) => p.path)).toEqual([
      'tiers',
      'rules[0].points',
      'groups[0].rules[0].when.op',
      'groups[1].id',
      'groups[1].cap',
      'groups[1].rules[0].id',
    ]);
    expect(error.message).toContain('scorecard: rules[0].points: expected a whole number of points, received "ten"');
  });
});

describe('scorecard cap with group floors', () => {
  it('keeps groups within their floors', () => {
    const card = scorecard({
      rules: [{ id: 'pricing', when: isTrue('pricing'), points: 40 }],
      groups: [
        {
          id: 'email',
          floor: -15,
          rules: [
            { id: 'opened', when: isTrue('opened'), points: 10 },
            { id: 'bounced', when: isTrue('bounced'), points: -30 },
          ],
        },
      ],
      cap: 10,
      mqlThreshold: 5,
    });
    const result = card.score({ pricing: true, opened: true, bounced: true });

    expect(result.total).toBe(10);
    expect(result.groups.find((g) => g.groupId === 'email')?.points).toBe(-15);
    expect(result.contributions.find((c) => c.ruleId === 'pricing')?.points).toBe(25);
    expect(result.contributions.find((c) => c.ruleId === 'opened')?.points).toBe(10);
  });
});
