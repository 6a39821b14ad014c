export { scorecard } from './scorecard.js';
export { scorecardFromJSON, scorecardToJSON } from './json.js';
export type {
  Clip,
  Contribution,
  EventCounts,
  EventRule,
  GroupResult,
  Rule,
  RuleGroup,
  ScorecardDefinition,
  Scorecard,
  ScoreOptions,
  ScoreResult,
  ScoringRule,
  TierDefinition,
} from './scorecard.js';
export type { Decay, DecayStep } from './decay.js';
export type { EventSummary, LeadEvent, ScoreIssue } from './events.js';
export { DefinitionError, type DefinitionProblem } from './problems.js';
export { toEpochMs, type Timestamp } from './time.js';
export { combinedScorecard } from './combined.js';
export type { CombinedDefinition, CombinedResult, CombinedScorecard } from './combined.js';
export { compareScorecards } from './compare.js';
export type { CompareOptions, RuleImpact, ScorecardComparison, TierChange } from './compare.js';
export { formatScore } from './format.js';
export { replayScores, scoreAsOf } from './replay.js';
export type { AsOfOptions, ScorePoint } from './replay.js';
export { scoreEach } from './stream.js';
export type { ScoredLead } from './stream.js';
