// The dev model's reasoning and citations on each API it speaks, read by the engine and, for the agent
// protocols, checked with the peers' own code (@ag-ui/core's EventSchema, the AI SDK's readUIMessageStream).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventSchema } from '@ag-ui/core/schemas';
import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { collect, runChat, type ChatEvent, type ProviderName } from '../../src/core/index.js';
import { sseData } from './sse-data.js';
import { startDevModel } from '../core/dev-server.js';

const PROMPT = 'Think it through and cite your sources: how does streaming work?';

describe('dev model: reasoning and sources on demand', () => {
  let dev: Awaited<ReturnType<typeof startDevModel>>;
  before(async () => (dev = await startDevModel()));
  after(() => dev.close());

  const options = (provider: ProviderName) =>
    provider === 'openai' || provider === 'openai-responses'
      ? { provider, baseURL: dev.baseURL, apiKey: 'dev', model: 'dev;rate=0' }
      : { provider, endpoint: `${dev.origin}/${provider}`, model: 'dev;rate=0' };

  for (const provider of ['openai', 'openai-responses', 'ag-ui', 'ai-sdk'] as const) {
    it(`${provider}: reasoning first, then the answer, then three sources; none of it without asking`, async () => {
      const { result, events } = await collect(runChat({ ...options(provider), messages: [{ role: 'user', content: PROMPT }] }));
      assert.equal(result.error, undefined, result.error?.message ?? '');
      const kinds = events.map((e) => e.type).filter((t) => t === 'reasoning' || t === 'text' || t === 'source');
      assert.equal(kinds[0], 'reasoning');
      assert.ok(kinds.lastIndexOf('reasoning') < kinds.indexOf('text'), 'reasoning ends before the answer starts');
      assert.match(result.message.reasoning ?? '', /^The user asks: "Think it through/);
      assert.equal(result.message.sources?.length, 3);
      assert.ok(result.message.sources!.every((s) => s.url.startsWith('https://') && s.title));
      assert.ok((result.message.content ?? '').length > 20);

      const plain = await collect(runChat({ ...options(provider), messages: [{ role: 'user', content: 'How does streaming work?' }] }));
      assert.ok(!plain.events.some((e: ChatEvent) => e.type === 'reasoning' || e.type === 'source'));
    });
  }

  it('the AG-UI events pass @ag-ui/core, the UI message stream reads in the AI SDK', async () => {
    const agUi = await fetch(`${dev.origin}/ag-ui?model=dev;rate=0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ threadId: 't', runId: 'r', state: {}, messages: [{ id: 'm0', role: 'user', content: PROMPT }], tools: [], context: [], forwardedProps: {} }),
    });
    const events = (await sseData(agUi)).map((d) => JSON.parse(d));
    for (const event of events) EventSchema.parse(event);
    assert.ok(events.some((e) => e.type === 'REASONING_MESSAGE_CONTENT'));
    assert.ok(events.some((e) => e.type === 'CUSTOM' && e.name === 'source'));

    const aiSdk = await fetch(`${dev.origin}/ai-sdk?model=dev;rate=0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'c', trigger: 'submit-message', messages: [{ id: 'm0', role: 'user', parts: [{ type: 'text', text: PROMPT }] }] }),
    });
    const chunks = (await sseData(aiSdk)).filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as UIMessageChunk);
    const stream = new ReadableStream<UIMessageChunk>({ start: (c) => (chunks.forEach((x) => c.enqueue(x)), c.close()) });
    let last: any;
    for await (const message of readUIMessageStream({ stream })) last = message;
    const types = last.parts.map((p: any) => p.type);
    assert.ok(types.includes('reasoning') && types.includes('text'));
    assert.equal(types.filter((t: string) => t === 'source-url').length, 3);
  });
});
