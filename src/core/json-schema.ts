/**
 * What the request says about structured output: the zod schema as JSON Schema, in the shapes the Chat
 * Completions (`response_format`) and Responses (`text.format`) APIs take, or as system-prompt text for
 * servers that only know `json_object`.
 */
import * as z from 'zod';

type JsonSchema = Record<string, unknown>;

/** Chat Completions `response_format`. */
export type ResponseFormat =
  | { type: 'json_schema'; json_schema: { name: string; schema: JsonSchema; strict: boolean; description?: string } }
  | { type: 'json_object' };

/** Responses API `text`: `{ format }`. */
export interface ResponsesTextFormat {
  format: { type: 'json_schema'; name: string; schema: JsonSchema; strict: boolean; description?: string };
}

/**
 * Keywords OpenAI's strict mode accepts (its "supported schemas" list). Anything else (minLength,
 * propertyNames, allOf, default...) makes the request fail in strict mode, so such a schema is sent with
 * `strict: false` instead: the model is still guided, and the answer is validated here anyway.
 */
const STRICT_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', '$ref', '$defs',
  'definitions', 'description', 'title', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems',
]);
const STRICT_FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);
const NAME_PATTERN = /[^a-zA-Z0-9_-]/g;

/**
 * The JSON Schema of what the model must write: the schema's *input* side (before transforms run), since
 * the model writes what `safeParse` reads. Types JSON cannot express become `{}` rather than throwing.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * A copy of `json` fit for strict mode, or undefined when it cannot be: every object lists all its
 * properties as required and allows no others, and only supported keywords appear. Objects that say
 * nothing of additional properties get `additionalProperties: false` (zod strips unknown keys anyway).
 */
export function strictJsonSchema(json: JsonSchema): JsonSchema | undefined {
  if (json.type !== 'object') return undefined; // strict mode wants an object at the root
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const out = node.map(walk);
      return out.includes(undefined) ? undefined : out;
    }
    if (node === null || typeof node !== 'object') return node;
    const src = node as JsonSchema;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(src)) {
      if (!STRICT_KEYWORDS.has(key)) return undefined;
      if (key === 'format' && !STRICT_FORMATS.has(String(value))) return undefined;
      if (key === 'enum' || key === 'const' || key === 'description' || key === 'title' || key === 'pattern') {
        out[key] = value;
      } else if (key === 'properties' || key === '$defs' || key === 'definitions') {
        const members: JsonSchema = {};
        for (const [name, sub] of Object.entries(value as JsonSchema)) {
          const converted = walk(sub);
          if (converted === undefined) return undefined;
          members[name] = converted;
        }
        out[key] = members;
      } else {
        const converted = walk(value);
        if (converted === undefined) return undefined;
        out[key] = converted;
      }
    }
    const isObject = src.type === 'object' || (Array.isArray(src.type) && src.type.includes('object'));
    if (isObject) {
      const names = Object.keys((src.properties as JsonSchema | undefined) ?? {});
      const required = new Set((src.required as string[] | undefined) ?? []);
      if (names.some((name) => !required.has(name))) return undefined;
      if (src.additionalProperties !== undefined && src.additionalProperties !== false) return undefined;
      out.additionalProperties = false;
    }
    return out;
  };
  return walk(json) as JsonSchema | undefined;
}

/** The schema's name for the request: its `title` meta if any, cut to what the API accepts. */
function nameOf(json: JsonSchema, name?: string): string {
  const raw = name ?? (typeof json.title === 'string' ? json.title : 'response');
  return raw.replace(NAME_PATTERN, '_').slice(0, 64) || 'response';
}

/** Chat Completions `response_format` for the schema. */
export function responseFormatFor(
  schema: z.ZodType,
  mode: 'json_schema' | 'json_object' = 'json_schema',
  name?: string,
): ResponseFormat {
  if (mode === 'json_object') return { type: 'json_object' };
  const json = jsonSchemaOf(schema);
  const strict = strictJsonSchema(json);
  const description = typeof json.description === 'string' ? json.description : undefined;
  return {
    type: 'json_schema',
    json_schema: { name: nameOf(json, name), schema: strict ?? json, strict: strict !== undefined, ...(description ? { description } : {}) },
  };
}

/** Responses API `text` parameter (`{ format: { type: 'json_schema', name, schema, strict } }`). */
export function responsesTextFormatFor(schema: z.ZodType, name?: string): ResponsesTextFormat {
  const json = jsonSchemaOf(schema);
  const strict = strictJsonSchema(json);
  return { format: { type: 'json_schema', name: nameOf(json, name), schema: strict ?? json, strict: strict !== undefined } };
}

/**
 * System-prompt text for `json_object` mode (the server guarantees JSON but not the shape): the JSON
 * Schema in a ```json block, which the model (and the dev model) reads.
 */
export function schemaInstructions(schema: z.ZodType): string {
  return [
    'Answer with a single JSON value that conforms to the following JSON Schema.',
    'Write only the JSON: no explanation before or after it.',
    '',
    '```json',
    JSON.stringify(jsonSchemaOf(schema), null, 2),
    '```',
  ].join('\n');
}
