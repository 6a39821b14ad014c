import { openLeads } from '../internal/iterate.js';
import type { Scorecard, ScoreOptions, ScoreResult } from './scorecard.js';

/** One scored lead of a stream. */
export interface ScoredLead<T, Name extends string = string, Below = undefined> {
  /** The lead's position in the stream. */
  readonly index: number;
  readonly lead: T;
  readonly result: ScoreResult<Name, Below>;
}

/**
 * Scores leads from a sync or async iterable one at a time and yields each result, holding no
 * more than one lead in memory, so a whole database can be rescored from a cursor. Without
 * `now`, every lead is scored as of the instant the run started.
 *
 * @example
 * for await (const { lead, result } of scoreEach(card, cursor, { now: '2024-05-01' })) {
 *   await save(lead.id, result.total, result.tier);
 * }
 */
export async function* scoreEach<T, Name extends string, Below = undefined>(
  card: Scorecard<T, Name, Below>,
  leads: Iterable<T> | AsyncIterable<T>,
  options?: ScoreOptions<Name>,
): AsyncGenerator<ScoredLead<T, Name, Below>, void, undefined> {
  // One instant for the whole run, so every lead is scored as of the same moment.
  const scoreOptions: ScoreOptions<Name> = { ...options, now: options?.now ?? (card.definition.clock ?? Date.now)() };
  let index = 0;
  const source = openLeads('scoreEach', leads);
  let exhausted = false;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done === true) {
        exhausted = true;
        return;
      }
      yield { index: index++, lead: next.value, result: card.score(next.value, scoreOptions) };
    }
  } finally {
    // Close the source when the consumer stops early, as for-await does for its own loop.
    if (!exhausted) await source.return?.();
  }
}
