// The SSE line parser and the plain SSE backend: the same messages however the bytes are split,
// line ends of every kind, comments, multi-line data, and the backend's end and error markers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, runChat, streamText } from '../../src/core/index.js';
import { SseParser, type SseMessage } from '../../src/core/sse-parser.js';
import { replay } from './recorded.js';

function parseBytes(bytes: Uint8Array, cuts: number[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = new SseParser((m) => out.push(m));
  const offsets = [0, ...cuts, bytes.length];
  for (let i = 0; i + 1 < offsets.length; i++) parser.pushBytes(bytes.subarray(offsets[i], offsets[i + 1]));
  parser.end();
  return out;
}

const STREAM =
  ': keep-alive comment\r\n' +
  'event: greeting\r\ndata: {"delta":"Grüß dich 👋"}\r\n\r\n' +
  'data: line one\ndata: line two\n\n' +
  'id: 7\rdata:no space after colon\r\r' +
  'data\n\n' + // a field without a colon: empty data
  'data: {"delta":"東京"}\n\n' +
  'data: dropped: no blank line at the end';

describe('SSE parser', () => {
  const bytes = new TextEncoder().encode(STREAM);
  const whole = parseBytes(bytes, []);

  it('reads every message kind the spec allows', () => {
    assert.deepEqual(whole, [
      { event: 'greeting', data: '{"delta":"Grüß dich 👋"}', id: undefined },
      { event: 'message', data: 'line one\nline two', id: undefined },
      { event: 'message', data: 'no space after colon', id: '7' },
      { event: 'message', data: '', id: '7' },
      { event: 'message', data: '{"delta":"東京"}', id: '7' },
    ]);
  });

  it('gives the same messages split at every byte offset, and byte by byte', () => {
    for (let k = 1; k < bytes.length; k++) assert.deepEqual(parseBytes(bytes, [k]), whole, `cut at ${k}`);
    assert.deepEqual(parseBytes(bytes, Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)), whole);
  });
});

describe('plain SSE backend', () => {
  const sse = (lines: string[]) => lines.map((l) => `${l}\n\n`).join('');
  const endpoint = 'https://backend.example/chat';

  it('streams deltas until [DONE], sending {messages, model}', async () => {
    const r = replay([sse(['data: {"delta":"Hel"}', 'data: {"delta":"lo ✓"}', 'data: [DONE]'])]);
    const run = runChat({ provider: 'sse', endpoint, model: 'm1', fetch: r.fetch, messages: [{ role: 'user', content: 'hi' }] });
    const deltas: string[] = [];
    for await (const d of streamText(run)) deltas.push(d);
    assert.deepEqual(deltas, ['Hel', 'lo ✓']);
    const result = await run.result;
    assert.equal(result.message.content, 'Hello ✓');
    assert.equal(result.finishReason, 'stop');
    assert.deepEqual(r.requests[0].body, { messages: [{ role: 'user', content: 'hi' }], model: 'm1' });
    assert.equal(r.requests[0].url, endpoint);
  });

  it('cumulative streamText gives the text so far', async () => {
    const r = replay([sse(['data: {"delta":"a"}', 'data: {"delta":"b"}', 'event: done\ndata: {}'])]);
    const out: string[] = [];
    for await (const t of streamText(runChat({ provider: 'sse', endpoint, fetch: r.fetch, messages: [] }), { delta: false })) out.push(t);
    assert.deepEqual(out, ['a', 'ab']);
  });

  it('an error message ends the turn with the text so far', async () => {
    const r = replay([sse(['data: {"delta":"partial "}', 'data: {"error":"backend overloaded"}'])]);
    const { result, events } = await collect(runChat({ provider: 'sse', endpoint, fetch: r.fetch, messages: [] }));
    assert.equal(result.error?.kind, 'protocol');
    assert.match(result.error!.message, /backend overloaded/);
    assert.equal(result.message.content, 'partial ');
    // The backend counted nothing: what the cut answer cost is estimated, and says so.
    assert.deepEqual(events.map((e) => e.type), ['start', 'text', 'usage', 'error', 'end']);
    assert.equal(events.find((e) => e.type === 'usage')?.usage.estimated, true);
  });

  it('a body that closes after an answer, without a done marker, is a finished answer', async () => {
    const r = replay([sse(['data: {"delta":"whole"}'])]);
    const { result } = await collect(runChat({ provider: 'sse', endpoint, fetch: r.fetch, messages: [] }));
    assert.equal(result.error, undefined);
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.message.content, 'whole');
  });

  it('a body that closes before any answer is an error', async () => {
    const r = replay([sse([': keep-alive'])]);
    const { result } = await collect(runChat({ provider: 'sse', endpoint, fetch: r.fetch, messages: [], maxRetries: 0 }));
    assert.equal(result.error?.kind, 'protocol');
    assert.match(result.error!.message, /without an answer/);
  });

  it('needs an endpoint', async () => {
    const { result } = await collect(runChat({ provider: 'sse', messages: [] }));
    assert.match(result.error!.message, /endpoint/);
    assert.equal(result.error!.kind, 'config');
  });
});
