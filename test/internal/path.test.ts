import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldReader, guardPlain, readPath, type ReaderSlots } from '../../src/internal/path.js';
import { READER_SLOTS } from '../../src/internal/readers.generated.js';
import { readersModule, READERS_MODULE } from '../../scripts/generate-readers.js';
import { readFileSync } from 'node:fs';

const keyArb = fc.constantFrom('a', 'b', 'employees', 'toString', 'valueOf', 'length', '0');

/** Records of every kind a reader can meet: plain, null-prototype, inherited, arrays, primitives. */
const recordArb = fc.oneof(
  fc.dictionary(keyArb, fc.anything(), { maxKeys: 4 }),
  fc.dictionary(keyArb, fc.anything(), { maxKeys: 4, noNullPrototype: false }),
  fc
    .tuple(fc.dictionary(keyArb, fc.anything(), { maxKeys: 3 }), fc.dictionary(keyArb, fc.anything(), { maxKeys: 3 }))
    .map(([inherited, own]) => Object.assign(Object.create(inherited) as object, own)),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.anything(),
);

/** Builds a fast reader behind the guard, as compiled predicates use it. */
function guarded(segments: readonly string[]): (record: unknown) => unknown {
  return guardPlain(fieldReader(segments), () => (record) => readPath(record, segments));
}

describe('fieldReader behind guardPlain', () => {
  test.prop([recordArb, fc.array(keyArb, { minLength: 1, maxLength: 3 })])('agrees with readPath', (record, segments) => {
    expect(guarded(segments)(record)).toBe(readPath({ x: record }, ['x', ...segments]));
  });

  it('ignores inherited fields', () => {
    const record: unknown = Object.create({ employees: 500 });
    expect(guarded(['employees'])(record)).toBeUndefined();
  });

  it('reads null-prototype records', () => {
    const record = Object.assign(Object.create(null) as object, { employees: 12 });
    expect(guarded(['employees'])(record)).toBe(12);
  });

  it('ignores methods of Object.prototype', () => {
    expect(guarded(['toString'])({})).toBeUndefined();
    expect(guarded(['toString'])({ toString: 'own' })).toBe('own');
  });

  it('reads nested paths', () => {
    expect(guarded(['company', 'address', 'country'])({ company: { address: { country: 'DE' } } })).toBe('DE');
    expect(guarded(['company', 'address', 'country'])({ company: null })).toBeUndefined();
  });

  it('reads a throwing getter as missing', () => {
    const record = {
      get employees(): number {
        throw new Error('no access');
      },
    };
    expect(guarded(['employees'])(record)).toBeUndefined();
  });

  it('reads a throwing proxy as missing', () => {
    const record = new Proxy(
      {},
      {
        get() {
          return 1;
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(guarded(['employees'])(record)).toBeUndefined();
  });

  it('sends class instances to the safe closure', () => {
    class Lead {
      get employees(): number {
        return 5;
      }
    }
    expect(guarded(['employees'])(new Lead())).toBeUndefined();
  });

  it('gives distinct fields distinct slots', () => {
    const slots: ReaderSlots = new Map();
    const names = Array.from({ length: READER_SLOTS.length }, (_, i) => `field${i}`);
    for (const name of names) fieldReader([name], slots);
    expect(new Set(slots.values()).size).toBe(READER_SLOTS.length);
  });

  it('reads every field past the slot count', () => {
    const slots: ReaderSlots = new Map();
    const names = Array.from({ length: READER_SLOTS.length * 2 }, (_, i) => `field${i}`);
    const readers = names.map((name) => fieldReader([name], slots));
    const record = Object.fromEntries(names.map((name, i) => [name, i]));
    expect(readers.map((read) => read(record))).toEqual(names.map((_, i) => i));
  });
});

describe('fieldReader on a polluted prototype', () => {
  const prototype = Object.prototype as Record<string, unknown>;
  afterEach(() => {
    delete prototype['pollutedField'];
  });

  it('ignores the polluted value', () => {
    prototype['pollutedField'] = 'injected';
    expect(guarded(['pollutedField'])({})).toBeUndefined();
    expect(guarded(['pollutedField'])(Object.create(null))).toBeUndefined();
  });

  it('keeps an own value equal to it', () => {
    prototype['pollutedField'] = 'injected';
    expect(guarded(['pollutedField'])({ pollutedField: 'injected' })).toBe('injected');
  });
});

describe('readers.generated.ts', () => {
  it('matches its generator', () => {
    expect(readFileSync(READERS_MODULE, 'utf8')).toBe(readersModule());
  });
});
