import { ConfigError, describeValue } from '../internal/config-error.js';

/** A moment as a rep experiences it in their time zone. */
export interface LocalTime {
  /** The local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The ISO 8601 week of the local date, `YYYY-Www`. */
  readonly week: string;
  /** The ISO weekday: 1 is Monday, 7 is Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

const DAY_MS = 86_400_000;

/**
 * Returns a function that converts an epoch time to local time in `timeZone`, using the
 * runtime's `Intl` time-zone data. Throws a `NetspearConfigError` for an unknown time zone.
 */
export function localTimeIn(api: string, path: string, timeZone: string): (epochMs: number) => LocalTime {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new ConfigError(api, path, `unknown time zone ${describeValue(timeZone)}; use an IANA name such as "America/New_York"`);
  }
  return (epochMs) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(epochMs)) parts[part.type] = Number(part.value);
    const year = parts['year'] ?? 1970;
    const month = parts['month'] ?? 1;
    const day = parts['day'] ?? 1;
    const utcDate = Date.UTC(year, month - 1, day);
    const weekday = ((new Date(utcDate).getUTCDay() + 6) % 7) + 1;
    // The ISO week belongs to the year of its Thursday.
    const thursday = utcDate + (4 - weekday) * DAY_MS;
    const weekYear = new Date(thursday).getUTCFullYear();
    const week = 1 + Math.floor((thursday - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS));
    const pad = (n: number): string => String(n).padStart(2, '0');
    return {
      date: `${year}-${pad(month)}-${pad(day)}`,
      week: `${weekYear}-W${pad(week)}`,
      weekday,
      minutes: (parts['hour'] ?? 0) * 60 + (parts['minute'] ?? 0),
    };
  };
}

/** Parses `HH:MM` (24-hour) into minutes since midnight. */
export function parseClockTime(api: string, path: string, value: unknown): number {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  if (match === null) {
    throw new ConfigError(api, path, `expected a 24-hour time such as "09:00", received ${describeValue(value)}`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Parses an ISO 8601 date-time into epoch milliseconds. */
export function parseInstant(api: string, path: string, value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ConfigError(api, path, `expected an ISO 8601 date-time such as "2026-12-24T00:00:00Z", received ${describeValue(value)}`);
  }
  return ms;
}
