import { describeValue } from '../internal/config-error.js';
import type { ReportProblem } from './problems.js';

/** One step of a step decay: from `afterDays` of age on, points are multiplied by `factor`. */
export interface DecayStep {
  readonly afterDays: number;
  /** A multiplier from 0 to 1. */
  readonly factor: number;
}

/**
 * The loss of value of points with age, in days since the timestamp they are about:
 * `half_life` halves them every `days`, `linear` falls to zero at `days`, and `step` multiplies
 * them by the factor of the last step reached. Every kind gives a factor from 0 to 1 that never
 * rises with age.
 */
export type Decay =
  | { readonly kind: 'half_life'; readonly days: number }
  | { readonly kind: 'linear'; readonly days: number }
  | { readonly kind: 'step'; readonly steps: readonly DecayStep[] };

/** A decay as a function of age in days. */
export type DecayFunction = (ageDays: number) => number;

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Validates a decay definition and returns its factor function, or undefined after reporting a problem. */
export function compileDecay(decay: Decay, where: string, report: ReportProblem): DecayFunction | undefined {
  if (decay === null || typeof decay !== 'object') {
    report(where, `expected a decay object, received ${describeValue(decay)}`);
    return undefined;
  }
  if (decay.kind === 'half_life' || decay.kind === 'linear') {
    const days = decay.days;
    if (!isPositive(days)) {
      report(`${where}.days`, `expected a positive number of days, received ${describeValue(days)}`);
      return undefined;
    }
    return decay.kind === 'half_life' ? (age) => 0.5 ** (age / days) : (age) => Math.max(0, 1 - age / days);
  }
  if (decay.kind === 'step') {
    const steps = decay.steps;
    if (!Array.isArray(steps) || steps.length === 0) {
      report(`${where}.steps`, `expected a non-empty array of steps, received ${describeValue(steps)}`);
      return undefined;
    }
    let ok = true;
    steps.forEach((step: DecayStep, i) => {
      const previous = steps[i - 1];
      const at = `${where}.steps[${i}]`;
      const afterDays: unknown = step?.afterDays;
      const factor: unknown = step?.factor;
      if (typeof afterDays !== 'number' || !Number.isFinite(afterDays) || afterDays < 0) {
        ok = report(`${at}.afterDays`, `expected a number of days of at least 0, received ${describeValue(afterDays)}`);
      } else if (previous !== undefined && !(afterDays > previous.afterDays)) {
        ok = report(`${at}.afterDays`, `steps must be in increasing order of afterDays, received ${afterDays} after ${describeValue(previous.afterDays)}`);
      }
      if (typeof factor !== 'number' || !(factor >= 0 && factor <= 1)) {
        ok = report(`${at}.factor`, `expected a factor from 0 to 1, received ${describeValue(factor)}`);
      } else if (previous !== undefined && factor > previous.factor) {
        ok = report(`${at}.factor`, `a later step may not raise the factor, received ${factor} after ${describeValue(previous.factor)}`);
      }
    });
    if (!ok) return undefined;
    return (age) => {
      let factor = 1;
      for (const step of steps) if (age >= step.afterDays) factor = step.factor;
      return factor;
    };
  }
  report(`${where}.kind`, `expected "half_life", "linear" or "step", received ${describeValue((decay as { kind?: unknown }).kind)}`);
  return undefined;
}
