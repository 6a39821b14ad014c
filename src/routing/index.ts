export { createRouter } from './router.js';
export type {
  AccountTrace,
  Decision,
  DecisionTrace,
  Hook,
  HookName,
  HookOutcome,
  PendingDecision,
  Route,
  RouteReason,
  Router,
  RouterHooks,
  RouterOptions,
} from './router.js';
