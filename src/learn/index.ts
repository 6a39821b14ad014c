// The `netspear/learn` entry point: learning scorecards from history and measuring them.
export { auc } from './auc.js';
export { evaluateScorecard } from './evaluate.js';
export type { OutcomeReader, ScorecardEvaluation, TierConversion } from './evaluate.js';
export { learnScorecard } from './learn.js';
export type { LearnedScorecard, LearnOptions, ProbabilityTier } from './learn.js';
export { fitLogistic } from './logistic.js';
export type { LogisticModel } from './logistic.js';
