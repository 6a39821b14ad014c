// Extracts the TypeScript code blocks of a Markdown file, with the docs-test marker written
// before each one. docs/contributing.md documents the markers for guide authors.

/** What the docs test does with a block, set by a `<!-- docs-test: ... -->` comment before it. */
export interface BlockMode {
  /** Type-check the block (false only for `skip`). */
  readonly check: boolean;
  /** Execute the block after it type-checks (false for `no-run` and `skip`). */
  readonly run: boolean;
  /** Prepend the previous TypeScript block of the same file, with everything that one continues. */
  readonly continues: boolean;
}

/** A fenced TypeScript code block. */
export interface CodeBlock {
  /** The Markdown file, as given to {@link extractBlocks}. */
  readonly file: string;
  /** The 1-based line of the first code line, just after the opening fence. */
  readonly line: number;
  /** The code, with the fence's indentation removed. */
  readonly code: string;
  readonly mode: BlockMode;
}

/** The words a docs-test marker accepts. */
export const MARKER_OPTIONS = ['no-run', 'skip', 'continue'] as const;

const TS_LANGUAGES: readonly string[] = ['ts', 'typescript'];
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)/;
const MARKER = /^\s*<!--\s*docs-test:(.*?)-->\s*$/;

/** Reads the options of a marker line, or returns undefined when the line is no marker. */
export function parseMarker(line: string, where: string): BlockMode | undefined {
  const match = MARKER.exec(line);
  if (match === null) return undefined;
  const words = (match[1] ?? '').trim().split(/\s+/).filter((word) => word.length > 0);
  const unknown = words.filter((word) => !(MARKER_OPTIONS as readonly string[]).includes(word));
  if (words.length === 0 || unknown.length > 0) {
    throw new Error(
      `${where}: invalid docs-test marker ${JSON.stringify(line.trim())}; expected one or more of ${MARKER_OPTIONS.join(', ')}`,
    );
  }
  const skip = words.includes('skip');
  return { check: !skip, run: !skip && !words.includes('no-run'), continues: words.includes('continue') };
}

const DEFAULT_MODE: BlockMode = { check: true, run: true, continues: false };

/** Removes up to `width` leading spaces, so code in an indented list item reads as written. */
function dedent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && line[cut] === ' ') cut++;
  return line.slice(cut);
}

/**
 * Returns the ```ts and ```typescript blocks of a Markdown text, in order. A marker applies to
 * the block whose opening fence follows it, with only blank lines between them. Throws on an
 * invalid marker, a marker that no TypeScript block follows, and an unclosed fence.
 */
export function extractBlocks(file: string, text: string): CodeBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let pending: { mode: BlockMode; line: number } | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const marker = parseMarker(line, `${file}:${i + 1}`);
    if (marker !== undefined) {
      pending = { mode: marker, line: i + 1 };
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence === null) {
      if (pending !== undefined && line.trim().length > 0) {
        throw new Error(`${file}:${pending.line}: a docs-test marker must be followed by a TypeScript code block`);
      }
      continue;
    }

    const indent = fence[1]?.length ?? 0;
    const ticks = fence[2] ?? '```';
    const language = (fence[3] ?? '').toLowerCase();
    const close = new RegExp(`^\\s*${ticks[0] === '`' ? '`' : '~'}{${ticks.length},}\\s*$`);
    const start = i + 1;
    let end = start;
    while (end < lines.length && !close.test(lines[end] ?? '')) end++;
    if (end === lines.length) throw new Error(`${file}:${i + 1}: code fence is never closed`);

    if (TS_LANGUAGES.includes(language)) {
      const code = lines.slice(start, end).map((codeLine) => dedent(codeLine, indent)).join('\n');
      blocks.push({ file, line: start + 1, code, mode: pending?.mode ?? DEFAULT_MODE });
    } else if (pending !== undefined) {
      throw new Error(`${file}:${pending.line}: a docs-test marker must be followed by a TypeScript code block`);
    }
    pending = undefined;
    i = end;
  }
  if (pending !== undefined) {
    throw new Error(`${file}:${pending.line}: a docs-test marker must be followed by a TypeScript code block`);
  }
  return blocks;
}

/** Where a line of a generated snippet comes from. */
export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

/** A block ready to check and run: its code with the blocks it continues, and a line map. */
export interface Snippet {
  /** The block itself; its mode decides whether the snippet runs. */
  readonly block: CodeBlock;
  /** The code of every continued block followed by this one's, one module. */
  readonly code: string;
  /** For each 0-based line of `code`, the Markdown line it came from. */
  readonly lines: readonly SourceLine[];
}

/**
 * Joins each block with the blocks it continues. Throws when the first block of a file
 * continues nothing, or continues a block marked `skip`.
 */
export function toSnippets(blocks: readonly CodeBlock[]): Snippet[] {
  const snippets: Snippet[] = [];
  let previous: Snippet | undefined;
  for (const block of blocks) {
    const own = block.code.split('\n').map((_, i) => ({ file: block.file, line: block.line + i }));
    let snippet: Snippet = { block, code: block.code, lines: own };
    if (block.mode.continues) {
      if (previous === undefined || previous.block.file !== block.file) {
        throw new Error(`${block.file}:${block.line}: a block marked continue needs a TypeScript block before it in the same file`);
      }
      if (!previous.block.mode.check) {
        throw new Error(`${block.file}:${block.line}: a block marked continue cannot continue a block marked skip`);
      }
      snippet = { block, code: `${previous.code}\n${block.code}`, lines: [...previous.lines, ...own] };
    }
    snippets.push(snippet);
    previous = snippet;
  }
  return snippets;
}

const EXPECTATION = /^(\s*)(.*?);?\s*\/\/ => (.+?)\s*$/;
const NOT_AN_EXPRESSION = /^(?:const|let|var|return|if|for|while|import|export|function|class|interface|type)\b|^[})\]]/;

/**
 * Turns each `expression; // => expected` line into a call of `check(expression, expected,
 * where)`, keeping the line count, so that documented results are verified when a block runs.
 * Throws when the comment follows something other than a one-line expression statement.
 */
export function instrumentExpectations(snippet: Snippet, check: string): string {
  return snippet.code
    .split('\n')
    .map((line, i) => {
      const match = EXPECTATION.exec(line);
      if (match === null) return line;
      const [, indent = '', expression = '', expected = ''] = match;
      const source = snippet.lines[i];
      const where = source === undefined ? `line ${i + 1}` : `${source.file}:${source.line}`;
      if (expression.trim().length === 0 || NOT_AN_EXPRESSION.test(expression.trim())) {
        throw new Error(`${where}: a "// =>" comment must end a one-line expression statement, such as "card.total(lead); // => 45"`);
      }
      return `${indent}${check}(${expression}, ${expected}, ${JSON.stringify(where)});`;
    })
    .join('\n');
}
