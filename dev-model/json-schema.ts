/** The subset of JSON Schema the dev model reads (what zod's toJSONSchema and OpenAI's strict mode produce). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  description?: string;
  default?: unknown;
  nullable?: boolean;
  [key: string]: unknown;
}

/** Follows a local `$ref` (`#/$defs/x`, `#/definitions/x`, `#`) against the root schema. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) return {};
    let target: any = root;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      target = target?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    const { $ref: _ignored, ...rest } = current;
    current = { ...(target ?? {}), ...rest };
  }
  return current ?? {};
}

/** The schema's types as a list (`type` may be a string, a list, or absent). */
export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return schema.nullable ? [schema.type, 'null'] : [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items || schema.prefixItems) return ['array'];
  return [];
}
