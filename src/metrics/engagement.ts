import { ConfigError, describeValue } from '../internal/config-error.js';
import { DAY_MS, readDate, type DateInput } from './dates.js';
import {
  compileField,
  forEachRow,
  compileOptionalField,
  describeReading,
  readKey,
  readNumber,
  requireOptions,
  requirePositive,
  requireRows,
  type Field,
  type FieldReader,
} from './fields.js';
import { rowIssue, type MetricIssue } from './issues.js';

/** Options for {@link rollUpEngagement}. Each row is one lead's engagement, or one activity of a lead. */
export interface EngagementRollUpOptions<T> {
  /** The account the lead belongs to. */
  readonly account: Field<T>;
  /** The lead (or contact) id; rows with the same account and lead add up to one lead. */
  readonly lead: Field<T>;
  /** The engagement points of the row; negative points subtract. */
  readonly points: Field<T>;
  /** When the activity happened; needed with `halfLifeDays`. */
  readonly at?: Field<T>;
  /** Recency weighting: points lose half their weight every this many days before `now`. */
  readonly halfLifeDays?: number;
  /** The time to weigh recency against; required with `halfLifeDays` because the clock is injected. */
  readonly now?: DateInput;
  /** The maximum engagement one lead can add to its account, applied after recency weighting. */
  readonly capPerLead?: number;
  /** Read numeric strings as points, for CSV input. */
  readonly parseStrings?: boolean;
}

/** One lead's part in its account's engagement. */
export interface LeadEngagement {
  readonly lead: string;
  /** The lead's points after recency weighting and the cap. */
  readonly engagement: number;
  /** The lead's points after recency weighting, before the cap. */
  readonly uncapped: number;
  /** Rows counted for the lead. */
  readonly rows: number;
}

/** An account's engagement: the sum of its leads' engagement. */
export interface AccountEngagement {
  readonly account: string;
  readonly engagement: number;
  /** The account's leads, most engaged first; their `engagement` adds up to the account's. */
  readonly leads: readonly LeadEngagement[];
}

/** The result of {@link rollUpEngagement}. */
export interface EngagementRollUp {
  /** Accounts, most engaged first (ties keep the order of first appearance). */
  readonly accounts: readonly AccountEngagement[];
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

interface RowReaders {
  readonly account: FieldReader;
  readonly points: FieldReader;
  readonly at: FieldReader | undefined;
  readonly parseStrings: boolean;
}

type RowReading = { readonly account: string; readonly points: number; readonly time: number | undefined } | MetricIssue;

/** Reads and checks the account, points and (when `requireAt`) the date of one row. */
function readActivity(readers: RowReaders, record: unknown, row: number, requireAt: boolean, now: number | undefined): RowReading {
  const accountValue = readers.account.read(record);
  const account = readKey(accountValue);
  if (account === undefined) {
    return rowIssue('missing_value', row, readers.account.name, accountValue, 'the account is missing, so the row is left out');
  }
  const pointsValue = readers.points.read(record);
  const points = readNumber(pointsValue, readers.parseStrings);
  if (!points.ok) {
    const code = points.reason === 'missing' ? 'missing_value' : 'invalid_number';
    return rowIssue(code, row, readers.points.name, pointsValue, `${describeReading(points.reason, 'a number of points', pointsValue)}, so the row is left out`);
  }
  if (!requireAt || readers.at === undefined) return { account, points: points.value, time: undefined };

  const atValue = readers.at.read(record);
  const at = readDate(atValue);
  if (!at.ok) {
    const code = at.reason === 'missing' ? 'missing_value' : 'invalid_date';
    return rowIssue(code, row, readers.at.name, atValue, `${describeReading(at.reason, 'an ISO 8601 date, epoch milliseconds or a Date', atValue)}, so the row is left out`);
  }
  if (now !== undefined && at.time > now) {
    return rowIssue('date_after_now', row, readers.at.name, atValue, `dated after now (${new Date(now).toISOString()}), so the row is left out`);
  }
  return { account, points: points.value, time: at.time };
}

function isIssue(reading: RowReading): reading is MetricIssue {
  return 'code' in reading;
}

/** Reads the injected `now` option, throwing a `NetspearConfigError` when it is missing or invalid. */
function requireNow(api: string, now: unknown): number {
  const reading = readDate(now);
  if (!reading.ok) {
    throw new ConfigError(api, 'now', `expected the current time as an ISO 8601 string, epoch milliseconds or a Date, received ${describeValue(now)}`);
  }
  return reading.time;
}

/**
 * Rolls lead engagement up to accounts: a plain sum, recency-weighted with a half-life, capped
 * per lead so that one very active lead cannot make an account hot, or weighted and capped.
 * Rows without an account or lead, or with invalid points or dates, are left out and listed.
 *
 * @example
 * const report = rollUpEngagement(activities, {
 *   account: 'accountId', lead: 'email', points: 'points', at: 'occurredAt',
 *   halfLifeDays: 30, now: '2024-06-30T00:00:00Z', capPerLead: 100,
 * });
 * report.accounts[0]; // { account: 'acme', engagement: 164.2, leads: [{ lead: 'cto@acme.com', engagement: 100, uncapped: 231.7, rows: 14 }, ...] }
 */
export function rollUpEngagement<T>(rows: readonly T[], options: EngagementRollUpOptions<T>): EngagementRollUp {
  const api = 'rollUpEngagement';
  requireRows(api, rows);
  requireOptions(api, options);
  const readers: RowReaders = {
    account: compileField(api, 'account', options.account),
    points: compileField(api, 'points', options.points),
    at: compileOptionalField(api, 'at', options.at),
    parseStrings: options.parseStrings === true,
  };
  const lead = compileField(api, 'lead', options.lead);
  const cap = options.capPerLead === undefined ? undefined : requirePositive(api, 'capPerLead', options.capPerLead);
  const halfLife = options.halfLifeDays === undefined ? undefined : requirePositive(api, 'halfLifeDays', options.halfLifeDays);
  let now: number | undefined;
  if (halfLife !== undefined) {
    if (readers.at === undefined) throw new ConfigError(api, 'at', 'recency weighting (halfLifeDays) needs the date of each row; give at');
    now = requireNow(api, options.now);
  }

  const accounts = new Map<string, Map<string, { points: number; rows: number }>>();
  const issues: MetricIssue[] = [];
  let leftOut = 0;

  forEachRow(rows, (record, row) => {
    const reading = readActivity(readers, record, row, halfLife !== undefined, now);
    if (isIssue(reading)) {
      issues.push(reading);
      leftOut++;
      return;
    }
    const leadValue = lead.read(record);
    const leadKey = readKey(leadValue);
    if (leadKey === undefined) {
      issues.push(rowIssue('missing_value', row, lead.name, leadValue, 'the lead is missing, so the row is left out'));
      leftOut++;
      return;
    }

    const weight = halfLife === undefined || now === undefined || reading.time === undefined ? 1 : 2 ** (-(now - reading.time) / DAY_MS / halfLife);
    let leads = accounts.get(reading.account);
    if (leads === undefined) {
      leads = new Map();
      accounts.set(reading.account, leads);
    }
    const total = leads.get(leadKey);
    if (total === undefined) leads.set(leadKey, { points: reading.points * weight, rows: 1 });
    else {
      total.points += reading.points * weight;
      total.rows++;
    }
  });

  const result = [...accounts].map(([account, leads]): AccountEngagement => {
    const perLead = [...leads].map(([key, total]): LeadEngagement => ({
      lead: key,
      engagement: cap === undefined ? total.points : Math.min(total.points, cap),
      uncapped: total.points,
      rows: total.rows,
    }));
    perLead.sort((a, b) => b.engagement - a.engagement);
    let engagement = 0;
    for (const item of perLead) engagement += item.engagement;
    return { account, engagement, leads: perLead };
  });
  result.sort((a, b) => b.engagement - a.engagement);
  return { accounts: result, leftOut, issues };
}

/** Options for {@link engagementSpikes}. Each row is one activity. */
export interface EngagementSpikeOptions<T> {
  readonly account: Field<T>;
  /** The activity's engagement points. */
  readonly points: Field<T>;
  /** When the activity happened. */
  readonly at: Field<T>;
  /** The end of "this week"; the clock is injected. */
  readonly now: DateInput;
  /** This week must reach this multiple of the weekly baseline. Default 2. */
  readonly multiplier?: number;
  /** This week must also reach this many points, so that a cold account's first click is no spike. Default 1. */
  readonly minPoints?: number;
  /** Read numeric strings as points, for CSV input. */
  readonly parseStrings?: boolean;
}

/** One account's engagement this week against its trailing baseline. */
export interface EngagementSpike {
  readonly account: string;
  /** Points in the 7 days up to and including `now`. */
  readonly thisWeek: number;
  /** Points in the 4 weeks before this week, divided by 4. */
  readonly baselineWeekly: number;
  /** `thisWeek` ÷ `baselineWeekly`; undefined when the baseline is 0. */
  readonly ratio: number | undefined;
  /** Whether `thisWeek` is at least `minPoints` and at least `multiplier` × `baselineWeekly`. */
  readonly spike: boolean;
}

/** The result of {@link engagementSpikes}. */
export interface EngagementSpikeReport {
  /** Accounts with activity in the last 5 weeks, spiking ones first, then by `thisWeek`. */
  readonly accounts: readonly EngagementSpike[];
  readonly leftOut: number;
  readonly issues: readonly MetricIssue[];
}

/**
 * Flags accounts whose engagement this week is a spike against the trailing 4-week baseline:
 * this week's points are at least `multiplier` times the weekly average of the 4 weeks before.
 * Activities older than 5 weeks are ignored; activities dated after `now` are left out and listed.
 *
 * @example
 * const report = engagementSpikes(activities, { account: 'accountId', points: 'points', at: 'occurredAt', now: new Date(clock()) });
 * report.accounts.filter((a) => a.spike).map((a) => a.account); // ['acme']
 */
export function engagementSpikes<T>(rows: readonly T[], options: EngagementSpikeOptions<T>): EngagementSpikeReport {
  const api = 'engagementSpikes';
  requireRows(api, rows);
  requireOptions(api, options);
  const readers: RowReaders = {
    account: compileField(api, 'account', options.account),
    points: compileField(api, 'points', options.points),
    at: compileField(api, 'at', options.at),
    parseStrings: options.parseStrings === true,
  };
  const now = requireNow(api, options.now);
  const multiplier = options.multiplier === undefined ? 2 : requirePositive(api, 'multiplier', options.multiplier);
  const minPoints = options.minPoints === undefined ? 1 : requirePositive(api, 'minPoints', options.minPoints);
  const weekStart = now - 7 * DAY_MS;
  const baselineStart = now - 35 * DAY_MS;

  const totals = new Map<string, { thisWeek: number; baseline: number }>();
  const issues: MetricIssue[] = [];
  let leftOut = 0;

  forEachRow(rows, (record, row) => {
    const reading = readActivity(readers, record, row, true, now);
    if (isIssue(reading)) {
      issues.push(reading);
      leftOut++;
      return;
    }
    const time = reading.time as number;
    if (time <= baselineStart) return;
    let total = totals.get(reading.account);
    if (total === undefined) {
      total = { thisWeek: 0, baseline: 0 };
      totals.set(reading.account, total);
    }
    if (time > weekStart) total.thisWeek += reading.points;
    else total.baseline += reading.points;
  });

  const accounts = [...totals].map(([account, total]): EngagementSpike => {
    const baselineWeekly = total.baseline / 4;
    return {
      account,
      thisWeek: total.thisWeek,
      baselineWeekly,
      ratio: baselineWeekly === 0 ? undefined : total.thisWeek / baselineWeekly,
      spike: total.thisWeek >= minPoints && total.thisWeek >= multiplier * baselineWeekly,
    };
  });
  accounts.sort((a, b) => Number(b.spike) - Number(a.spike) || b.thisWeek - a.thisWeek);
  return { accounts, leftOut, issues };
}
