import { z } from 'zod';
import { fitDefinitionSchema } from './fit.js';
import { predicateDocumentSchema } from './predicate.js';
import { routerConfigSchema } from './router.js';
import { scorecardDefinitionSchema } from './scorecard.js';

/** The base of the `$id` of each JSON Schema: an identifier, never fetched. */
const ID_BASE = 'https://netspear.dev/schemas/';

/** The JSON Schema files the package ships under `schemas/`, by file name without `.json`. */
export type JsonSchemaName = 'scorecard' | 'predicate' | 'fit' | 'router-config';

/** Returns the name of a shared definition by what it describes, in place of zod's `__schema0`. */
function definitionName(definition: Record<string, unknown>): string | undefined {
  const text = JSON.stringify(definition);
  if (Array.isArray(definition['oneOf']) && text.includes('"op"')) return 'PredicateNode';
  if (text.startsWith('{"type":"object","properties":{"op":{"type":"string","enum":["and","or"]}')) return 'AndOrPredicate';
  if (definition['type'] === 'array' && text.includes('"points"')) return 'Rules';
  if (text.includes('"half_life"')) return 'Decay';
  return undefined;
}

/** Renames the `$defs` that zod numbers (`__schema0`) after what they describe, so editors show useful names. */
function nameDefinitions(document: Record<string, unknown>): Record<string, unknown> {
  const definitions = (document['$defs'] ?? {}) as Record<string, Record<string, unknown>>;
  let text = JSON.stringify(document);
  for (const [key, definition] of Object.entries(definitions)) {
    const name = definitionName(definition);
    if (name !== undefined) text = text.split(`"#/$defs/${key}"`).join(`"#/$defs/${name}"`).split(`"${key}":`).join(`"${name}":`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Generates the JSON Schema (draft 2020-12) of every definition from its zod schema, by file
 * name. Cross-field rules such as unique rule ids are checked by the zod schemas and the
 * library only; JSON Schema describes the shape.
 *
 * @example
 * jsonSchemas().scorecard.$id; // 'https://netspear.dev/schemas/scorecard.json'
 */
export function jsonSchemas(): Record<JsonSchemaName, Record<string, unknown>> {
  const sources: [JsonSchemaName, z.ZodType, string, string][] = [
    ['scorecard', scorecardDefinitionSchema(), 'netspear scorecard definition', 'Rules, groups and tiers, as scorecardFromJSON reads them.'],
    ['predicate', predicateDocumentSchema(), 'netspear predicate document', 'A versioned ICP predicate, as parsePredicate reads it and toPredicateJson writes it.'],
    ['fit', fitDefinitionSchema(), 'netspear weighted fit definition', 'Weighted criteria and tiers, as icpFit takes them.'],
    ['router-config', routerConfigSchema(), 'netspear router configuration', 'The JSON-able options of createRouter; steps, hooks and assigners stay in code.'],
  ];
  const out = {} as Record<JsonSchemaName, Record<string, unknown>>;
  for (const [name, schema, title, description] of sources) {
    const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const { $schema, ...rest } = nameDefinitions(generated);
    out[name] = { $schema, $id: `${ID_BASE}${name}.json`, title, description, ...rest };
  }
  return out;
}
