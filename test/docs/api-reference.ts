// Builds the API reference with typedoc (typedoc.json) and finds public exports that lack a
// summary or an `@example`. `npm run docs` runs this file:
//
//   npx tsx --tsconfig tsconfig.test.json test/docs/api-reference.ts
//
// It fails on any typedoc warning (typedoc.json sets treatWarningsAsErrors) and on any gap.
import { pathToFileURL } from 'node:url';
import {
  Application,
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
  const { app, project } = await convertApi();
  app.validate(project);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) {
    console.error('typedoc reported the problems above; docs/api was not written');
    return 1;
  }
  await app.generateOutputs(project);
  const gaps = findDocumentationGaps(project);
  for (const gap of gaps) console.error(formatGap(gap));
  if (gaps.length > 0) {
    console.error(`${gaps.length} public exports lack a summary or an @example; add them as a JSDoc comment`);
    return 1;
  }
  return app.logger.hasErrors() ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await buildReference();
}

export { LogLevel };
