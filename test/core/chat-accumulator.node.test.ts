// The tolerant accumulator: however a server fragments tool calls (with or without `index`, the
// id on the first fragment only, role or not), the calls put together are the ones that were sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ChatAccumulator } from '../../src/core/chat-accumulator.js';

interface Call {
  id: string;
  name: string;
  args: string;
}

const callArb = fc.record({
  name: fc.constantFrom('get_weather', 'search', 'add', 'send_note'),
  args: fc.jsonValue().map((v) => JSON.stringify({ v })),
});

/** Cuts a string at the given sorted offsets. */
function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(text.slice(last, p));
    last = p;
  }
  parts.push(text.slice(last));
  return parts;
}

function chunksFor(calls: Call[], withIndex: boolean, cuts: number[][], withRole: boolean): unknown[] {
  const chunks: unknown[] = [];
  calls.forEach((call, index) => {
    const at = withIndex ? { index } : {};
    const parts = cut(call.args, cuts[index] ?? []);
    parts.forEach((part, i) => {
      const head = i === 0 ? { id: call.id, type: 'function', function: { name: call.name, arguments: part } } : { function: { arguments: part } };
      const delta: Record<string, unknown> = { tool_calls: [{ ...at, ...head }] };
      if (withRole && index === 0 && i === 0) delta.role = 'assistant';
      chunks.push({ choices: [{ index: 0, delta, finish_reason: null }] });
    });
  });
  chunks.push({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
  chunks.push({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
  return chunks;
}

function assemble(chunks: unknown[]) {
  const acc = new ChatAccumulator();
  const calls: { id?: string; name?: string; args: string }[] = [];
  const parts = [...chunks.flatMap((c) => acc.push(c)), ...acc.end()];
  for (const p of parts) {
    if (p.type !== 'tool-call') continue;
    const slot = (calls[p.slot] ??= { args: '' });
    slot.id ??= p.id;
    slot.name ??= p.name;
    slot.args += p.argsDelta;
  }
  return { calls, parts };
}

describe('chat accumulator', () => {
  it('puts fragmented tool calls back together, with or without index', () => {
    fc.assert(
      fc.property(
        fc.array(callArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 4, maxLength: 4 }),
        (specs, withIndex, withRole, cuts) => {
          const calls = specs.map((s, i) => ({ ...s, id: `call_${i}` }));
          const { calls: got, parts } = assemble(chunksFor(calls, withIndex, cuts, withRole));
          assert.deepEqual(
            got.map((c) => ({ id: c.id, name: c.name, args: c.args })),
            calls.map((c) => ({ id: c.id, name: c.name, args: c.args })),
          );
          assert.deepEqual(parts.at(-1), { type: 'finish', reason: 'tool_calls' });
          assert.ok(parts.some((p) => p.type === 'usage' && p.usage.totalTokens === 7));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an error object in the stream throws with the server’s message', () => {
    const acc = new ChatAccumulator();
    assert.throws(() => acc.push({ error: { message: 'The server had an error', type: 'server_error' } }), /The server had an error/);
  });

  it('no finish reason: end() reports nothing, so the engine can call it truncated', () => {
    const acc = new ChatAccumulator();
    acc.push({ choices: [{ index: 0, delta: { content: 'hi' } }] });
    assert.deepEqual(acc.end(), []);
  });

  it('chunks without choices or with other choices are ignored', () => {
    const acc = new ChatAccumulator();
    assert.deepEqual(acc.push({}), []);
    assert.deepEqual(acc.push({ choices: [{ index: 1, delta: { content: 'other' } }] }), []);
    assert.deepEqual(acc.push({ choices: [{ delta: { content: 'mine' } }] }), [{ type: 'text', delta: 'mine' }]);
  });
});
