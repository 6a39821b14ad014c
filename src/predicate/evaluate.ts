import { compilePredicate, type EvaluationOptions } from './compile.js';
import type { Outcome, Predicate } from './types.js';

/**
 * Evaluates a predicate on one record, in three-valued logic.
 * Compiles on every call; build an {@link icp} or a scorecard to evaluate many records.
 *
 * @example
 * evaluate(atLeast('employees', 100), { employees: 250 }); // 'match'
 * evaluate(atLeast('employees', 100), { employees: null }); // 'unknown'
 */
export function evaluate<T>(predicate: Predicate<T>, record: T, options?: EvaluationOptions): Outcome {
  return compilePredicate('evaluate', predicate, options)(record);
}
