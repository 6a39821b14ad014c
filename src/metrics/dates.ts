/** A point in time as the metrics accept it: an ISO 8601 string, epoch milliseconds or a `Date`. */
export type DateInput = string | number | Date;

/** The largest epoch millisecond count a `Date` can hold, in either direction. */
const MAX_TIME = 8.64e15;

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The result of reading a date: epoch milliseconds, or why there are none. */
export type DateReading =
  | { readonly ok: true; readonly time: number }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses an ISO 8601 date or date-time in UTC, rejecting impossible dates such as `2023-02-30`.
 * A date-time without an offset is read as UTC (ECMAScript's `Date.parse` would read it as local
 * time, which would make results depend on the machine).
 */
function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;

  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  let time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0 to 99 to 1900 to 1999; set the full year again to keep them.
  if (year < 100) time = new Date(time).setUTCFullYear(year);

  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2));
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    const sign = offset.startsWith('-') ? -1 : 1;
    time -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return time;
}

/**
 * Reads a date given as an ISO 8601 string, epoch milliseconds or a `Date`, in UTC. Undefined,
 * null and blank strings are `missing`; anything else that is not a valid date is `invalid`,
 * including impossible dates (`2023-02-29`) and other formats (`3/1/2024`).
 *
 * @example
 * readDate('2024-03-01'); // { ok: true, time: 1709251200000 }
 * readDate('2024-02-30'); // { ok: false, reason: 'invalid' }
 */
export function readDate(value: unknown): DateReading {
  if (value === undefined || value === null) return { ok: false, reason: 'missing' };
  if (typeof value === 'string') {
    if (value.trim().length === 0) return { ok: false, reason: 'missing' };
    const time = parseIsoDate(value);
    return time === undefined ? { ok: false, reason: 'invalid' } : { ok: true, time };
  }
  if (typeof value === 'number') {
    return Math.abs(value) <= MAX_TIME ? { ok: true, time: value } : { ok: false, reason: 'invalid' };
  }
  // The tag check, unlike instanceof, also accepts a Date from another realm (an iframe or a VM).
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const time = Date.prototype.getTime.call(value);
    return Number.isNaN(time) ? { ok: false, reason: 'invalid' } : { ok: true, time };
  }
  return { ok: false, reason: 'invalid' };
}
