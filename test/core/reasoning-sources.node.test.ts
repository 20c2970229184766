// Reasoning and sources from each provider's own stream shapes: Chat Completions deltas as DeepSeek,
// vLLM, OpenRouter and Ollama send them, Responses events as OpenAI sends them (recorded), AG-UI as
// @ag-ui/encoder writes it, the AI SDK's UI message stream as its route code writes it. The engine keeps
// them on the answer and never sends them back to a model.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventType, type BaseEvent } from '@ag-ui/core';
import { EventEncoder } from '@ag-ui/encoder';
import { simulateReadableStream, streamText } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { ChatAccumulator } from '../../src/core/chat-accumulator.js';
import { collect, runChat, type ChatEvent, type ChatMessage } from '../../src/core/index.js';
import { replay } from './recorded.js';
import { serveRoute } from './web-server.js';

const HEAD = { id: 'chatcmpl-r', object: 'chat.completion.chunk', created: 1731000000, model: 'm' };
const chunk = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ ...HEAD, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const rEvent = (type: string, body: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...body })}\n\n`;

const reasoningOf = (events: ChatEvent[]) => events.filter((e) => e.type === 'reasoning').at(-1);
const sourcesOf = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'source' ? [[e.url, e.title]] : []));

describe('Chat Completions reasoning and annotations', () => {
  it('reads reasoning_content (DeepSeek, vLLM) and reasoning (OpenRouter, Ollama)', () => {
    const acc = new ChatAccumulator();
    assert.deepEqual(acc.push({ choices: [{ index: 0, delta: { role: 'assistant', reasoning_content: 'First, ' } }] }), [{ type: 'reasoning', delta: 'First, ' }]);
    assert.deepEqual(acc.push({ choices: [{ index: 0, delta: { reasoning: 'then.', content: null } }] }), [{ type: 'reasoning', delta: 'then.' }]);
    assert.deepEqual(acc.push({ choices: [{ index: 0, delta: { reasoning_content: null, content: 'Answer' } }] }), [{ type: 'text', delta: 'Answer' }]);
  });

  it('reads url_citation annotations in both shapes and ignores others', () => {
    const acc = new ChatAccumulator();
    const parts = acc.push({
      choices: [{ index: 0, delta: { annotations: [
        { type: 'url_citation', url_citation: { url: 'https://a.example/x', title: 'A', start_index: 0, end_index: 4 } },
        { type: 'url_citation', url: 'https://b.example/', title: '' },
        { type: 'file_citation', file_id: 'f1' },
        { type: 'url_citation', url_citation: { url: 42 } },
      ] } }],
    });
    assert.deepEqual(parts, [{ type: 'source', url: 'https://a.example/x', title: 'A' }, { type: 'source', url: 'https://b.example/' }]);
  });

  it('keeps reasoning and de-duplicated sources on the answer, and never sends them back', async () => {
    const first =
      chunk({ role: 'assistant', content: '', reasoning_content: 'The user ' }) +
      chunk({ reasoning_content: 'asks <b>twice</b>.' }) +
      chunk({ content: 'Yes.' }) +
      chunk({ annotations: [{ type: 'url_citation', url_citation: { url: 'https://docs.example/a', title: 'Doc A' } }] }) +
      chunk({ annotations: [{ type: 'url_citation', url_citation: { url: 'https://docs.example/a', title: 'Doc A again' } }, { type: 'url_citation', url_citation: { url: 'https://docs.example/b' } }] }) +
      chunk({}, 'stop') +
      'data: [DONE]\n\n';
    const second = chunk({ role: 'assistant', content: 'Again.' }) + chunk({}, 'stop') + 'data: [DONE]\n\n';
    const { fetch, requests } = replay([first, second]);
    const one = await collect(runChat({ baseURL: 'http://x.test/v1', apiKey: 'k', fetch, messages: [{ role: 'user', content: 'Twice?' }] }));
    assert.equal(one.result.error, undefined);
    const last = reasoningOf(one.events);
    assert.equal(last?.type === 'reasoning' && last.text, 'The user asks <b>twice</b>.');
    assert.deepEqual(sourcesOf(one.events), [['https://docs.example/a', 'Doc A'], ['https://docs.example/b', undefined]]);
    const answer = one.result.message;
    assert.equal(answer.content, 'Yes.');
    assert.equal(answer.reasoning, 'The user asks <b>twice</b>.');
    assert.equal(typeof answer.reasoningMs, 'number');
    assert.deepEqual(answer.sources, [{ url: 'https://docs.example/a', title: 'Doc A' }, { url: 'https://docs.example/b' }]);

    const two = await runChat({ baseURL: 'http://x.test/v1', apiKey: 'k', fetch, messages: [...one.result.messages, { role: 'user', content: 'Again?' }] }).result;
    assert.equal(two.error, undefined);
    const sent = JSON.stringify(requests[1].body);
    assert.ok(sent.includes('Yes.'), 'the answer is sent back');
    assert.ok(!/reasoning|twice|sources|docs\.example/.test(sent), `nothing but the answer is sent back: ${sent}`);
    // The history handed back still holds them, for the store.
    assert.equal(two.messages[1].reasoning, 'The user asks <b>twice</b>.');
  });

  it('a continued answer keeps the cut one\'s reasoning and sources (none of it sent)', async () => {
    const { fetch, requests } = replay([chunk({ role: 'assistant', content: ' and the rest.' }) + chunk({}, 'stop') + 'data: [DONE]\n\n']);
    const cut: ChatMessage = { role: 'assistant', content: 'The start', reasoning: 'Earlier thoughts', reasoningMs: 1500, sources: [{ url: 'https://s.example/' }] };
    const result = await runChat({ baseURL: 'http://x.test/v1', apiKey: 'k', fetch, continueAnswer: true, messages: [{ role: 'user', content: 'Q' }, cut] }).result;
    assert.equal(result.error, undefined);
    assert.equal(result.message.content, 'The start and the rest.');
    assert.equal(result.message.reasoning, 'Earlier thoughts');
    assert.equal(result.message.reasoningMs, 1500);
    assert.deepEqual(result.message.sources, [{ url: 'https://s.example/' }]);
    assert.ok(!JSON.stringify(requests[0].body).includes('Earlier thoughts'));
  });

  it('the request hook of a plain backend does not see them either, nor the reader\'s rating', async () => {
    let seen: ChatMessage[] = [];
    const history: ChatMessage[] = [
      { role: 'user', content: 'Q' },
      { role: 'assistant', content: 'A', reasoning: 'secret thoughts', reasoningMs: 900, sources: [{ url: 'https://s.example/' }], feedback: { rating: 'down', comment: 'secret comment' } },
      { role: 'user', content: 'Q2' },
    ];
    const fetch: typeof globalThis.fetch = async () => new Response('data: {"delta":"ok"}\n\ndata: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } });
    const result = await runChat({ provider: 'sse', endpoint: 'http://x.test/chat', fetch, messages: history, request: (input) => ((seen = input.messages), {}) }).result;
    assert.equal(result.error, undefined);
    assert.equal(seen.length, 3);
    assert.ok(!JSON.stringify(seen).includes('secret'), JSON.stringify(seen));
    assert.ok(!('sources' in seen[1]) && !('reasoningMs' in seen[1]) && !('feedback' in seen[1]));
  });
});

describe('Responses reasoning summaries and url_citation annotations (recorded)', () => {
  const RESPONSE = { id: 'resp_r', object: 'response', created_at: 1731000000, model: 'o4-mini', output: [] };
  const at = { item_id: 'msg_1', output_index: 1, content_index: 0 };
  const citation = { type: 'url_citation', start_index: 0, end_index: 5, url: 'https://news.example/a', title: 'News A' };
  const STREAM =
    rEvent('response.created', { sequence_number: 0, response: { ...RESPONSE, status: 'in_progress' } }) +
    rEvent('response.output_item.added', { sequence_number: 1, output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } }) +
    rEvent('response.reasoning_summary_part.added', { sequence_number: 2, item_id: 'rs_1', output_index: 0, summary_index: 0, part: { type: 'summary_text', text: '' } }) +
    rEvent('response.reasoning_summary_text.delta', { sequence_number: 3, item_id: 'rs_1', output_index: 0, summary_index: 0, delta: '**Finding news**' }) +
    rEvent('response.reasoning_summary_text.delta', { sequence_number: 4, item_id: 'rs_1', output_index: 0, summary_index: 0, delta: ' about it.' }) +
    rEvent('response.reasoning_summary_part.added', { sequence_number: 5, item_id: 'rs_1', output_index: 0, summary_index: 1, part: { type: 'summary_text', text: '' } }) +
    rEvent('response.reasoning_summary_text.delta', { sequence_number: 6, item_id: 'rs_1', output_index: 0, summary_index: 1, delta: 'Two sources agree.' }) +
    rEvent('response.output_item.done', { sequence_number: 7, output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } }) +
    rEvent('response.output_item.added', { sequence_number: 8, output_index: 1, item: { type: 'message', id: 'msg_1', role: 'assistant', content: [], status: 'in_progress' } }) +
    rEvent('response.output_text.delta', { sequence_number: 9, ...at, delta: 'Today' }) +
    rEvent('response.output_text.annotation.added', { sequence_number: 10, ...at, annotation_index: 0, annotation: citation }) +
    rEvent('response.output_text.delta', { sequence_number: 11, ...at, delta: ' it rains.' }) +
    rEvent('response.output_item.done', {
      sequence_number: 12,
      output_index: 1,
      item: { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Today it rains.', annotations: [citation, { ...citation, url: 'https://news.example/b', title: 'News B' }] }] },
    }) +
    rEvent('response.completed', { sequence_number: 13, response: { ...RESPONSE, status: 'completed', usage: { input_tokens: 10, output_tokens: 20, total_tokens: 30 } } });

  it('streams the summary parts as one text and each cited URL once, whatever the network splits', async () => {
    for (const cuts of [() => [], (_: number, n: number) => Array.from({ length: 40 }, (_, i) => Math.floor((n * i) / 40))]) {
      const { fetch, requests } = replay([STREAM, STREAM], cuts);
      const { result, events } = await collect(runChat({ provider: 'openai-responses', baseURL: 'http://x.test/v1', apiKey: 'k', fetch, messages: [{ role: 'user', content: 'News?' }] }));
      assert.equal(result.error, undefined, result.error?.message ?? "");
      assert.equal(result.message.content, 'Today it rains.');
      assert.equal(result.message.reasoning, '**Finding news** about it.\n\nTwo sources agree.');
      assert.deepEqual(sourcesOf(events), [['https://news.example/a', 'News A'], ['https://news.example/b', 'News B']]);
      await runChat({ provider: 'openai-responses', baseURL: 'http://x.test/v1', apiKey: 'k', fetch, messages: [...result.messages, { role: 'user', content: 'More?' }] }).result;
      const sent = JSON.stringify(requests[1].body.input);
      assert.ok(sent.includes('Today it rains.') && !sent.includes('Finding') && !sent.includes('news.example'), sent);
    }
  });
});

describe('AG-UI reasoning messages and source custom events (@ag-ui/encoder)', () => {
  let server: { url: string; close(): Promise<void> };
  before(async () => {
    server = await serveRoute(async (request) => {
      const { threadId, runId } = await request.json();
      const encoder = new EventEncoder();
      const events: BaseEvent[] = [
        { type: EventType.RUN_STARTED, threadId, runId } as BaseEvent,
        { type: EventType.REASONING_START, messageId: 'r1' } as BaseEvent,
        { type: EventType.REASONING_MESSAGE_START, messageId: 'r1', role: 'reasoning' } as BaseEvent,
        { type: EventType.REASONING_MESSAGE_CONTENT, messageId: 'r1', delta: 'Plan the answer.' } as BaseEvent,
        { type: EventType.REASONING_MESSAGE_END, messageId: 'r1' } as BaseEvent,
        { type: EventType.REASONING_MESSAGE_START, messageId: 'r2', role: 'reasoning' } as BaseEvent,
        { type: EventType.REASONING_MESSAGE_CONTENT, messageId: 'r2', delta: 'Check it.' } as BaseEvent,
        { type: EventType.REASONING_MESSAGE_END, messageId: 'r2' } as BaseEvent,
        { type: EventType.REASONING_END, messageId: 'r1' } as BaseEvent,
        { type: EventType.TEXT_MESSAGE_START, messageId: 'm', role: 'assistant' } as BaseEvent,
        { type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'm', delta: 'Done.' } as BaseEvent,
        { type: EventType.TEXT_MESSAGE_END, messageId: 'm' } as BaseEvent,
        { type: EventType.CUSTOM, name: 'source', value: { url: 'https://a.example/', title: 'A' } } as BaseEvent,
        { type: EventType.CUSTOM, name: 'sources', value: [{ url: 'https://b.example/' }, { url: 'https://a.example/' }] } as BaseEvent,
        { type: EventType.CUSTOM, name: 'something-else', value: { url: 'https://c.example/' } } as BaseEvent,
        { type: EventType.RUN_FINISHED, threadId, runId } as BaseEvent,
      ];
      return new Response(events.map((e) => encoder.encode(e)).join(''), { headers: { 'content-type': encoder.getContentType() } });
    });
  });
  after(() => server.close());

  it('joins reasoning messages and reads sources from custom events', async () => {
    const { result, events } = await collect(runChat({ provider: 'ag-ui', endpoint: `${server.url}/agent`, messages: [{ role: 'user', content: 'Go' }] }));
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.message.reasoning, 'Plan the answer.\n\nCheck it.');
    assert.deepEqual(sourcesOf(events), [['https://a.example/', 'A'], ['https://b.example/', undefined]]);
    assert.deepEqual(result.message.sources, [{ url: 'https://a.example/', title: 'A' }, { url: 'https://b.example/' }]);
  });
});

describe('AI SDK reasoning blocks and source-url parts (the route code of `ai`)', () => {
  let server: { url: string; close(): Promise<void> };
  const bodies: any[] = [];
  before(async () => {
    server = await serveRoute(async (request) => {
      bodies.push(await request.json());
      const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
      const chunks: any[] = [
        { type: 'reasoning-start', id: 'a' },
        { type: 'reasoning-delta', id: 'a', delta: 'One ' },
        { type: 'reasoning-delta', id: 'a', delta: 'block.' },
        { type: 'reasoning-end', id: 'a' },
        { type: 'reasoning-start', id: 'b' },
        { type: 'reasoning-delta', id: 'b', delta: 'Another.' },
        { type: 'reasoning-end', id: 'b' },
        { type: 'source', sourceType: 'url', id: 's1', url: 'https://x.example/1', title: 'One' },
        { type: 'source', sourceType: 'url', id: 's2', url: 'https://x.example/1', title: 'One' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Answer.' },
        { type: 'text-end', id: 't' },
        { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage },
      ];
      const model = new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs: 1 }) }) });
      return streamText({ model, prompt: 'x' }).toUIMessageStreamResponse({ sendReasoning: true, sendSources: true });
    });
  });
  after(() => server.close());

  it('keeps each block, one source per URL, and sends neither back', async () => {
    const { result, events } = await collect(runChat({ provider: 'ai-sdk', endpoint: `${server.url}/api/chat`, messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.message.reasoning, 'One block.\n\nAnother.');
    assert.deepEqual(sourcesOf(events), [['https://x.example/1', 'One']]);
    await runChat({ provider: 'ai-sdk', endpoint: `${server.url}/api/chat`, messages: [...result.messages, { role: 'user', content: 'More' }] }).result;
    const sent = JSON.stringify(bodies[1].messages);
    assert.ok(sent.includes('Answer.') && !sent.includes('block') && !sent.includes('x.example'), sent);
  });
});
