import type { Scorecard, ScoreOptions, ScoreResult } from './scorecard.js';
import type { Timestamp } from './time.js';

/** Options of {@link scoreAsOf}. */
export interface AsOfOptions<Name extends string = string> {
  /** The lead's event history; when absent it is read from the lead's `eventsField`. */
  readonly events?: readonly unknown[];
  /** The tier before `asOf`, for hysteresis. */
  readonly previousTier?: Name | undefined;
}

/**
 * Scores a lead as of a past instant from its event history: events after `asOf` are left out
 * and windows and decay count back from it. The result depends only on its inputs, so the same
 * inputs give the same result, byte for byte, in `JSON.stringify`.
 *
 * @example
 * scoreAsOf(card, lead, '2024-03-31T23:59:59Z', { events }).tier; // the tier at the end of March
 */
export function scoreAsOf<T, Name extends string>(
  card: Scorecard<T, Name>,
  lead: T,
  asOf: Timestamp,
  options: AsOfOptions<Name> = {},
): ScoreResult<Name> {
  const scoreOptions: ScoreOptions<Name> = { ...options, now: asOf };
  return card.score(lead, scoreOptions);
}

/** One point of a lead's score history. */
export interface ScorePoint<Name extends string = string> {
  readonly asOf: string;
  readonly total: number;
  readonly tier: Name | undefined;
}

/**
 * Replays a lead's score at each instant, in time order, carrying each tier into the next
 * scoring so that hysteresis applies as it would have live.
 *
 * @example
 * replayScores(card, lead, ['2024-01-01', '2024-02-01', '2024-03-01'], { events });
 * // [{ asOf: '2024-01-01T00:00:00.000Z', total: 10, tier: 'nurture' }, …]
 */
export function replayScores<T, Name extends string>(
  card: Scorecard<T, Name>,
  lead: T,
  instants: readonly Timestamp[],
  options: AsOfOptions<Name> = {},
): ScorePoint<Name>[] {
  let previousTier = options.previousTier;
  const results = instants.map((asOf) => scoreAsOf(card, lead, asOf, { ...options, previousTier: undefined }));
  const order = results.map((_, i) => i).sort((a, b) => Date.parse(results[a]!.asOf ?? '') - Date.parse(results[b]!.asOf ?? '') || a - b);
  const points: ScorePoint<Name>[] = [];
  for (const i of order) {
    const asOf = results[i]!.asOf ?? new Date(0).toISOString();
    const total = results[i]!.total;
    const tier = card.tierOf(total, previousTier);
    points.push({ asOf, total, tier });
    previousTier = tier;
  }
  return points;
}
