import { describeValue } from '../internal/config-error.js';
import { readPath, splitPath, type ReaderSlots } from '../internal/path.js';
import { isMissing } from '../internal/values.js';
import { compileForms, compilePredicate, predicateFields, type CompiledMatcher, type CompiledPredicate, type EvaluationOptions } from '../predicate/compile.js';
import type { Outcome, Predicate, PredicateNode } from '../predicate/types.js';
import { compileDecay, type Decay, type DecayFunction } from './decay.js';
import type { ParsedEvent, ScoreIssue } from './events.js';
import { reportThrown, type ReportProblem } from './problems.js';
import { DAY_MS, toEpochMs } from './time.js';

/**
 * A rule on the lead's fields: when the criterion matches, the lead gets the points (negative
 * points subtract). With `at`, the rule is about a moment, such as the last visit, and can
 * have a window and a decay.
 */
export interface Rule<T = any> {
  /** A unique, stable id, used in explanations and comparisons. */
  readonly id: string;
  /** A human-readable label; defaults to the id. */
  readonly label?: string;
  /** The criterion on the lead. */
  readonly when: Predicate<T>;
  /** Whole points added when the criterion matches; negative points subtract. */
  readonly points: number;
  /** The dotted path of the timestamp the rule is about, such as `lastVisitAt`; needed by `withinDays` and `decay`. */
  readonly at?: string;
  /** Counts only when the timestamp at `at` is at most this many days before `now`. */
  readonly withinDays?: number;
  /** The decay of the points with the age of the timestamp at `at`. */
  readonly decay?: Decay;
}

/**
 * A rule on the lead's events: each event of the given types (and matching `where`) earns the
 * points. Occurrences are counted in time order, earliest first, after the window and per-day
 * limit, so points already earned stay earned as time goes on, until decay or the window takes
 * them away.
 */
export interface EventRule<E = any> {
  readonly id: string;
  readonly label?: string;
  /** The event type, or several types, this rule counts. */
  readonly event: string | readonly string[];
  /** An optional criterion on the event's own fields, such as the page URL. */
  readonly where?: Predicate<E>;
  /** Whole points per counted occurrence. */
  readonly points: number;
  /** The maximum number of occurrences counted. */
  readonly maxCount?: number;
  /** The maximum points, in absolute value, the rule can give after decay. */
  readonly maxPoints?: number;
  /** The maximum occurrences counted per UTC calendar day, against bots and link scanners. */
  readonly perDay?: number;
  /** Counts only events at most this many days before `now`. */
  readonly withinDays?: number;
  /** The decay of each occurrence's points with its age. */
  readonly decay?: Decay;
}

/** A field rule or an event rule. */
export type ScoringRule<T = any> = Rule<T> | EventRule;

/** Counts of one event rule's events: counted, and left out by each limit. */
export interface EventCounts {
  readonly counted: number;
  readonly outsideWindow: number;
  readonly overDailyLimit: number;
  readonly overMaxCount: number;
}

/** The evaluation context of one scoring call. */
export interface Context {
  readonly now: number;
  readonly events: readonly ParsedEvent[];
  readonly issues: ScoreIssue[] | undefined;
}

/** One rule's result before caps, filled in only when the ledger is built. */
export interface RuleDetail {
  outcome: Outcome;
  count: number;
  raw: number;
  /** Points after decay, before rounding. */
  decayedExact: number;
  ruleClip: number;
  /** True when the criterion matched but the rule's timestamp was missing or invalid. */
  timeUnknown: boolean;
  events: EventCounts | undefined;
}

/** A validated rule, ready to evaluate. */
export interface CompiledRule {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly event: boolean;
  readonly timed: boolean;
  readonly fields: readonly { readonly path: string; readonly segments: readonly string[] }[];
  /** Expected value types of the criterion's fields, for type-mismatch issues. */
  readonly expected: Readonly<Record<string, string>>;
  /** Returns the rule's whole points after decay and its own cap, filling `detail` when given. */
  readonly run: (lead: unknown, context: Context, detail?: RuleDetail) => number;
  /** The criterion alone, for a field rule without a timestamp. */
  readonly test?: CompiledPredicate;
  /** Whether the criterion matches a plain record, for a field rule without a timestamp: the fast path of `total`. */
  readonly fastMatches?: CompiledMatcher;
}

const MATCH: Outcome = 'match';

/** Rounds half away from zero, so a rule's points and their negation round alike, and never returns -0. */
export function roundPoints(value: number): number {
  return (value < 0 ? -Math.round(-value) : Math.round(value)) || 0;
}

function expectedTypes(node: PredicateNode, types: Record<string, string>): Record<string, string> {
  if (node.op === 'and' || node.op === 'or') node.predicates.forEach((p) => expectedTypes(p, types));
  else if (node.op === 'not' || node.op === 'named') expectedTypes(node.predicate, types);
  else if ('field' in node) {
    const op: string = node.op;
    let sample: unknown;
    if ('value' in node) sample = node.value;
    else if ('values' in node) sample = node.values[0];
    else if ('min' in node) sample = node.min;
    // A comparison with a text bound compares dates, which take a Date or ISO 8601 text.
    const type = /^(gt|gte|lt|lte|between)$/.test(op)
      ? typeof sample === 'string' ? 'date' : 'number'
      : /^is_(true|false)$/.test(op)
        ? 'boolean'
        : op.startsWith('includes')
          ? 'array'
          : sample === undefined ? 'string' : typeof sample;
    types[node.field] ??= type;
  }
  return types;
}

function checkCount(value: unknown, where: string, report: ReportProblem, min: number): boolean {
  if (value === undefined) return true;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return true;
  return report(where, `expected a whole number of at least ${min}, received ${describeValue(value)}`);
}

function checkDays(value: unknown, where: string, report: ReportProblem): boolean {
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value > 0)) return true;
  return report(where, `expected a positive number of days, received ${describeValue(value)}`);
}

/**
 * Validates one rule and compiles it. Reports every problem it finds and returns undefined when
 * there was one.
 */
export function compileRule(
  api: string,
  rule: ScoringRule,
  where: string,
  options: EvaluationOptions,
  placeholders: readonly string[],
  groupDecay: Decay | undefined,
  report: ReportProblem,
  slots: ReaderSlots = new Map(),
): CompiledRule | undefined {
  if (rule === null || typeof rule !== 'object') {
    report(where, `expected a rule object, received ${describeValue(rule)}`);
    return undefined;
  }
  let ok = true;
  const points = rule.points;
  // Whole points keep every sum exact, so the ledger adds up to the total in any rule order.
  if (typeof points !== 'number' || !Number.isSafeInteger(points)) {
    ok = report(`${where}.points`, `expected a whole number of points, received ${describeValue(points)}`);
  }
  if (rule.label !== undefined && typeof rule.label !== 'string') {
    ok = report(`${where}.label`, `expected a string, received ${describeValue(rule.label)}`);
  }
  ok = checkDays(rule.withinDays, `${where}.withinDays`, report) && ok;
  const ownDecay = rule.decay;
  const decay = ownDecay === undefined ? groupDecay : ownDecay;
  const decayOf: DecayFunction | undefined =
    decay === undefined ? undefined : compileDecay(decay, ownDecay === undefined ? `${where} (group decay)` : `${where}.decay`, report);
  if (decay !== undefined && decayOf === undefined) ok = false;
  const withinMs = rule.withinDays === undefined ? Infinity : rule.withinDays * DAY_MS;
  const id = rule.id;
  const base = { id, label: rule.label ?? id, points };

  if ('event' in rule) {
    const types = typeof rule.event === 'string' ? [rule.event] : rule.event;
    if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string' || t.length === 0)) {
      ok = report(`${where}.event`, `expected an event type or a non-empty array of event types, received ${describeValue(rule.event)}`);
    }
    if ('when' in rule) ok = report(`${where}.when`, 'an event rule filters events with where, not when; move the criterion to where');
    ok = checkCount(rule.maxCount, `${where}.maxCount`, report, 0) && ok;
    ok = checkCount(rule.maxPoints, `${where}.maxPoints`, report, 0) && ok;
    ok = checkCount(rule.perDay, `${where}.perDay`, report, 1) && ok;
    const test =
      rule.where === undefined ? undefined : reportThrown(api, report, () => compilePredicate(api, rule.where!, options, `${where}.where`));
    if (rule.where !== undefined && test === undefined) ok = false;
    if (!ok) return undefined;
    const { maxCount = Infinity, maxPoints = Infinity, perDay = Infinity } = rule;
    return {
      ...base,
      event: true,
      timed: true,
      fields: [],
      expected: {},
      run: (_lead, context, detail) => runEventRule(context, detail),
    };

    function runEventRule(context: Context, detail: RuleDetail | undefined): number {
      let counted = 0;
      let outsideWindow = 0;
      let overDailyLimit = 0;
      let overMaxCount = 0;
      let exact = 0;
      let day = NaN;
      let countedToday = 0;

      for (const event of context.events) {
        if (!types.includes(event.type) || (test !== undefined && test(event.record) !== MATCH)) continue;
        const age = context.now - event.at;
        if (age > withinMs) {
          outsideWindow++;
          continue;
        }
        // Events are in time order, so one running count per day is enough.
        const eventDay = Math.floor(event.at / DAY_MS);
        if (eventDay !== day) {
          day = eventDay;
          countedToday = 0;
        }
        if (countedToday >= perDay) {
          overDailyLimit++;
          continue;
        }
        if (counted >= maxCount) {
          overMaxCount++;
          continue;
        }
        countedToday++;
        counted++;
        exact += decayOf === undefined ? points : points * decayOf(age / DAY_MS);
      }

      const rounded = roundPoints(exact);
      const final = Math.max(-maxPoints, Math.min(maxPoints, rounded)) || 0;
      if (detail !== undefined) {
        detail.outcome = counted > 0 ? MATCH : 'no_match';
        detail.count = counted;
        detail.raw = counted * points;
        detail.decayedExact = exact;
        detail.ruleClip = final - rounded;
        detail.events = { counted, outsideWindow, overDailyLimit, overMaxCount };
      }
      return final;
    }
  }

  const forms = reportThrown(api, report, () => compileForms(api, rule.when, options, `${where}.when`, slots));
  const test: CompiledPredicate | undefined = forms?.evaluate;
  const fieldPaths = test === undefined ? [] : predicateFields(rule.when);
  const at = rule.at;
  const atSegments = at === undefined ? undefined : reportThrown(api, report, () => splitPath(api, `${where}.at`, at));
  if (test === undefined || (at !== undefined && atSegments === undefined)) ok = false;
  if (at === undefined && (rule.withinDays !== undefined || rule.decay !== undefined)) {
    ok = report(`${where}.at`, 'withinDays and decay need the path of a timestamp in at, such as "lastVisitAt"');
  }
  if (!ok || test === undefined) return undefined;
  const fields = [...fieldPaths, ...(at !== undefined && !fieldPaths.includes(at) ? [at] : [])].map((path) => ({
    path,
    segments: splitPath(api, where, path),
  }));
  const expected = expectedTypes(rule.when, {});

  if (atSegments === undefined) {
    return {
      ...base,
      event: false,
      timed: false,
      fields,
      expected,
      test,
      fastMatches: forms!.fastMatches,
      run: (lead, _context, detail) => {
        const outcome = test(lead);
        const earned = outcome === MATCH ? points : 0;
        if (detail !== undefined) {
          detail.outcome = outcome;
          detail.count = outcome === MATCH ? 1 : 0;
          detail.raw = earned;
          detail.decayedExact = earned;
        }
        return earned;
      },
    };
  }

  return {
    ...base,
    event: false,
    timed: true,
    fields,
    expected,
    run: (lead, context, detail) => {
      let outcome = test(lead);
      let exact = 0;
      if (outcome === MATCH) {
        const value = readPath(lead, atSegments);
        const time = toEpochMs(value);
        if (time === undefined) {
          outcome = 'unknown';
          if (!isMissing(value, placeholders)) {
            context.issues?.push({ code: 'invalid_timestamp', path: at!, ruleId: id, expected: 'date', received: describeValue(value) });
          }
        } else if (time > context.now || context.now - time > withinMs) {
          // Not yet happened as of `now`, or outside the window.
          outcome = 'no_match';
        } else {
          exact = decayOf === undefined ? points : points * decayOf((context.now - time) / DAY_MS);
        }
      }
      if (detail !== undefined) {
        detail.outcome = outcome;
        detail.count = outcome === MATCH ? 1 : 0;
        detail.raw = outcome === MATCH ? points : 0;
        detail.decayedExact = exact;
        detail.timeUnknown = outcome === 'unknown' && test(lead) === MATCH;
      }
      return roundPoints(exact);
    },
  };
}
