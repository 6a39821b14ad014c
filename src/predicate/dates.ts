// ISO 8601 dates as comparison bounds and field values. A date-time needs a zone (`Z` or
// `+02:00`): without one, JavaScript reads it in the local time zone of the machine, so the
// same data would compare differently on different servers.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses an ISO 8601 date or zoned date-time into milliseconds since the epoch, or returns
 * undefined for any other text and for impossible calendar days such as `2024-02-30`.
 */
export function parseIsoDate(text: string): number | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const time = Date.parse(text);
  // Some engines roll 2024-02-30 over to March 1st, others return NaN: both fail this check.
  const day = text.slice(0, 10);
  const midnight = Date.parse(day);
  if (Number.isNaN(time) || Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) return undefined;
  return time;
}

/** Reads a field value as a time from a valid `Date` or an ISO 8601 string. Anything else is undefined. */
export function toTime(value: unknown): number | undefined {
  if (typeof value === 'string') return parseIsoDate(value.trim());
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}
