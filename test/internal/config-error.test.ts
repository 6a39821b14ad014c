import { describe, expect, it } from 'vitest';
import { ConfigError, describeValue } from '../../src/internal/config-error.js';

describe('ConfigError', () => {
  it('carries api, path and name', () => {
    const error = new ConfigError('scorecard', 'rules[2].points', 'expected a whole number of points, received 2.5');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('NetspearConfigError');
    expect(error.api).toBe('scorecard');
    expect(error.path).toBe('rules[2].points');
    expect(error.message).toBe('scorecard: rules[2].points: expected a whole number of points, received 2.5');
  });

  it('empty path leaves it out', () => {
    const error = new ConfigError('icp', '', 'expected a predicate');
    expect(error.path).toBe('');
    expect(error.message).toBe('icp: expected a predicate');
  });
});

describe('describeValue', () => {
  it('quotes short strings', () => {
    expect(describeValue('Select')).toBe('"Select"');
    expect(describeValue('')).toBe('""');
  });

  it('cuts strings past 40 characters', () => {
    expect(describeValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(describeValue('y'.repeat(41))).toBe(`"${'y'.repeat(40)}…"`);
  });

  it('names a revoked proxy', () => {
    const revocable = Proxy.revocable([], {});
    revocable.revoke();

    expect(describeValue(revocable.proxy)).toBe('a revoked proxy');
  });

  it('prints scalars as written', () => {
    expect(describeValue(2.5)).toBe('2.5');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(10n)).toBe('10');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
  });

  it('names arrays, functions and objects', () => {
    expect(describeValue([1, 2])).toBe('an array');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue({ a: 1 })).toBe('an object');
  });

  it('names symbols with a', () => {
    expect(describeValue(Symbol('x'))).toBe('a symbol');
  });
});
