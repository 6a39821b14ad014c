import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/internal/config-error.js';
import { and, atLeast, containsAnyWord, equals, includesAll, oneOf } from '../../src/predicate/index.js';
import { compileSql, type SqlOptions } from '../../src/sql/index.js';

const columns: SqlOptions['columns'] = {
  industry: { column: 'industry', type: 'text' },
  employees: { column: 'employee count', type: 'number' },
  techStack: { column: 'tech_stack', type: 'text[]' },
  name: { column: 'na"me', type: 'text' },
  closedOn: { column: 'closed_on', type: 'date' },
};

describe('compileSql', () => {
  it('passes values only as parameters', () => {
    const hostile = "x'); DROP TABLE accounts; --";
    const sql = compileSql(equals('industry', hostile), { dialect: 'postgres', columns });
    expect(sql.condition).not.toContain('DROP');
    expect(sql.params).toContain(hostile);
  });

  it('quotes identifiers', () => {
    const sql = compileSql(and(equals('name', 'a'), atLeast('employees', 1)), { dialect: 'sqlite', columns });
    expect(sql.condition).toContain('"na""me"');
    expect(sql.condition).toContain('"employee count"');
  });

  it('numbers PostgreSQL parameters', () => {
    const sql = compileSql(atLeast('employees', 100), { dialect: 'postgres', columns, firstParameter: 3 });
    expect(sql.condition).toContain('$3::float8');
    expect(sql.params).toEqual([100]);
  });

  it('uses arrays in PostgreSQL', () => {
    const sql = compileSql(includesAll('techStack', ['kubernetes']), { dialect: 'postgres', columns });
    expect(sql.condition).toContain('"tech_stack" @> $1::text[]');
    expect(sql.params).toEqual([['kubernetes']]);
  });

  it('uses json_each in SQLite', () => {
    const sql = compileSql(includesAll('techStack', ['kubernetes']), { dialect: 'sqlite', columns });
    expect(sql.condition).toContain('json_each("tech_stack")');
  });

  it('rejects a field without column', () => {
    expect(() => compileSql(oneOf('country', ['US']), { dialect: 'sqlite', columns })).toThrow('no column for field "country"');
  });

  it('rejects containsAnyWord', () => {
    const build = (): unknown => compileSql(containsAnyWord('industry', ['saas']), { dialect: 'sqlite', columns });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow('predicate.op');
  });

  it('rejects date bound on text', () => {
    expect(() => compileSql(atLeast('industry', '2024-01-01'), { dialect: 'postgres', columns })).toThrow('column of type date');
  });

  it('rejects an invalid predicate', () => {
    expect(() => compileSql(atLeast('employees', Number.NaN), { dialect: 'postgres', columns })).toThrow('compileSql: predicate.value');
  });

  it('rejects unknown dialect and column type', () => {
    expect(() => compileSql(atLeast('employees', 1), { dialect: 'mysql' as 'sqlite', columns })).toThrow('dialect');
    const bad = { employees: { column: 'e', type: 'int' as 'number' } };
    expect(() => compileSql(atLeast('employees', 1), { dialect: 'sqlite', columns: bad })).toThrow('columns.employees.type');
  });

  it('ignores inherited columns', () => {
    expect(() => compileSql(equals('constructor', 'x') as never, { dialect: 'sqlite', columns })).toThrow(ConfigError);
  });
});
