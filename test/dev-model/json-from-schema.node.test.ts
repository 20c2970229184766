// JSON generated from a JSON Schema fits the schema: zod schemas converted with toJSONSchema, and
// random schemas (fast-check) checked with a validator zod builds from the same JSON Schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod';
import { generateJson } from '../../dev-model/json-from-schema.js';
import type { JsonSchema } from '../../dev-model/json-schema.js';
import { hintsFrom } from '../../dev-model/prompt-values.js';
import { random } from '../../dev-model/random.js';

const generate = (schema: JsonSchema, seed: number | string, prompt = '') =>
  generateJson(schema, { rng: random(seed), root: schema, hint: hintsFrom(prompt) });

const Task = z.object({ title: z.string().min(3).max(40), done: z.boolean(), priority: z.enum(['low', 'medium', 'high']) });
const Node: z.ZodType<{ name: string; children: { name: string; children: unknown[] }[] }> = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(Node).max(2) }),
);

const ZOD_SCHEMAS: Record<string, z.ZodType> = {
  book: z.object({
    title: z.string(),
    year: z.number().int().min(1450).max(2026),
    summary: z.string().max(200),
    tags: z.array(z.string()).min(1).max(5),
    rating: z.number().gt(0).lte(5).nullable(),
    published: z.iso.date(),
    updatedAt: z.iso.datetime(),
    url: z.url(),
    id: z.uuid(),
  }),
  tasks: z.object({ tasks: z.array(Task).min(2), owner: z.object({ name: z.string(), email: z.email() }) }),
  tuple: z.tuple([z.string(), z.number().int(), z.boolean()]),
  union: z.object({ shape: z.discriminatedUnion('kind', [z.object({ kind: z.literal('circle'), r: z.number().positive() }), z.object({ kind: z.literal('square'), side: z.number().multipleOf(0.5).min(1) })]) }),
  record: z.record(z.string(), z.number().int().nonnegative()),
  optional: z.object({ a: z.string().optional(), b: z.number().nullish(), c: z.array(z.null()).length(2) }),
  recursive: Node,
  primitives: z.array(z.union([z.string().length(4), z.number().int().min(-3).max(3), z.boolean()])).min(3),
};

describe('JSON from zod-made schemas', () => {
  for (const [name, schema] of Object.entries(ZOD_SCHEMAS)) {
    it(`${name}: 40 seeds, every value parses`, () => {
      const json = z.toJSONSchema(schema) as JsonSchema;
      for (let seed = 0; seed < 40; seed++) {
        const value = JSON.parse(JSON.stringify(generate(json, seed)));
        const parsed = schema.safeParse(value);
        assert.ok(parsed.success, `${name} seed ${seed}: ${JSON.stringify(value)}\n${parsed.error}`);
      }
    });
  }

  it('is deterministic for a seed and varies between seeds', () => {
    const json = z.toJSONSchema(ZOD_SCHEMAS.tasks) as JsonSchema;
    assert.deepEqual(generate(json, 'a'), generate(json, 'a'));
    const distinct = new Set(Array.from({ length: 10 }, (_, i) => JSON.stringify(generate(json, i))));
    assert.ok(distinct.size >= 8);
  });

  it('arrays have several items, nullable values are sometimes null, names give plausible values', () => {
    const json = z.toJSONSchema(ZOD_SCHEMAS.book) as JsonSchema;
    const values = Array.from({ length: 40 }, (_, i) => generate(json, i) as any);
    assert.ok(values.some((v) => v.rating === null) && values.some((v) => typeof v.rating === 'number'));
    assert.ok(values.every((v) => v.tags.length >= 1) && values.some((v) => v.tags.length >= 2));
    assert.ok(values.every((v) => /\p{L}/u.test(v.title) && v.title.includes(' ')), 'titles read like titles');
  });

  it('takes values from the prompt', () => {
    const json = z.toJSONSchema(z.object({ city: z.string(), days: z.number().int(), unit: z.enum(['celsius', 'fahrenheit']), email: z.email() })) as JsonSchema;
    assert.deepEqual(generate(json, 1, 'Weather in São Paulo for 5 days in fahrenheit, mail zoe@example.org'), {
      city: 'São Paulo',
      days: 5,
      unit: 'fahrenheit',
      email: 'zoe@example.org',
    });
  });
});

/** Random JSON Schemas of the kinds structured output uses. */
const leaf: fc.Arbitrary<JsonSchema> = fc.oneof(
  fc.record({ type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 5 }), maxLength: fc.integer({ min: 5, max: 30 }) }),
  fc.constantFrom<JsonSchema>({ type: 'string', format: 'date' }, { type: 'string', format: 'email' }, { type: 'string', format: 'uuid' }, { type: 'boolean' }, { type: 'null' }),
  fc.integer({ min: -50, max: 50 }).chain((min) => fc.record({ type: fc.constant('integer'), minimum: fc.constant(min), maximum: fc.integer({ min, max: min + 100 }) })),
  fc.record({ type: fc.constant('number'), exclusiveMinimum: fc.constant(0), maximum: fc.double({ min: 1, max: 1e6, noNaN: true }) }),
  fc.record({ type: fc.constantFrom('number', 'integer'), minimum: fc.integer({ min: -20, max: 20 }), multipleOf: fc.constantFrom(0.5, 0.25, 3, 0.1, 7) }).map(
    (s): JsonSchema => (s.type === 'integer' ? { ...s, multipleOf: Math.max(1, Math.round(s.multipleOf)) } : s),
  ),
  fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }).map((e): JsonSchema => ({ type: 'string', enum: e })),
);
const schemaArb: fc.Arbitrary<JsonSchema> = fc.letrec<{ node: JsonSchema }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z]{0,9}$/), tie('node'), { maxKeys: 5 }).chain((properties) =>
      fc.subarray(Object.keys(properties)).map((required): JsonSchema => ({ type: 'object', properties, required, additionalProperties: false })),
    ),
    fc.tuple(tie('node'), fc.integer({ min: 0, max: 3 })).map(([items, minItems]): JsonSchema => ({ type: 'array', items, minItems, maxItems: minItems + 3 })),
    tie('node').map((s): JsonSchema => ({ anyOf: [s, { type: 'null' }] })),
  ),
})).node;

describe('JSON from random schemas', () => {
  it('fits the schema (checked by a validator built from the same JSON Schema)', () => {
    fc.assert(
      fc.property(schemaArb, fc.integer(), (schema, seed) => {
        const value = JSON.parse(JSON.stringify(generate(schema, seed)));
        const validator = z.fromJSONSchema(schema as any);
        const parsed = validator.safeParse(value);
        assert.ok(parsed.success, `${JSON.stringify(schema)}\n=> ${JSON.stringify(value)}\n${parsed.error}`);
      }),
      { numRuns: 300 },
    );
  });
});
