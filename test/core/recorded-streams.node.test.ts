// Recorded OpenAI streams, cut at every byte offset, must give the same events and result as
// when they arrive whole: the SSE framing, UTF-8 decoding and tool-call accumulation must not
// depend on where the network happens to split the body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { collect, runChat, type ChatEvent, type Tool } from '../../src/core/index.js';
import {
  AFTER_TOOLS_STREAM,
  NO_INDEX_TOOLS_STREAM,
  PARALLEL_TOOLS_STREAM,
  replay,
  RESPONSES_TEXT_STREAM,
  RESPONSES_TOOLS_STREAM,
  TEXT_ANSWER,
  TEXT_STREAM,
  TRUNCATED_STREAM,
} from './recorded.js';

const tools: Tool[] = [
  {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: z.object({ city: z.string(), unit: z.enum(['c', 'f']) }),
    execute: ({ city, unit }) => ({ city, temperature: 21, unit }),
  },
  {
    name: 'get_time',
    parameters: z.object({ zone: z.string() }),
    execute: ({ zone }) => `14:05 in ${zone}`,
  },
];

/** Events without what differs between identical runs (ids, clocks). */
function normalize(events: ChatEvent[]): unknown[] {
  return events.map((e) => {
    const { runId, durationMs, ...rest } = e as any;
    return rest;
  });
}

async function runWith(streams: string[], cuts: (index: number, length: number) => number[], provider: 'openai' | 'openai-responses' = 'openai') {
  const { fetch } = replay(streams, cuts);
  const { events, result } = await collect(
    runChat({ provider, model: 'gpt-4o-mini', apiKey: 'sk-test', fetch, tools, messages: [{ role: 'user', content: 'Weather and time in Zürich?' }] }),
  );
  return { events: normalize(events), result };
}

/** `stride` > 1 samples the offsets (the byte-by-byte run below still cuts everywhere at once). */
async function assertSplitInvariant(streams: string[], provider: 'openai' | 'openai-responses' = 'openai', stride = 1) {
  const whole = await runWith(streams, () => [], provider);
  const longest = Math.max(...streams.map((s) => new TextEncoder().encode(s).length));
  for (let k = 1; k < longest; k += stride) {
    const split = await runWith(streams, () => [k], provider);
    assert.deepEqual(split.events, whole.events, `events differ when cut at byte ${k}`);
    assert.deepEqual(split.result, whole.result, `result differs when cut at byte ${k}`);
  }
  const bytewise = await runWith(streams, (_, n) => Array.from({ length: n }, (_, i) => i), provider);
  assert.deepEqual(bytewise.events, whole.events, 'events differ when every byte is its own chunk');
  return whole;
}

describe('recorded OpenAI streams split at every byte', () => {
  it('text with multi-byte characters and a usage-only chunk', async () => {
    const { events, result } = await assertSplitInvariant([TEXT_STREAM]);
    assert.equal(result.message.content, TEXT_ANSWER);
    assert.equal(result.finishReason, 'stop');
    assert.deepEqual(result.usage, { promptTokens: 21, completionTokens: 9, totalTokens: 30 });
    const types = events.map((e: any) => e.type);
    assert.deepEqual(types, ['start', 'text', 'text', 'text', 'text', 'usage', 'end']);
    const texts = events.filter((e: any) => e.type === 'text') as any[];
    assert.equal(texts.map((t) => t.delta).join(''), TEXT_ANSWER);
    assert.equal(texts.at(-1).text, TEXT_ANSWER);
  });

  it('parallel tool calls with interleaved argument fragments, then the answer', async () => {
    const { events, result } = await assertSplitInvariant([PARALLEL_TOOLS_STREAM, AFTER_TOOLS_STREAM]);
    assertToolTurn(events, result);
    assert.deepEqual(result.usage, { promptTokens: 220, completionTokens: 52, totalTokens: 272 });
  });

  it('tool calls without index (matched by id, then by order)', async () => {
    const { events, result } = await assertSplitInvariant([NO_INDEX_TOOLS_STREAM, AFTER_TOOLS_STREAM]);
    assertToolTurn(events, result);
  });

  it('Responses API: parallel function calls, then the answer', async () => {
    const { events, result } = await assertSplitInvariant([RESPONSES_TOOLS_STREAM, RESPONSES_TEXT_STREAM], 'openai-responses', 5);
    assertToolTurn(events, result);
    assert.deepEqual(result.usage, { promptTokens: 220, completionTokens: 52, totalTokens: 272 });
  });

  it('a stream that ends without a finish reason is a truncation error, text kept', async () => {
    const { events, result } = await assertSplitInvariant([TRUNCATED_STREAM]);
    assert.equal(result.finishReason, 'error');
    assert.equal(result.error?.kind, 'protocol');
    assert.match(result.error!.message, /truncated/);
    assert.equal(result.message.content, 'Half an ans');
    const error = events.find((e: any) => e.type === 'error') as any;
    assert.equal(error.text, 'Half an ans');
    assert.equal((events.at(-1) as any).type, 'end');
  });
});

function assertToolTurn(events: any[], result: any) {
  const [assistant, ...rest] = result.messages.slice(1);
  assert.deepEqual(
    assistant.tool_calls.map((c: any) => [c.id, c.function.name, JSON.parse(c.function.arguments)]),
    [
      ['call_w1', 'get_weather', { city: 'Zürich', unit: 'c' }],
      ['call_t2', 'get_time', { zone: 'Europe/Zurich' }],
    ],
  );
  assert.deepEqual(
    rest.slice(0, 2).map((m: any) => [m.role, m.tool_call_id, m.content]),
    [
      ['tool', 'call_w1', JSON.stringify({ city: 'Zürich', temperature: 21, unit: 'c' })],
      ['tool', 'call_t2', '14:05 in Europe/Zurich'],
    ],
  );
  assert.equal(result.message, result.messages.at(-1));
  assert.equal(result.message.content, 'In Zürich it is 21 °C at 14:05.');
  // Arguments stream as growing partial values and end as the full value.
  const weatherArgs = events.filter((e) => e.type === 'tool-call' && e.id === 'call_w1').map((e) => e.args);
  assert.deepEqual(weatherArgs.at(-1), { city: 'Zürich', unit: 'c' });
  // Order: the step's argument stream, then tool start/end, then the next step's text.
  const order = events.map((e) => e.type);
  const lastCall = order.lastIndexOf('tool-call');
  const firstStart = order.indexOf('tool-start');
  const firstText = order.indexOf('text');
  assert.ok(lastCall < firstStart && firstStart < firstText, order.join(','));
  assert.equal(order.filter((t) => t === 'tool-end').length, 2);
  assert.deepEqual(order.slice(0, 1), ['start']);
  assert.equal(order.at(-1), 'end');
}
