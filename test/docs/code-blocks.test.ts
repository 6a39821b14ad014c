// Type-checks every TypeScript block in README.md and docs/*.md, and runs the runnable ones.
// The files are listed when the test starts, so a new guide is tested without changes here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../package/helpers.js';
import type { Snippet } from './markdown.js';
import {
  createLimiter,
  createWorkspace,
  documentationFiles,
  readSnippets,
  runSnippet,
  typeCheck,
  writeSnippet,
  type SnippetFile,
  type Workspace,
} from './snippets.js';

const RUN_TIMEOUT_MS = 30_000;
/** Snippets run as concurrent tests, two subprocesses at a time, one per core of a small CI machine. */
const limit = createLimiter(2);

interface DocumentationFile {
  readonly file: string;
  readonly snippets: readonly Snippet[];
  /** Why the file's blocks could not be extracted (a bad marker or an unclosed fence). */
  readonly problem?: string;
}

const documents: DocumentationFile[] = documentationFiles(root).map((file) => {
  try {
    return { file, snippets: readSnippets(root, file) };
  } catch (error) {
    return { file, snippets: [], problem: (error as Error).message };
  }
});

let workspace: Workspace | undefined;
const written = new Map<Snippet, SnippetFile>();
let errors = new Map<string, string[]>();

beforeAll(() => {
  workspace = createWorkspace(root);
  for (const { snippets } of documents) {
    for (const snippet of snippets) {
      if (snippet.block.mode.check) written.set(snippet, writeSnippet(workspace, snippet));
    }
  }
  errors = typeCheck(workspace, [...written.values()], root);
});

afterAll(() => {
  workspace?.remove();
});

function fileOf(snippet: Snippet): SnippetFile {
  const file = written.get(snippet);
  if (file === undefined) throw new Error(`no file was written for ${snippet.block.file}:${snippet.block.line}`);
  return file;
}

for (const { file, snippets, problem } of documents) {
  describe(file, () => {
    it('markers and fences are valid', () => {
      expect(problem).toBeUndefined();
    });

    for (const snippet of snippets.filter((s) => s.block.mode.check)) {
      it(`line ${snippet.block.line} type-checks`, () => {
        expect(fileOf(snippet).problem).toBeUndefined();
        expect(errors.get(fileOf(snippet).path)).toEqual([]);
      });
    }

    for (const snippet of snippets.filter((s) => s.block.mode.run)) {
      it.concurrent(`line ${snippet.block.line} runs`, async ({ expect }) => {
        const result = await limit(() => runSnippet(root, workspace!, fileOf(snippet), RUN_TIMEOUT_MS));
        expect(result.status, result.output).toBe(0);
      });
    }
  });
}

describe('README quick start', () => {
  it('has a runnable block', () => {
    const readme = documents.find((document) => document.file === 'README.md');
    expect(readme?.snippets.some((snippet) => snippet.block.mode.run)).toBe(true);
  });
});
