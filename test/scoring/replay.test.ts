import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { replayScores, scoreAsOf, scorecard, scoreEach } from 'netspear';
import { recordArb } from '../predicate/arbitraries.js';
import { definitionArb, eventsArb, NOW } from './arbitraries.js';

const card = scorecard({
  rules: [{ id: 'webinar', event: 'webinar', points: 30, decay: { kind: 'half_life', days: 30 } }],
  mqlThreshold: 25,
  hysteresis: 10,
});
const events = [{ type: 'webinar', at: '2024-01-01T00:00:00Z', id: 'w1' }];

describe('scoreAsOf', () => {
  it('leaves out later events', () => {
    expect(scoreAsOf(card, {}, '2023-12-31T23:59:59Z', { events }).total).toBe(0);
    expect(scoreAsOf(card, {}, '2024-01-01T00:00:00Z', { events }).total).toBe(30);
  });

  it('decays from asOf', () => {
    expect(scoreAsOf(card, {}, '2024-01-31T00:00:00Z', { events }).total).toBe(15);
    expect(scoreAsOf(card, {}, '2024-01-31T00:00:00Z', { events }).asOf).toBe('2024-01-31T00:00:00.000Z');
  });
});

describe('replayScores', () => {
  it('carries tiers for hysteresis', () => {
    const history = replayScores(card, {}, ['2024-01-08', '2024-01-01', '2024-01-20', '2024-02-15'], { events });
    expect(history).toEqual([
      { asOf: '2024-01-01T00:00:00.000Z', total: 30, tier: 'mql' },
      { asOf: '2024-01-08T00:00:00.000Z', total: 26, tier: 'mql' },
      // 19 is below the threshold of 25 but within the 10-point band, so the lead stays an MQL.
      { asOf: '2024-01-20T00:00:00.000Z', total: 19, tier: 'mql' },
      { asOf: '2024-02-15T00:00:00.000Z', total: 11, tier: 'nurture' },
    ]);
  });
});

describe('replay properties', () => {
  test.prop([definitionArb, recordArb, eventsArb, fc.integer({ min: NOW - 90 * 86_400_000, max: NOW })])(
    'as-of replay is deterministic',
    (definition, lead, history, asOf) => {
      const first = JSON.stringify(scoreAsOf(scorecard(definition), lead, asOf, { events: history }));
      const copy = JSON.parse(JSON.stringify(history)) as unknown[];
      expect(JSON.stringify(scoreAsOf(scorecard(definition), lead, new Date(asOf), { events: copy }))).toBe(first);
    },
  );

  test.prop([definitionArb, eventsArb, fc.integer({ min: NOW - 90 * 86_400_000, max: NOW })])(
    'later events never matter',
    (definition, history, asOf) => {
      const sameCard = scorecard(definition);
      const past = history.filter((e) => Date.parse(e.at) <= asOf);
      const withFuture = [...history, { type: 'webinar', at: new Date(asOf + 1).toISOString(), id: 'future' }];
      // Only re-delivered ids may differ: an id first seen in the future cannot hide a past event.
      const total = (list: unknown[]) => scoreAsOf(sameCard, {}, asOf, { events: list }).total;
      expect(total(withFuture)).toBe(total(past));
    },
  );
});

describe('scoreEach', () => {
  it('scores an async iterable', async () => {
    async function* leads() {
      yield { events };
      yield { events: 'broken' };
      yield null;
    }
    const results = [];
    for await (const scored of scoreEach(card, leads(), { now: '2024-01-01' })) results.push(scored);
    expect(results.map((r) => [r.index, r.result.total])).toEqual([[0, 30], [1, 0], [2, 0]]);
    expect(results[1]?.result.issues[0]?.code).toBe('invalid_events');
  });

  it('carries on past unreadable leads', async () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const thenThrows = {
      get then(): never {
        throw new Error('then getter failed');
      },
    };
    const results = [];
    for await (const scored of scoreEach(card, [{ events }, revocable.proxy, thenThrows, { events }], { now: '2024-01-01' })) {
      results.push(scored);
    }

    expect(results.map((r) => [r.index, r.result.total])).toEqual([[0, 30], [1, 0], [2, 0], [3, 30]]);
    expect(results[1]?.result.issues).toEqual([{ code: 'invalid_lead', path: '', expected: 'object', received: 'a revoked proxy' }]);
  });

  it('closes the source on an early stop', async () => {
    let closed = 0;
    const source: Iterable<object> = {
      [Symbol.iterator]: () => ({
        next: () => ({ done: false, value: { events } }),
        return: () => {
          closed++;
          return { done: true, value: undefined };
        },
      }),
    };
    let seen = 0;
    for await (const scored of scoreEach(card, source, { now: '2024-01-01' })) {
      seen += scored.result.total;
      if (scored.index === 2) break;
    }

    expect(seen).toBe(90);
    expect(closed).toBe(1);
  });

  it('rejects leads that are not iterable', async () => {
    for (const [leads, received] of [[42, '42'], ['abc', '"abc"'], [{}, 'an object']] as const) {
      const run = scoreEach(card, leads as never).next();

      await expect(run).rejects.toThrowError(`scoreEach: leads: expected an array, iterable or async iterable of leads, received ${received}`);
    }
  });

  it('uses one instant for the run', async () => {
    let ticks = 0;
    const ticking = scorecard({ rules: [{ id: 'w', event: 'webinar', points: 30, withinDays: 1 }], mqlThreshold: 1, clock: () => Date.parse('2024-01-01T12:00:00Z') + 2 * 86_400_000 * ticks++ });
    const asOf = new Set<string | undefined>();
    for await (const scored of scoreEach(ticking, [{ events }, { events }, { events }])) asOf.add(scored.result.asOf);
    expect([...asOf]).toEqual(['2024-01-01T12:00:00.000Z']);
  });
});
