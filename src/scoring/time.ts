/** A point in time: an ISO 8601 string, epoch milliseconds or a `Date`. */
export type Timestamp = string | number | Date;

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** Epoch milliseconds below this (1973-03-03) are taken for seconds by mistake and rejected. */
const MIN_EPOCH_MS = 1e11;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Converts a timestamp to epoch milliseconds in UTC, or returns undefined when it is invalid.
 * ISO strings without a zone are read as UTC, never local time. An impossible date such as
 * `2024-02-30` is invalid. A number below 1e11 (March 1973) is rejected because it is most
 * likely epoch seconds, which would otherwise land in January 1970.
 *
 * @example
 * toEpochMs('2024-05-01T12:00:00+02:00'); // 1714557600000
 * toEpochMs('2024-02-30'); // undefined
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) >= MIN_EPOCH_MS ? value : undefined;
  if (value instanceof Date) return toEpochMs(value.getTime());
  if (typeof value !== 'string') return undefined;
  const parts = ISO_DATE.exec(value.trim());
  if (parts === null) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const millis = Number(`0.${parts[7] ?? 0}`) * 1000;
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second, Math.floor(millis)));
  // Date.UTC rolls 2024-02-30 over to March; a date that does not read back the same is invalid.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const zone = parts[8] ?? 'Z';
  if (zone.toUpperCase() === 'Z') return date.getTime();
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return date.getTime() - sign * offsetMinutes * 60_000;
}
