import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEHOLDERS, isMissing, toBoolean, toNumber } from '../../src/internal/values.js';

describe('isMissing', () => {
  it('undefined, null and NaN are missing', () => {
    expect(isMissing(undefined, [])).toBe(true);
    expect(isMissing(null, [])).toBe(true);
    expect(isMissing(Number.NaN, [])).toBe(true);
  });

  it('numbers and booleans are present', () => {
    expect(isMissing(0, DEFAULT_PLACEHOLDERS)).toBe(false);
    expect(isMissing(-1.5, DEFAULT_PLACEHOLDERS)).toBe(false);
    expect(isMissing(Number.POSITIVE_INFINITY, DEFAULT_PLACEHOLDERS)).toBe(false);
    expect(isMissing(false, DEFAULT_PLACEHOLDERS)).toBe(false);
  });

  it('objects and arrays are present', () => {
    expect(isMissing({}, DEFAULT_PLACEHOLDERS)).toBe(false);
    expect(isMissing([], DEFAULT_PLACEHOLDERS)).toBe(false);
  });

  it('blank strings are missing', () => {
    expect(isMissing('', [])).toBe(true);
    expect(isMissing('  \t', [])).toBe(true);
  });

  it('placeholders match trimmed, any case', () => {
    expect(isMissing(' Select ', DEFAULT_PLACEHOLDERS)).toBe(true);
    expect(isMissing('SELECT', DEFAULT_PLACEHOLDERS)).toBe(true);
    expect(isMissing('n/a', ['n/a', 'none'])).toBe(true);
  });

  it('no placeholders keeps every word', () => {
    expect(isMissing('Select', [])).toBe(false);
    expect(isMissing('SaaS', DEFAULT_PLACEHOLDERS)).toBe(false);
  });

  test.prop([fc.string()])('non-blank non-placeholder string is present', (text) => {
    fc.pre(text.trim().length > 0);
    expect(isMissing(text, [])).toBe(false);
  });
});

describe('toNumber', () => {
  test.prop([fc.double({ noNaN: true })])('numbers pass unchanged', (value) => {
    expect(toNumber(value, false)).toBe(value);
    expect(toNumber(value, true)).toBe(value);
  });

  test.prop([fc.integer()])('parsing round-trips integer strings', (value) => {
    expect(toNumber(` ${value} `, true)).toBe(value);
    expect(toNumber(String(value), false)).toBeUndefined();
  });

  it('NaN reads as undefined', () => {
    expect(toNumber(Number.NaN, true)).toBeUndefined();
  });

  it('parses decimals, signs and exponents', () => {
    expect(toNumber('+12.5', true)).toBe(12.5);
    expect(toNumber('-.5', true)).toBe(-0.5);
    expect(toNumber('3.', true)).toBe(3);
    expect(toNumber('1e3', true)).toBe(1000);
    expect(toNumber('2E-2', true)).toBe(0.02);
  });

  it('rejects partly numeric strings', () => {
    for (const text of ['', '.', '1,000', '12abc', 'abc12', '0x10', '1e', 'Infinity', '1 2']) {
      expect(toNumber(text, true), text).toBeUndefined();
    }
  });

  it('rejects other types', () => {
    expect(toNumber(true, true)).toBeUndefined();
    expect(toNumber(null, true)).toBeUndefined();
    expect(toNumber([1], true)).toBeUndefined();
  });
});

describe('toBoolean', () => {
  test.prop([fc.boolean(), fc.boolean()])('booleans pass unchanged', (value, parseStrings) => {
    expect(toBoolean(value, parseStrings)).toBe(value);
  });

  it('parses true words when parsing', () => {
    for (const text of ['true', ' TRUE ', 'yes', 'Yes', '1']) expect(toBoolean(text, true), text).toBe(true);
  });

  it('parses false words when parsing', () => {
    for (const text of ['false', ' False', 'no', 'NO ', '0']) expect(toBoolean(text, true), text).toBe(false);
  });

  it('parses 1 and 0 when parsing', () => {
    expect(toBoolean(1, true)).toBe(true);
    expect(toBoolean(0, true)).toBe(false);
    expect(toBoolean(2, true)).toBeUndefined();
  });

  it('ignores strings and numbers otherwise', () => {
    expect(toBoolean('true', false)).toBeUndefined();
    expect(toBoolean('no', false)).toBeUndefined();
    expect(toBoolean(1, false)).toBeUndefined();
    expect(toBoolean(0, false)).toBeUndefined();
  });

  it('rejects other words and types', () => {
    expect(toBoolean('maybe', true)).toBeUndefined();
    expect(toBoolean('', true)).toBeUndefined();
    expect(toBoolean(null, true)).toBeUndefined();
    expect(toBoolean({}, true)).toBeUndefined();
  });
});

describe('default placeholders', () => {
  it.each(['Select', 'select', ' Select... ', 'Please select', '--None--', '--NONE--'])('%j is missing', (value) => {
    expect(isMissing(value, DEFAULT_PLACEHOLDERS)).toBe(true);
  });

  it.each(['N/A', 'None', 'Selected', 'Select one of these'])('%j is a value', (value) => {
    expect(isMissing(value, DEFAULT_PLACEHOLDERS)).toBe(false);
  });
});
