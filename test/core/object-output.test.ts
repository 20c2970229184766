// Structured output through runChat: object events while the JSON streams, the validated value at
// the end, a re-ask when the JSON fails the schema, and the error when it fails again.
import { assert } from 'chai';
import * as z from 'zod';
import { collect, runChat, type ChatEvent, type ProviderName } from '../../src/core/index.js';
import { devOptions, uniqueKey } from './dev-backends.js';

const Recipe = z.object({
  title: z.string(),
  servings: z.number().int(),
  steps: z.array(z.object({ text: z.string(), minutes: z.number() })).min(2),
  tags: z.array(z.string()),
});
const USER = [{ role: 'user' as const, content: 'A pancake recipe as JSON.' }];
type ObjectEvent = Extract<ChatEvent, { type: 'object' }>;
const objectsOf = (events: ChatEvent[]) => events.filter((e): e is ObjectEvent => e.type === 'object');

const cases: [ProviderName, 'json_schema' | 'json_object'][] = [
  ['openai', 'json_schema'],
  ['openai', 'json_object'],
  ['openai-responses', 'json_schema'],
  ['sse', 'json_schema'],
  ['websocket', 'json_schema'],
];

describe('structured output', () => {
  for (const [provider, mode] of cases) {
    it(`${provider} ${mode}: partial objects stream, the final one is complete and valid`, async () => {
      const { events, result } = await collect(
        runChat({ ...devOptions(provider, 'dev;rate=2000;chunk=6'), schema: Recipe, structuredMode: mode, messages: USER }),
      );
      assert.isUndefined(result.error, result.error?.message);
      const parsed = Recipe.safeParse(result.object);
      assert.isTrue(parsed.success, 'result.object fits the schema');
      assert.deepEqual(result.object, JSON.parse(result.message.content!));
      const objects = objectsOf(events);
      assert.isAbove(objects.length, 2, 'the value shows while it streams');
      const last = objects.at(-1)!;
      assert.isTrue(last.complete);
      assert.deepEqual(last.value, result.object);
      assert.isTrue(objects.slice(0, -1).every((o) => !o.complete), 'only the last is complete');
      // Every array item and the root were reported as completed somewhere along the way.
      const completed = new Set(objects.flatMap((o) => o.completed ?? []));
      for (let i = 0; i < parsed.data!.steps.length; i++) assert.isTrue(completed.has(`/steps/${i}`), `/steps/${i}`);
      assert.isTrue(completed.has(''), 'the root');
      // Values only grow: an earlier partial is never contradicted by a later one.
      const firstWithTitle = objects.find((o) => typeof (o.value as any)?.title === 'string' && (o.value as any).title.length > 0);
      assert.ok(firstWithTitle);
      assert.isTrue(parsed.data!.title.startsWith((firstWithTitle!.value as any).title));
      const end = events.at(-1)!;
      assert.deepEqual(end.type === 'end' && end.object, result.object);
      // Nothing after the object but usage and end.
      const after = events.slice(events.indexOf(last) + 1).map((e) => e.type);
      assert.includeMembers(['usage', 'end'], after);
    });
  }

  for (const provider of ['openai-responses', 'sse', 'websocket'] as const) {
    it(`${provider}: invalid JSON once, then a valid answer on the re-ask`, async () => {
      const { events, result } = await collect(
        runChat({ ...devOptions(provider, `dev;rate=0;scenario=invalid-json;failures=1;key=${uniqueKey()}`), schema: Recipe, messages: USER }),
      );
      const errors = events.filter((e) => e.type === 'error');
      assert.deepEqual(errors.map((e) => e.type === 'error' && e.error.kind), ['validation']);
      assert.isUndefined(result.error);
      assert.isTrue(Recipe.safeParse(result.object).success);
      assert.deepEqual(result.messages.map((m) => m.role), ['user', 'assistant']);
    });
  }

  it('invalid JSON once: a validation error, then a re-ask that succeeds; the history stays clean', async () => {
    const bodies: any[] = [];
    const { events, result } = await collect(
      runChat({
        ...devOptions('openai', `dev;rate=0;scenario=invalid-json;failures=1;key=${uniqueKey()}`),
        schema: Recipe,
        messages: USER,
        fetch: (input, init) => {
          bodies.push(JSON.parse(String(init?.body)));
          return fetch(input, init);
        },
      }),
    );
    const errors = events.filter((e) => e.type === 'error');
    assert.lengthOf(errors, 1);
    const error = errors[0].type === 'error' ? errors[0].error : undefined;
    assert.equal(error?.kind, 'validation');
    assert.isTrue(errors[0].type === 'error' && errors[0].retrying, 'the error says the model is asked again');
    assert.isAbove(error!.raw!.length, 0, 'the raw text is kept');
    assert.isAbove(error!.issues!.length, 0);
    assert.isUndefined(result.error, 'the second answer was valid');
    assert.isTrue(Recipe.safeParse(result.object).success);
    assert.deepEqual(result.messages.map((m) => m.role), ['user', 'assistant']);
    // The re-ask showed the model its answer and what was wrong.
    assert.lengthOf(bodies, 2);
    const reask = bodies[1].messages;
    assert.equal(reask.at(-2).role, 'assistant');
    assert.equal(reask.at(-2).content, error!.raw);
    assert.match(reask.at(-1).content, /corrected JSON/);
  });

  for (const invalid of ['syntax', 'schema'] as const) {
    it(`invalid JSON (${invalid}) every time: the validation error with issues and raw text ends the turn`, async () => {
      const { events, result } = await collect(
        runChat({ ...devOptions('openai', `dev;rate=0;scenario=invalid-json;invalid=${invalid}`), schema: Recipe, messages: USER, maxValidationRetries: 1 }),
      );
      const errors = events.filter((e): e is Extract<ChatEvent, { type: 'error' }> => e.type === 'error');
      assert.deepEqual(errors.map((e) => !!e.retrying), [true, false], 'first answer (re-asked), then the last try');
      assert.equal(result.error?.kind, 'validation');
      assert.equal(result.finishReason, 'error');
      assert.isAbove(result.error!.issues!.length, 0);
      assert.equal(result.error!.raw, result.message.content);
      assert.isUndefined(result.object);
      if (invalid === 'schema') assert.isTrue(result.error!.issues!.some((i) => i.path.length > 0), 'issues point into the value');
      const lastObject = objectsOf(events).at(-1)!;
      assert.isFalse(lastObject.complete);
      assert.deepEqual(lastObject.issues, result.error!.issues);
    });
  }

  for (const provider of ['openai', 'openai-responses'] as const) {
    it(`${provider}: a token limit during structured output is a truncation error, not re-asked`, async () => {
      const bodies: unknown[] = [];
      const { events, result } = await collect(
        runChat({
          ...devOptions(provider, 'dev;rate=0'),
          schema: Recipe,
          maxTokens: 12,
          messages: USER,
          fetch: (input, init) => {
            bodies.push(init?.body);
            return fetch(input, init);
          },
        }),
      );
      assert.lengthOf(bodies, 1, 'no re-ask: it would be cut again');
      assert.equal(result.error?.kind, 'protocol');
      assert.match(result.error!.message, /cut off/);
      assert.equal(result.error!.raw, result.message.content);
      assert.equal(result.finishReason, 'error');
      assert.lengthOf(events.filter((e) => e.type === 'error'), 1);
    });
  }

  it('a tool step first, then the structured answer', async () => {
    const { result } = await collect(
      runChat({
        ...devOptions('openai', 'dev;rate=0'),
        schema: z.object({ summary: z.string() }),
        messages: [{ role: 'user', content: 'Please call get_stock for ACME and summarise' }],
        tools: [{ name: 'get_stock', parameters: z.object({ symbol: z.string() }), execute: () => ({ price: 12 }) }],
      }),
    );
    assert.deepEqual(result.messages.map((m) => m.role), ['user', 'assistant', 'tool', 'assistant']);
    assert.isString((result.object as any)?.summary);
  });
});
