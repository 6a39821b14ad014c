export { createRouter } from './router.js';
export type {
  AssignInput,
  Assigner,
  Assignment,
  DeadLetter,
  Decision,
  DecisionTrace,
  GraphRouterOptions,
  Hook,
  HookConfig,
  HookName,
  HookOutcome,
  HookSettings,
  LeadOf,
  LifecycleHookName,
  PendingDecision,
  Route,
  RouteOptions,
  RouteReason,
  Router,
  RouterBaseOptions,
  RouterHooks,
  RouterOptions,
  StepOutcome,
} from './router.js';
export { abmStep, defineStep, mqlStep, nurtureStep, scoreStep } from './steps.js';
export { accountStep } from './account-step.js';
export type { AccountStepOptions } from './account-step.js';
export { idempotent } from './idempotency.js';
export type { IdempotencyOptions } from './idempotency.js';
export type {
  AbmStepOptions,
  AccountFacts,
  AccountTrace,
  LedgerEntry,
  MqlStepOptions,
  RouteClaim,
  RoutesOf,
  ScoreFacts,
  Step,
  StepContext,
  StepFindings,
  StepResult,
} from './steps.js';
export type { ErrorInfo, HookContext, RetryPolicy, RouterAbortSignal, Timers } from './hooks.js';
export { memoryStore } from './store.js';
export type { MemoryStore, RouterStore } from './store.js';
export { disqualifyStep } from './disqualify.js';
export type { DisqualifyOptions } from './disqualify.js';
export { assignment } from './assignment.js';
export type { AssignmentOptions, AssignmentStrategy, Rep } from './assignment.js';
export { routeMany } from './batch.js';
export type { BatchProgress, BatchResult, RouteManyOptions } from './batch.js';
export { compareRouters, dryRun } from './dry-run.js';
export type { CompareRoutersOptions, DryRunOptions, DryRunReport, RouterComparison, RouterMove } from './dry-run.js';
