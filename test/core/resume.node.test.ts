// Background responses and resuming them: the stream's sequence numbers decide what is new (nothing
// repeated, nothing lost), and against the dev model's background mode a run cut off mid-answer is
// read on from its last checkpoint to exactly the text the server wrote.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { backgroundStatus, collect, runChat, type ChatEvent, type ChatMessage } from '../../src/core/index.js';
import { backgroundParts, finishedParts } from '../../src/core/providers/background-stream.js';
import type { ProviderPart } from '../../src/core/providers/provider.js';
import { startDevModel } from './dev-server.js';

async function* from(events: object[]) {
  for (const event of events) yield event as { type: string };
}
async function partsOf(events: object[], resume?: { responseId?: string; after?: number }): Promise<ProviderPart[]> {
  const parts: ProviderPart[] = [];
  for await (const part of backgroundParts(from(events), resume)) parts.push(part);
  return parts;
}
const delta = (sequence_number: number, text: string) => ({ type: 'response.output_text.delta', sequence_number, delta: text, item_id: 'm', output_index: 0 });
const created = { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', status: 'in_progress' } };
const completed = (sequence_number: number) => ({ type: 'response.completed', sequence_number, response: { id: 'resp_1', status: 'completed', usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } } });
const text = (parts: ProviderPart[]) => parts.flatMap((p) => (p.type === 'text' ? [p.delta] : [])).join('');

describe('the background stream, by sequence number', () => {
  it('names the response from response.created and checkpoints after every numbered event', async () => {
    const parts = await partsOf([created, delta(1, 'Hel'), delta(2, 'lo'), completed(3)]);
    assert.equal(text(parts), 'Hello');
    const checkpoints = parts.filter((p) => p.type === 'checkpoint');
    assert.deepEqual(checkpoints.map((p) => [p.responseId, p.sequence]), [['resp_1', 0], ['resp_1', 1], ['resp_1', 2], ['resp_1', 3]]);
    // A checkpoint comes after the text of its event: stored together, they agree.
    assert.deepEqual(parts.slice(1, 3).map((p) => p.type), ['text', 'checkpoint']);
    assert.deepEqual(parts.find((p) => p.type === 'finish'), { type: 'finish', reason: 'stop' });
  });

  it('skips what a resumed stream replays at or before `after`, and events a server repeats', async () => {
    const parts = await partsOf([delta(2, 'lo'), delta(3, ', '), delta(3, ', '), delta(2, 'lo'), delta(4, 'world'), completed(5)], { responseId: 'resp_1', after: 2 });
    assert.equal(text(parts), ', world');
    assert.deepEqual(parts.filter((p) => p.type === 'checkpoint').map((p) => p.sequence), [3, 4, 5]);
  });

  it('reads events without sequence numbers as they come, with no checkpoint', async () => {
    const parts = await partsOf([{ type: 'response.output_text.delta', delta: 'a' }, { type: 'response.output_text.delta', delta: 'a' }, { type: 'response.completed', response: {} }]);
    assert.equal(text(parts), 'aa');
    assert.equal(parts.filter((p) => p.type === 'checkpoint').length, 0);
  });

  it('a failure in the stream is the server\'s error', async () => {
    await assert.rejects(partsOf([created, { type: 'response.failed', sequence_number: 1, response: { error: { message: 'overloaded' } } }]), /overloaded/);
  });

  it('a finished response gives what follows the stored text; cancelled stops; failed is its error', () => {
    const response = (status: string, full: string) => ({ status, output: [{ type: 'message', content: [{ type: 'output_text', text: full }] }] });
    assert.deepEqual(finishedParts(response('completed', 'Hello, world'), 'Hello'), [{ type: 'text', delta: ', world' }, { type: 'finish', reason: 'stop' }]);
    assert.deepEqual(finishedParts(response('cancelled', 'Hel'), 'Hel'), [{ type: 'finish', reason: 'aborted' }]);
    assert.throws(() => finishedParts({ status: 'failed', error: { message: 'quota' } }), /quota/);
  });
});

describe('background responses on the dev model', () => {
  let dev: Awaited<ReturnType<typeof startDevModel>>;
  before(async () => {
    dev = await startDevModel();
  });
  after(() => dev.close());

  const messages: ChatMessage[] = [{ role: 'user', content: 'Explain how HTTP caching works.' }];
  const options = () => ({ provider: 'openai-responses' as const, baseURL: dev.baseURL, messages });

  it('streams the same answer as a plain request, with checkpoints', async () => {
    const plain = await collect(runChat({ ...options(), model: 'dev;rate=0' }));
    const { result, events } = await collect(runChat({ ...options(), model: 'dev;rate=0', background: true }));
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.message.content, plain.result.message.content);
    const checkpoints = events.filter((e): e is Extract<ChatEvent, { type: 'checkpoint' }> => e.type === 'checkpoint');
    assert.ok(checkpoints.length > 3);
    assert.match(checkpoints[0].responseId, /^resp_/);
    assert.ok(checkpoints.every((c, i) => i === 0 || c.sequence > checkpoints[i - 1].sequence));
    assert.equal(checkpoints.at(-1)!.text, result.message.content);
  });

  it('a run cut off mid-answer resumes from its last checkpoint to exactly the whole text', async () => {
    const model = 'dev;rate=2000;words=200';
    const whole = String((await collect(runChat({ ...options(), model: 'dev;rate=0;words=200' }))).result.message.content);
    // The page going away: the connection dies, the server goes on.
    const gone = new AbortController();
    const fetchUntilGone: typeof fetch = (input, init) => fetch(input, { ...init, signal: gone.signal });
    const run = runChat({ ...options(), model, background: true, fetch: fetchUntilGone, maxRetries: 0 });
    let last: Extract<ChatEvent, { type: 'checkpoint' }> | undefined;
    for await (const event of run) {
      if (event.type !== 'checkpoint') continue;
      last = event;
      if (event.text.length > whole.length / 3) gone.abort();
    }
    assert.ok(last && last.text.length < whole.length, 'cut before the end');
    assert.equal((await run.result).finishReason, 'error');
    const resumed = await collect(runChat({ ...options(), model, resume: { responseId: last.responseId, after: last.sequence, text: last.text } }));
    assert.equal(resumed.result.finishReason, 'stop');
    assert.equal(resumed.result.message.content, whole);
    const texts = resumed.events.filter((e) => e.type === 'text');
    assert.ok(texts.length > 0 && texts.every((e) => e.type === 'text' && e.text.startsWith(last!.text)), 'text events carry the whole answer so far');
    assert.deepEqual(resumed.result.messages.map((m) => m.role), ['user', 'assistant']);
  });

  it('a connection that drops mid-answer is read on from the last checkpoint, within the same turn', async () => {
    const whole = String((await collect(runChat({ ...options(), model: 'dev;rate=0;words=200' }))).result.message.content);
    const urls: string[] = [];
    let dropped = false;
    // The first stream breaks after some reads, as a network does; the server goes on writing.
    const dropping: typeof fetch = async (input, init) => {
      urls.push(`${init?.method ?? 'GET'} ${String(input)}`);
      const response = await fetch(input, init);
      if (dropped || init?.method !== 'POST' || !response.body) return response;
      dropped = true;
      const reader = response.body.getReader();
      let reads = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (++reads > 25) {
            void reader.cancel();
            return controller.error(new TypeError('network error'));
          }
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const { result, events } = await collect(runChat({ ...options(), model: 'dev;rate=3000;words=200', background: true, fetch: dropping }));
    assert.equal(result.error, undefined);
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.message.content, whole, 'nothing repeated, nothing lost');
    assert.ok(urls.some((u) => /^GET .*\/responses\/resp_\w+\?.*starting_after=\d+/.test(u)), 'read on with starting_after');
    assert.equal(events.filter((e) => e.type === 'retry').length, 0, 'not asked again');
  });

  it('stopping cancels the response on the server', async () => {
    const run = runChat({ ...options(), model: 'dev;rate=500;words=300', background: true });
    let id = '';
    for await (const event of run) {
      if (event.type === 'checkpoint' && event.text.length > 20) {
        id = event.responseId;
        run.abort();
      }
    }
    assert.equal((await run.result).finishReason, 'aborted');
    assert.equal(await backgroundStatus({ baseURL: dev.baseURL }, id), 'cancelled');
  });

  it('resuming a response that completed meanwhile gives its whole text', async () => {
    const whole = String((await collect(runChat({ ...options(), model: 'dev;rate=0;words=60' }))).result.message.content);
    const gone = new AbortController();
    const run = runChat({ ...options(), model: 'dev;rate=0;words=60', background: true, fetch: (i, init) => fetch(i, { ...init, signal: gone.signal }), maxRetries: 0 });
    let first: Extract<ChatEvent, { type: 'checkpoint' }> | undefined;
    for await (const event of run) {
      if (event.type === 'checkpoint' && event.text && !first) {
        first = event;
        gone.abort();
      }
    }
    while ((await backgroundStatus({ baseURL: dev.baseURL }, first!.responseId)) !== 'completed') await new Promise((r) => setTimeout(r, 20));
    const resumed = await collect(runChat({ ...options(), model: 'dev', resume: { responseId: first!.responseId, after: first!.sequence, text: first!.text } }));
    assert.equal(resumed.result.finishReason, 'stop');
    assert.equal(resumed.result.message.content, whole);
  });

  it('a response the server does not have is a 404 that says it cannot be resumed', async () => {
    const { result } = await collect(runChat({ ...options(), model: 'dev', resume: { responseId: 'resp_unknown', after: 3, text: 'Partial' } }));
    assert.equal(result.error?.status, 404);
    assert.match(result.error!.message, /cannot be resumed/);
    assert.equal(result.message.content, 'Partial');
    assert.equal(await backgroundStatus({ baseURL: dev.baseURL }, 'resp_unknown'), 'gone');
  });

  it('background needs the Responses provider', async () => {
    const { result } = await collect(runChat({ baseURL: dev.baseURL, model: 'dev', messages, background: true }));
    assert.equal(result.error?.kind, 'config');
    assert.equal(result.error?.option, 'background');
  });
});
