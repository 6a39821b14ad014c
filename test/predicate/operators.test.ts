import { describe, expect, it } from 'vitest';
import {
  and,
  atLeast,
  atMost,
  between,
  contains,
  containsAnyWord,
  endsWith,
  equals,
  evaluate,
  exists,
  fieldsOf,
  greaterThan,
  includesAll,
  includesAny,
  includesNone,
  isFalse,
  isTrue,
  lessThan,
  missing,
  noneOf,
  not,
  notEquals,
  oneOf,
  or,
  startsWith,
} from '../../src/predicate/index.js';

describe('comparison operators', () => {
  const under50 = lessThan('employees', 50);

  it('lessThan on null is unknown', () => {
    expect(evaluate(under50, { employees: null })).toBe('unknown');
  });

  it('lessThan on missing field is unknown', () => {
    expect(evaluate(under50, {})).toBe('unknown');
  });

  it('lessThan on NaN is unknown', () => {
    expect(evaluate(under50, { employees: Number.NaN })).toBe('unknown');
  });

  it('lessThan on numeric string is unknown', () => {
    expect(evaluate(under50, { employees: '49' })).toBe('unknown');
  });

  it('lessThan parses strings when asked', () => {
    expect(evaluate(under50, { employees: '49' }, { parseStrings: true })).toBe('match');
  });

  it('lessThan on number decides', () => {
    expect(evaluate(under50, { employees: 49 })).toBe('match');
    expect(evaluate(under50, { employees: 50 })).toBe('no_match');
  });

  it('numeric strings compare as numbers', () => {
    // As strings, '9' > '10'; as numbers it is not.
    expect(evaluate(greaterThan('employees', 10), { employees: '9' }, { parseStrings: true })).toBe('no_match');
    expect(evaluate(lessThan('employees', 10), { employees: '9' }, { parseStrings: true })).toBe('match');
  });

  it('non-numeric string stays unknown', () => {
    expect(evaluate(greaterThan('employees', 10), { employees: '9 people' }, { parseStrings: true })).toBe('unknown');
  });

  it('bounds are inclusive where named', () => {
    expect(evaluate(atLeast('employees', 100), { employees: 100 })).toBe('match');
    expect(evaluate(atMost('employees', 100), { employees: 100 })).toBe('match');
    expect(evaluate(greaterThan('employees', 100), { employees: 100 })).toBe('no_match');
  });

  it('between includes both ends', () => {
    const range = between('employees', 100, 1000);
    expect(evaluate(range, { employees: 100 })).toBe('match');
    expect(evaluate(range, { employees: 1000 })).toBe('match');
    expect(evaluate(range, { employees: 1001 })).toBe('no_match');
    expect(evaluate(range, { employees: null })).toBe('unknown');
  });

  it('boolean is not a number', () => {
    expect(evaluate(atLeast('employees', 0), { employees: true })).toBe('unknown');
  });
});

describe('equality operators', () => {
  it('notEquals on missing is unknown', () => {
    expect(evaluate(notEquals('country', 'US'), {})).toBe('unknown');
  });

  it('notEquals on other value matches', () => {
    expect(evaluate(notEquals('country', 'US'), { country: 'CA' })).toBe('match');
  });

  it('equals is case-sensitive by default', () => {
    expect(evaluate(equals('country', 'US'), { country: 'us' })).toBe('no_match');
  });

  it('equals with ignoreCase', () => {
    expect(evaluate(equals('country', 'US', { ignoreCase: true }), { country: 'us' })).toBe('match');
  });

  it('equals on other type is unknown', () => {
    expect(evaluate(equals('country', 'US'), { country: 1 })).toBe('unknown');
    expect(evaluate(equals('employees', 250), { employees: '250' })).toBe('unknown');
  });

  it('equals parses numeric string when asked', () => {
    expect(evaluate(equals('employees', 250), { employees: '250' }, { parseStrings: true })).toBe('match');
  });

  it('placeholder Select is missing', () => {
    expect(evaluate(equals('country', 'Select'), { country: 'Select' })).toBe('unknown');
    expect(evaluate(equals('country', 'US'), { country: ' select ' })).toBe('unknown');
  });

  it('custom placeholders replace Select', () => {
    const options = { placeholders: ['N/A'] };
    expect(evaluate(equals('country', 'Select'), { country: 'Select' }, options)).toBe('match');
    expect(evaluate(equals('country', 'US'), { country: 'n/a' }, options)).toBe('unknown');
  });

  it('blank string is missing', () => {
    expect(evaluate(equals('country', 'US'), { country: '   ' })).toBe('unknown');
  });
});

describe('list operators from untyped code', () => {
  // JavaScript callers can pass a string where a list belongs; it must not become its characters.
  it.each([
    ['oneOf', () => oneOf('industry', 'SaaS' as never), 'predicate.values'],
    ['includesAny', () => includesAny('techStack', 'aws' as never), 'predicate.values'],
    ['containsAnyWord', () => containsAnyWord('title', 'VP' as never), 'predicate.words'],
  ])('%s rejects a string', (_name, build, path) => {
    expect(() => evaluate(build(), { industry: 'S', techStack: ['a'], title: 'V' })).toThrow(expect.objectContaining({ name: 'NetspearConfigError', path }));
  });
});

describe('membership operators', () => {
  const industries = oneOf('industry', ['SaaS', 'Finance']);

  it('oneOf matches exact value', () => {
    expect(evaluate(industries, { industry: 'Finance' })).toBe('match');
  });

  it('oneOf is case-sensitive by default', () => {
    expect(evaluate(industries, { industry: 'saas' })).toBe('no_match');
  });

  it('oneOf with ignoreCase', () => {
    const folded = oneOf('industry', ['SaaS', 'Finance'], { ignoreCase: true });
    expect(evaluate(folded, { industry: 'saas' })).toBe('match');
    expect(evaluate(folded, { industry: 'FINANCE' })).toBe('match');
    expect(evaluate(folded, { industry: 'Retail' })).toBe('no_match');
  });

  it('oneOf on missing is unknown', () => {
    expect(evaluate(industries, { industry: undefined })).toBe('unknown');
  });

  it('oneOf with no values', () => {
    expect(evaluate(oneOf('industry', []), { industry: 'SaaS' })).toBe('no_match');
    expect(evaluate(noneOf('industry', []), { industry: 'SaaS' })).toBe('match');
    expect(evaluate(oneOf('industry', []), { industry: null })).toBe('unknown');
  });

  it('noneOf on present value', () => {
    expect(evaluate(noneOf('country', ['US', 'CA']), { country: 'DE' })).toBe('match');
    expect(evaluate(noneOf('country', ['US', 'CA']), { country: 'US' })).toBe('no_match');
  });

  it('noneOf on missing is unknown', () => {
    expect(evaluate(noneOf('country', ['US']), { country: null })).toBe('unknown');
  });
});

describe('text operators', () => {
  const engineer = containsAnyWord('title', ['engineer']);

  it('containsAnyWord finds whole word', () => {
    expect(evaluate(engineer, { title: 'Senior Engineer' })).toBe('match');
  });

  it('containsAnyWord skips word prefixes', () => {
    expect(evaluate(engineer, { title: 'Engineering Manager' })).toBe('no_match');
  });

  it('containsAnyWord ignores case and punctuation', () => {
    expect(evaluate(containsAnyWord('title', ['CTO']), { title: 'co-founder & cto' })).toBe('match');
    expect(evaluate(engineer, { title: 'ENGINEER, platform' })).toBe('match');
  });

  it('containsAnyWord matches phrases', () => {
    const vicePresident = containsAnyWord('title', ['vice president']);
    expect(evaluate(vicePresident, { title: 'Senior Vice  President, Sales' })).toBe('match');
    expect(evaluate(vicePresident, { title: 'President and Vice Chair' })).toBe('no_match');
  });

  it('containsAnyWord on missing is unknown', () => {
    expect(evaluate(engineer, { title: '' })).toBe('unknown');
    expect(evaluate(engineer, { title: 42 })).toBe('unknown');
  });

  it('startsWith and endsWith', () => {
    expect(evaluate(startsWith('title', 'vp', { ignoreCase: true }), { title: 'VP Sales' })).toBe('match');
    expect(evaluate(startsWith('title', 'vp'), { title: 'VP Sales' })).toBe('no_match');
    expect(evaluate(endsWith('domain', '.edu'), { domain: 'mit.edu' })).toBe('match');
  });

  it('contains finds substrings', () => {
    expect(evaluate(contains('title', 'found', { ignoreCase: true }), { title: 'Co-Founder' })).toBe('match');
    expect(evaluate(contains('title', 'found'), { title: ['found'] })).toBe('unknown');
  });
});

describe('array operators', () => {
  it('includesAll empty list on array', () => {
    expect(evaluate(includesAll('techStack', []), { techStack: [] })).toBe('match');
  });

  it('includesAll empty list on missing', () => {
    expect(evaluate(includesAll('techStack', []), {})).toBe('unknown');
  });

  it('includesAll needs every value', () => {
    const stack = includesAll('techStack', ['kubernetes', 'aws']);
    expect(evaluate(stack, { techStack: ['aws', 'kubernetes', 'python'] })).toBe('match');
    expect(evaluate(stack, { techStack: ['aws'] })).toBe('no_match');
  });

  it('includesAny with ignoreCase', () => {
    const kubernetes = includesAny('techStack', ['kubernetes'], { ignoreCase: true });
    expect(evaluate(kubernetes, { techStack: ['Kubernetes'] })).toBe('match');
    expect(evaluate(includesAny('techStack', ['kubernetes']), { techStack: ['Kubernetes'] })).toBe('no_match');
  });

  it('includesNone on array', () => {
    expect(evaluate(includesNone('techStack', ['wordpress']), { techStack: ['react'] })).toBe('match');
    expect(evaluate(includesNone('techStack', ['wordpress']), { techStack: ['wordpress'] })).toBe('no_match');
  });

  it('array operator on string is unknown', () => {
    expect(evaluate(includesAny('techStack', ['kubernetes']), { techStack: 'kubernetes' })).toBe('unknown');
  });
});

describe('flag operators', () => {
  it('isTrue reads booleans only', () => {
    expect(evaluate(isTrue('active'), { active: true })).toBe('match');
    expect(evaluate(isTrue('active'), { active: false })).toBe('no_match');
    expect(evaluate(isTrue('active'), { active: 'true' })).toBe('unknown');
    expect(evaluate(isTrue('active'), { active: 1 })).toBe('unknown');
  });

  it('isFalse parses strings when asked', () => {
    expect(evaluate(isFalse('active'), { active: 'No' }, { parseStrings: true })).toBe('match');
    expect(evaluate(isFalse('active'), { active: 0 }, { parseStrings: true })).toBe('match');
    expect(evaluate(isFalse('active'), { active: 'maybe' }, { parseStrings: true })).toBe('unknown');
  });

  it('exists and missing decide', () => {
    expect(evaluate(exists('phone'), { phone: '555' })).toBe('match');
    expect(evaluate(exists('phone'), { phone: 'Select' })).toBe('no_match');
    expect(evaluate(missing('phone'), { phone: Number.NaN })).toBe('match');
    expect(evaluate(missing('phone'), { phone: 0 })).toBe('no_match');
  });
});

describe('nested and inherited fields', () => {
  it('dotted path reads nested value', () => {
    expect(evaluate(equals('address.country', 'US'), { address: { country: 'US' } })).toBe('match');
  });

  it('dotted path through null is unknown', () => {
    expect(evaluate(equals('address.country', 'US'), { address: null })).toBe('unknown');
  });

  it('inherited properties are ignored', () => {
    const record: unknown = Object.create({ employees: 500 });
    expect(evaluate(atLeast('employees', 100), record)).toBe('unknown');
    expect(evaluate(exists('toString'), {})).toBe('no_match');
  });
});

describe('Kleene logic', () => {
  const unknownPart = atLeast('employees', 100);
  const falsePart = equals('industry', 'Retail');
  const truePart = equals('industry', 'SaaS');
  const record = { industry: 'SaaS' };

  it('unknown and false is no_match', () => {
    expect(evaluate(and(unknownPart, falsePart), record)).toBe('no_match');
  });

  it('unknown or true is match', () => {
    expect(evaluate(or(unknownPart, truePart), record)).toBe('match');
  });

  it('unknown and true is unknown', () => {
    expect(evaluate(and(truePart, unknownPart), record)).toBe('unknown');
  });

  it('unknown or false is unknown', () => {
    expect(evaluate(or(falsePart, unknownPart), record)).toBe('unknown');
  });

  it('not keeps unknown', () => {
    expect(evaluate(not(unknownPart), record)).toBe('unknown');
  });

  it('empty and, empty or', () => {
    expect(evaluate(and(), record)).toBe('match');
    expect(evaluate(or(), record)).toBe('no_match');
  });
});

describe('fieldsOf', () => {
  it('returns the plain operators', () => {
    const c = fieldsOf<{ employees: number }>();
    expect(c.atLeast('employees', 100)).toEqual(atLeast('employees', 100));
  });
});
