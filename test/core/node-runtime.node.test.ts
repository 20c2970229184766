// The engine has no DOM: the same turns work in Node, against the dev model over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod';
import { collect, runChat } from '../../src/core/index.js';
import { startDevModel } from './dev-server.js';

describe('runChat in Node against the dev model', () => {
  let dev: Awaited<ReturnType<typeof startDevModel>>;
  before(async () => {
    dev = await startDevModel();
  });
  after(() => dev.close());

  for (const provider of ['openai', 'openai-responses'] as const) {
    it(`${provider}: a two-step tool loop with parallel calls`, async () => {
      const { events, result } = await collect(
        runChat({
          provider,
          baseURL: dev.baseURL,
          model: 'dev;rate=0',
          messages: [{ role: 'user', content: 'Use add and multiply for 3 and 4 then report please' }],
          tools: [
            { name: 'add', parameters: z.object({ a: z.number(), b: z.number() }), execute: ({ a, b }) => a + b },
            { name: 'multiply', parameters: z.object({ a: z.number(), b: z.number() }), execute: ({ a, b }) => a * b },
            { name: 'report', parameters: z.object({ text: z.string() }), execute: () => 'reported' },
          ],
        }),
      );
      assert.deepEqual(
        result.messages.map((m) => m.role + (m.tool_calls ? `:${m.tool_calls.length}` : '')),
        ['user', 'assistant:2', 'tool', 'tool', 'assistant:1', 'tool', 'assistant'],
      );
      assert.equal(result.finishReason, 'stop');
      assert.ok(events.filter((e) => e.type === 'tool-end').every((e) => e.type === 'tool-end' && !e.error));
      assert.ok(result.message.content!.includes('reported'));
    });
  }

  it('sse: text until [DONE]', async () => {
    const { result } = await collect(runChat({ provider: 'sse', endpoint: `${dev.origin}/sse/chat`, model: 'dev;rate=0;words=30', messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(result.finishReason, 'stop');
    assert.ok(result.message.content!.split(/\s+/).length >= 20);
  });
});
