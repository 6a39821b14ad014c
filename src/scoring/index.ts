export { scorecard } from './scorecard.js';
export type { Contribution, Rule, ScorecardDefinition, Scorecard, ScoreResult, TierDefinition } from './scorecard.js';
