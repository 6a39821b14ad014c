// Every public export needs a summary, and every exported function, class and constant an
// `@example`. The check runs typedoc on the entry points of typedoc.json.
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import typedocConfig from '../../typedoc.json' with { type: 'json' };
import { convertApi, findDocumentationGaps, formatGap, LogLevel, type DocumentationGap } from './api-reference.js';

/**
 * Gaps that existed when this check was added. The test fails on any gap not listed here; when
 * you add the missing part, delete the line, so the list only shrinks.
 */
const KNOWN_GAPS: readonly string[] = [
  'index: DefinitionError (Class) has no @example',
  'index: FREE_MAIL_SOURCE (Variable) has no @example',
  'index: STEP_CONFIDENCE (Variable) has no @example',
  'interop: PREDICATE_JSON_VERSION (Variable) has no @example',
  'learn: fitLogistic (Function) has no @example',
  'metrics: NO_SEGMENT (Variable) has no @example',
  'metrics: readDate (Function) has no @example',
  'public-suffix: PUBLIC_SUFFIX_LIST_VERSION (Variable) has no @example',
];

let gaps: DocumentationGap[] = [];

beforeAll(async () => {
  // Warnings are the business of `npm run docs`; here only the gaps count.
  const { project } = await convertApi({ logLevel: LogLevel.None, treatWarningsAsErrors: false });
  gaps = findDocumentationGaps(project);
});

describe('API documentation', () => {
  it('no new undocumented exports', () => {
    const fresh = gaps.map(formatGap).filter((gap) => !KNOWN_GAPS.includes(gap));

    expect(fresh, 'add a one-line summary and an @example to each export listed').toEqual([]);
  });

  it('covers every package export', () => {
    const entries = Object.keys(pkg.exports)
      // Data files (package.json, the JSON Schema files) have no API to document.
      .filter((key) => !key.endsWith('.json'))
      .map((key) => (key === '.' ? 'src/index.ts' : `src/${key.slice(2)}/index.ts`));

    expect([...typedocConfig.entryPoints].sort()).toEqual(entries.sort());
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
