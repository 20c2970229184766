// Mistakes in the options are found before any request: an error of kind `config` that names the
// option, never retried, and nothing sent. Framework proxies around tools are taken off first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ref } from '@vue/reactivity';
import * as z from 'zod';
import { collect, runChat, type RunChatOptions } from '../../src/core/index.js';
import { replay } from './recorded.js';

const messages = [{ role: 'user' as const, content: 'hi' }];

/** Runs a turn with a fetch that records every request, and the global fetch guarded too. */
async function configTurn(options: Partial<RunChatOptions>, useGlobalFetch = false) {
  const sent: string[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input) => {
    sent.push(String(input));
    throw new Error('no network in this test');
  };
  try {
    const fetch = useGlobalFetch ? undefined : async (input: RequestInfo | URL) => (sent.push(String(input)), new Response('', { status: 500 }));
    const { result, events } = await collect(runChat({ messages, ...(fetch ? { fetch } : {}), ...options }));
    return { result, events, sent };
  } finally {
    globalThis.fetch = original;
  }
}

function assertConfig(outcome: Awaited<ReturnType<typeof configTurn>>, option: string, pattern: RegExp) {
  const { result, events, sent } = outcome;
  assert.equal(result.error?.kind, 'config');
  assert.equal(result.error?.option, option);
  assert.equal(result.error?.retryable, false);
  assert.match(result.error!.message, pattern);
  assert.deepEqual(sent, [], 'nothing was sent');
  assert.ok(!events.some((e) => e.type === 'retry'), 'never retried');
  assert.deepEqual(events.map((e) => e.type), ['start', 'error', 'end']);
}

describe('configuration errors', () => {
  it('a relative endpoint outside a page', async () => {
    assertConfig(await configTurn({ provider: 'sse', endpoint: '/api/chat' }), 'endpoint', /relative.*absolute URL/);
  });

  it('a relative base URL outside a page', async () => {
    assertConfig(await configTurn({ baseURL: '/v1' }), 'baseURL', /"\/v1" is relative/);
  });

  it('an invalid URL', async () => {
    assertConfig(await configTurn({ provider: 'ai-sdk', endpoint: 'http://' }), 'endpoint', /not a valid URL/);
  });

  it('a missing endpoint, for every endpoint backend', async () => {
    for (const provider of ['ag-ui', 'ai-sdk', 'sse', 'websocket'] as const) {
      assertConfig(await configTurn({ provider }), 'endpoint', new RegExp(`${provider} backend needs an endpoint`));
    }
  });

  it('no base URL and no key: nothing goes to the public endpoint', async () => {
    assertConfig(await configTurn({}, true), 'baseURL', /No base URL and no API key/);
  });

  it('a key without a base URL is fine (OpenAI itself)', async () => {
    const { result, sent } = await configTurn({ apiKey: 'sk-test', maxRetries: 0 }, true);
    assert.notEqual(result.error?.kind, 'config');
    assert.match(sent[0], /api\.openai\.com/);
  });

  it('a tool without a schema, a schema that is not zod', async () => {
    const tool = { name: 'broken', parameters: { type: 'object' }, execute: () => 1 } as any;
    assertConfig(await configTurn({ baseURL: 'http://127.0.0.1:9/v1', tools: [tool] }), 'tools', /"broken": parameters must be a zod schema/);
    assertConfig(await configTurn({ baseURL: 'http://127.0.0.1:9/v1', tools: {} as any }), 'tools', /must be an array/);
    assertConfig(await configTurn({ baseURL: 'http://127.0.0.1:9/v1', schema: { parse() {} } as any }), 'schema', /cannot be read/);
  });

  it('a request hook that is not a function, or throws', async () => {
    assertConfig(await configTurn({ provider: 'sse', endpoint: 'http://127.0.0.1:9/x', request: 'x' as any }), 'request', /must be a function/);
    const thrown = await configTurn({ provider: 'sse', endpoint: 'http://127.0.0.1:9/x', request: () => { throw new Error('no user'); } });
    assert.equal(thrown.result.error?.kind, 'config');
    assert.equal(thrown.result.error?.option, 'request');
    assert.match(thrown.result.error!.message, /no user/);
    assert.deepEqual(thrown.sent, []);
  });

  it('tools in a Vue ref (a deep reactive proxy around zod) are read through it and run', async () => {
    const ran: unknown[] = [];
    const tools = ref([{ name: 'add', description: 'Adds', parameters: z.object({ a: z.number(), b: z.number() }), execute: (args: { a: number; b: number }) => (ran.push(args), args.a + args.b) }]);
    const call = (id: string, name: string, args: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: args } }] }, finish_reason: null }] })}\n\n`;
    const fin = (reason: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: reason }] })}\n\ndata: [DONE]\n\n`;
    const text = (t: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: t }, finish_reason: null }] })}\n\n`;
    const r = replay([call('c1', 'add', '{"a":2,"b":3}') + fin('tool_calls'), text('5') + fin('stop')]);
    const { result } = await collect(runChat({ baseURL: 'http://127.0.0.1:9/v1', fetch: r.fetch, messages, tools: tools.value as any }));
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.deepEqual(ran, [{ a: 2, b: 3 }]);
    assert.equal(r.requests[0].body.tools[0].function.parameters.type, 'object');
  });
});
