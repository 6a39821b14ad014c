// Builds the API reference with typedoc (typedoc.json) and finds public exports that lack a
// summary or an `@example`. `npm run docs` runs this file:
//
//   npx tsx --tsconfig tsconfig.test.json test/docs/api-reference.ts
//
// It fails on any typedoc warning (typedoc.json sets treatWarningsAsErrors) and on any gap.
// test/docs/api-reference.test.ts runs the same build into a temporary folder.
import { pathToFileURL } from 'node:url';
import {
  Application,
  Logger,
  LogLevel,
  ReflectionKind,
  TSConfigReader,
  TypeDocReader,
  type Comment,
  type DeclarationReflection,
  type ProjectReflection,
  type TypeDocOptions,
} from 'typedoc';

/** A public export whose documentation lacks a part. */
export interface DocumentationGap {
  /** The entry point, such as `index` or `metrics`. */
  readonly module: string;
  readonly name: string;
  readonly kind: string;
  readonly missing: 'summary' | '@example';
}

/** Exports that are values a caller invokes or reads, and so need an `@example`. */
const NEEDS_EXAMPLE = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable;
/** Exports that need at least a summary. */
const NEEDS_SUMMARY = NEEDS_EXAMPLE | ReflectionKind.Interface | ReflectionKind.TypeAlias | ReflectionKind.Enum;

/** Converts the entry points of typedoc.json, with `options` taking precedence over the file. */
export async function convertApi(options: TypeDocOptions = {}): Promise<{ app: Application; project: ProjectReflection }> {
  const app = await Application.bootstrapWithPlugins(options, [new TypeDocReader(), new TSConfigReader()]);
  const project = await app.convert();
  if (project === undefined) throw new Error('typedoc could not convert the entry points; run `npx typedoc` to see why');
  return { app, project };
}

/** The outcome of {@link buildApiReference}. */
export interface ApiReferenceBuild {
  readonly project: ProjectReflection;
  /** Every warning and error typedoc logged, as it prints them but without colours. */
  readonly problems: readonly string[];
  /** Whether the HTML was written, which it is not after a problem in conversion or validation, or when `emit` is `none`. */
  readonly written: boolean;
}

/**
 * Keeps every warning and error that `logger` receives from now on, and still passes each
 * message on, so the logger prints and counts as before.
 */
function recordProblems(logger: Logger): string[] {
  const problems: string[] = [];
  const log = logger.log.bind(logger);
  logger.log = (message, level) => {
    // typedoc colours the `[warning]` and `[error]` prefixes with ANSI escape codes.
    if (level === LogLevel.Warn || level === LogLevel.Error) problems.push(message.replace(/\u001b\[[0-9;]*m/g, ''));
    log(message, level);
  };
  return problems;
}

/**
 * Converts, validates and renders the entry points of typedoc.json as `typedoc` does, with
 * `options` taking precedence over the file, and returns every warning and error it logged.
 * Like `typedoc` with treatWarningsAsErrors, it writes no HTML after a problem.
 */
export async function buildApiReference(options: TypeDocOptions = {}): Promise<ApiReferenceBuild> {
  const app = await Application.bootstrapWithPlugins(options, [new TypeDocReader(), new TSConfigReader()]);
  const problems = recordProblems(app.logger);
  // Problems with the options are logged while bootstrapping, before the recorder is in place.
  const optionProblems = app.logger.warningCount + app.logger.errorCount;
  if (optionProblems > 0) problems.push(`${optionProblems} warnings or errors while reading the typedoc options; run \`npx typedoc\` to see them`);

  const project = await app.convert();
  if (project === undefined) throw new Error(`typedoc could not convert the entry points:\n${problems.join('\n')}`);
  app.validate(project);
  if (problems.length > 0 || app.options.getValue('emit') === 'none') return { project, problems, written: false };

  await app.generateOutputs(project);
  return { project, problems, written: true };
}

/** Returns the comments of a reflection and of its call signatures; overloads document one of them. */
function commentsOf(reflection: DeclarationReflection): Comment[] {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((signature) => signature.comment)];
  return comments.filter((comment): comment is Comment => comment !== undefined);
}

/** Lists, for each entry point, the exports without a summary and the values without an `@example`. */
export function findDocumentationGaps(project: ProjectReflection): DocumentationGap[] {
  // With more than one entry point, the project's children are the modules.
  const modules = project.children?.every((child) => child.kindOf(ReflectionKind.Module)) === true ? project.children : [project];
  const gaps: DocumentationGap[] = [];
  for (const module of modules) {
    for (const reflection of module.children ?? []) {
      if (!reflection.kindOf(NEEDS_SUMMARY)) continue;
      const comments = commentsOf(reflection as DeclarationReflection);
      const where = { module: module.name, name: reflection.name, kind: ReflectionKind.singularString(reflection.kind) };
      if (!comments.some((comment) => comment.summary.some((part) => part.text.trim().length > 0))) {
        gaps.push({ ...where, missing: 'summary' });
      }
      if (reflection.kindOf(NEEDS_EXAMPLE) && !comments.some((comment) => comment.getTag('@example') !== undefined)) {
        gaps.push({ ...where, missing: '@example' });
      }
    }
  }
  return gaps;
}

/** Formats a gap as `module: name (kind) has no @example`. */
export function formatGap(gap: DocumentationGap): string {
  return `${gap.module}: ${gap.name} (${gap.kind}) has no ${gap.missing}`;
}

/** Builds docs/api and returns the process exit status: 0, or 1 after printing what failed. */
async function buildReference(): Promise<number> {
  const { project, problems, written } = await buildApiReference();
  if (problems.length > 0) {
    console.error(`typedoc reported the ${problems.length} problems above; ${written ? 'docs/api was written, but fix them' : 'docs/api was not written'}`);
    return 1;
  }
  const gaps = findDocumentationGaps(project);
  for (const gap of gaps) console.error(formatGap(gap));
  if (gaps.length > 0) {
    console.error(`${gaps.length} public exports lack a summary or an @example; add them as a JSDoc comment`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await buildReference();
}

export { LogLevel };
