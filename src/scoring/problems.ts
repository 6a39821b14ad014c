import { ConfigError } from '../internal/config-error.js';

/** One problem in a definition, such as `groups[2].rules[0].points: expected …`. */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}

/** Records a problem and returns false, so a validator can write `ok = report(…)`. */
export type ReportProblem = (path: string, message: string) => false;

/**
 * An invalid scorecard definition with every problem found, not only the first. Its `path` and
 * the first line of its message are those of the first problem; `problems` lists them all.
 *
 * @example
 * try {
 *   scorecardFromJSON(definitionText);
 * } catch (error) {
 *   if (!(error instanceof DefinitionError)) throw error;
 *   for (const problem of error.problems) console.log(`${problem.path}: ${problem.message}`);
 *   // rules[0].points: expected a whole number of points, received "twenty"
 * }
 */
export class DefinitionError extends ConfigError {
  readonly problems: readonly DefinitionProblem[];

  constructor(api: string, problems: readonly DefinitionProblem[]) {
    const [first, ...rest] = problems;
    const more = rest.map((p) => `\n${api}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('');
    super(api, first?.path ?? '', `${first?.message ?? 'invalid definition'}${more}`);
    this.problems = problems;
  }
}

/** Returns a problem list and a reporter that appends to it. */
export function collectProblems(): [DefinitionProblem[], ReportProblem] {
  const problems: DefinitionProblem[] = [];
  return [
    problems,
    (path, message) => {
      problems.push({ path, message });
      return false;
    },
  ];
}

/** Runs a step that throws `ConfigError`, turning its error into a reported problem. */
export function reportThrown<R>(api: string, report: ReportProblem, step: () => R): R | undefined {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const prefix = `${api}: ${error.path ? `${error.path}: ` : ''}`;
    report(error.path, error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message);
    return undefined;
  }
}
