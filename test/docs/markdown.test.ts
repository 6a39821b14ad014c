import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../package/helpers.js';
import { matchesExpected } from './expect.js';
import { extractBlocks, instrumentExpectations, parseMarker, toSnippets } from './markdown.js';
import { createLimiter, createWorkspace, runSnippet, typeCheck, writeSnippet } from './snippets.js';

const guide = [
  '# Guide', // 1
  '', // 2
  '```ts', // 3
  "const a = 1;", // 4
  '```', // 5
  '', // 6
  '<!-- docs-test: continue no-run -->', // 7
  '', // 8
  '```typescript', // 9
  'const b = a + 1;', // 10
  '```', // 11
  '', // 12
  '```sh', // 13
  'npm test', // 14
  '```', // 15
  '<!-- docs-test: skip -->', // 16
  '```ts', // 17
  'interface Sketch { … }', // 18
  '```', // 19
  '1. A step:', // 20
  '   ```ts', // 21
  '   const c = 3;', // 22
  '   ```', // 23
].join('\n');

describe('extractBlocks', () => {
  const blocks = extractBlocks('guide.md', guide);

  it('finds only TypeScript blocks', () => {
    expect(blocks.map((block) => block.line)).toEqual([4, 10, 18, 22]);
  });

  it('applies markers to the next block', () => {
    expect(blocks.map((block) => block.mode)).toEqual([
      { check: true, run: true, continues: false },
      { check: true, run: false, continues: true },
      { check: false, run: false, continues: false },
      { check: true, run: true, continues: false },
    ]);
  });

  it('removes list-item indentation', () => {
    expect(blocks[3]?.code).toBe('const c = 3;');
  });

  it('rejects unknown marker words', () => {
    expect(() => parseMarker('<!-- docs-test: norun -->', 'guide.md:1')).toThrow(/invalid docs-test marker.*no-run, skip, continue/);
  });

  it('rejects a marker before prose', () => {
    expect(() => extractBlocks('guide.md', '<!-- docs-test: no-run -->\nText.\n```ts\nx\n```')).toThrow(
      'guide.md:1: a docs-test marker must be followed by a TypeScript code block',
    );
  });

  it('rejects a marker before a shell block', () => {
    expect(() => extractBlocks('guide.md', '<!-- docs-test: skip -->\n```sh\nls\n```')).toThrow(/followed by a TypeScript code block/);
  });

  it('rejects an unclosed fence', () => {
    expect(() => extractBlocks('guide.md', 'Text\n```ts\nconst a = 1;\n')).toThrow('guide.md:2: code fence is never closed');
  });

  it('ignores other HTML comments', () => {
    expect(parseMarker('<!-- a note -->', 'guide.md:1')).toBeUndefined();
  });
});

describe('toSnippets', () => {
  it('prepends the continued block', () => {
    const snippets = toSnippets(extractBlocks('guide.md', guide));

    expect(snippets[1]?.code).toBe('const a = 1;\nconst b = a + 1;');
    expect(snippets[1]?.lines).toEqual([
      { file: 'guide.md', line: 4 },
      { file: 'guide.md', line: 10 },
    ]);
  });

  it('rejects a first block that continues', () => {
    expect(() => toSnippets(extractBlocks('guide.md', '<!-- docs-test: continue -->\n```ts\nx\n```'))).toThrow(
      'guide.md:3: a block marked continue needs a TypeScript block before it in the same file',
    );
  });

  it('rejects continuing a skipped block', () => {
    const text = '<!-- docs-test: skip -->\n```ts\nx\n```\n<!-- docs-test: continue -->\n```ts\ny\n```';
    expect(() => toSnippets(extractBlocks('guide.md', text))).toThrow(/cannot continue a block marked skip/);
  });
});

describe('instrumentExpectations', () => {
  const [snippet] = toSnippets(extractBlocks('guide.md', '```ts\nconst x = 1; // => 1\n```'));
  const [expression] = toSnippets(extractBlocks('guide.md', "```ts\nconst a = [1];\n  a.at(0); // => 1\nawait f(); // => { ok: true }\n```"));

  it('wraps expression statements', () => {
    expect(instrumentExpectations(expression!, 'check')).toBe(
      'const a = [1];\n  check(a.at(0), 1, "guide.md:3");\ncheck(await f(), { ok: true }, "guide.md:4");',
    );
  });

  it('rejects a declaration with a result', () => {
    expect(() => instrumentExpectations(snippet!, 'check')).toThrow(/guide\.md:2: a "\/\/ =>" comment must end a one-line expression/);
  });
});

describe('matchesExpected', () => {
  it.each([
    [{ total: 45, tier: 'warm', extra: [1] }, { total: 45, tier: 'warm' }, true],
    [{ total: 45 }, { total: 45, tier: 'warm' }, false],
    [[{ id: 'a', x: 1 }], [{ id: 'a' }], true],
    [[1, 2], [1], false],
    ['abm', 'abm', true],
    [1, '1', false],
    [{ a: undefined }, { a: undefined }, true],
    [{}, { a: undefined }, false],
  ])('%j against %j', (actual, expected, matches) => {
    expect(matchesExpected(actual, expected)).toBe(matches);
  });
});

describe('snippet checks', () => {
  const workspace = createWorkspace(root);
  afterAll(() => workspace.remove());

  const broken = [
    'Intro', // 1
    '```ts', // 2
    "import { scorecard } from 'netspear';", // 3
    "scorecard({ rules: [], mqlThreshold: 'high' });", // 4
    '```', // 5
    '```ts', // 6
    "throw new Error('boom');", // 7
    '```', // 8
  ].join('\n');
  const [typeError, throwing] = toSnippets(extractBlocks('broken.md', broken)).map((snippet) => writeSnippet(workspace, snippet));

  it('maps type errors to Markdown lines', () => {
    const errors = typeCheck(workspace, [typeError!, throwing!], root);

    expect(errors.get(typeError!.path)).toEqual([expect.stringMatching(/^broken\.md:4:\d+ TS2322: /)]);
    expect(errors.get(throwing!.path)).toEqual([]);
  });

  it('reports a throwing block', async () => {
    const result = await runSnippet(root, workspace, throwing!, 30_000);

    expect(result.status).not.toBe(0);
    expect(result.output).toContain('boom');
  });

  it('fails a wrong documented result', async () => {
    const [wrong] = toSnippets(extractBlocks('wrong.md', "```ts\nconst total = 40 + 5;\ntotal; // => 50\n```")).map((snippet) =>
      writeSnippet(workspace, snippet),
    );
    const result = await runSnippet(root, workspace, wrong!, 30_000);

    expect(result.output).toContain('wrong.md:3: the block documents 50 but computes 45');
    expect(result.status).not.toBe(0);
  });

  it('runs a passing block', async () => {
    const [ok] = toSnippets(extractBlocks('ok.md', "```ts\nimport { isTrue } from 'netspear';\nconsole.log(isTrue('x').op);\n```")).map(
      (snippet) => writeSnippet(workspace, snippet),
    );
    const result = await runSnippet(root, workspace, ok!, 30_000);

    expect(result.output.trim()).toBe('is_true');
    expect(result.status).toBe(0);
  });
});

describe('createLimiter', () => {
  it('caps pending tasks', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<number> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return peak;
    };

    await Promise.all([1, 2, 3, 4, 5].map(() => limit(task)));

    expect(peak).toBe(2);
    expect(active).toBe(0);
  });
});
