import { describe, expect, it } from 'vitest';
import { formatPath, parseFitDefinition, parsePredicateDocument, parseRouterConfig, parseScorecardDefinition } from 'netspear/schema';

const when = { op: 'equals', field: 'seniority', value: 'vp' };

describe('parseScorecardDefinition', () => {
  it('returns a valid definition', () => {
    const result = parseScorecardDefinition({ rules: [{ id: 'vp', when, points: 20 }], mqlThreshold: 20 });

    expect(result.issues).toBeUndefined();
    expect(result.value).toEqual({ rules: [{ id: 'vp', when, points: 20 }], mqlThreshold: 20 });
  });

  it('lists every problem by path', () => {
    const result = parseScorecardDefinition({
      groups: [
        { id: 'a', rules: [] },
        { id: 'b', rules: [] },
        { id: 'c', rules: [{ id: 'x', when, points: 2.5 }, { id: 'y', when: { op: 'regex', field: 'title' }, points: 1 }] },
      ],
      tiers: [{ name: 'hot', min: 50 }, { name: 'cold' }],
      pionts: 3,
    });

    expect(result.issues).toEqual([
      { code: 'invalid_type', path: 'groups[2].rules[0].points', message: 'expected a whole number of points, received 2.5' },
      { code: 'invalid_union', path: 'groups[2].rules[1].when.op', message: expect.stringMatching(/^unknown operator "regex"; expected one of and, or/) },
      { code: 'unrecognized_keys', path: 'pionts', message: expect.stringMatching(/^unknown key; expected one of \$schema, version, rules/) },
    ]);
  });

  it('reports duplicate rule ids', () => {
    const result = parseScorecardDefinition({ rules: [{ id: 'vp', when, points: 1 }, { id: 'vp', when, points: 2 }], mqlThreshold: 1 });

    expect(result.issues).toEqual([{ code: 'custom', path: 'rules[1].id', message: 'duplicate rule id "vp"; rule ids must be unique' }]);
  });

  it('rejects a reserved field path', () => {
    const result = parseScorecardDefinition({ rules: [{ id: 'vp', when: { op: 'exists', field: 'a.__proto__' }, points: 1 }], mqlThreshold: 1 });

    expect(result.issues?.[0]?.path).toBe('rules[0].when.field');
    expect(result.issues?.[0]?.message).toBe('field path "a.__proto__" uses the reserved key "__proto__"; rename the field');
  });

  it('reads JSON text', () => {
    expect(parseScorecardDefinition('{"mqlThreshold":10}').ok).toBe(true);
    expect(parseScorecardDefinition('{"mqlThreshold":').issues?.[0]?.code).toBe('invalid_json');
  });

  it('drops the $schema key', () => {
    const result = parseScorecardDefinition({ $schema: './node_modules/netspear/schemas/scorecard.json', mqlThreshold: 10 });

    expect(result.value).toEqual({ mqlThreshold: 10 });
  });

  it('rejects a bound that is neither number nor date', () => {
    const result = parseScorecardDefinition({ rules: [{ id: 'big', when: { op: 'gte', field: 'employees', value: '100' }, points: 1 }], mqlThreshold: 1 });

    expect(result.issues).toEqual([
      {
        code: 'custom',
        path: 'rules[0].when.value',
        message: 'expected a finite number or an ISO 8601 date such as "2024-01-31" (a date-time needs a zone), received "100"',
      },
    ]);
  });

  it('rejects a non-object', () => {
    expect(parseScorecardDefinition([1]).issues).toEqual([{ code: 'invalid_type', path: '', message: 'expected a scorecard definition object, received an array' }]);
  });
});

describe('parsePredicateDocument', () => {
  it('rejects a document that doubles through references', () => {
    const definitions: Record<string, unknown> = { d30: { op: 'exists', field: 'a' } };
    for (let i = 0; i < 30; i += 1) definitions[`d${i}`] = { op: 'or', predicates: [{ op: 'ref', name: `d${i + 1}` }, { op: 'ref', name: `d${i + 1}` }] };
    const result = parsePredicateDocument({ version: 1, definitions, predicate: { op: 'ref', name: 'd0' } });

    expect(result.issues).toEqual([
      { code: 'too_large', path: 'predicate', message: 'the predicate expands to more than 10000 nodes when its references are replaced by their definitions' },
    ]);
  });

  it('returns a valid document', () => {
    const document = { version: 1, definitions: { big: { op: 'gte', field: 'employees', value: 1000 } }, predicate: { op: 'ref', name: 'big' } };

    expect(parsePredicateDocument(document).value).toEqual(document);
  });

  it('reports unknown and circular references', () => {
    const result = parsePredicateDocument({ version: 1, definitions: { a: { op: 'ref', name: 'a' } }, predicate: { op: 'ref', name: 'b' } });

    expect(result.issues).toEqual([
      { code: 'custom', path: 'predicate.name', message: 'no definition named "b"' },
      { code: 'custom', path: 'definitions.a.name', message: 'definition "a" refers to itself' },
    ]);
  });

  it('reports a bad bound', () => {
    const result = parsePredicateDocument({ version: 1, predicate: { op: 'gte', field: 'closedOn', value: '2024-02-30' } });

    expect(result.issues?.[0]?.path).toBe('predicate.value');
    expect(result.issues?.[0]?.message).toBe(
      'expected a finite number or an ISO 8601 date such as "2024-01-31" (a date-time needs a zone), received "2024-02-30"',
    );
  });

  it('rejects a __proto__ definition', () => {
    const result = parsePredicateDocument('{"version":1,"definitions":{"__proto__":{"op":"exists","field":"a"}},"predicate":{"op":"exists","field":"a"}}');

    expect(result.ok).toBe(false);
    expect(result.issues?.[0]?.path).toBe('definitions');
  });
});

describe('parseFitDefinition', () => {
  it('reports a zero weight', () => {
    const result = parseFitDefinition({ criteria: [{ id: 'saas', when, weight: 0 }] });

    expect(result.issues).toEqual([{ code: 'too_small', path: 'criteria[0].weight', message: 'expected a positive finite number, received 0' }]);
  });

  it('reports a tier above 100', () => {
    const result = parseFitDefinition({ criteria: [{ id: 'saas', when, weight: 1 }], tiers: [{ name: 'A', min: 120 }] });

    expect(result.issues?.map((issue) => issue.path)).toEqual(['tiers[0].min']);
  });
});

describe('parseRouterConfig', () => {
  it('returns valid options', () => {
    const result = parseRouterConfig('{"mqlThreshold":75,"timeoutMs":2000,"retry":{"attempts":3},"version":"2024-05"}');

    expect(result.value).toEqual({ mqlThreshold: 75, timeoutMs: 2000, retry: { attempts: 3 }, version: '2024-05' });
  });

  it('reports each bad option', () => {
    const result = parseRouterConfig({ retry: { attempts: 0 }, timeoutMs: 3_000_000_000, emailField: 'a..b', steps: [] });

    expect(result.issues?.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'emailField: field path "a..b" has an empty segment',
      'timeoutMs: expected milliseconds above 0, at most 2147483647, received 3000000000',
      'retry.attempts: expected a whole number of runs from 1 to 10, received 0',
      'steps: unknown key; expected one of $schema, mqlThreshold, emailField, timeoutMs, retry, version',
    ]);
  });

  it('caps retry attempts as the router does', () => {
    const result = parseRouterConfig({ retry: { attempts: 11 } });

    expect(result.issues?.map((issue) => `${issue.path}: ${issue.message}`)).toEqual(['retry.attempts: expected a whole number of runs from 1 to 10, received 11']);
  });
});

describe('unreadable input', () => {
  it('reports a revoked proxy or a throwing getter', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const throwing = Object.defineProperty({}, 'rules', {
      enumerable: true,
      get(): never {
        throw new Error('getter failed');
      },
    });
    for (const parse of [parseRouterConfig, parseFitDefinition, parseScorecardDefinition, parsePredicateDocument]) {
      const revoked = parse(revocable.proxy);
      expect(revoked.ok).toBe(false);
      expect(revoked.issues?.map((issue) => [issue.code, issue.path, issue.message.startsWith('validation failed: ')])).toEqual([['custom', '', true]]);
      expect(parse(throwing).issues).toEqual([{ code: 'custom', path: '', message: 'validation failed: getter failed' }]);
    }
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets', () => {
    expect(formatPath(['groups', 2, 'rules', 0, 'points'])).toBe('groups[2].rules[0].points');
    expect(formatPath([0, 'email'])).toBe('[0].email');
    expect(formatPath([])).toBe('');
  });
});

describe('parse functions on hostile nesting', () => {
  /** Builds JSON text of `depth` nested nots, the way a hostile admin page could send it. */
  const nestedText = (depth: number): string =>
    `{"mqlThreshold":1,"rules":[{"id":"a","points":1,"when":${'{"op":"not","predicate":'.repeat(depth)}{"op":"is_true","field":"x"}${'}'.repeat(depth)}}]}`;

  it('reports too_deep without overflow', () => {
    const result = parseScorecardDefinition(nestedText(5_000));
    expect(result.issues?.map((issue) => issue.code)).toEqual(['too_deep']);
    expect(result.issues?.[0]?.path).toMatch(/^rules\[0\]\.when(\.predicate)+$/);
  });

  it('reports the library limit below it', () => {
    const result = parseScorecardDefinition(nestedText(80));
    expect(result.issues?.[0]?.message).toContain('more than 64 levels');
  });
});
