import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import { compilePredicate } from '../../src/predicate/compile.js';
import { parseIsoDate } from '../../src/predicate/dates.js';
import { atLeast, between, evaluate, greaterThan, lessThan, type Predicate } from '../../src/predicate/index.js';

const in2024 = between('closedOn', '2024-01-01', '2024-12-31T23:59:59.999Z');

describe('date comparisons', () => {
  it('between matches ISO text', () => {
    expect(evaluate(in2024, { closedOn: '2024-06-30' })).toBe('match');
    expect(evaluate(in2024, { closedOn: '2025-01-01' })).toBe('no_match');
  });

  it('between matches Date objects', () => {
    expect(evaluate(in2024, { closedOn: new Date('2024-03-01T10:00:00Z') })).toBe('match');
    expect(evaluate(in2024, { closedOn: new Date('2023-12-31T23:59:59Z') })).toBe('no_match');
  });

  it('between includes both ends', () => {
    expect(evaluate(in2024, { closedOn: '2024-01-01T00:00:00Z' })).toBe('match');
    expect(evaluate(in2024, { closedOn: '2024-12-31T23:59:59.999Z' })).toBe('match');
  });

  it('zone offset shifts the instant', () => {
    // 00:30 in Paris (+01:00) is still 2023 in UTC.
    expect(evaluate(in2024, { closedOn: '2024-01-01T00:30:00+01:00' })).toBe('no_match');
  });

  it('factories store Date as ISO text', () => {
    expect(greaterThan('closedOn', new Date(Date.UTC(2024, 0, 1)))).toEqual({ op: 'gt', field: 'closedOn', value: '2024-01-01T00:00:00.000Z' });
  });

  it('non-dates are unknown', () => {
    for (const closedOn of [null, undefined, 1704067200000, '01/05/2024', '2024-02-30', '2024-01-01T10:00:00', new Date(Number.NaN), 'Select']) {
      expect(evaluate(atLeast('closedOn', '2024-01-01'), { closedOn })).toBe('unknown');
    }
  });

  it('number bound ignores dates', () => {
    expect(evaluate(lessThan('closedOn', 5), { closedOn: '2024-01-01' })).toBe('unknown');
    expect(evaluate(lessThan('closedOn', 5), { closedOn: new Date() })).toBe('unknown');
  });

  it('rejects invalid date bound', () => {
    const build = (): unknown => compilePredicate('test', atLeast('closedOn', '31/01/2024'));
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('predicate.value');
    expect(() => compilePredicate('test', atLeast('closedOn', new Date(Number.NaN)))).toThrow('"Invalid Date"');
  });

  it('rejects mixed between bounds', () => {
    expect(() => compilePredicate('test', between('closedOn', 1, '2024-01-01'))).toThrow('two numbers or two dates');
  });

  it('rejects reversed date range', () => {
    expect(() => compilePredicate('test', between('closedOn', '2024-02-01', '2024-01-01'))).toThrow('min <= max');
  });

  it('rejects unzoned date-time bound', () => {
    const p: Predicate = { op: 'gt', field: 'closedOn', value: '2024-01-01T10:00:00' };
    expect(() => compilePredicate('test', p)).toThrow(ConfigError);
  });
});

describe('parseIsoDate', () => {
  it('reads dates and zoned times', () => {
    expect(parseIsoDate('2024-01-31')).toBe(Date.UTC(2024, 0, 31));
    expect(parseIsoDate('2024-01-31T09:30:00+02:00')).toBe(Date.UTC(2024, 0, 31, 7, 30));
  });

  it('rejects impossible days', () => {
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-13-01')).toBeUndefined();
  });
});
