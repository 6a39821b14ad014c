// The `netspear/schema` entry point: zod 4 schemas and parse functions for every JSON
// definition, their JSON Schema documents, and lead validation with any Standard Schema
// validator. zod is an optional peer dependency that only this entry point imports.
export { parseScorecardDefinition, scorecardDefinitionSchema, decaySchema } from './scorecard.js';
export type { ScorecardJson } from './scorecard.js';
export { parsePredicateDocument, predicateDocumentSchema, predicateSchema } from './predicate.js';
export { fitDefinitionSchema, parseFitDefinition } from './fit.js';
export type { FitJson } from './fit.js';
export { parseRouterConfig, routerConfigSchema } from './router.js';
export type { RouterConfig } from './router.js';
export { jsonSchemas } from './json-schema.js';
export type { JsonSchemaName } from './json-schema.js';
export { formatPath } from './issues.js';
export type { SchemaIssue, SchemaResult } from './issues.js';
export { validateLeads } from './leads.js';
export type { LeadIssue, LeadValidation, RejectedLead } from './leads.js';
export type { StandardSchemaV1 } from '../internal/standard-schema.js';
