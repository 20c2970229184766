// The dev model read through the official OpenAI SDK: every scenario arrives as the result or the
// error a client of the real API would get.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI, { APIConnectionError, APIError, AuthenticationError, InternalServerError, RateLimitError } from 'openai';
import * as z from 'zod';
import { startDevServer, type RunningDevServer } from '../../dev-model/serve.js';

let server: RunningDevServer;
let client: OpenAI;
const user = (content: string) => [{ role: 'user' as const, content }];
let keys = 0;
const uniqueKey = () => `k${process.pid}-${++keys}`;

before(async () => {
  server = await startDevServer(0);
  client = new OpenAI({ baseURL: `${server.origin}/v1`, apiKey: 'x', maxRetries: 0 });
});
after(() => server.close());

async function streamText(model: string, content = 'Tell me about streaming.') {
  const stream = await client.chat.completions.create({ model, stream: true, stream_options: { include_usage: true }, messages: user(content) });
  let text = '';
  const finishes: (string | null)[] = [];
  let usage: OpenAI.CompletionUsage | undefined | null;
  let roleChunks = 0;
  for await (const chunk of stream) {
    if (chunk.usage) {
      usage = chunk.usage;
      assert.deepEqual(chunk.choices, [], 'the usage chunk has no choices');
    }
    for (const choice of chunk.choices) {
      if (choice.delta.role) roleChunks++;
      text += choice.delta.content ?? '';
      if (choice.finish_reason) finishes.push(choice.finish_reason);
    }
  }
  return { text, finishes, usage, roleChunks };
}

/** Tool calls put together from streamed deltas, by index. */
async function streamToolCalls(params: OpenAI.ChatCompletionCreateParamsStreaming) {
  const calls: { id: string; name: string; arguments: string }[] = [];
  let finish: string | null = null;
  let chunksWithArgs = 0;
  for await (const chunk of await client.chat.completions.create(params)) {
    for (const choice of chunk.choices) {
      for (const d of choice.delta.tool_calls ?? []) {
        calls[d.index] ??= { id: '', name: '', arguments: '' };
        if (d.id) calls[d.index].id = d.id;
        if (d.function?.name) calls[d.index].name += d.function.name;
        if (d.function?.arguments) {
          calls[d.index].arguments += d.function.arguments;
          chunksWithArgs++;
        }
      }
      finish = choice.finish_reason ?? finish;
    }
  }
  return { calls, finish, chunksWithArgs };
}

const weatherParams = z.object({
  city: z.string(),
  unit: z.enum(['celsius', 'fahrenheit']),
  days: z.number().int().min(1).max(10),
});
const searchParams = z.object({
  query: z.string().min(1),
  filters: z.object({ tags: z.array(z.string()).min(1), since: z.string().date().nullable() }),
  limit: z.number().int().min(1).max(50),
});
const tools: OpenAI.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: z.toJSONSchema(weatherParams) as Record<string, unknown> } },
  { type: 'function', function: { name: 'search_docs', parameters: z.toJSONSchema(searchParams) as Record<string, unknown> } },
  { type: 'function', function: { name: 'send_email', parameters: z.toJSONSchema(z.object({ to: z.email(), subject: z.string(), body: z.string() })) as Record<string, unknown> } },
];

describe('chat completions through the SDK', () => {
  it('streams text, then a finish chunk, then a usage chunk', async () => {
    const { text, finishes, usage, roleChunks } = await streamText('dev;rate=0');
    assert.ok(text.length > 50, 'some text');
    assert.deepEqual(finishes, ['stop']);
    assert.equal(roleChunks, 1, 'the role comes once, first');
    assert.ok(usage && usage.completion_tokens > 0);
    assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
  });

  it('gives the same answer to the same conversation, and another to another one', async () => {
    const a = await streamText('dev;rate=0', 'How do retries work?');
    const b = await streamText('dev;rate=0', 'How do retries work?');
    const c = await streamText('dev;rate=0', 'What is a web component?');
    assert.equal(a.text, b.text);
    assert.notEqual(a.text, c.text);
  });

  it('a request seed gives another answer to the same conversation, the same seed the same one', async () => {
    const ask = (seed?: number) => client.chat.completions.create({ model: 'dev;rate=0', seed, messages: user('How do retries work?') });
    const [plain, one, again, two] = await Promise.all([ask(), ask(1), ask(1), ask(2)]);
    const text = (c: OpenAI.ChatCompletion) => c.choices[0].message.content;
    assert.equal(text(one), text(again));
    assert.equal(new Set([text(plain), text(one), text(two)]).size, 3);
  });

  it('answers without streaming as a chat.completion object', async () => {
    const completion = await client.chat.completions.create({ model: 'dev;rate=0', messages: user('Show me a table') });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.choices[0].finish_reason, 'stop');
    assert.match(completion.choices[0].message.content ?? '', /\n\|.*\|\n\|( --- \|)+/);
    assert.ok(completion.usage!.total_tokens > 0);
    const streamed = await streamText('dev;rate=0', 'Show me a table');
    assert.equal(streamed.text, completion.choices[0].message.content, 'streamed and whole answers agree');
  });

  it('makes an answer of exactly words=N words', async () => {
    for (const n of [1, 7, 150, 1200]) {
      const { text } = await streamText(`dev;rate=0;words=${n}`);
      assert.equal(text.split(/\s+/).filter(Boolean).length, n);
    }
  });

  it('stops at max_tokens with finish_reason "length"', async () => {
    const full = await client.chat.completions.create({ model: 'dev;rate=0', messages: user('Write a long essay') });
    const cut = await client.chat.completions.create({ model: 'dev;rate=0', max_completion_tokens: 20, messages: user('Write a long essay') });
    assert.equal(cut.choices[0].finish_reason, 'length');
    assert.ok(full.choices[0].message.content!.startsWith(cut.choices[0].message.content!));
    assert.ok(cut.usage!.completion_tokens <= 20);
    const short = await client.chat.completions.create({ model: 'dev;rate=0', max_tokens: 5000, messages: user('hello') });
    assert.equal(short.choices[0].finish_reason, 'stop');
  });

  it('lists models', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    assert.ok(ids.includes('dev'));
  });
});

describe('tool calls through the SDK', () => {
  it('calls the named tools in parallel, with arguments that fit their schemas', async () => {
    const { calls, finish, chunksWithArgs } = await streamToolCalls({
      model: 'dev;rate=0',
      stream: true,
      tools,
      messages: user('Use get_weather for Lisbon in celsius for 4 days and search_docs about "streaming parsers"'),
    });
    assert.equal(finish, 'tool_calls');
    assert.deepEqual(calls.map((c) => c.name), ['get_weather', 'search_docs']);
    assert.equal(new Set(calls.map((c) => c.id)).size, 2, 'distinct ids');
    assert.ok(chunksWithArgs > calls.length, 'arguments arrive in fragments');
    const weather = weatherParams.parse(JSON.parse(calls[0].arguments));
    assert.deepEqual(weather, { city: 'Lisbon', unit: 'celsius', days: 4 }, 'values taken from the prompt');
    const search = searchParams.parse(JSON.parse(calls[1].arguments));
    assert.equal(search.query, 'streaming parsers');
  });

  it('follows a "then" chain one step at a time, then answers with the results', async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = user('Call get_weather in Tokyo then send_email to ada@example.com');
    const first = await client.chat.completions.create({ model: 'dev;rate=0', tools, messages });
    const step1 = first.choices[0].message.tool_calls ?? [];
    assert.deepEqual(step1.map((c) => c.type === 'function' && c.function.name), ['get_weather']);
    messages.push(first.choices[0].message);
    messages.push({ role: 'tool', tool_call_id: step1[0].id, content: '{"temperature":18,"condition":"light rain"}' });

    const second = await streamToolCalls({ model: 'dev;rate=0', stream: true, tools, messages });
    assert.deepEqual(second.calls.map((c) => c.name), ['send_email']);
    const email = JSON.parse(second.calls[0].arguments);
    assert.equal(email.to, 'ada@example.com');
    assert.match(email.body, /light rain/, 'the next call uses the earlier result');
    messages.push({ role: 'assistant', content: null, tool_calls: second.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) });
    messages.push({ role: 'tool', tool_call_id: second.calls[0].id, content: 'sent, message id 42' });

    const answer = await client.chat.completions.create({ model: 'dev;rate=0', tools, messages });
    const text = answer.choices[0].message.content ?? '';
    assert.equal(answer.choices[0].finish_reason, 'stop');
    assert.match(text, /light rain/);
    assert.match(text, /sent, message id 42/);
  });

  it('honours tool_choice: none answers in text, a named function is called unasked', async () => {
    const none = await client.chat.completions.create({ model: 'dev;rate=0', tools, tool_choice: 'none', messages: user('get_weather in Rome') });
    assert.equal(none.choices[0].finish_reason, 'stop');
    assert.equal(none.choices[0].message.tool_calls, undefined);
    const forced = await client.chat.completions.create({
      model: 'dev;rate=0',
      tools,
      tool_choice: { type: 'function', function: { name: 'search_docs' } },
      messages: user('Tell me about "incremental parsing"'),
    });
    const calls = forced.choices[0].message.tool_calls ?? [];
    assert.deepEqual(calls.map((c) => c.type === 'function' && c.function.name), ['search_docs']);
    assert.equal(calls[0].type === 'function' && searchParams.parse(JSON.parse(calls[0].function.arguments)).query, 'incremental parsing');
  });

  it('tools-no-index: tool-call deltas carry no index', async () => {
    const stream = await client.chat.completions.create({
      model: 'dev;rate=0;scenario=tools-no-index',
      stream: true,
      tools,
      messages: user('get_weather and search_docs please'),
    });
    let deltas = 0;
    for await (const chunk of stream) {
      for (const d of chunk.choices[0]?.delta.tool_calls ?? []) {
        deltas++;
        assert.equal('index' in d, false);
      }
    }
    assert.ok(deltas > 2);
  });
});

describe('structured output through the SDK', () => {
  const Book = z.object({
    title: z.string(),
    year: z.number().int().min(1900).max(2030),
    summary: z.string(),
    points: z.array(z.string()).min(2),
    tasks: z.array(z.object({ title: z.string(), done: z.boolean(), priority: z.enum(['low', 'medium', 'high']) })),
    rating: z.number().min(0).max(5).nullable(),
    author: z.object({ name: z.string(), email: z.email() }),
    published: z.iso.date(),
  });

  async function streamJson(model: string, responseFormat: OpenAI.ChatCompletionCreateParams['response_format'], messages: OpenAI.ChatCompletionMessageParam[] = user('Describe a book')) {
    const stream = await client.chat.completions.create({ model, stream: true, response_format: responseFormat, messages });
    let text = '';
    let deltas = 0;
    for await (const chunk of stream) {
      const piece = chunk.choices[0]?.delta.content;
      if (piece) (text += piece), deltas++;
    }
    return { text, deltas };
  }

  const bookFormat = { type: 'json_schema' as const, json_schema: { name: 'book', strict: true, schema: z.toJSONSchema(Book) as Record<string, unknown> } };

  it('streams JSON that parses and fits the schema, over many conversations', async () => {
    let escapes = 0;
    for (let i = 0; i < 12; i++) {
      const { text, deltas } = await streamJson('dev;rate=0', bookFormat, user(`Describe book number ${i}`));
      assert.ok(deltas > 3, 'in several deltas');
      const value = Book.parse(JSON.parse(text));
      assert.ok(value.points.length >= 2);
      if (/\\["\\n]|[^\x00-\x7f]/.test(text)) escapes++;
    }
    assert.ok(escapes > 0, 'strings with escapes or non-ASCII characters show up');
  });

  it('json_object follows the schema in the system prompt', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 0 } }, required: ['city', 'population'], additionalProperties: false };
    const { text } = await streamJson('dev;rate=0', { type: 'json_object' }, [
      { role: 'system', content: 'Answer in JSON with this schema:\n```json\n' + JSON.stringify(schema) + '\n```' },
      { role: 'user', content: 'Tell me about Reykjavík' },
    ]);
    const value = z.object({ city: z.string(), population: z.number().int().min(0) }).strict().parse(JSON.parse(text));
    assert.equal(value.city, 'Reykjavík');
  });

  it('invalid-json sends text that is not JSON, or JSON that breaks the schema', async () => {
    const broken = await streamJson('dev;rate=0;scenario=invalid-json', bookFormat);
    assert.throws(() => JSON.parse(broken.text));
    const wrong = await streamJson('dev;rate=0;scenario=invalid-json;invalid=schema', bookFormat);
    assert.equal(Book.safeParse(JSON.parse(wrong.text)).success, false);
  });
});

describe('responses through the SDK', () => {
  it('streams the Responses event sequence with text and usage', async () => {
    const stream = await client.responses.create({ model: 'dev;rate=0', input: 'Write some python code', stream: true });
    const types: string[] = [];
    let text = '';
    let done = '';
    let usage: OpenAI.Responses.ResponseUsage | undefined | null;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.output_text.done') done = event.text;
      if (event.type === 'response.completed') usage = event.response.usage;
    }
    const collapsed = types.filter((t, i) => t !== types[i - 1]);
    assert.deepEqual(collapsed, [
      'response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added',
      'response.output_text.delta', 'response.output_text.done', 'response.content_part.done',
      'response.output_item.done', 'response.completed',
    ]);
    assert.match(text, /```python\n/);
    assert.equal(done, text);
    assert.ok(usage && usage.output_tokens > 0);
  });

  it('streams function calls and structured output', async () => {
    const stream = await client.responses.create({
      model: 'dev;rate=0',
      input: [{ role: 'user', content: 'get_weather in Paris' }],
      tools: [{ type: 'function', name: 'get_weather', parameters: z.toJSONSchema(weatherParams) as Record<string, unknown>, strict: true }],
      stream: true,
    });
    let args = '';
    let final = '';
    for await (const event of stream) {
      if (event.type === 'response.function_call_arguments.delta') args += event.delta;
      if (event.type === 'response.function_call_arguments.done') final = event.arguments;
    }
    assert.equal(args, final);
    assert.equal(weatherParams.parse(JSON.parse(final)).city, 'Paris');

    const json = await client.responses.create({
      model: 'dev;rate=0',
      input: 'A book please',
      text: { format: { type: 'json_schema', name: 'book', schema: z.toJSONSchema(weatherParams) as Record<string, unknown>, strict: true } },
    });
    weatherParams.parse(JSON.parse(json.output_text));
  });

  it('answers function_call_output items with text that quotes them', async () => {
    const tool = { type: 'function' as const, name: 'get_weather', parameters: z.toJSONSchema(weatherParams) as Record<string, unknown>, strict: true };
    const first = await client.responses.create({ model: 'dev;rate=0', input: 'get_weather in Oslo', tools: [tool] });
    const call = first.output.find((item) => item.type === 'function_call');
    assert.ok(call && call.type === 'function_call');
    const second = await client.responses.create({
      model: 'dev;rate=0',
      tools: [tool],
      input: [
        { role: 'user', content: 'get_weather in Oslo' },
        { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
        { type: 'function_call_output', call_id: call.call_id, output: '{"temperature":-3,"condition":"snow"}' },
      ],
    });
    assert.equal(second.status, 'completed');
    assert.match(second.output_text, /snow/);
    assert.match(second.output_text, /get_weather/);
  });

  it('max_output_tokens ends with response.incomplete', async () => {
    const stream = await client.responses.create({ model: 'dev;rate=0', input: 'a long story', max_output_tokens: 16, stream: true });
    let last: OpenAI.Responses.ResponseStreamEvent | undefined;
    for await (const event of stream) last = event;
    assert.equal(last?.type, 'response.incomplete');
    if (last?.type === 'response.incomplete') assert.equal(last.response.incomplete_details?.reason, 'max_output_tokens');
  });

  it('error-mid-stream is an error event then response.failed', async () => {
    const stream = await client.responses.create({ model: 'dev;rate=0;scenario=error-mid-stream', input: 'hi there, tell me a story', stream: true });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    assert.ok(types.includes('response.output_text.delta'));
    assert.deepEqual(types.slice(-2), ['error', 'response.failed']);
  });
});

describe('scenarios through the SDK', () => {
  it('http-401 is an AuthenticationError', async () => {
    await assert.rejects(streamText('dev;scenario=http-401'), (e) => e instanceof AuthenticationError && e.status === 401 && e.code === 'invalid_api_key');
  });

  it('http-429 is a RateLimitError with Retry-After: 1', async () => {
    await assert.rejects(streamText('dev;scenario=http-429'), (e) => e instanceof RateLimitError && e.headers?.get('retry-after') === '1');
  });

  it('http-500 and http-503 are InternalServerErrors', async () => {
    for (const status of [500, 503]) {
      await assert.rejects(
        client.chat.completions.create({ model: `dev;scenario=http-${status}`, messages: user('hi') }),
        (e) => e instanceof InternalServerError && e.status === status && typeof e.message === 'string',
      );
    }
  });

  it('cut makes the iterator throw after some text', async () => {
    const stream = await client.chat.completions.create({ model: 'dev;rate=0;scenario=cut', stream: true, messages: user('Tell me a long story') });
    let text = '';
    await assert.rejects(async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    });
    assert.ok(text.length > 0, 'text arrived before the cut');
  });

  it('cut without streaming is a connection error', async () => {
    await assert.rejects(client.chat.completions.create({ model: 'dev;scenario=cut', messages: user('hi') }), (e) => e instanceof APIConnectionError);
  });

  it('error-mid-stream makes the SDK throw an APIError', async () => {
    await assert.rejects(streamText('dev;rate=0;scenario=error-mid-stream'), (e) => e instanceof APIError && /server had an error/.test(e.message));
  });

  it('malformed makes the iterator throw a parse error', async () => {
    const quiet = new OpenAI({ baseURL: `${server.origin}/v1`, apiKey: 'x', maxRetries: 0, logLevel: 'off' });
    const stream = await quiet.chat.completions.create({ model: 'dev;rate=0;scenario=malformed', stream: true, messages: user('hello world, how are you') });
    await assert.rejects(async () => {
      for await (const _ of stream);
    }, SyntaxError);
  });

  it('no-done ends the iteration without a finish reason', async () => {
    const { text, finishes, usage } = await streamText('dev;rate=0;scenario=no-done');
    assert.ok(text.length > 0);
    assert.deepEqual(finishes, []);
    assert.equal(usage, undefined);
  });

  it('stall stops mid-stream for stallMs, then goes on', async () => {
    const { text, finishes } = await streamText('dev;rate=0;scenario=stall;stallMs=50');
    const normal = await streamText('dev;rate=0');
    assert.equal(text, normal.text);
    assert.deepEqual(finishes, ['stop']);
  });

  it('failures=1;key=k: the first request fails, the next succeeds', async () => {
    const model = `dev;rate=0;scenario=http-503;failures=1;key=${uniqueKey()}`;
    await assert.rejects(streamText(model), InternalServerError);
    const { finishes } = await streamText(model);
    assert.deepEqual(finishes, ['stop']);
  });

  it('options also come from the x-dev-model header', async () => {
    const headered = new OpenAI({ baseURL: `${server.origin}/v1`, apiKey: 'x', maxRetries: 0, defaultHeaders: { 'x-dev-model': 'scenario=http-401' } });
    await assert.rejects(headered.chat.completions.create({ model: 'gpt-4o-mini', messages: user('hi') }), AuthenticationError);
  });
});
