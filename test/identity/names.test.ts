import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';

import { companyKey, nameSimilarity, normalizeCompanyName } from '../../src/identity/index.js';

const sameKey: readonly (readonly string[])[] = [
  ['Foo, Inc', 'FOO INC', 'Foo Incorporated', 'Foo Inc.', 'foo'],
  ['Nestlé S.A.', 'Nestle', 'NESTLÉ', 'Nestle SA'],
  ['Mueller Painting & Decorating', 'Mueller Painting and Decorating', 'Mueller Painting + Decorating', 'Mueller Painting und Decorating'],
  ['Müller GmbH & Co. KG', 'Müller', 'MULLER GMBH'],
  ['Acme Pty Ltd', 'Acme Pty. Ltd.', 'ACME LIMITED', 'Acme Co., Ltd.', 'Acme Corp', 'Acme Corporation'],
  ['Søren Æble', 'Soren Aeble'],
  ['Straße AG', 'Strasse'],
  ['Łódź Sp. z o.o.', 'Lodz'],
  ['A-B-C Company', 'ABC', 'A.B.C. Co'],
  ['AT&T Inc.', 'ATT'],
  ['Σοφία', 'ΣΟΦΊΑ'],
  ['Ёлка ООО', 'Елка'],
];

describe('companyKey', () => {
  it.each(sameKey)('gives one key for %s', (...names) => {
    const keys = names.map((name) => companyKey(name));

    expect(keys[0]).toBeDefined();
    for (const key of keys) {
      expect(key).toBe(keys[0]);
    }
  });

  it.each([
    ['A-B-C Company', 'abc'],
    ['Global Tech Inc', 'globaltech'],
    ['global-tech', 'globaltech'],
    ['Nestlé S.A.', 'nestle'],
    ['Foo, Inc', 'foo'],
  ])('keys %s as %s', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  it.each(['Corporation', 'Inc.', 'GmbH & Co. KG', 'Pty Ltd', 'S.A.', '  ', '', '...'])('gives no key for %j', (name) => {
    expect(companyKey(name)).toBeUndefined();
    expect(normalizeCompanyName(name)).toBeUndefined();
  });

  it.each<unknown>([null, undefined, 42, {}, ['Acme']])('gives no key for %o', (name) => {
    expect(companyKey(name)).toBeUndefined();
  });

  it('strips legal forms only at the end', () => {
    expect(companyKey('Inc Solutions')).toBe('incsolutions');
    expect(companyKey('AB Volvo')).toBe('abvolvo');
    expect(companyKey('Limited Brands Inc')).toBe('limitedbrands');
  });

  it('keeps marks of other scripts', () => {
    expect(companyKey('हिन्दी')).toBe('हिन्दी'.normalize('NFKD'));
  });
});

describe('normalizeCompanyName', () => {
  it.each([
    ['Mueller Painting & Decorating GmbH & Co. KG', 'mueller painting and decorating'],
    ['  Nestlé   S.A. ', 'nestle'],
    ['Global Tech, Inc.', 'global tech'],
  ])('normalises %s', (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['globaltech', 'globaltech', 1],
    ['globaltech', 'globaltec', 0.9],
    ['globaltech', 'glboaltech', 0.9],
    ['abcd', 'wxyz', 0],
    ['', '', 1],
  ])('rates %s against %s', (left, right, expected) => {
    expect(nameSimilarity(left, right)).toBeCloseTo(expected, 10);
  });
});

const companyName = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(
      fc.array(fc.constantFrom('Acme', 'Nestlé', 'Straße', 'A-B-C', '&', 'and', 'et', 'Ø', 'Inc', 'S.A.', 'GmbH', 'Co.', 'Σ'), { maxLength: 6 }),
      fc.constantFrom(' ', ', ', '  '),
    )
    .map(([words, separator]) => words.join(separator)),
);

describe('normalisation properties', () => {
  test.prop([companyName])('normalising is idempotent', (name) => {
    const once = normalizeCompanyName(name);
    fc.pre(once !== undefined);

    expect(normalizeCompanyName(once)).toBe(once);
    expect(companyKey(once)).toBe(companyKey(name));
  });

  test.prop([fc.anything()])('never throws on any value', (value) => {
    const key = companyKey(value);

    expect(key === undefined || typeof key === 'string').toBe(true);
  });
});
