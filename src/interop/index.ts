// The `netspear/interop` entry point: the versioned JSON form of predicates, JsonLogic, and
// react-querybuilder rule groups.
export { parsePredicate, PREDICATE_JSON_VERSION, toPredicateJson } from './json.js';
export type { PredicateDocument, PredicateJsonNode } from './json.js';
export { fromJsonLogic, toJsonLogic } from './json-logic.js';
export type { JsonLogicRule } from './json-logic.js';
export { fromQueryBuilder, toQueryBuilder } from './query-builder.js';
export type { QueryBuilderGroup, QueryBuilderImportOptions, QueryBuilderRule } from './query-builder.js';
export type { ImportResult, IssueCode, PredicateIssue } from './issues.js';
