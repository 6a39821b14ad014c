import type { Contribution, ScoreResult } from './scorecard.js';

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  } catch {
    return String(value);
  }
}

/** Describes why a rule gave its points, in words. */
function reason(line: Contribution): string {
  const parts: string[] = [];
  if (line.events !== undefined) {
    const { counted, outsideWindow, overDailyLimit, overMaxCount } = line.events;
    parts.push(`${counted} × ${line.rulePoints}`);
    if (outsideWindow > 0) parts.push(`${outsideWindow} outside the window`);
    if (overDailyLimit > 0) parts.push(`${overDailyLimit} over the daily limit`);
    if (overMaxCount > 0) parts.push(`${overMaxCount} over the maximum count`);
  } else {
    const values = Object.entries(line.values).map(([field, value]) => `${field} = ${shown(value)}`);
    let verdict = 'no match';
    if (line.outcome === 'unknown') verdict = 'undecided';
    else if (line.matched) verdict = 'matched';
    parts.push(`${verdict} (${values.join(', ')})`);
  }
  if (line.decayFactor !== 1) parts.push(`decayed ×${line.decayFactor.toFixed(2)} from ${line.rawPoints}`);
  for (const clip of line.clips) {
    const limit = clip.by === 'scorecard' ? 'the scorecard' : `${clip.by} ${clip.id}`;
    parts.push(`${clip.points < 0 ? 'capped' : 'floored'} ${signed(clip.points)} by ${limit}`);
  }
  return parts.join('; ');
}

/**
 * Formats a score's ledger as text a person reads: the total and tier, one line per rule with
 * its points and why, then missing fields and data issues.
 *
 * @example
 * console.log(formatScore(card.score(lead)));
 * // Score 45, tier nurture
 * //   +20  VP or above          matched (seniority = "vp")
 * //   +25  Email clicks         5 × 5; 35 over the daily limit
 */
export function formatScore(result: ScoreResult, options: { readonly showZero?: boolean } = {}): string {
  const lines = [`Score ${result.total}, tier ${result.tier ?? 'none'}${result.asOf === undefined ? '' : `, as of ${result.asOf}`}`];
  const shownLines = result.contributions.filter((c) => options.showZero !== false || c.points !== 0 || c.outcome === 'unknown');
  const labelWidth = Math.max(0, ...shownLines.map((c) => c.label.length));
  const pointsWidth = Math.max(0, ...shownLines.map((c) => signed(c.points).length));
  let group: string | undefined;
  for (const line of shownLines) {
    if (line.groupId !== group) {
      group = line.groupId;
      const summary = result.groups.find((g) => g.groupId === group);
      if (summary !== undefined) lines.push(`  ${summary.label}: ${signed(summary.points)}${summary.points === summary.rawPoints ? '' : ` (of ${signed(summary.rawPoints)})`}`);
    }
    lines.push(`  ${signed(line.points).padStart(pointsWidth)}  ${line.label.padEnd(labelWidth)}  ${reason(line)}`);
  }
  if (result.missingFields.length > 0) {
    lines.push(`Missing: ${result.missingFields.join(', ')} (${signed(result.undecidedPoints)} points undecided)`);
  }
  for (const issue of result.issues) {
    lines.push(`Issue: ${issue.code} at ${issue.path === '' ? 'the lead' : issue.path}${issue.expected === undefined ? '' : `, expected ${issue.expected}`}, received ${issue.received}`);
  }
  return lines.join('\n');
}
