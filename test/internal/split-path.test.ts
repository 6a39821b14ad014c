import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import { readPath, splitPath } from '../../src/internal/path.js';

const segmentArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((s) => !['constructor', 'prototype'].includes(s));

describe('splitPath', () => {
  test.prop([fc.array(segmentArb, { minLength: 1, maxLength: 4 })])('splits on dots', (segments) => {
    expect(splitPath('icp', 'predicate.field', segments.join('.'))).toEqual(segments);
  });

  it('rejects empty and non-string paths', () => {
    expect(() => splitPath('icp', 'predicate.field', '')).toThrow(ConfigError);
    expect(() => splitPath('icp', 'predicate.field', '')).toThrow('icp: predicate.field: expected a non-empty field path, received ""');
    expect(() => splitPath('icp', 'predicate.field', 42)).toThrow('received 42');
    expect(() => splitPath('icp', 'predicate.field', undefined)).toThrow('received undefined');
  });

  it('rejects empty segments', () => {
    for (const path of ['company.', '.company', 'company..size']) {
      expect(() => splitPath('icp', 'predicate.field', path), path).toThrow(`field path ${JSON.stringify(path)} has an empty segment`);
    }
  });

  it('rejects prototype keys', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(() => splitPath('icp', 'predicate.field', `company.${key}`), key).toThrow(`uses the reserved key "${key}"`);
    }
  });
});

describe('readPath', () => {
  it('reads one and several segments', () => {
    expect(readPath({ employees: 12 }, ['employees'])).toBe(12);
    expect(readPath({ company: { size: { employees: 12 } } }, ['company', 'size', 'employees'])).toBe(12);
  });

  it('reads missing steps as undefined', () => {
    expect(readPath({ company: 'Acme' }, ['company', 'size'])).toBeUndefined();
    expect(readPath({ company: null }, ['company', 'size'])).toBeUndefined();
    expect(readPath(null, ['company'])).toBeUndefined();
    expect(readPath('Acme', ['length'])).toBeUndefined();
  });

  it('ignores inherited fields', () => {
    expect(readPath(Object.create({ employees: 12 }), ['employees'])).toBeUndefined();
    expect(readPath({ company: Object.create({ size: 3 }) }, ['company', 'size'])).toBeUndefined();
  });

  it('reads a throwing getter as missing', () => {
    const record = {
      get employees(): number {
        throw new Error('no access');
      },
    };
    expect(readPath(record, ['employees'])).toBeUndefined();
    expect(readPath({ company: record }, ['company', 'employees'])).toBeUndefined();
  });
});
