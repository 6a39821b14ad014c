// Writes the JSON Schema of every netspear definition into schemas/, from the zod schemas of
// the `netspear/schema` entry point:
//
//   npm run generate:schemas
//
// test/schema/json-schema-files.test.ts fails when the committed files differ from a fresh run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../src/schema/json-schema.js';

/** The folder of the schema files, at the top of the repository. */
export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

/** Returns each schema file's name and its text, as the script writes it. */
export function schemaFiles(): { name: string; text: string }[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => ({ name: `${name}.json`, text: `${JSON.stringify(schema, null, 2)}\n` }));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const { name, text } of schemaFiles()) {
    writeFileSync(join(SCHEMA_DIR, name), text);
    console.log(`wrote schemas/${name} (${text.length} bytes)`);
  }
}
