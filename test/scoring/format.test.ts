import { describe, expect, it } from 'vitest';
import { equals, formatScore, greaterThan, scorecard } from 'netspear';

describe('formatScore', () => {
  const card = scorecard({
    rules: [
      { id: 'vp', label: 'VP or above', when: equals('seniority', 'vp'), points: 20 },
      { id: 'size', label: 'Over 100 employees', when: greaterThan('employees', 100), points: 15 },
    ],
    groups: [
      {
        id: 'email',
        label: 'Email engagement',
        cap: 20,
        rules: [
          { id: 'clicks', label: 'Email clicks', event: 'email_click', points: 5, perDay: 3 },
          { id: 'opens', label: 'Webinar', event: 'webinar', points: 20, decay: { kind: 'half_life', days: 10 } },
        ],
      },
    ],
    mqlThreshold: 40,
  });
  const events = [
    ...Array.from({ length: 5 }, (_, i) => ({ type: 'email_click', at: '2024-04-30T10:00:00Z', id: `c${i}` })),
    { type: 'webinar', at: '2024-04-21T00:00:00Z' },
  ];

  it('prints the ledger', () => {
    const text = formatScore(card.score({ seniority: 'vp', employees: '250' }, { now: '2024-05-01T00:00:00Z', events }));
    expect(text).toBe(
      [
        'Score 40, tier mql, as of 2024-05-01T00:00:00.000Z',
        '  +20  VP or above         matched (seniority = "vp")',
        '    0  Over 100 employees  undecided (employees = "250")',
        '  Email engagement: +20 (of +25)',
        '  +15  Email clicks        3 × 5; 2 over the daily limit',
        '   +5  Webinar             1 × 20; decayed ×0.50 from 20; capped -5 by group email',
        'Issue: type_mismatch at employees, expected number, received "250"',
      ].join('\n'),
    );
  });

  it('hides zero lines when asked', () => {
    const text = formatScore(card.score({ seniority: 'cto', employees: 500 }, { now: '2024-05-01T00:00:00Z', events: [] }), { showZero: false });
    expect(text).toBe(['Score 15, tier nurture, as of 2024-05-01T00:00:00.000Z', '  +15  Over 100 employees  matched (employees = 500)'].join('\n'));
  });

  it('lists missing fields', () => {
    const text = formatScore(card.score({}, { now: '2024-05-01T00:00:00Z' }));
    expect(text).toContain('Missing: seniority, employees (+35 points undecided)');
    expect(text).toContain('undecided (seniority = missing)');
  });

  it('names the lead for invalid_lead', () => {
    const text = formatScore(card.score(null, { now: '2024-05-01T00:00:00Z' }));
    expect(text.split('\n').at(-1)).toBe('Issue: invalid_lead at the lead, expected object, received null');
  });
});
