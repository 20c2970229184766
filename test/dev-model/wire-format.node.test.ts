// The bytes on the wire, as `curl -N` shows them: OpenAI's SSE framing exactly, the generic SSE
// backend's framing, CORS for pages on another origin, and the WebSocket backend from Node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import WebSocket from 'ws';
import { startDevServer, type RunningDevServer } from '../../dev-model/serve.js';

let server: RunningDevServer;
before(async () => {
  server = await startDevServer(0);
});
after(() => server.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Reads the body chunk by chunk, as the network delivers it. */
async function chunksOf(response: Response): Promise<string[]> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) chunks.push(decoder.decode(bytes, { stream: true }));
  return chunks;
}

describe('chat completions on the wire', () => {
  it('is `data: <json>` messages separated by blank lines, ending with `data: [DONE]`', async () => {
    const response = await post('/v1/chat/completions', {
      model: 'dev;rate=0',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Write a bash script and a table' }],
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const body = (await chunksOf(response)).join('');
    assert.ok(body.endsWith('\n\ndata: [DONE]\n\n'));
    const messages = body.split('\n\n');
    assert.equal(messages.pop(), '', 'the body ends with a blank line');
    for (const m of messages) assert.match(m, /^data: [^\n]+$/, 'one data line per message, nothing else');
    const payloads = messages.slice(0, -1).map((m) => JSON.parse(m.slice('data: '.length)));
    const ids = new Set(payloads.map((p) => p.id));
    assert.equal(ids.size, 1, 'one id for the whole stream');
    for (const p of payloads) assert.equal(p.object, 'chat.completion.chunk');
    assert.deepEqual(payloads[0].choices[0].delta, { role: 'assistant', content: '', refusal: null });
    const finish = payloads.at(-2);
    assert.deepEqual(finish.choices[0], { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
    assert.deepEqual(payloads.at(-1).choices, []);
    assert.ok(payloads.at(-1).usage.total_tokens > 0);
    const text = payloads.map((p) => p.choices[0]?.delta.content ?? '').join('');
    assert.match(text, /```bash\n/);
    assert.match(text, /\| --- \|/);
  });

  it('streams the same text as the whole answer, for any prompt and delta size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 64 }), async (prompt, chunk) => {
        const messages = [{ role: 'user', content: prompt }];
        const whole = await (await post('/v1/chat/completions', { model: `dev;rate=0;chunk=${chunk}`, messages })).json();
        const body = (await chunksOf(await post('/v1/chat/completions', { model: `dev;rate=0;chunk=${chunk}`, stream: true, messages }))).join('');
        const payloads = body.split('\n\n').filter((m) => m && m !== 'data: [DONE]').map((m) => JSON.parse(m.slice('data: '.length)));
        const text = payloads.map((p) => p.choices[0]?.delta.content ?? '').join('');
        assert.equal(text, whole.choices[0].message.content);
      }),
      { numRuns: 40 },
    );
  });

  it('flushes chunk by chunk even at rate=0', async () => {
    const response = await post('/v1/chat/completions', { model: 'dev;rate=0;words=300', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const chunks = await chunksOf(response);
    assert.ok(chunks.length > 20, `many network reads, got ${chunks.length}`);
  });

  it('answers CORS preflights and allows any origin', async () => {
    const preflight = await fetch(`${server.origin}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-stainless-os' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-stainless-os/);
    const error = await post('/v1/chat/completions', { model: 'dev;scenario=http-429', messages: [] }, { origin: 'https://example.org' });
    assert.equal(error.headers.get('access-control-allow-origin'), '*');
    assert.match(error.headers.get('access-control-expose-headers') ?? '', /retry-after/);
    assert.deepEqual(Object.keys((await error.json()).error).sort(), ['code', 'message', 'param', 'type']);
  });

  it('leaves other paths to the host server', async () => {
    const response = await fetch(`${server.origin}/index.html`);
    assert.equal(response.status, 404);
    await response.text();
  });
});

describe('generic SSE backend', () => {
  const messages = [{ role: 'user', content: 'Give me a list' }];

  it('sends `data: {"delta"}` messages then `data: [DONE]`', async () => {
    const body = (await chunksOf(await post('/sse/chat', { model: 'dev;rate=0', messages }))).join('');
    assert.ok(body.endsWith('data: [DONE]\n\n'));
    const parts = body.split('\n\n').filter(Boolean).slice(0, -1);
    const text = parts.map((m) => JSON.parse(m.replace(/^data: /, '')).delta).join('');
    const openai = await (await post('/v1/chat/completions', { model: 'dev;rate=0', messages })).json();
    assert.equal(text, openai.choices[0].message.content, 'the same answer as through the OpenAI route');
  });

  it('ends with `event: done` when asked, reports errors as `data: {"error"}`', async () => {
    const done = (await chunksOf(await post('/sse/chat', { model: 'dev;rate=0;done=event', messages }))).join('');
    assert.ok(done.endsWith('event: done\ndata: {}\n\n'));
    const failed = (await chunksOf(await post('/sse/chat', { model: 'dev;rate=0;scenario=error-mid-stream', messages }))).join('');
    assert.match(failed, /data: \{"error":"The server had an error[^"]*"\}\n\n$/);
    assert.doesNotMatch(failed, /\[DONE\]/);
  });

  it('takes options from ?model= and keeps HTTP failures as statuses', async () => {
    const response = await fetch(`${server.origin}/sse/chat?model=${encodeURIComponent('dev;scenario=http-503')}`, { method: 'POST', body: JSON.stringify({ messages }) });
    assert.equal(response.status, 503);
    assert.match((await response.json()).error, /overloaded/);
  });
});

describe('WebSocket backend', () => {
  function converse(model: string, payloads: unknown[]): Promise<{ messages: any[]; close: { code: number } }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws/chat?model=${encodeURIComponent(model)}`);
      const messages: any[] = [];
      let turn = 0;
      ws.on('open', () => ws.send(JSON.stringify(payloads[turn++])));
      ws.on('message', (data) => {
        let value: any;
        try {
          value = JSON.parse(String(data));
        } catch {
          value = { unparsable: String(data) };
        }
        messages.push(value);
        if (value.type === 'done' || value.error) {
          if (turn < payloads.length) ws.send(JSON.stringify(payloads[turn++]));
          else ws.close(1000);
        }
      });
      ws.on('close', (code) => resolve({ messages, close: { code } }));
      ws.on('error', reject);
    });
  }
  const ask = (content: string) => ({ messages: [{ role: 'user', content }] });

  it('answers each message with deltas then done, several turns on one connection', async () => {
    const { messages } = await converse('dev;rate=0', [ask('hello'), ask('Show me some TypeScript code')]);
    const dones = messages.flatMap((m, i) => (m.type === 'done' ? [i] : []));
    assert.equal(dones.length, 2);
    const second = messages.slice(dones[0] + 1, dones[1]).map((m) => m.delta).join('');
    assert.match(second, /```ts\n/);
  });

  it('cut drops the connection without a close frame', async () => {
    const { messages, close } = await converse('dev;rate=0;scenario=cut', [ask('Tell me a long story')]);
    assert.ok(messages.some((m) => m.delta));
    assert.equal(close.code, 1006);
  });

  it('no-done closes cleanly after the last delta, without {"type":"done"}', async () => {
    const { messages, close } = await converse('dev;rate=0;scenario=no-done', [ask('Tell me a story')]);
    const full = await converse('dev;rate=0', [ask('Tell me a story')]);
    assert.equal(close.code, 1000);
    assert.ok(!messages.some((m) => m.type === 'done'));
    assert.equal(messages.map((m) => m.delta).join(''), full.messages.map((m) => m.delta ?? '').join(''), 'every delta arrived');
  });

  it('error-mid-stream sends {"error"} after some text; http-* closes with 4000 + status', async () => {
    const failed = await converse('dev;rate=0;scenario=error-mid-stream', [ask('hello there friend')]);
    assert.ok(failed.messages[0].delta);
    assert.match(failed.messages.at(-1).error, /server/);
    const refused = await converse('dev;scenario=http-401', [ask('hi')]);
    assert.equal(refused.close.code, 4401);
    assert.equal(refused.messages[0].status, 401);
  });
});
