// MCP tools end to end: the engine's client (the official MCP SDK) against the dev model's MCP server
// (built with the same SDK, over Streamable HTTP), with the dev model as the LLM that calls them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect, runChat, type ChatEvent, type RunChatOptions } from '../../src/core/index.js';
import { startDevModel } from './dev-server.js';

let dev: Awaited<ReturnType<typeof startDevModel>>;
before(async () => {
  dev = await startDevModel();
});
after(() => dev.close());

/** A turn that approves every tool call as it is asked. */
async function turn(prompt: string, extra: Partial<RunChatOptions> = {}) {
  const run = runChat({
    baseURL: dev.baseURL,
    model: 'dev;rate=0',
    messages: [{ role: 'user', content: prompt }],
    mcpServers: [{ url: `${dev.origin}/mcp`, name: 'glossary' }],
    ...extra,
  });
  const events: ChatEvent[] = [];
  for await (const event of run) {
    events.push(event);
    if (event.type === 'tool-approval') event.approve();
  }
  return { events, result: await run.result };
}

describe('MCP tools over Streamable HTTP', () => {
  it('offers the server tools to the model, asks approval, calls the server and answers with its result', async () => {
    const { events, result } = await turn('Use lookup_word with word: "latency".');
    const approval = events.find((e) => e.type === 'tool-approval');
    assert.ok(approval, 'MCP tools ask for approval by default');
    assert.equal(approval.source, 'mcp:glossary');
    const end = events.find((e) => e.type === 'tool-end');
    assert.ok(end && end.type === 'tool-end');
    assert.equal(end.error, undefined);
    assert.match(String(end.result), /latency: The time between asking/);
    assert.equal(end.source, 'mcp:glossary');
    assert.equal(result.finishReason, 'stop');
    const toolMessage = result.messages.find((m) => m.role === 'tool');
    assert.match(String(toolMessage?.content), /The time between asking/);
  });

  it('sends the server JSON Schema to the model and validates arguments against it', async () => {
    const { events } = await turn('Use unit_convert with value: 5, from: "km", to: "mi".', {
      mcpServers: [{ url: `${dev.origin}/mcp`, name: 'units', needsApproval: false }],
    });
    assert.equal(events.some((e) => e.type === 'tool-approval'), false, 'needsApproval: false runs at once');
    const end = events.find((e) => e.type === 'tool-end');
    assert.ok(end && end.type === 'tool-end');
    // Arguments from the prompt, checked against the server's schema; the server's structured result.
    assert.deepEqual(end.result, { value: 3.106856, unit: 'mi' });
  });

  it('a tool that reports isError is a tool error the model reads', async () => {
    const { events, result } = await turn('Use lookup_word to define zzzz-nothing.');
    const end = events.find((e) => e.type === 'tool-end');
    assert.ok(end && end.type === 'tool-end');
    assert.equal(end.error?.kind, 'tool');
    assert.match(end.error!.message, /No entry for/);
    assert.equal(result.finishReason, 'stop');
  });

  it('a server that is down is a notice; the turn answers without its tools', async () => {
    const { events, result } = await turn('Hello there', {
      mcpServers: [{ url: `${dev.origin}/mcp/down`, name: 'broken' }],
    });
    const notice = events.find((e) => e.type === 'notice');
    assert.ok(notice && notice.type === 'notice');
    assert.equal(notice.source, 'mcp:broken');
    assert.match(notice.message, /broken/);
    assert.equal(result.error, undefined);
    assert.equal(result.finishReason, 'stop');
    assert.ok(String(result.message.content).length > 0);
  });

  it('a page tool keeps its name; an MCP tool of the same name is renamed after its server', async () => {
    const { z } = await import('zod');
    const calls: unknown[] = [];
    const { events } = await turn('Use lookup_word with word: "latency".', {
      tools: [{ name: 'lookup_word', parameters: z.object({ word: z.string() }), execute: (a) => (calls.push(a), 'page answer') }],
    });
    const start = events.find((e) => e.type === 'tool-start');
    assert.ok(start && start.type === 'tool-start');
    assert.equal(start.name, 'lookup_word');
    assert.equal(start.source, undefined, 'the page tool answered, not the server');
    assert.equal(calls.length, 1);
  });

  it('collect() works with MCP servers too (nothing waits on an unread approval when none is needed)', async () => {
    const { result } = await collect(
      runChat({
        baseURL: dev.baseURL,
        model: 'dev;rate=0',
        messages: [{ role: 'user', content: 'Use fetch_note please.' }],
        mcpServers: [{ url: `${dev.origin}/mcp`, needsApproval: false }],
      }),
    );
    const tool = result.messages.find((m) => m.role === 'tool');
    assert.match(String(tool?.content), /<script>alert\(2\)<\/script>/, 'the tool output reaches the model as it was');
  });
});
