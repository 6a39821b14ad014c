export * from './predicate/index.js';
export * from './scoring/index.js';
export * from './icp/index.js';
export * from './strategy/index.js';
export { ConfigError } from './internal/config-error.js';
export * from './identity/index.js';
export * from './routing/index.js';
