import { describeValue } from '../internal/config-error.js';
import { collectProblems, DefinitionError, type DefinitionProblem, type ReportProblem } from './problems.js';
import { scorecard, type Scorecard, type ScorecardDefinition } from './scorecard.js';

const API = 'scorecardFromJSON';

// `$schema` lets an editor validate the file against netspear's JSON Schema; it is ignored here.
const DEFINITION_KEYS = ['$schema', 'version', 'rules', 'groups', 'cap', 'floor', 'tiers', 'mqlThreshold', 'hysteresis', 'eventsField', 'placeholders', 'parseStrings'];
const GROUP_KEYS = ['id', 'label', 'rules', 'cap', 'floor', 'decay'];
const FIELD_RULE_KEYS = ['id', 'label', 'when', 'points', 'at', 'withinDays', 'decay'];
const EVENT_RULE_KEYS = ['id', 'label', 'event', 'where', 'points', 'maxCount', 'maxPoints', 'perDay', 'withinDays', 'decay'];
const TIER_KEYS = ['name', 'min'];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKeys(value: unknown, allowed: readonly string[], where: string, report: ReportProblem): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) report(where ? `${where}.${key}` : key, `unknown key; expected one of ${allowed.join(', ')}`);
  }
}

function checkDecayKeys(decay: unknown, where: string, report: ReportProblem): void {
  if (!isObject(decay)) return;
  checkKeys(decay, decay['kind'] === 'step' ? ['kind', 'steps'] : ['kind', 'days'], where, report);
  if (decay['kind'] === 'step' && Array.isArray(decay['steps'])) {
    decay['steps'].forEach((step, i) => checkKeys(step, ['afterDays', 'factor'], `${where}.steps[${i}]`, report));
  }
}

function checkRules(rules: unknown, where: string, report: ReportProblem): void {
  if (!Array.isArray(rules)) return;
  rules.forEach((rule: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(rule)) return;
    checkKeys(rule, 'event' in rule ? EVENT_RULE_KEYS : FIELD_RULE_KEYS, at, report);
    checkDecayKeys(rule['decay'], `${at}.decay`, report);
  });
}

/** Lists the keys that a scorecard definition does not know, so a misspelt `pionts` is not silently ignored. */
function checkDefinitionKeys(value: Record<string, unknown>, report: ReportProblem): void {
  checkKeys(value, DEFINITION_KEYS, '', report);
  if (value['version'] !== undefined && value['version'] !== 1) {
    report('version', `expected 1, the only definition version, received ${describeValue(value['version'])}`);
  }
  if (value['parseStrings'] !== undefined && typeof value['parseStrings'] !== 'boolean') {
    report('parseStrings', `expected true or false, received ${describeValue(value['parseStrings'])}`);
  }
  checkRules(value['rules'], 'rules', report);
  const groups = value['groups'];
  if (Array.isArray(groups)) {
    groups.forEach((group: unknown, g) => {
      checkKeys(group, GROUP_KEYS, `groups[${g}]`, report);
      if (isObject(group)) {
        checkRules(group['rules'], `groups[${g}].rules`, report);
        checkDecayKeys(group['decay'], `groups[${g}].decay`, report);
      }
    });
  }
  const tiers = value['tiers'];
  if (Array.isArray(tiers)) tiers.forEach((tier, i) => checkKeys(tier, TIER_KEYS, `tiers[${i}]`, report));
}

/**
 * Builds a scorecard from a JSON definition (text or parsed data), as stored in a database or
 * edited in an admin page. Throws a `DefinitionError` (a `NetspearConfigError`) whose
 * `problems` list every problem by path, including unknown keys.
 *
 * @example
 * const card = scorecardFromJSON('{"rules":[{"id":"vp","when":{"op":"equals","field":"seniority","value":"vp"},"points":20}],"mqlThreshold":20}');
 * card.total({ seniority: 'vp' }); // 20
 */
export function scorecardFromJSON<Name extends string = string>(json: unknown): Scorecard<any, Name> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new DefinitionError(API, [{ path: '', message: `invalid JSON: ${(error as Error).message}` }]);
    }
  }
  if (!isObject(value)) {
    throw new DefinitionError(API, [{ path: '', message: `expected a JSON object, received ${describeValue(value)}` }]);
  }
  const [problems, report] = collectProblems();
  checkDefinitionKeys(value, report);
  const { version: _version, $schema: _schema, ...definition } = value;
  let built: Scorecard<any, Name> | undefined;
  let buildProblems: readonly DefinitionProblem[] = [];
  try {
    built = scorecard(definition as ScorecardDefinition<any, Name>);
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    buildProblems = error.problems;
  }
  const all = [...buildProblems, ...problems];
  if (built === undefined || all.length > 0) throw new DefinitionError(API, all);
  return built;
}

/**
 * Returns a scorecard's definition as JSON-ready data: what {@link scorecardFromJSON} reads
 * back into an equal scorecard. The `clock` function, which JSON cannot hold, is left out.
 *
 * @example
 * const stored = JSON.stringify(scorecardToJSON(card));
 * scorecardFromJSON(stored).total(lead) === card.total(lead); // true
 */
export function scorecardToJSON(card: Scorecard | ScorecardDefinition): Omit<ScorecardDefinition, 'clock'> & { readonly version: 1 } {
  const definition: ScorecardDefinition = 'kind' in card && card.kind === 'scorecard' ? card.definition : (card as ScorecardDefinition);
  const { clock: _clock, ...data } = definition;
  // A JSON round trip drops undefined values and copies every array, so the result shares nothing with the card.
  return { version: 1, ...(JSON.parse(JSON.stringify(data)) as Omit<ScorecardDefinition, 'clock'>) };
}
