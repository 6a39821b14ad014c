import { describeValue } from '../internal/config-error.js';
import { readPath } from '../internal/path.js';
import { toEpochMs, type Timestamp } from './time.js';

/** Something a lead did: a page view, a download, an email click, a webinar attendance. */
export interface LeadEvent {
  /** The event type that event rules select on, such as `page_view`. */
  readonly type: string;
  /** When it happened. */
  readonly at: Timestamp;
  /** A delivery-independent id; events with the same id count once, so a re-delivered webhook never counts twice. */
  readonly id?: string | number;
  readonly [field: string]: unknown;
}

/** A problem in the data of one scoring call; the value is ignored and scoring goes on. */
export interface ScoreIssue {
  /**
   * `invalid_timestamp`: a timestamp that is not an ISO string, epoch milliseconds or a valid `Date`, with `expected: 'date'`.
   * `invalid_event`: an event without a string `type`. `invalid_events`: an event list that is
   * not an array. `type_mismatch`: a field of the wrong type for its criterion, such as the
   * string `"250"` for a numeric criterion when the scorecard does not parse strings.
   * `invalid_lead`: a lead that is not an object (`null`, a string, a number or an array), with
   * an empty `path`. It is scored as it is, so most of its field rules are undecided.
   */
  readonly code: 'invalid_timestamp' | 'invalid_event' | 'invalid_events' | 'type_mismatch' | 'invalid_lead';
  /** The path of the value, such as `events[3].at` or `companySize`; empty for the lead itself. */
  readonly path: string;
  /** The rule that read the value, when one rule did. */
  readonly ruleId?: string;
  /** The type the criterion expects, when known: `number`, `string`, `boolean`, `array`, or `date` for a comparison with a date bound. */
  readonly expected?: string;
  /** A short description of the value received. */
  readonly received: string;
}

/** Counts of the events of one scoring call, by what happened to them. */
export interface EventSummary {
  readonly received: number;
  /** Valid, unique events at or before `now`: the ones event rules look at. */
  readonly used: number;
  /** Events whose id was seen before. */
  readonly duplicates: number;
  /** Events after `now`, which had not happened as of the scoring instant. */
  readonly future: number;
  /** Events without a type or with an invalid timestamp, each also listed in `issues`. */
  readonly invalid: number;
}

/** A valid event, with its time in epoch milliseconds. */
export interface ParsedEvent {
  readonly type: string;
  readonly at: number;
  readonly record: unknown;
  readonly index: number;
}

/**
 * Validates, sorts by time and de-duplicates events. Events after `now` are left out, so
 * scoring as of a past instant counts only what had happened by then.
 */
export function readEvents(
  source: unknown,
  where: string,
  now: number,
  issues: ScoreIssue[] | undefined,
): { events: ParsedEvent[]; summary: EventSummary } {
  const events: ParsedEvent[] = [];
  let received = 0;
  let future = 0;
  let invalid = 0;
  if (source !== undefined && source !== null && !Array.isArray(source)) {
    issues?.push({ code: 'invalid_events', path: where, expected: 'array', received: describeValue(source) });
  }
  if (Array.isArray(source)) {
    received = source.length;
    for (let index = 0; index < received; index++) {
      const record: unknown = readPath(source, [String(index)]);
      const type = readPath(record, ['type']);
      const rawAt = readPath(record, ['at']);
      const at = toEpochMs(rawAt);
      if (typeof type !== 'string') {
        invalid++;
        issues?.push({ code: 'invalid_event', path: `${where}[${index}].type`, expected: 'string', received: describeValue(type) });
      } else if (at === undefined) {
        invalid++;
        issues?.push({ code: 'invalid_timestamp', path: `${where}[${index}].at`, expected: 'date', received: describeValue(rawAt) });
      } else if (at > now) {
        future++;
      } else {
        events.push({ type, at, record, index });
      }
    }
  }
  events.sort((a, b) => a.at - b.at || a.index - b.index);

  // The earliest delivery of an id wins; later ones are re-deliveries.
  const seen = new Set<string>();
  const unique = events.filter((event) => {
    const id = readPath(event.record, ['id']);
    if (typeof id !== 'string' && typeof id !== 'number') return true;
    const key = String(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const summary = { received, used: unique.length, duplicates: events.length - unique.length, future, invalid };
  return { events: unique, summary };
}
