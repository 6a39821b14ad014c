import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateLeads, type StandardSchemaV1 } from 'netspear/schema';

const rows: unknown[] = [
  { email: 'ada@acme.com', companySize: 250 },
  { email: 'not an email', companySize: 'Select' },
  null,
  { email: 'bob@globex.com', companySize: 12 },
];

/** A hand-written Standard Schema validator: a lead needs a string `email` with an `@`. */
const emailOnly: StandardSchemaV1<unknown, { email: string }> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) => {
      const email = (value as { email?: unknown } | null)?.email;
      return typeof email === 'string' && email.includes('@')
        ? { value: { email: email.toLowerCase() } }
        : { issues: [{ message: 'expected an email address', path: [{ key: 'email' }] }] };
    },
  },
};

describe('validateLeads', () => {
  it('splits rows with zod', async () => {
    const schema = z.object({ email: z.email(), companySize: z.number() });
    const result = await validateLeads(schema, rows);

    expect(result.valid).toEqual([rows[0], rows[3]]);
    expect(result.validIndexes).toEqual([0, 3]);
    expect(result.rejected.map((row) => row.index)).toEqual([1, 2]);
    expect(result.rejected[0]?.issues.map((issue) => issue.path)).toEqual(['email', 'companySize']);
    expect(result.rejected[1]?.issues).toHaveLength(1);
  });

  it('accepts a hand-written schema', async () => {
    const result = await validateLeads(emailOnly, rows);

    expect(result.valid).toEqual([{ email: 'ada@acme.com' }, { email: 'bob@globex.com' }]);
    expect(result.rejected).toEqual([
      { index: 1, input: rows[1], issues: [{ path: 'email', message: 'expected an email address' }] },
      { index: 2, input: null, issues: [{ path: 'email', message: 'expected an email address' }] },
    ]);
  });

  it('awaits an async validator', async () => {
    const slow: StandardSchemaV1<unknown, unknown> = { '~standard': { version: 1, vendor: 'test', validate: async (value) => emailOnly['~standard'].validate(value) } };
    const result = await validateLeads(slow, rows);

    expect(result.validIndexes).toEqual([0, 3]);
  });

  it('carries on past a throwing validator', async () => {
    const flaky: StandardSchemaV1<unknown, unknown> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => {
          if (value === null) throw new Error('boom');
          return { value };
        },
      },
    };
    const result = await validateLeads(flaky, rows);

    expect(result.validIndexes).toEqual([0, 1, 3]);
    expect(result.rejected).toEqual([{ index: 2, input: null, issues: [{ path: '', message: 'the validator threw: boom' }] }]);
  });

  it('rejects a non-validator', async () => {
    await expect(validateLeads({} as StandardSchemaV1, rows)).rejects.toThrow(expect.objectContaining({ name: 'NetspearConfigError', path: 'schema' }));
    await expect(validateLeads({} as StandardSchemaV1, rows)).rejects.toThrow(/expected a Standard Schema v1 validator/);
  });

  it('rejects a non-iterable lead list', async () => {
    const schema = { '~standard': { version: 1, vendor: 'test', validate: (value: unknown) => ({ value }) } } as StandardSchemaV1;
    await expect(validateLeads(schema, null as never)).rejects.toThrow(expect.objectContaining({ name: 'NetspearConfigError', path: 'leads' }));
  });
});
