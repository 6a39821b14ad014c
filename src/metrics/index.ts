// The `netspear/metrics` entry point: growth metrics computed from plain arrays of leads,
// accounts and opportunities. Results are data with an `issues` array, never printed text.
export { funnel } from './funnel.js';
export type { FunnelOptions, FunnelReport, FunnelStage, FunnelStageResult, FunnelTransition } from './funnel.js';
export { conversionByTier, rocAuc } from './conversion.js';
export type { RocAucOptions, RocAucReport, TierConversion, TierConversionOptions, TierConversionReport } from './conversion.js';
export { engagementSpikes, rollUpEngagement } from './engagement.js';
export type {
  AccountEngagement,
  EngagementRollUp,
  EngagementRollUpOptions,
  EngagementSpike,
  EngagementSpikeOptions,
  EngagementSpikeReport,
  LeadEngagement,
} from './engagement.js';
export { buyingGroupCoverage } from './buying-group.js';
export type { AccountCoverage, BuyingGroupOptions, BuyingGroupReport, BuyingRole, RoleCoverage } from './buying-group.js';
export { NO_SEGMENT, pipelineVelocity, velocityOf } from './velocity.js';
export type { PipelineVelocityOptions, PipelineVelocityReport, VelocityFactors, VelocitySegment } from './velocity.js';
export { backtestIcp } from './backtest.js';
export type { IcpBacktest, IcpBacktestOptions, IcpBacktestReport, IcpLift } from './backtest.js';
export { readDate } from './dates.js';
export type { DateInput, DateReading } from './dates.js';
export type { Field } from './fields.js';
export type { MetricIssue, MetricIssueCode } from './issues.js';
export type { DurationSummary } from './stats.js';
