/**
 * Structured output: a JSON value for `json_schema` (conforming to the given schema) or `json_object`
 * (conforming to a JSON Schema in a ```json block of the system prompt, else a generic object).
 * `invalid-json` breaks it on purpose: not JSON at all (`invalid=syntax`) or JSON that breaks the
 * schema (`invalid=schema`).
 */
import { lastUserText, type OutputFormat, type Turn } from './conversation.js';
import { topicOf } from './content.js';
import { generateJson } from './json-from-schema.js';
import { resolveRef, typesOf, type JsonSchema } from './json-schema.js';
import { hintsFrom } from './prompt-values.js';
import { random } from './random.js';
import { recordFor } from './sample-records.js';
import { POINTS, SUMMARIES } from './sample-values.js';

/** The first ```json block of the system prompt that parses as an object. */
function schemaFromSystem(turns: Turn[]): JsonSchema | undefined {
  for (const turn of turns.filter((t) => t.role === 'system')) {
    for (const m of turn.text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) {
      try {
        const value = JSON.parse(m[1]);
        if (value && typeof value === 'object' && !Array.isArray(value)) return value;
      } catch {
        // Not JSON: look at the next block.
      }
    }
  }
  return undefined;
}

/** A block that looks like a schema (has `type`, `properties`…) rather than an example value. */
const looksLikeSchema = (v: JsonSchema) =>
  ['type', 'properties', '$schema', 'anyOf', 'oneOf', 'allOf', '$ref', 'items', 'enum'].some((k) => k in v);

export function structuredValue(turns: Turn[], format: OutputFormat, seed: string): { value: unknown; schema?: JsonSchema } {
  const rng = random(`${seed}:json`);
  const prompt = lastUserText(turns);
  let schema = format.type === 'json_schema' ? format.schema : schemaFromSystem(turns);
  if (schema && !looksLikeSchema(schema)) schema = undefined;
  if (!schema) {
    return {
      value: {
        answer: rng.pick(SUMMARIES),
        topic: topicOf(prompt) || 'anything',
        points: rng.sample(POINTS, 3),
        confidence: Math.round((0.6 + rng.next() * 0.39) * 100) / 100,
      },
    };
  }
  const top = resolveRef(schema, schema);
  const record = recordFor(Object.keys(top.properties ?? {}), prompt, random(`${seed}:record`));
  return { value: generateJson(schema, { rng, root: schema, hint: hintsFrom(prompt), record, sparseness: 0.15 }), schema };
}

/** Valid JSON that does not fit the schema: a required property missing and another of the wrong type. */
function breakSchema(value: unknown, schema: JsonSchema | undefined): unknown {
  const s = schema ? resolveRef(schema, schema) : {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const broken: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(broken);
    const required = s.required?.filter((k) => k in broken) ?? [];
    if (required.length) delete broken[required[0]];
    const other = keys.find((k) => k !== required[0]);
    if (other) broken[other] = typeof broken[other] === 'number' ? 'not a number' : 42;
    if (!required.length && !other) broken.unexpected = true;
    return broken;
  }
  if (Array.isArray(value)) return [...value, { unexpected: 'item' }, 42];
  const types = typesOf(s);
  return types.includes('string') ? 42 : 'not what the schema says';
}

/** JSON text for the answer; `invalid` makes it deliberately wrong. */
export function structuredText(turns: Turn[], format: OutputFormat, seed: string, invalid?: 'syntax' | 'schema'): string {
  const { value, schema } = structuredValue(turns, format, seed);
  if (invalid === 'schema') return JSON.stringify(breakSchema(value, schema));
  const text = JSON.stringify(value);
  if (invalid !== 'syntax') return text;
  // A trailing comma and an unquoted key: what a model that loses track of its JSON produces.
  const last = text.at(-1);
  if (last === '}' || last === ']') return `${text.slice(0, -1)}, oops: tru${last}`;
  return `{"value": ${text},}`;
}
