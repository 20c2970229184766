import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import OpenAI from 'openai';
import * as z from 'zod';
import { MAX_SCHEMA_DEPTH, STREAM_CHECK_DEPTH, createObjectAccumulator, type ObjectSnapshot } from '../../src/core/partial-validate.js';
import { responseFormatFor, schemaInstructions } from '../../src/core/json-schema.js';
import { startDevServer, type RunningDevServer } from '../../dev-model/serve.js';

const Movie = z.object({
  title: z.string(),
  year: z.number().int(),
  genre: z.enum(['drama', 'comedy', 'thriller']),
  cast: z.array(z.object({ name: z.string(), role: z.string().nullable() })),
  rating: z.number().min(0).max(10).optional(),
});

/** Pushes `text` one character at a time; returns every snapshot (value frozen at that moment). */
function stream(schema: z.ZodType, text: string) {
  const acc = createObjectAccumulator(schema);
  const snaps: ObjectSnapshot[] = [];
  for (const ch of text) {
    const snap = acc.push(ch);
    if (snap) snaps.push({ ...snap, value: structuredClone(snap.value) });
  }
  return { acc, snaps };
}

const codes = (s: ObjectSnapshot) => s.issues.map((i) => `${i.path.join('.')}:${i.code}`);

describe('partial values', () => {
  it('streams a valid answer: strings grow, numbers appear whole, complete at the end', () => {
    const text = '{"title": "Heat", "year": 1995, "genre": "thriller", "cast": [{"name": "Al Pacino", "role": "Hanna"}, {"name": "Val", "role": null}]}';
    const { acc, snaps } = stream(Movie, text);
    const values = snaps.map((s) => JSON.stringify(s.value));
    assert.ok(values.includes('{"title":"He"}'), 'a growing string is shown');
    assert.ok(!values.some((v) => /"year":(1|19|199)[,}]/.test(v)), 'no partial number');
    assert.ok(snaps.every((s) => s.issues.length === 0), 'no issue on a valid stream');
    assert.ok(snaps.slice(0, -1).every((s) => !s.complete));
    const last = snaps[snaps.length - 1];
    assert.equal(last.complete, true);
    assert.deepEqual(last.value, JSON.parse(text));
    assert.deepEqual(acc.finish('stop'), { ok: true, value: JSON.parse(text) });
  });

  it('shows an enum value only while it is the prefix of an allowed one', () => {
    const { snaps } = stream(Movie, '{"genre": "drxm');
    const genres = snaps.map((s) => (s.value as { genre?: string }).genre);
    assert.deepEqual(genres.filter((g) => g !== undefined), ['', 'd', 'dr']);
    const last = snaps[snaps.length - 1];
    assert.equal((last.value as object).hasOwnProperty('genre'), false, 'hidden once it cannot be valid');
    assert.deepEqual(codes(last), ['genre:invalid_value'], 'and reported at once');
  });

  it('leaves out a string where the schema wants something else, and says so', () => {
    const { snaps } = stream(Movie, '{"year": "nineteen');
    const last = snaps[snaps.length - 1];
    assert.deepEqual(last.value, {});
    assert.deepEqual(codes(last), ['year:invalid_type']);
  });

  it('flags a container of the wrong kind while it is still open', () => {
    const { snaps } = stream(Movie, '{"cast": {"name": "x"');
    assert.deepEqual(codes(snaps[snaps.length - 1]), ['cast:invalid_type']);
  });

  it('checks a subtree when it closes: missing keys, wrong types, unknown keys of strict objects', () => {
    const Strict = z.strictObject({ items: z.array(z.strictObject({ id: z.number(), label: z.string() })) });
    const { snaps } = stream(Strict, '{"items": [{"id": 1, "label": "a"}, {"id": "2", "extra": true}');
    const last = snaps[snaps.length - 1];
    assert.deepEqual(codes(last).sort(), ['items.1:unrecognized_keys', 'items.1.id:invalid_type', 'items.1.label:invalid_type'].sort());
    assert.equal(last.complete, false);
  });

  it('validates each closed subtree once, not on every push', () => {
    let calls = 0;
    const Item = z.string().refine((s) => (calls++, s.length > 0));
    const schema = z.object({ items: z.array(Item) });
    const acc = createObjectAccumulator(schema);
    const text = '{"items": ["alpha", "beta", "gamma", "delta"]';
    for (const ch of text) acc.push(ch);
    assert.equal(calls, 4, 'one check per item, though there were many pushes');
    acc.push('}');
    const result = acc.finish('stop');
    assert.equal(result.ok, true);
    assert.equal(calls, 8, 'the end checks the whole value once more, and finish() reuses that check');
  });

  it('waits for a union to close before judging what is under it', () => {
    const schema = z.object({ shape: z.union([z.object({ r: z.number() }), z.object({ w: z.number(), h: z.number() })]) });
    const { snaps } = stream(schema, '{"shape": {"w": 1');
    assert.deepEqual(codes(snaps[snaps.length - 1]), []);
    const done = stream(schema, '{"shape": {"w": 1}');
    assert.deepEqual(codes(done.snaps[done.snaps.length - 1]), ['shape:invalid_union']);
  });

  it('reports what closed and which array items finished since the previous snapshot', () => {
    const acc = createObjectAccumulator(Movie);
    const snap = acc.push('{"title": "Heat", "cast": [{"name": "A", "role": null}, ')!;
    assert.deepEqual(snap.completed, ['/title', '/cast/0/name', '/cast/0']);
    assert.deepEqual(snap.newItems, [{ path: ['cast', 0], value: { name: 'A', role: null } }]);
    assert.deepEqual(snap.openPath, ['cast']);
    assert.deepEqual(acc.snapshot().completed, [], 'deltas are handed out once');
  });

  it('returns nothing when a push changes nothing visible', () => {
    const acc = createObjectAccumulator(Movie);
    assert.ok(acc.push('{"title": "H'));
    assert.equal(acc.push('   '.slice(0, 0)), undefined);
    acc.push('"');
    assert.equal(acc.push('  \n  '), undefined);
    assert.equal(acc.push(', "ye'), undefined, 'a key name that is not complete changes nothing');
    acc.push('ar": 1995, "genre": "drama", "cast": []}');
    assert.equal(acc.push('\n'), undefined, 'nothing after the end');
  });

  it('checks records by key and value, and accepts nullable and optional members', () => {
    const schema = z.object({ scores: z.record(z.enum(['a', 'b']), z.number()), note: z.string().nullable(), opt: z.string().optional() });
    const acc = createObjectAccumulator(schema);
    const snap = acc.push('{"scores": {"a": 1, "c": 2}, ')!;
    assert.deepEqual(codes(snap), ['scores.c:invalid_value'], 'a key the record does not allow');
    acc.push('"note": null}');
    const result = acc.finish('stop');
    assert.ok(!result.ok && result.issues.every((i) => i.path[0] === 'scores'), 'null and a missing optional are fine');
    const ok = createObjectAccumulator(schema);
    ok.push('{"scores": {"a": 1, "b": 2}, "note": null}');
    assert.equal(ok.finish('stop').ok, true);
  });
});

describe('valid answers, split anywhere (property)', () => {
  const Review = z.object({
    title: z.string(),
    score: z.number(),
    verdict: z.enum(['must see', 'mixed', 'skip']),
    kind: z.literal('review'),
    spoilers: z.boolean().nullable(),
    tags: z.array(z.string()).optional(),
    scenes: z.array(z.object({ minute: z.number().int(), note: z.string() })),
    extra: z.union([z.string(), z.object({ link: z.string() })]),
  });
  const review = fc.record(
    {
      title: fc.string({ unit: 'grapheme' }),
      score: fc.double({ noNaN: true, noDefaultInfinity: true }),
      verdict: fc.constantFrom('must see', 'mixed', 'skip'),
      kind: fc.constant('review'),
      spoilers: fc.option(fc.boolean(), { nil: null }),
      tags: fc.array(fc.string()),
      scenes: fc.array(fc.record({ minute: fc.integer(), note: fc.string({ unit: 'binary' }) }), { maxLength: 4 }),
      extra: fc.oneof(fc.string(), fc.record({ link: fc.webUrl() })),
    },
    { requiredKeys: ['title', 'score', 'verdict', 'kind', 'spoilers', 'scenes', 'extra'] },
  );

  it('never reports an issue, never shows a partial number, and ends with the value', () => {
    fc.assert(
      fc.property(review, fc.boolean(), fc.array(fc.nat(), { maxLength: 30 }), (value, pretty, rawCuts) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const cuts = [...new Set(rawCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const acc = createObjectAccumulator(Review);
        let at = 0;
        for (const cut of [...cuts, text.length]) {
          const snap = acc.push(text.slice(at, cut));
          at = cut;
          if (!snap) continue;
          assert.deepEqual(snap.issues, [], `no issue at ${cut}`);
          const shown = snap.value as Record<string, unknown>;
          if ('score' in shown) assert.equal(shown.score, JSON.parse(JSON.stringify(value.score)));
          if ('verdict' in shown) assert.ok(['must see', 'mixed', 'skip'].some((v) => v.startsWith(shown.verdict as string)));
        }
        const result = acc.finish('stop');
        assert.ok(result.ok, !result.ok ? result.message : '');
        assert.deepEqual(result.value, Review.parse(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the end is authoritative', () => {
  it('runs transforms and defaults on the final value', () => {
    const schema = z.object({ n: z.string().transform((s) => s.length), d: z.string().default('none') });
    const { acc, snaps } = stream(schema, '{"n": "four"}');
    assert.deepEqual(snaps[snaps.length - 1].value, { n: 'four' }, 'snapshots show what arrived');
    assert.deepEqual(acc.finish('stop'), { ok: true, value: { n: 4, d: 'none' } });
  });

  it('finish("length") is a truncation error', () => {
    const { acc } = stream(Movie, '{"title": "Heat", "year": 19');
    const result = acc.finish('length');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.issues[0].code === 'truncated' && /cut off/.test(result.message));
    assert.ok(!result.ok && result.raw === '{"title": "Heat", "year": 19');
  });

  it('an unfinished answer without finish reason "length" is invalid JSON', () => {
    const { acc } = stream(Movie, '{"title": "Heat"');
    const result = acc.finish('stop');
    assert.ok(!result.ok && result.issues[0].code === 'invalid_json');
  });

  it('malformed JSON: reported with its offset, no throw, the raw text kept', () => {
    const acc = createObjectAccumulator(Movie);
    acc.push('{"title": "Heat",');
    const snap = acc.push(' oops');
    assert.ok(snap && snap.issues.some((i) => i.code === 'invalid_json' && /offset 18/.test(i.message)));
    assert.equal(acc.push('more'), undefined);
    const result = acc.finish('stop');
    assert.ok(!result.ok && result.raw === '{"title": "Heat", oopsmore' && /not valid JSON/.test(result.message));
  });

  it('valid JSON that breaks the schema: the full list of issues', () => {
    const { acc } = stream(Movie, '{"title": 5, "year": 1995.5, "genre": "drama", "cast": []}');
    const result = acc.finish('stop');
    assert.ok(!result.ok);
    assert.deepEqual(result.issues.map((i) => i.path.join('.')).sort(), ['title', 'year']);
    assert.match(result.message, /does not match the schema/);
  });

  it('a root number or string ends with the input', () => {
    const acc = createObjectAccumulator(z.number().max(10));
    acc.push('42');
    const result = acc.finish();
    assert.ok(!result.ok && result.issues[0].code === 'too_big');
  });
});

describe('absurd nesting', () => {
  type Node = { a: string | Node };
  const node: z.ZodType<Node> = z.lazy(() => z.object({ a: z.union([z.string(), node]) }));
  const nested = (depth: number, leaf: string) => '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
  const feed = (schema: z.ZodType, text: string, chunk = 16) => {
    const acc = createObjectAccumulator(schema);
    let last: ObjectSnapshot | undefined;
    for (let i = 0; i < text.length; i += chunk) last = acc.push(text.slice(i, i + chunk)) ?? last;
    return { acc, last };
  };

  it('checks a value deeper than the streamed checks at the end, and finds a wrong leaf below them', () => {
    const depth = STREAM_CHECK_DEPTH + 40;
    assert.deepEqual(feed(node, nested(depth, '"leaf"')).acc.finish(), { ok: true, value: JSON.parse(nested(depth, '"leaf"')) });
    const wrong = feed(node, nested(depth, '7')).acc.finish();
    assert.equal(wrong.ok, false);
  });

  it('says a value is nested too deep to check rather than overflowing the stack', () => {
    const { acc, last } = feed(node, nested(10_000, '"leaf"'));
    assert.ok(last!.openPath === undefined || last!.openPath.length <= STREAM_CHECK_DEPTH);
    const result = acc.finish();
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.issues[0].code, 'too_deep');
    assert.match(result.message, new RegExp(`Nested 10,000 levels deep, more than the ${MAX_SCHEMA_DEPTH} levels`));
  });

  it('reports closed values and the open path only down to the checked depth', () => {
    const acc = createObjectAccumulator(node);
    const completed: string[] = [];
    let longest = 0;
    const text = nested(2_000, '"leaf"');
    for (let i = 0; i < text.length; i += 7) {
      const snap = acc.push(text.slice(i, i + 7));
      if (!snap) continue;
      completed.push(...snap.completed);
      longest = Math.max(longest, snap.openPath?.length ?? 0);
    }
    assert.equal(longest, STREAM_CHECK_DEPTH);
    assert.ok(completed.every((pointer) => pointer.split('/').length - 1 <= STREAM_CHECK_DEPTH));
    assert.ok(completed.includes(''), 'the root closed');
  });
});

describe('against the dev model through the official SDK', () => {
  let dev: RunningDevServer;
  let client: OpenAI;
  before(async () => {
    dev = await startDevServer();
    client = new OpenAI({ baseURL: `${dev.origin}/v1`, apiKey: 'dev', maxRetries: 0 });
  });
  after(() => dev.close());

  async function run(mode: 'json_schema' | 'json_object', model = 'dev;rate=0') {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Recommend a movie for tonight.' }];
    if (mode === 'json_object') messages.unshift({ role: 'system', content: schemaInstructions(Movie) });
    const stream = await client.chat.completions.create({
      model, messages, stream: true, response_format: responseFormatFor(Movie, mode) as OpenAI.ResponseFormatJSONSchema,
    });
    const acc = createObjectAccumulator(Movie);
    const snaps: ObjectSnapshot[] = [];
    let finish: string | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (delta) {
        const snap = acc.push(delta);
        if (snap) snaps.push(snap);
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    return { acc, snaps, result: acc.finish(finish) };
  }

  it('json_schema mode: a valid movie, shown growing, complete at the end', async () => {
    const { snaps, result } = await run('json_schema');
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.ok(snaps.length > 3, 'several partial snapshots');
    assert.equal(snaps[snaps.length - 1].complete, true);
    assert.equal(Movie.safeParse(result.ok && result.value).success, true);
  });

  it('json_object mode with the schema in the system prompt', async () => {
    const { result } = await run('json_object');
    assert.ok(result.ok, !result.ok ? result.message : '');
  });

  it('the invalid-json scenario fails validation with the raw text kept', async () => {
    const { result } = await run('json_schema', 'dev;rate=0;scenario=invalid-json');
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.raw.length > 0 && result.issues.length > 0);
  });
});
