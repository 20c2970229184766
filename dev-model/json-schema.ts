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

/**
 * Whether `value` fits `schema`: types, enum, const, required and known properties, items, number bounds
 * and string lengths. Enough to decide whether a prepared value may stand in for a generated one.
 */
export function conforms(value: unknown, schema: JsonSchema, root: JsonSchema, depth = 0): boolean {
  if (depth > 32) return false;
  const s = resolveRef(schema ?? {}, root);
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return false;
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length && !branches.some((b) => conforms(value, b, root, depth + 1))) return false;
  if (s.allOf && !s.allOf.every((b) => conforms(value, b, root, depth + 1))) return false;
  const types = typesOf(s);
  if (!types.length) return true;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const fits = types.some((t) => t === kind || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && kind === 'number'));
  if (!fits) return false;
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) return false;
    if (s.maximum !== undefined && value > s.maximum) return false;
  }
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) return false;
    if (s.maxLength !== undefined && value.length > s.maxLength) return false;
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return false;
    if (s.maxItems !== undefined && value.length > s.maxItems) return false;
    const items = Array.isArray(s.items) ? undefined : s.items;
    if (items && !value.every((v) => conforms(v, items, root, depth + 1))) return false;
  }
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    if (s.required?.some((k) => !Object.hasOwn(object, k))) return false;
    for (const [k, v] of Object.entries(object)) {
      const property = s.properties?.[k];
      if (property) {
        if (!conforms(v, property, root, depth + 1)) return false;
      } else if (s.additionalProperties === false) return false;
    }
  }
  return true;
}
