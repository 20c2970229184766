// The dev model's agent backends, checked with the peers' own code: every AG-UI event it writes
// passes @ag-ui/core's EventSchema, its UI message stream is read by the AI SDK's
// readUIMessageStream, and the widget's engine drives each of them (and the plain recipes).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventSchema, RunAgentInputSchema } from '@ag-ui/core/schemas';
import { readUIMessageStream, validateUIMessages, type UIMessageChunk } from 'ai';
import * as z from 'zod';
import { collect, runChat, type ChatEvent } from '../../src/core/index.js';
import { sseData } from './sse-data.js';
import { startDevModel } from '../core/dev-server.js';

const weather = { name: 'get_weather', description: 'Weather in a city', parameters: z.object({ city: z.string() }), execute: ({ city }: { city: string }) => ({ city, sky: 'clear' }) };
const PROMPT = 'Use search_docs for streaming, then get_weather for Paris.';

const toolEnds = (events: ChatEvent[]) =>
  events.filter((e): e is Extract<ChatEvent, { type: 'tool-end' }> => e.type === 'tool-end').map((e) => `${e.name}${e.remote ? ' (remote)' : ''}`);

describe('dev model agent backends', () => {
  let dev: Awaited<ReturnType<typeof startDevModel>>;
  before(async () => (dev = await startDevModel()));
  after(() => dev.close());

  it('AG-UI: valid events; a remote tool, a page tool answered in the next run, state, steps, text', async () => {
    const bodies: unknown[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const parsed = RunAgentInputSchema.safeParse(JSON.parse(String(init!.body)));
      assert.ok(parsed.success, 'a valid RunAgentInput');
      bodies.push(parsed.data);
      const response = await globalThis.fetch(input, init);
      const data = await sseData(response.clone());
      for (const d of data) assert.ok(EventSchema.safeParse(JSON.parse(d)).success, `a valid AG-UI event: ${d}`);
      return response;
    };
    const { result, events } = await collect(
      runChat({ provider: 'ag-ui', endpoint: `${dev.origin}/ag-ui`, model: 'dev;rate=0', conversationId: 'dev-thread', fetch, messages: [{ role: 'user', content: PROMPT }], tools: [weather] }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? '');
    assert.deepEqual(toolEnds(events), ['search_docs (remote)', 'get_weather']);
    assert.ok(events.some((e) => e.type === 'progress' && e.step === 'searching the docs'));
    assert.ok(events.some((e) => e.type === 'state' && (e.value as any).searches === 1));
    assert.match(String(result.message.content), /get_weather/);
    assert.equal(bodies.length, 2);
  });

  it('AI SDK: a stream readUIMessageStream reads; the requests pass validateUIMessages', async () => {
    const response = await fetch(`${dev.origin}/ai-sdk`, {
      method: 'POST',
      body: JSON.stringify({ id: 'c', trigger: 'submit-message', model: 'dev;rate=0', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: PROMPT }] }] }),
    });
    assert.equal(response.headers.get('x-vercel-ai-ui-message-stream'), 'v1');
    const chunks = (await sseData(response)).filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as UIMessageChunk);
    const stream = new ReadableStream<UIMessageChunk>({ start: (c) => (chunks.forEach((x) => c.enqueue(x)), c.close()) });
    let last: any;
    for await (const message of readUIMessageStream({ stream, terminateOnError: true })) last = message;
    assert.deepEqual(last.parts.filter((p: any) => p.type.startsWith('tool-')).map((p: any) => [p.type, p.state]), [
      ['tool-search_docs', 'output-available'],
      ['tool-get_weather', 'input-available'],
    ]);

    const fetchChecked: typeof globalThis.fetch = async (input, init) => {
      await validateUIMessages({ messages: JSON.parse(String(init!.body)).messages });
      return globalThis.fetch(input, init);
    };
    const { result, events } = await collect(
      runChat({ provider: 'ai-sdk', endpoint: `${dev.origin}/ai-sdk`, model: 'dev;rate=0', fetch: fetchChecked, messages: [{ role: 'user', content: PROMPT }], tools: [weather] }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? '');
    assert.deepEqual(toolEnds(events), ['search_docs (remote)', 'get_weather']);
    assert.ok(events.some((e) => e.type === 'progress' && (e.totalTokens ?? 0) > 0));
  });

  it('the plain recipes, each through its request hook', async () => {
    const ask = (content: string) => [{ role: 'user' as const, content }];
    const stream = await collect(runChat({ provider: 'sse', endpoint: `${dev.origin}/recipes/stream`, messages: ask('Tell me about rivers'), request: ({ prompt }) => ({ url: `${dev.origin}/recipes/stream?query=${encodeURIComponent(prompt)}&model=dev;rate=0` }) }));
    assert.equal(stream.result.error, undefined, stream.result.error?.message ?? '');
    assert.ok(String(stream.result.message.content).length > 40);

    const text = await collect(runChat({ provider: 'sse', endpoint: `${dev.origin}/recipes/text`, messages: ask('Tell me about rivers'), request: ({ prompt }) => ({ method: 'GET', url: `${dev.origin}/recipes/text?query=${encodeURIComponent(prompt)}&model=dev;rate=0` }) }));
    assert.equal(text.result.error, undefined, text.result.error?.message ?? '');
    assert.equal(text.result.message.content, stream.result.message.content, 'bare text lines carry the same answer, line breaks included');

    const agent = await collect(runChat({ provider: 'sse', endpoint: `${dev.origin}/recipes/agent?model=dev;rate=0`, messages: ask('search_docs for rivers'), request: ({ prompt }) => ({ body: { query: prompt } }) }));
    assert.equal(agent.result.error, undefined, agent.result.error?.message ?? '');
    assert.deepEqual(toolEnds(agent.events), ['search_docs (remote)']);
    assert.ok(agent.events.some((e) => e.type === 'progress' && e.costUsd !== undefined));

    const missing = await collect(runChat({ provider: 'sse', endpoint: `${dev.origin}/recipes/stream`, messages: ask('x'), maxRetries: 0 }));
    assert.equal(missing.result.error?.status, 422);
  });
});
