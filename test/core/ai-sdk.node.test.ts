// provider: 'ai-sdk' against the AI SDK's own route code: `streamText` with its test model and
// `toUIMessageStreamResponse()`, served over HTTP. Every request the engine sends must pass the
// SDK's `validateUIMessages` and `convertToModelMessages`, as a Next.js route would run them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { convertToModelMessages, simulateReadableStream, stepCountIs, streamText, tool, validateUIMessages } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import * as z from 'zod';
import { collect, runChat, type ChatEvent } from '../../src/core/index.js';
import { serveRoute } from './web-server.js';
import { pdf, png, sampleAttachments } from './attachment-fixtures.js';

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
const finish = (unified: 'stop' | 'tool-calls') => ({ type: 'finish' as const, finishReason: { unified, raw: undefined }, usage });

/** What the test model says, from the conversation it is given: the steps of a small agent. */
function answerFor(prompt: any[]): any[] {
  const lastUser = [...prompt].reverse().find((m) => m.role === 'user');
  const results = prompt.filter((m) => m.role === 'tool').flatMap((m) => m.content).map((p: any) => p.toolName);
  const text = (t: string) => [{ type: 'text-start', id: 't' }, ...t.split(/(?<= )/).map((delta) => ({ type: 'text-delta', id: 't', delta })), { type: 'text-end', id: 't' }];
  const said = JSON.stringify(lastUser);
  // Files: the model names each part of the user's message, and how many bytes a file part carries.
  if (lastUser?.content.some((p: any) => p.type === 'file')) {
    const seen = lastUser.content.map((p: any) => (p.type === 'text' ? `text(${p.text.split('\n')[0]})` : `file(${p.mediaType} ${p.filename} ${bytesOf(p.data)})`));
    return [...text(`I got ${seen.join(' ')}`), finish('stop')];
  }
  if (results.includes('get_weather')) return [...text('In Paris it is sunny, says the page.'), finish('stop')];
  if (results.includes('search_docs')) {
    return [{ type: 'tool-call', toolCallId: 'call-weather', toolName: 'get_weather', input: '{"city":"Paris"}' }, finish('tool-calls')];
  }
  if (said.includes('weather')) {
    return [{ type: 'tool-call', toolCallId: 'call-docs', toolName: 'search_docs', input: '{"query":"weather"}' }, finish('tool-calls')];
  }
  return [
    { type: 'reasoning-start', id: 'r' },
    { type: 'reasoning-delta', id: 'r', delta: 'The user greets me.' },
    { type: 'reasoning-end', id: 'r' },
    { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com/hello', title: 'Hello' },
    ...text('Hello from the AI SDK route.'),
    finish('stop'),
  ];
}

/** How many bytes a file part of the model's prompt holds (bytes, base64 text, or a data: URL). */
function bytesOf(data: unknown): number {
  if (data instanceof Uint8Array) return data.length;
  if (data instanceof URL) return Buffer.from(data.href.split(',')[1], 'base64').length;
  return Buffer.from(String(data), 'base64').length;
}

// The route's tools: one it runs itself, one without execute (the client runs it, as with useChat).
const routeTools = {
  search_docs: tool({ description: 'Search the docs', inputSchema: z.object({ query: z.string() }), execute: async ({ query }) => ({ hits: [`${query}.md`] }) }),
  get_weather: tool({ description: 'Weather in a city', inputSchema: z.object({ city: z.string() }) }),
};

describe('ai-sdk provider against the AI SDK route code', () => {
  let server: { url: string; close(): Promise<void> };
  const requests: any[] = [];

  before(async () => {
    server = await serveRoute(async (request) => {
      const body = await request.json();
      requests.push(body);
      const messages = await validateUIMessages({ messages: body.messages, tools: routeTools as any });
      const model = new MockLanguageModelV3({
        doStream: async ({ prompt }) => ({ stream: simulateReadableStream({ chunks: answerFor(prompt), chunkDelayInMs: 1 }) }),
      });
      const result = streamText({ model, messages: await convertToModelMessages(messages, { tools: routeTools }), tools: routeTools, stopWhen: stepCountIs(5) });
      return result.toUIMessageStreamResponse({ sendReasoning: true, sendSources: true });
    });
  });
  after(() => server.close());

  it('streams text, reasoning and sources; the request is valid UI messages', async () => {
    requests.length = 0;
    const { result, events } = await collect(
      runChat({ provider: 'ai-sdk', endpoint: `${server.url}/api/chat`, conversationId: 'chat-1', messages: [{ role: 'user', content: 'Hello!' }] }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.message.content, 'Hello from the AI SDK route.');
    assert.equal(result.finishReason, 'stop');
    const reasoning = events.filter((e) => e.type === 'reasoning');
    assert.equal(reasoning.at(-1)?.type === 'reasoning' && reasoning.at(-1)!.text, 'The user greets me.');
    assert.deepEqual(
      events.filter((e) => e.type === 'source').map((e) => e.type === 'source' && [e.url, e.title]),
      [['https://example.com/hello', 'Hello']],
    );
    assert.equal(requests.length, 1);
    assert.equal(requests[0].id, 'chat-1');
    assert.equal(requests[0].trigger, 'submit-message');
  });

  it('a server tool shows as remote; a page tool runs in the page and the conversation is sent again with its output', async () => {
    requests.length = 0;
    const ran: unknown[] = [];
    const { result, events } = await collect(
      runChat({
        provider: 'ai-sdk',
        endpoint: `${server.url}/api/chat`,
        messages: [{ role: 'user', content: 'What is the weather?' }],
        tools: [{ name: 'get_weather', description: 'Weather in a city', parameters: z.object({ city: z.string() }), execute: (args) => (ran.push(args), { sky: 'sunny' }) }],
      }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.deepEqual(ran, [{ city: 'Paris' }]);
    assert.equal(result.message.content, 'In Paris it is sunny, says the page.');
    const remote = events.filter((e): e is Extract<ChatEvent, { type: 'tool-end' }> => e.type === 'tool-end' && e.remote === true);
    assert.deepEqual(remote.map((e) => [e.name, e.result]), [['search_docs', { hits: ['weather.md'] }]]);
    const page = events.filter((e) => e.type === 'tool-end' && !e.remote);
    assert.deepEqual(page.map((e) => e.type === 'tool-end' && [e.name, e.result]), [['get_weather', { sky: 'sunny' }]]);
    assert.ok(!events.some((e) => e.type === 'tool-start' && e.name === 'search_docs' && !e.remote), 'the server tool never ran in the page');
    // Sent again as useChat does: the page tool's part carries its output.
    assert.equal(requests.length, 2);
    const parts = requests[1].messages.at(-1).parts;
    const weather = parts.find((p: any) => p.type === 'tool-get_weather');
    assert.equal(weather.state, 'output-available');
    assert.deepEqual(weather.output, { sky: 'sunny' });
    assert.deepEqual(weather.input, { city: 'Paris' });
    // The route's own call goes back too, as useChat keeps it in the assistant message.
    const docs = parts.find((p: any) => p.type === 'tool-search_docs');
    assert.equal(docs.state, 'output-available');
    assert.deepEqual(docs.output, { hits: ['weather.md'] });
    // And the history holds both, the route's call first.
    assert.deepEqual(
      result.messages.filter((m) => m.role === 'tool').map((m) => m.name),
      ['search_docs', 'get_weather'],
    );
  });

  it('files go as UI message file parts with data: URLs, which the route hands to the model; text files inline', async () => {
    requests.length = 0;
    const { result } = await collect(
      runChat({
        provider: 'ai-sdk',
        endpoint: `${server.url}/api/chat`,
        messages: [
          {
            role: 'user',
            content: 'What are these?',
            attachments: sampleAttachments(),
          },
        ],
      }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? '');
    const parts = requests[0].messages[0].parts;
    assert.deepEqual(parts.slice(0, 3), [
      { type: 'text', text: 'What are these?' },
      { type: 'file', mediaType: 'image/png', filename: 'dot.png', url: `data:image/png;base64,${png}` },
      { type: 'file', mediaType: 'application/pdf', filename: 'report.pdf', url: `data:application/pdf;base64,${pdf}` },
    ]);
    assert.match(parts[3].text, /^File: <b>notes<\/b>\.txt\n```\n<script>x<\/script>\n```$/);
    // What the route's model was given, after validateUIMessages and convertToModelMessages.
    assert.equal(
      result.message.content,
      'I got text(What are these?) file(image/png dot.png 70) file(application/pdf report.pdf 15) text(File: <b>notes</b>.txt)',
    );
  });

  it('an error part is an error with the route\'s words, the text kept', async () => {
    const failing = await serveRoute(async () => {
      const model = new MockLanguageModelV3({
        doStream: async () => ({
          stream: simulateReadableStream({
            chunks: [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Partial ' }, { type: 'error', error: new Error('model overloaded') }] as any[],
          }),
        }),
      });
      return streamText({ model, prompt: 'x' }).toUIMessageStreamResponse({ onError: (e) => (e instanceof Error ? e.message : String(e)) });
    });
    try {
      const { result } = await collect(runChat({ provider: 'ai-sdk', endpoint: `${failing.url}/api/chat`, messages: [{ role: 'user', content: 'x' }] }));
      assert.equal(result.finishReason, 'error');
      assert.match(result.error!.message, /model overloaded/);
      assert.equal(result.message.content, 'Partial ');
    } finally {
      await failing.close();
    }
  });
});
