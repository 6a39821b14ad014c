// Writes documentation snippets to files, type-checks them in one TypeScript program and runs
// each with tsx, importing the package as 'netspear' from src/ as tests and examples do.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { extractBlocks, instrumentExpectations, toSnippets, type Snippet } from './markdown.js';

/** Lists the Markdown files whose TypeScript blocks are tested: README.md and docs/*.md, read at run time. */
export function documentationFiles(root: string): string[] {
  const docs = join(root, 'docs');
  let guides: string[] = [];
  try {
    guides = readdirSync(docs, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => join('docs', entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return ['README.md', ...guides];
}

/** Reads a Markdown file relative to the root and returns its snippets. */
export function readSnippets(root: string, file: string): Snippet[] {
  return toSnippets(extractBlocks(file, readFileSync(join(root, file), 'utf8')));
}

/** A snippet written to disk. */
export interface SnippetFile {
  readonly snippet: Snippet;
  readonly path: string;
  /** Why the `// =>` comments could not be turned into checks; the file then contains the code as written. */
  readonly problem?: string;
}

/** A scratch folder with a tsconfig that maps 'netspear' and 'netspear/*' to src/. */
export interface Workspace {
  /** The repository root. */
  readonly root: string;
  readonly dir: string;
  readonly tsconfig: string;
  /** Deletes the folder. */
  readonly remove: () => void;
}

/**
 * Creates the scratch folder inside the repository, so that imports of installed packages
 * resolve from its node_modules, but outside node_modules, where tsx ignores tsconfig paths.
 */
export function createWorkspace(root: string): Workspace {
  const parent = join(root, '.docs-test');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'run-'));
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        extends: join(root, 'tsconfig.test.json'),
        compilerOptions: {
          noEmit: true,
          paths: {
            netspear: [join(root, 'src/index.ts')],
            'netspear/*': [join(root, 'src/*/index.ts')],
          },
        },
        include: ['*.ts'],
      },
      null,
      2,
    ),
  );
  return {
    root,
    dir,
    tsconfig,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      try {
        rmdirSync(parent);
      } catch {
        // Another test file still uses the parent folder, so it is not empty yet.
      }
    },
  };
}

const CHECK = '__docsExpect';

/**
 * Writes a snippet as a module named after its Markdown file and line, with each
 * `// =>` comment turned into a check of the documented result.
 */
export function writeSnippet(workspace: Workspace, snippet: Snippet): SnippetFile {
  const name = `${snippet.block.file.replace(/[^\w.-]+/g, '_')}-${snippet.block.line}.ts`;
  const path = join(workspace.dir, name);
  let code = snippet.code;
  let problem: string | undefined;
  try {
    code = instrumentExpectations(snippet, CHECK);
  } catch (error) {
    problem = (error as Error).message;
  }
  const helper = relative(workspace.dir, join(workspace.root, 'test/docs/expect.js'));
  // Imports are hoisted, so the helper's import can follow the code and keep its line numbers.
  // It also makes a block without imports a module, so that top-level await compiles.
  writeFileSync(path, `${code}\nimport { docsExpect as ${CHECK} } from '${helper}';\n`);
  return { snippet, path, ...(problem === undefined ? {} : { problem }) };
}

/** Formats a diagnostic with the Markdown file and line that the snippet line came from. */
function formatDiagnostic(diagnostic: ts.Diagnostic, files: ReadonlyMap<string, SnippetFile>, root: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const code = `TS${diagnostic.code}`;
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `${code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const snippetFile = files.get(diagnostic.file.fileName);
  const source = snippetFile?.snippet.lines[line];
  if (source !== undefined) return `${source.file}:${source.line}:${character + 1} ${code}: ${message}`;
  return `${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${code}: ${message}`;
}

/**
 * Type-checks the snippet files in one program with the workspace's tsconfig and returns the
 * formatted errors of each file, keyed by path.
 */
export function typeCheck(workspace: Workspace, snippetFiles: readonly SnippetFile[], root: string): Map<string, string[]> {
  const parsed = ts.getParsedCommandLineOfConfigFile(workspace.tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${workspace.tsconfig}`);
  const byPath = new Map(snippetFiles.map((file) => [ts.sys.resolvePath(file.path), file]));
  const program = ts.createProgram({ rootNames: [...byPath.keys()], options: parsed.options });
  const errors = new Map<string, string[]>();
  const global = program.getOptionsDiagnostics().map((diagnostic) => formatDiagnostic(diagnostic, byPath, root));
  for (const [path] of byPath) {
    const sourceFile = program.getSourceFile(path);
    const diagnostics = sourceFile === undefined ? [] : ts.getPreEmitDiagnostics(program, sourceFile);
    errors.set(path, [...global, ...diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, byPath, root))]);
  }
  return errors;
}

/** The exit status and combined output of one snippet run. */
export interface RunResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a snippet file with tsx under the workspace's tsconfig, killing it after `timeoutMs`. */
export function runSnippet(root: string, workspace: Workspace, file: SnippetFile, timeoutMs: number): Promise<RunResult> {
  const tsx = join(root, 'node_modules/.bin/tsx');
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['--tsconfig', workspace.tsconfig, file.path],
      { cwd: root, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let status: number | null = 0;
        if (error !== null) status = typeof error.code === 'number' ? error.code : null;
        const timedOut = error !== null && error.killed ? `\n(killed after ${timeoutMs} ms)` : '';
        resolve({ status, output: `${stdout}${stderr}${timedOut}`.replaceAll(workspace.dir, basename(workspace.dir)) });
      },
    );
  });
}

/** Returns a function that runs tasks with at most `max` of them pending at once, in call order. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
