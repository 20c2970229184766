import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod';
import { responseFormatFor, responsesTextFormatFor, schemaInstructions } from '../../src/core/json-schema.js';

const Movie = z.object({
  title: z.string().describe('The title'),
  year: z.number().int(),
  genre: z.enum(['drama', 'comedy']),
  cast: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
}).meta({ title: 'movie recommendation' });

type Json = Record<string, any>;

describe('response_format', () => {
  it('json_schema mode: the schema, strict when every property is required', () => {
    const format = responseFormatFor(Movie, 'json_schema') as Json;
    assert.equal(format.type, 'json_schema');
    assert.equal(format.json_schema.name, 'movie_recommendation', 'a name the API accepts');
    assert.equal(format.json_schema.strict, true);
    const schema = format.json_schema.schema;
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ['title', 'year', 'genre', 'cast']);
    assert.equal(schema.properties.cast.items.additionalProperties, false);
    assert.deepEqual(schema.properties.genre.enum, ['drama', 'comedy']);
    assert.equal(schema.properties.title.description, 'The title');
    assert.equal(schema.$schema, undefined);
  });

  it('not strict where strict mode cannot express the schema', () => {
    const cases: Record<string, z.ZodType> = {
      optional: z.object({ a: z.string().optional() }),
      record: z.object({ r: z.record(z.string(), z.number()) }),
      minLength: z.object({ a: z.string().min(3) }),
      'a root array': z.array(z.string()),
      default: z.object({ a: z.string().default('x') }),
    };
    for (const [name, schema] of Object.entries(cases)) {
      const format = responseFormatFor(schema) as Json;
      assert.equal(format.json_schema.strict, false, name);
      assert.ok(format.json_schema.schema.type, `${name}: the schema is still sent`);
    }
  });

  it('describes what the model writes: the input side of transforms', () => {
    const format = responseFormatFor(z.object({ n: z.string().transform(Number) })) as Json;
    assert.deepEqual(format.json_schema.schema.properties.n, { type: 'string' });
  });

  it('json_object mode and its system-prompt instructions', () => {
    assert.deepEqual(responseFormatFor(Movie, 'json_object'), { type: 'json_object' });
    const text = schemaInstructions(Movie);
    const block = /```json\n([\s\S]*?)\n```/.exec(text);
    assert.ok(block, 'the schema in a ```json block');
    assert.deepEqual(JSON.parse(block[1]).required, ['title', 'year', 'genre', 'cast']);
  });

  it('Responses API text.format', () => {
    const text = responsesTextFormatFor(Movie) as Json;
    assert.equal(text.format.type, 'json_schema');
    assert.equal(text.format.name, 'movie_recommendation');
    assert.equal(text.format.strict, true);
    assert.equal(text.format.schema.type, 'object');
  });
});
