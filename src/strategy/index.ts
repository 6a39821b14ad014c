export { recommendStrategy } from './advisor.js';
export type { Strategy, StrategyInput, StrategyRecommendation, StrategyThresholds } from './advisor.js';
