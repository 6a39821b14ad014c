import { ConfigError, describeValue } from '../internal/config-error.js';
import { fieldReader, guardPlain, isLeadRecord, isPlainRecord, readPath, splitPath, type ReaderSlots } from '../internal/path.js';
import { CAPTURE_SLOTS, SUM_SLOTS } from '../internal/readers.generated.js';
import { isMissing } from '../internal/values.js';
import { resolveValueOptions, type CompiledPredicate, type EvaluationOptions } from '../predicate/compile.js';
import type { Outcome } from '../predicate/types.js';
import type { Decay } from './decay.js';
import { readEvents, type EventSummary, type ScoreIssue } from './events.js';
import { collectProblems, DefinitionError, reportThrown, type ReportProblem } from './problems.js';
import { compileRule, roundPoints, type CompiledRule, type Context, type EventCounts, type RuleDetail, type ScoringRule } from './rules.js';
import { toEpochMs, type Timestamp } from './time.js';

export type { EventRule, Rule, ScoringRule, EventCounts } from './rules.js';

/** A named score band; a lead gets the first tier, from the highest `min` down, that its score reaches. */
export interface TierDefinition<Name extends string = string> {
  readonly name: Name;
  /** The lowest score in the tier, inclusive. Omit it for the catch-all tier at the bottom. */
  readonly min?: number;
}

/** Rules that share a cap, a floor or a default decay, such as all email engagement. */
export interface RuleGroup<T = any> {
  readonly id: string;
  readonly label?: string;
  readonly rules: readonly ScoringRule<T>[];
  /** The maximum points the group can add, 0 or more. */
  readonly cap?: number;
  /** The minimum of the group's points, 0 or less: the most it can subtract. */
  readonly floor?: number;
  /** The decay of every rule in the group that has none of its own. */
  readonly decay?: Decay;
}

/** A scorecard definition: rules and groups, caps, and either named tiers or an MQL threshold. */
export interface ScorecardDefinition<T = any, Name extends string = string> extends EvaluationOptions {
  /** Rules outside any group. */
  readonly rules?: readonly ScoringRule<T>[];
  readonly groups?: readonly RuleGroup<T>[];
  /** The highest total, 0 or more. */
  readonly cap?: number;
  /** The lowest total, 0 or less; `0` keeps scores from going negative. */
  readonly floor?: number;
  /** Named tiers. Mutually exclusive with `mqlThreshold`. */
  readonly tiers?: readonly TierDefinition<Name>[];
  /** Shorthand for the tiers `mql` (score at or above the threshold) and `nurture` (below). */
  readonly mqlThreshold?: number;
  /**
   * Points a lead may fall below its previous tier's `min` and still keep that tier, when the
   * caller passes `previousTier`. A band stops a lead at the MQL line from flipping back and forth.
   */
  readonly hysteresis?: number;
  /** The dotted path of the lead's event list, when events are not passed to `score`. Defaults to `events`. */
  readonly eventsField?: string;
  /** The clock used when `score` gets no `now`. Defaults to `Date.now`. */
  readonly clock?: () => number | Date;
}

/** Options of one scoring call. */
export interface ScoreOptions<Name extends string = string> {
  /** The scoring instant: windows and decay count back from it, and later events are left out. */
  readonly now?: Timestamp;
  /** The lead's events; when absent they are read from the lead's `eventsField`. */
  readonly events?: readonly unknown[];
  /** The tier from the previous scoring, for hysteresis. */
  readonly previousTier?: Name | undefined;
  /**
   * When to build the ledger. `eager` (the default) returns plain data. `lazy` computes the total
   * and the tier at once and keeps a snapshot of the fields the rules read. The contributions,
   * groups, missing fields, undecided points and issues are built from the snapshot when one of
   * them is first read, and equal the eager ones. A lazy result keeps them on its prototype, so
   * `{ ...result }` and `structuredClone` copy only `total` and `tier`: call `toJSON()` for plain
   * data. Scorecards with time or event rules, and leads that are not plain objects, always get the
   * eager ledger.
   */
  readonly ledger?: 'eager' | 'lazy';
}

/** Points a cap or a floor took from (negative) or gave back to (positive) one rule. */
export interface Clip {
  readonly by: 'rule' | 'group' | 'scorecard';
  /** The rule, group or scorecard (`scorecard`) whose limit clipped the points. */
  readonly id: string;
  readonly points: number;
}

/**
 * One rule's line in the ledger: `points` is `decayedPoints` plus the clips, and the points of
 * all lines add up to the total exactly.
 */
export interface Contribution {
  readonly ruleId: string;
  readonly label: string;
  /** The group of the rule, or undefined for a rule outside groups. */
  readonly groupId: string | undefined;
  /** Whether the rule matched, did not match, or could not be decided for missing data. */
  readonly outcome: Outcome;
  readonly matched: boolean;
  /** The final points: whole points the rule adds to the total. */
  readonly points: number;
  /** The rule's configured points, per match or per event. */
  readonly rulePoints: number;
  /** Matches counted: 0 or 1 for a field rule, the counted events for an event rule. */
  readonly count: number;
  /** `rulePoints` times `count`, before decay and caps. */
  readonly rawPoints: number;
  /** The decayed points divided by the raw points: 1 when nothing decayed. */
  readonly decayFactor: number;
  /** The points after decay, rounded half away from zero to a whole number. */
  readonly decayedPoints: number;
  /** Points the rule's own `maxPoints`, its group's cap or floor and the scorecard's took or gave back. */
  readonly clips: readonly Clip[];
  /** The fields the criterion read, with the values it saw (`undefined` when absent). */
  readonly values: Readonly<Record<string, unknown>>;
  /** For an event rule, what happened to its events. */
  readonly events?: EventCounts;
}

/** A group's line in the ledger. */
export interface GroupResult {
  readonly groupId: string;
  readonly label: string;
  /** The sum of its rules' points before the group's cap or floor (after each rule's own cap). */
  readonly rawPoints: number;
  /** The sum of its rules' final points, after the group's and the scorecard's caps and floors. */
  readonly points: number;
}

/**
 * A lead's score with its ledger. `Below` is the type of `tier` for a total below every tier:
 * `undefined`, or `never` for a scorecard that has a catch-all tier.
 */
export interface ScoreResult<Name extends string = string, Below = undefined> {
  /** The sum of the contributions' points. */
  readonly total: number;
  /** The tier the total falls in, or undefined when it is below every tier with a `min`. */
  readonly tier: Name | Below;
  /** One contribution per rule: rules outside groups first, then each group's, in definition order. */
  readonly contributions: readonly Contribution[];
  readonly groups: readonly GroupResult[];
  /** Fields that were missing in rules whose outcome was therefore `unknown`. */
  readonly missingFields: readonly string[];
  /** The points of rules left undecided by missing data (positive and negative added as they are). */
  readonly undecidedPoints: number;
  /** Data problems that were ignored: invalid timestamps and events, type mismatches. */
  readonly issues: readonly ScoreIssue[];
  /** The scoring instant as an ISO string, when a rule depends on time. */
  readonly asOf?: string;
  /** The events seen, when the scorecard has event rules. */
  readonly events?: EventSummary;
}

/**
 * A validated scorecard, compiled once and applied to any number of leads. `Below` is `never`
 * when every total gets a tier, because the tiers have a catch-all or come from `mqlThreshold`.
 */
export interface Scorecard<T = any, Name extends string = string, Below = undefined> {
  readonly kind: 'scorecard';
  /** The definition the scorecard was built from. */
  readonly definition: ScorecardDefinition<T, Name>;
  readonly rules: readonly ScoringRule<T>[];
  readonly groups: readonly RuleGroup<T>[];
  /** Tiers from the highest `min` to the lowest; the catch-all tier, if any, is last. */
  readonly tiers: readonly TierDefinition<Name>[];
  // Method syntax keeps a scorecard with named tiers assignable to `Scorecard<T, string>`, which
  // the router accepts, although `previousTier` is a `Name` parameter.
  /** Scores one lead with the full ledger. */
  score(lead: T, options?: ScoreOptions<Name>): ScoreResult<Name, Below>;
  /** Returns only the total, without building a ledger. */
  total(lead: T, options?: ScoreOptions<Name>): number;
  /** Returns the tier of a score, keeping `previousTier` within the hysteresis band. */
  tierOf(total: number, previousTier?: Name): Name | Below;
}

/**
 * `never` when the definition's literal shows that every total gets a tier: its tiers include
 * one without `min`, or it sets `mqlThreshold`. `undefined` otherwise, which is also the result
 * for definitions whose tiers are not known when the code is compiled.
 *
 * @inline
 */
type BelowEveryTier<Tiers, Threshold> = [CatchAllIn<Tiers>] extends [never] ? ([Threshold] extends [number] ? never : undefined) : never;

/**
 * `true` when a tier of the list has no `min`. The `name` keeps the target from being a weak
 * type, which an object without `min` would not extend.
 *
 * @inline
 */
type CatchAllIn<Tiers> = Tiers extends readonly (infer Tier)[] ? (Tier extends { readonly name: string; readonly min?: undefined } ? true : never) : never;

interface GroupPlan {
  readonly id: string | undefined;
  readonly label: string;
  readonly rules: readonly CompiledRule[];
  readonly cap: number;
  readonly floor: number;
}

/** A contribution while the ledger is built: caps and floors still change its points and clips. */
type Line = { -readonly [K in keyof Contribution]: Contribution[K] };

const API = 'scorecard';

function validateTiers<Name extends string>(tiers: readonly TierDefinition<Name>[], report: ReportProblem): TierDefinition<Name>[] {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    report('tiers', `expected a non-empty array of tiers, received ${describeValue(tiers)}`);
    return [];
  }
  const names = new Set<string>();
  const mins = new Set<number>();
  let catchAll = 0;
  tiers.forEach((tier, i) => {
    if (tier === null || typeof tier !== 'object') {
      report(`tiers[${i}]`, `expected a tier object { name, min? }, received ${describeValue(tier)}`);
      return;
    }
    if (typeof tier.name !== 'string' || tier.name.length === 0) {
      report(`tiers[${i}].name`, `expected a non-empty string, received ${describeValue(tier.name)}`);
    } else if (names.has(tier.name)) {
      report(`tiers[${i}].name`, `duplicate tier name ${JSON.stringify(tier.name)}`);
    }
    names.add(tier.name);
    const min: unknown = tier.min;
    if (min === undefined) catchAll++;
    else if (typeof min !== 'number' || !Number.isFinite(min)) {
      report(`tiers[${i}].min`, `expected a finite number, received ${describeValue(min)}`);
    } else if (mins.has(min)) {
      report('tiers', 'two tiers have the same min; give each tier its own lower bound');
    } else mins.add(min);
  });
  if (catchAll > 1) report('tiers', `only one tier may omit min (the catch-all), found ${catchAll}`);
  return [...tiers].sort((a, b) => (b?.min ?? -Infinity) - (a?.min ?? -Infinity));
}

function checkLimit(value: unknown, where: string, sign: 1 | -1, report: ReportProblem): number {
  if (value === undefined) return sign * Infinity;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value * sign >= 0) return value;
  report(where, `expected a whole number ${sign > 0 ? 'of 0 or more' : 'of 0 or less'}, received ${describeValue(value)}`);
  return sign * Infinity;
}

/**
 * Moves the sum of `lines[start..end)` into [floor, cap], taking points from the last lines
 * that have them and recording each clip.
 */
function clipLines(lines: Line[], start: number, end: number, cap: number, floor: number, by: Clip['by'], id: string): void {
  let sum = 0;
  for (let i = start; i < end; i++) sum += lines[i]!.points;
  let sign = 0;
  if (sum > cap) sign = -1;
  else if (sum < floor) sign = 1;
  let excess = sign < 0 ? sum - cap : floor - sum;
  for (let i = end - 1; sign !== 0 && excess > 0 && i >= start; i--) {
    const line = lines[i]!;
    const take = Math.min(excess, Math.max(0, -sign * line.points));
    if (take > 0) {
      line.points += sign * take;
      line.clips = [...line.clips, { by, id, points: sign * take }];
      excess -= take;
    }
  }
}

/**
 * Sums the points of the rules that match, for rules without time. The sum is a chain of links,
 * each from its own function literal (see readers.generated.ts), rather than a loop: each call
 * site then always calls the same rule, and V8 inlines the rule's criterion and field reads.
 */
function sumOfMatches(rules: readonly CompiledRule[]): (lead: unknown) => number {
  let sum: (lead: unknown) => number = () => 0;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    sum = SUM_SLOTS[i % SUM_SLOTS.length]!(rule.fastMatches!, rule.points, sum);
  }
  return sum;
}

/**
 * Moves the scorecard's total into [floor, cap] like {@link clipLines}, but takes from or gives
 * to a line only while its group stays within the group's own limits. That is always possible
 * because caps are 0 or more and floors 0 or less: reducing every group with a positive sum to
 * 0 removes at least the excess over any cap, and raising every negative group to 0 likewise.
 */
function clipScorecard(lines: Line[], starts: readonly number[], plan: readonly GroupPlan[], cap: number, floor: number): void {
  const sums = plan.map((_, g) => {
    let sum = 0;
    for (let i = starts[g]!; i < starts[g + 1]!; i++) sum += lines[i]!.points;
    return sum;
  });
  const total = sums.reduce((a, b) => a + b, 0);
  let sign = 0;
  if (total > cap) sign = -1;
  else if (total < floor) sign = 1;
  let excess = sign < 0 ? total - cap : floor - total;
  for (let g = plan.length - 1; sign !== 0 && excess > 0 && g >= 0; g--) {
    const group = plan[g]!;
    for (let i = starts[g + 1]! - 1; excess > 0 && i >= starts[g]!; i--) {
      const line = lines[i]!;
      const room = sign < 0 ? sums[g]! - group.floor : group.cap - sums[g]!;
      const take = Math.min(excess, Math.max(0, -sign * line.points), room);
      if (take > 0) {
        line.points += sign * take;
        line.clips = [...line.clips, { by: 'scorecard', id: API, points: sign * take }];
        sums[g]! += sign * take;
        excess -= take;
      }
    }
  }
}

/**
 * A score whose ledger is built when first read, from a snapshot of the fields the rules read:
 * what `score` returns with `ledger: 'lazy'`.
 */
class LazyScore<Name extends string> implements ScoreResult<Name> {
  readonly total: number;
  readonly tier: Name | undefined;
  readonly #snapshot: readonly unknown[];
  readonly #previousTier: Name | undefined;
  readonly #build: (snapshot: readonly unknown[], previousTier: Name | undefined) => ScoreResult<Name>;
  #full: ScoreResult<Name> | undefined;

  constructor(
    total: number,
    tier: Name | undefined,
    snapshot: readonly unknown[],
    previousTier: Name | undefined,
    build: (snapshot: readonly unknown[], previousTier: Name | undefined) => ScoreResult<Name>,
  ) {
    this.total = total;
    this.tier = tier;
    this.#snapshot = snapshot;
    this.#previousTier = previousTier;
    this.#build = build;
  }

  #ledger(): ScoreResult<Name> {
    return (this.#full ??= this.#build(this.#snapshot, this.#previousTier));
  }
  get contributions(): readonly Contribution[] {
    return this.#ledger().contributions;
  }
  get groups(): readonly GroupResult[] {
    return this.#ledger().groups;
  }
  get missingFields(): readonly string[] {
    return this.#ledger().missingFields;
  }
  get undecidedPoints(): number {
    return this.#ledger().undecidedPoints;
  }
  get issues(): readonly ScoreIssue[] {
    return this.#ledger().issues;
  }
  /** Returns the whole result as plain data, the same as `score` gives with the eager ledger. */
  toJSON(): ScoreResult<Name> {
    return this.#ledger();
  }
}

interface CapturedField {
  readonly segments: readonly string[];
  readonly read: (record: unknown) => unknown;
}

/** Lists the fields the rules read, leaving out a path whose prefix is read as a whole too. */
function capturedFields(rules: readonly CompiledRule[], slots: ReaderSlots): CapturedField[] {
  const paths = new Map<string, readonly string[]>();
  for (const rule of rules) for (const field of rule.fields) paths.set(field.path, field.segments);
  const list: CapturedField[] = [];
  for (const [path, segments] of paths) {
    const covered = segments.some((_, k) => k > 0 && paths.has(segments.slice(0, k).join('.')));
    if (!covered) list.push({ segments, read: fieldReader(segments, slots) });
  }
  return list;
}

/**
 * The prototype of rebuilt records. It is neither Object.prototype nor null, so the rules read
 * them through their safe readers, and the fast readers keep seeing only the callers' records.
 */
const SNAPSHOT: object = Object.freeze(Object.create(null));

/** Rebuilds a record with the snapshot's values at their paths, for the rules to read again. */
function rebuild(fields: readonly CapturedField[], snapshot: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(SNAPSHOT);
  for (let i = 0; i < fields.length; i++) {
    const value = snapshot[i];
    if (value === undefined) continue;
    const segments = fields[i]!.segments;
    let target = record;
    for (let k = 0; k < segments.length - 1; k++) {
      const key = segments[k]!;
      target = (target[key] ??= Object.create(SNAPSHOT)) as Record<string, unknown>;
    }
    target[segments[segments.length - 1]!] = value;
  }
  return record;
}

/**
 * Builds a scorecard from rules, groups and tiers, validating the whole definition when it is
 * built. Throws a `NetspearConfigError` that lists every problem by path, such as
 * `groups[2].rules[0].points`.
 *
 * @example
 * const card = scorecard({
 *   rules: [
 *     { id: 'title', when: containsAnyWord('title', ['Engineer', 'CTO']), points: 20 },
 *     { id: 'pricing', event: 'pricing_view', points: 10, maxCount: 3, withinDays: 30 },
 *   ],
 *   mqlThreshold: 40,
 * });
 * card.score({ title: 'CTO' }, { now: '2024-05-01', events: [{ type: 'pricing_view', at: '2024-04-28' }] }).total; // 30
 */
/* @__NO_SIDE_EFFECTS__ */
export function scorecard<
  T = any,
  const Name extends string = 'mql' | 'nurture',
  const Tiers extends readonly TierDefinition<Name>[] | undefined = readonly TierDefinition<Name>[] | undefined,
  const Threshold extends number | undefined = number | undefined,
>(
  definition: ScorecardDefinition<T, Name> & { readonly tiers?: Tiers; readonly mqlThreshold?: Threshold },
): Scorecard<T, Name, BelowEveryTier<Tiers, Threshold>> {
  if (definition === null || typeof definition !== 'object') {
    throw new ConfigError(API, '', `expected a scorecard definition object, received ${describeValue(definition)}`);
  }
  const [problems, report] = collectProblems();
  const { tiers: tierList, mqlThreshold, rules = [], groups = [] } = definition;
  if (tierList !== undefined && mqlThreshold !== undefined) {
    report('mqlThreshold', 'give either tiers or mqlThreshold, not both');
  } else if (mqlThreshold !== undefined && (typeof mqlThreshold !== 'number' || !Number.isFinite(mqlThreshold))) {
    report('mqlThreshold', `expected a finite number, received ${describeValue(mqlThreshold)}`);
  } else if (tierList === undefined && mqlThreshold === undefined) {
    report('tiers', 'give named tiers or an mqlThreshold so that scores get a label');
  }
  const tiers = validateTiers<Name>(
    tierList ?? ([{ name: 'mql', min: mqlThreshold ?? 0 }, { name: 'nurture' }] as unknown as readonly TierDefinition<Name>[]),
    report,
  );
  const hysteresis = definition.hysteresis ?? 0;
  if (typeof hysteresis !== 'number' || !(hysteresis >= 0 && hysteresis < Infinity)) {
    report('hysteresis', `expected a number of points of 0 or more, received ${describeValue(hysteresis)}`);
  }
  const cap = checkLimit(definition.cap, 'cap', 1, report);
  const floor = checkLimit(definition.floor, 'floor', -1, report);
  const eventsField = definition.eventsField ?? 'events';
  const eventsPath = reportThrown(API, report, () => splitPath(API, 'eventsField', eventsField)) ?? [];
  const given = definition.placeholders;
  const validPlaceholders = given === undefined || (Array.isArray(given) && given.every((p) => typeof p === 'string'));
  if (!validPlaceholders) report('placeholders', `expected an array of strings, received ${describeValue(given)}`);
  const { placeholders } = resolveValueOptions(validPlaceholders ? definition : {});

  const ids = new Set<string>();
  // One slot table for all rules, so that their fields spread over distinct readers.
  const slots: ReaderSlots = new Map();
  const compileList = (list: readonly ScoringRule[], where: string, decay: Decay | undefined): CompiledRule[] => {
    if (!Array.isArray(list)) {
      report(where, `expected an array of rules, received ${describeValue(list)}`);
      return [];
    }
    return list.flatMap((rule, i) => {
      const at = `${where}[${i}]`;
      const id: unknown = rule?.id;
      if (typeof id !== 'string' || id.length === 0) report(`${at}.id`, `expected a non-empty string, received ${describeValue(id)}`);
      else if (ids.has(id)) report(`${at}.id`, `duplicate rule id ${JSON.stringify(id)}; rule ids must be unique`);
      else ids.add(id);
      return compileRule(API, rule, at, definition, placeholders, decay, report, slots) ?? [];
    });
  };

  const plan: GroupPlan[] = [{ id: undefined, label: '', rules: compileList(rules, 'rules', undefined), cap: Infinity, floor: -Infinity }];
  const groupIds = new Set<string>();
  if (!Array.isArray(groups)) report('groups', `expected an array of groups, received ${describeValue(groups)}`);
  else {
    groups.forEach((group, g) => {
      const where = `groups[${g}]`;
      if (group === null || typeof group !== 'object') {
        report(where, `expected a group object, received ${describeValue(group)}`);
        return;
      }
      if (typeof group.id !== 'string' || group.id.length === 0) report(`${where}.id`, `expected a non-empty string, received ${describeValue(group.id)}`);
      else if (groupIds.has(group.id)) report(`${where}.id`, `duplicate group id ${JSON.stringify(group.id)}; group ids must be unique`);
      groupIds.add(group.id);
      plan.push({
        id: group.id,
        label: group.label ?? group.id,
        cap: checkLimit(group.cap, `${where}.cap`, 1, report),
        floor: checkLimit(group.floor, `${where}.floor`, -1, report),
        rules: compileList(group.rules, `${where}.rules`, group.decay),
      });
    });
  }
  if (problems.length > 0) throw new DefinitionError(API, problems);

  const compiled = plan.flatMap((group) => group.rules);
  const timed = compiled.some((rule) => rule.timed);
  const hasEvents = compiled.some((rule) => rule.event);
  const clock = definition.clock ?? Date.now;

  const tierOf = (total: number, previousTier?: Name): Name | undefined => {
    let index = -1;
    let previous = -1;
    for (let i = tiers.length - 1; i >= 0; i--) {
      const tier = tiers[i]!;
      if (tier.min === undefined || total >= tier.min) index = i;
      if (tier.name === previousTier) previous = i;
    }
    // Negative indexes are checked first: reading tiers[-1] is a slow property lookup in V8.
    const previousMin = previous < 0 ? undefined : tiers[previous]!.min;
    // Hysteresis only slows a fall: a lead rises to a higher tier as soon as it reaches its min.
    if (previousMin !== undefined && previous < (index < 0 ? tiers.length : index) && total >= previousMin - hysteresis) return previousTier;
    return index < 0 ? undefined : tiers[index]!.name;
  };

  const context = (lead: T, options: ScoreOptions<Name> | undefined, issues: ScoreIssue[] | undefined) => {
    if (!timed) return { context: { now: NaN, events: [], issues }, summary: undefined };
    const given = options?.now;
    const now = toEpochMs(given ?? clock());
    if (now === undefined) {
      throw new ConfigError(`${API}.score`, 'now', `expected an ISO timestamp, epoch milliseconds or a valid Date, received ${describeValue(given)}`);
    }
    const source = options?.events ?? readPath(lead, eventsPath);
    const read = hasEvents ? readEvents(source, options?.events === undefined ? eventsField : 'events', now, issues) : undefined;
    return { context: { now, events: read?.events ?? [], issues }, summary: read?.summary };
  };

  // Shared by every untimed call, because it contains no state that a call could change.
  const untimed: Context = { now: NaN, events: [], issues: undefined };

  // Without time, caps or floors, a total is a plain sum of the points of the rules that match.
  const plain = !timed && cap === Infinity && floor === -Infinity && plan.every((group) => group.cap === Infinity && group.floor === -Infinity);
  // The fast sum reads plain objects only and may throw on a getter. Anything else goes through the rules' own checks.
  const plainSum = plain ? sumOfMatches(compiled) : undefined;
  const sumMatches = plainSum && guardPlain(plainSum, () => (lead) => clippedTotal(lead as T));

  const clippedTotal = (lead: T, options?: ScoreOptions<Name>): number => {
    const ctx: Context = timed ? context(lead, options, undefined).context : untimed;
    let sum = 0;
    for (const group of plan) {
      let part = 0;
      for (const rule of group.rules) {
        const test = rule.test;
        if (test === undefined) part += rule.run(lead, ctx);
        else if (test(lead) === 'match') part += rule.points;
      }
      if (part > group.cap) part = group.cap;
      if (part < group.floor) part = group.floor;
      sum += part;
    }
    if (sum > cap) return cap;
    if (sum < floor) return floor;
    return sum;
  };
  const total = sumMatches ?? clippedTotal;

  // Shared by every contribution without clips, and frozen because callers receive it.
  const noClips: readonly Clip[] = Object.freeze([]);
  // Keeps a contribution's shape until `score` reads its values.
  const noValues: Readonly<Record<string, unknown>> = Object.freeze({});

  /**
   * Evaluates one rule into its contribution, before group and scorecard limits. A line whose
   * criterion matched but whose timestamp was missing or invalid goes into `unknownTimes`, so
   * that it gets no type_mismatch issue.
   */
  const contribute = (rule: CompiledRule, groupId: string | undefined, lead: T, ctx: Context, unknownTimes: Line[]): Line => {
    const test = rule.test;
    let detail: RuleDetail | undefined;
    let outcome: Outcome;
    let points: number;
    if (test !== undefined) {
      // An untimed field rule has no decay, no cap of its own and no events, so it needs no detail.
      outcome = test(lead);
      points = outcome === 'match' ? rule.points : 0;
    } else {
      detail = { outcome: 'no_match', count: 0, raw: 0, decayedExact: 0, ruleClip: 0, timeUnknown: false, events: undefined };
      points = rule.run(lead, ctx, detail);
      outcome = detail.outcome;
    }
    const matched = outcome === 'match';
    const raw = detail === undefined ? points : detail.raw;
    const ruleClip = detail === undefined ? 0 : detail.ruleClip;
    const line: Line = {
      ruleId: rule.id,
      label: rule.label,
      groupId,
      outcome,
      matched,
      points,
      rulePoints: rule.points,
      count: detail === undefined ? (matched ? 1 : 0) : detail.count,
      rawPoints: raw,
      decayFactor: detail === undefined || raw === 0 ? 1 : detail.decayedExact / raw,
      decayedPoints: points - ruleClip,
      clips: ruleClip === 0 ? noClips : [{ by: 'rule', id: rule.id, points: ruleClip }],
      values: noValues,
    };
    if (detail?.events !== undefined) line.events = detail.events;
    if (detail?.timeUnknown === true) unknownTimes.push(line);
    return line;
  };

  const score = (lead: T, options?: ScoreOptions<Name>): ScoreResult<Name> => {
    const issues: ScoreIssue[] = [];
    // A lead that is not a record still gets a result, with an issue that explains why its rules are undecided.
    if (!isLeadRecord(lead)) {
      issues.push({ code: 'invalid_lead', path: '', expected: 'object', received: describeValue(lead) });
    }
    const { context: ctx, summary } = timed ? context(lead, options, issues) : { context: untimed, summary: undefined };
    const lines: Line[] = [];
    const unknownTimes: Line[] = [];
    // Where each group's lines start, and its points before its own limits.
    const starts: number[] = [];
    const rawPoints: number[] = [];
    for (const group of plan) {
      const start = lines.length;
      let raw = 0;
      for (const rule of group.rules) {
        const line = contribute(rule, group.id, lead, ctx, unknownTimes);
        raw += line.points;
        lines.push(line);
      }
      if (group.cap !== Infinity || group.floor !== -Infinity) clipLines(lines, start, lines.length, group.cap, group.floor, 'group', group.id ?? '');
      starts.push(start);
      rawPoints.push(raw);
    }
    starts.push(lines.length);
    if (cap !== Infinity || floor !== -Infinity) clipScorecard(lines, starts, plan, cap, floor);

    let sum = 0;
    let undecidedPoints = 0;
    const missingFields: string[] = [];
    let r = 0;
    for (const rule of compiled) {
      const line = lines[r++]!;
      sum += line.points;
      const unknown = line.outcome === 'unknown';
      const fields = rule.fields;
      const values: Record<string, unknown> = {};
      line.values = values;
      for (const field of fields) {
        const value = readPath(lead, field.segments);
        values[field.path] = value;
        if (!unknown) continue;
        if (isMissing(value, placeholders)) {
          if (!missingFields.includes(field.path)) missingFields.push(field.path);
        } else if (!unknownTimes.includes(line) && field.path in rule.expected) {
          issues.push({ code: 'type_mismatch', path: field.path, ruleId: rule.id, expected: rule.expected[field.path]!, received: describeValue(value) });
        }
      }
      if (unknown) undecidedPoints += rule.points;
    }
    const groupResults: GroupResult[] = [];
    for (let g = 1; g < plan.length; g++) {
      const group = plan[g]!;
      let points = 0;
      for (let i = starts[g]!; i < starts[g + 1]!; i++) points += lines[i]!.points;
      groupResults.push({ groupId: group.id!, label: group.label, rawPoints: rawPoints[g]!, points });
    }

    const result: { -readonly [K in keyof ScoreResult<Name>]: ScoreResult<Name>[K] } = {
      total: sum,
      tier: tierOf(sum, options?.previousTier),
      contributions: lines,
      groups: groupResults,
      missingFields,
      undecidedPoints,
      issues,
    };
    if (timed) result.asOf = new Date(ctx.now).toISOString();
    if (summary !== undefined) result.events = summary;
    return result;
  };

  // With `ledger: 'lazy'`, a scorecard without time rules scores a plain record in two steps: the
  // total, the tier and a snapshot of the fields its rules read at once, the ledger when first read.
  const captured = timed ? [] : capturedFields(compiled, slots);
  let capture: (record: unknown, out: unknown[]) => void = () => {};
  for (let i = captured.length - 1; i >= 0; i--) capture = CAPTURE_SLOTS[i % CAPTURE_SLOTS.length]!(captured[i]!.read, i, capture);
  const fromSnapshot = (snapshot: readonly unknown[], previousTier: Name | undefined): ScoreResult<Name> =>
    score(rebuild(captured, snapshot) as T, previousTier === undefined ? undefined : { previousTier });

  const scoreAny = (lead: T, options?: ScoreOptions<Name>): ScoreResult<Name> => {
    const mode = options?.ledger;
    if (mode === undefined || mode === 'eager') return score(lead, options);
    if (mode !== 'lazy') {
      throw new ConfigError(`${API}.score`, 'ledger', `expected 'eager' or 'lazy', received ${describeValue(mode)}`);
    }
    if (timed) return score(lead, options);
    let sum: number;
    const snapshot: unknown[] = new Array(captured.length);
    try {
      if (!isPlainRecord(lead)) return score(lead, options);
      sum = plainSum === undefined ? clippedTotal(lead) : plainSum(lead);
      capture(lead, snapshot);
    } catch {
      // A getter or proxy trap threw: the eager ledger reads that field as missing.
      return score(lead, options);
    }
    const previousTier = options?.previousTier;
    return new LazyScore(sum, tierOf(sum, previousTier), snapshot, previousTier, fromSnapshot);
  };

  // The tiers were validated: a catch-all, or the tiers of mqlThreshold, give every total a tier.
  const card: Scorecard<T, Name> = { kind: 'scorecard', definition, rules, groups, tiers, score: scoreAny, total, tierOf };
  return card as Scorecard<T, Name, BelowEveryTier<Tiers, Threshold>>;
}
