import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { evaluate, type Outcome, type Predicate } from '../../src/predicate/index.js';
import { compileSql, type SqlParameter } from '../../src/sql/index.js';
import { COLUMNS, placeholdersArb, rowArb, sqlPredicateArb, type Row } from './schema.js';

// Random predicates and rows are loaded into real databases, and each row's SQL outcome must
// equal its JavaScript outcome. The run count keeps the whole file to a few seconds.
const RUNS = { numRuns: 250 };
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 8 });

interface Observed {
  readonly outcomes: Outcome[];
  readonly kept: number[];
  readonly keptWithUnknown: number[];
}

/** Computes what the SQL must return, from JavaScript evaluation. */
function expected(predicate: Predicate, rows: readonly Row[], placeholders: readonly string[] | undefined): Observed {
  // A date column reads back as a Date object, which text and equality operators do not compare.
  const records = rows.map((row) => (typeof row.closedOn === 'string' ? { ...row, closedOn: new Date(row.closedOn) } : row));
  const outcomes = records.map((row) => evaluate(predicate, row, placeholders === undefined ? {} : { placeholders }));
  return {
    outcomes,
    kept: outcomes.flatMap((o, i) => (o === 'match' ? [i] : [])),
    keptWithUnknown: outcomes.flatMap((o, i) => (o === 'no_match' ? [] : [i])),
  };
}

function selectList(sql: ReturnType<typeof compileSql>): string {
  return `${sql.outcome} AS outcome, ${sql.where} AS kept, ${sql.whereIncludingUnknown} AS kept_with_unknown`;
}

function observed(rows: readonly { outcome: Outcome; kept: unknown; kept_with_unknown: unknown }[]): Observed {
  return {
    outcomes: rows.map((r) => r.outcome),
    kept: rows.flatMap((r, i) => (r.kept === true || r.kept === 1 ? [i] : [])),
    keptWithUnknown: rows.flatMap((r, i) => (r.kept_with_unknown === true || r.kept_with_unknown === 1 ? [i] : [])),
  };
}

describe('SQL equals JavaScript on PostgreSQL', () => {
  let db: PGlite;
  const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

  beforeAll(async () => {
    db = new PGlite();
    await db.exec(`SET TIME ZONE 'UTC'`);
    await db.exec(`CREATE TABLE accounts (
      id integer PRIMARY KEY,
      industry text, ${quoted(COLUMNS['title']!.column)} text, employees double precision,
      active boolean, tech_stack text[], closed_on timestamptz)`);
  });

  afterAll(async () => {
    await db.close();
  });

  async function load(rows: readonly Row[]): Promise<void> {
    await db.exec('DELETE FROM accounts');
    const params: unknown[] = [];
    const tuples = rows.map((row, i) => {
      const values = [i, row.industry, row.title, row.employees, row.active, row.techStack, row.closedOn];
      const start = params.length;
      params.push(...values.map((v) => v ?? null));
      return `(${values.map((_, k) => `$${start + k + 1}`).join(', ')})`;
    });
    await db.query(`INSERT INTO accounts VALUES ${tuples.join(', ')}`, params);
  }

  test.prop([sqlPredicateArb, rowsArb, placeholdersArb], RUNS)('outcome equals evaluate', async (predicate, rows, placeholders) => {
    const sql = compileSql(predicate, { dialect: 'postgres', columns: COLUMNS, ...(placeholders === undefined ? {} : { placeholders }) });
    await load(rows);
    const result = await db.query<{ outcome: Outcome; kept: boolean; kept_with_unknown: boolean }>(
      `SELECT ${selectList(sql)} FROM accounts ORDER BY id`,
      sql.params as SqlParameter[],
    );
    expect(observed(result.rows)).toEqual(expected(predicate, rows, placeholders));
  });
});

describe('SQL equals JavaScript on SQLite', () => {
  let db: Database.Database;

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      industry TEXT, "job ""title""" TEXT, employees REAL, active INTEGER, tech_stack TEXT, closed_on TEXT)`);
  });

  afterAll(() => {
    db.close();
  });

  function load(rows: readonly Row[]): void {
    db.exec('DELETE FROM accounts');
    const insert = db.prepare('INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?, ?)');
    rows.forEach((row, i) => {
      let active: number | null = null;
      if (typeof row.active === 'boolean') active = row.active ? 1 : 0;
      const tags = Array.isArray(row.techStack) ? JSON.stringify(row.techStack) : null;
      insert.run(i, row.industry ?? null, row.title ?? null, row.employees ?? null, active, tags, row.closedOn ?? null);
    });
  }

  test.prop([sqlPredicateArb, rowsArb, placeholdersArb], RUNS)('outcome equals evaluate', (predicate, rows, placeholders) => {
    const sql = compileSql(predicate, { dialect: 'sqlite', columns: COLUMNS, ...(placeholders === undefined ? {} : { placeholders }) });
    load(rows);
    // Positional parameters: one copy for each of the three expressions in the select list.
    const params = [...sql.params, ...sql.params, ...sql.params] as (string | number)[];

    const result = db.prepare(`SELECT ${selectList(sql)} FROM accounts ORDER BY id`).all(...params) as {
      outcome: Outcome;
      kept: number;
      kept_with_unknown: number;
    }[];
    expect(observed(result)).toEqual(expected(predicate, rows, placeholders));
  });
});
