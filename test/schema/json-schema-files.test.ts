import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles, SCHEMA_DIR } from '../../scripts/generate-json-schemas.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  files: string[];
  exports: Record<string, unknown>;
};

describe('committed JSON Schema files', () => {
  it('match a fresh generation', () => {
    const committed = readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.json')).sort();
    const generated = schemaFiles();

    expect(committed, 'run `npm run generate:schemas` and commit schemas/').toEqual(generated.map((file) => file.name).sort());
    for (const { name, text } of generated) {
      expect(readFileSync(join(SCHEMA_DIR, name), 'utf8'), `schemas/${name} is stale: run \`npm run generate:schemas\``).toBe(text);
    }
  });

  it('carry an $id each', () => {
    for (const { name, text } of schemaFiles()) {
      const schema = JSON.parse(text) as Record<string, unknown>;
      expect(schema['$id']).toBe(`https://netspear.dev/schemas/${name}`);
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('allow an editor $schema key', () => {
    for (const { text } of schemaFiles()) {
      const schema = JSON.parse(text) as { properties: Record<string, unknown>; additionalProperties: unknown };
      expect(schema.properties['$schema']).toMatchObject({ type: 'string' });
      expect(schema.additionalProperties).toBe(false);
    }
  });

  it('ship in the package', () => {
    expect(packageJson.files).toContain('schemas');
    expect(packageJson.exports['./schemas/*.json']).toBe('./schemas/*.json');
  });
});
