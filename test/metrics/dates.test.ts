import { describe, expect, it } from 'vitest';
import { readDate } from 'netspear/metrics';

describe('readDate', () => {
  it('ISO date is UTC midnight', () => {
    expect(readDate('2024-02-29')).toEqual({ ok: true, time: Date.UTC(2024, 1, 29) });
  });

  it('date-time without offset is UTC', () => {
    expect(readDate('2024-03-01T10:30:00')).toEqual({ ok: true, time: Date.UTC(2024, 2, 1, 10, 30) });
  });

  it('applies offsets and fractions', () => {
    expect(readDate('2024-03-01T10:30:00+02:00')).toEqual({ ok: true, time: Date.UTC(2024, 2, 1, 8, 30) });
    expect(readDate('2024-03-01T10:30:00.250-0130')).toEqual({ ok: true, time: Date.UTC(2024, 2, 1, 12, 0, 0, 250) });
    expect(readDate('2024-03-01t10:30z')).toEqual({ ok: true, time: Date.UTC(2024, 2, 1, 10, 30) });
  });

  it('rejects impossible dates', () => {
    for (const text of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-01T24:00', '2024-01-01T10:60']) {
      expect(readDate(text), text).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('rejects other formats', () => {
    for (const value of ['3/1/2024', 'March 1, 2024', '20240301', 'yesterday', true, {}, [], Number.NaN, Infinity, 9e15]) {
      expect(readDate(value), String(value)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('missing values', () => {
    for (const value of [undefined, null, '', '   ']) expect(readDate(value)).toEqual({ ok: false, reason: 'missing' });
  });

  it('epoch milliseconds and Date', () => {
    expect(readDate(0)).toEqual({ ok: true, time: 0 });
    expect(readDate(new Date(Date.UTC(2020, 0, 1)))).toEqual({ ok: true, time: Date.UTC(2020, 0, 1) });
    expect(readDate(new Date('nonsense'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('keeps years below 100', () => {
    const reading = readDate('0050-06-01');

    expect(reading.ok).toBe(true);
    expect(new Date((reading as { time: number }).time).getUTCFullYear()).toBe(50);
  });
});
