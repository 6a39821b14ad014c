// Builds the API reference as `npm run docs` does, into a temporary folder, and fails on any
// typedoc warning, on any export without a summary, and on any exported function, class or
// constant without an `@example`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import typedocConfig from '../../typedoc.json' with { type: 'json' };
import { buildApiReference, convertApi, findDocumentationGaps, formatGap, LogLevel, type ApiReferenceBuild } from './api-reference.js';

/** Converting and rendering every entry point took 14 s on a two-core machine shared with other test runs. */
const BUILD_TIMEOUT_MS = 180_000;

const out = mkdtempSync(join(tmpdir(), 'netspear-api-'));
let build: ApiReferenceBuild | undefined;

beforeAll(async () => {
  // Warnings are recorded, not printed, and the first test lists them when it fails.
  build = await buildApiReference({ out, logLevel: LogLevel.None });
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('API documentation', () => {
  it('builds with no typedoc warning', () => {
    expect(build?.problems, 'fix each typedoc warning listed; `npm run docs` prints them with colours').toEqual([]);
    expect(build?.written).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('netspear');
  });

  it('no undocumented exports', () => {
    const gaps = findDocumentationGaps(build!.project).map(formatGap);

    expect(gaps, 'add a one-line summary and an @example to each export listed').toEqual([]);
  });

  it('covers every package export', () => {
    const entries = Object.keys(pkg.exports)
      // Data files (package.json, the JSON Schema files) have no API to document.
      .filter((key) => !key.endsWith('.json'))
      .map((key) => (key === '.' ? 'src/index.ts' : `src/${key.slice(2)}/index.ts`));

    expect([...typedocConfig.entryPoints].sort()).toEqual(entries.sort());
  });
});

describe('buildApiReference', () => {
  it('records undocumented declarations', async () => {
    const fixture = await buildApiReference({
      options: 'test/docs/fixtures/typedoc.json',
      logLevel: LogLevel.None,
      emit: 'none',
      validation: { notDocumented: true },
    });

    const undocumented = (name: string) => `[warning] ${name}, defined in netspear/test/docs/fixtures/documented.ts, does not have any documentation`;
    expect(fixture.problems).toEqual([
      undocumented('multiply (CallSignature)'),
      undocumented('Pair.a (Property)'),
      undocumented('Pair.b (Property)'),
      undocumented('Numbers (TypeAlias)'),
    ]);
    expect(fixture.written).toBe(false);
  });
});

describe('findDocumentationGaps', () => {
  it('lists missing summaries and examples', async () => {
    const { project } = await convertApi({
      options: 'test/docs/fixtures/typedoc.json',
      logLevel: LogLevel.None,
      treatWarningsAsErrors: false,
    });

    // With one entry point, typedoc names the module after the package.
    expect(findDocumentationGaps(project).map(formatGap)).toEqual([
      'netspear: Numbers (Type Alias) has no summary',
      'netspear: multiply (Function) has no summary',
      'netspear: multiply (Function) has no @example',
      'netspear: subtract (Function) has no @example',
    ]);
  });
});
