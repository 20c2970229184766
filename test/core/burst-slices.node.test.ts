// A whole answer of many small chunks in one network read, on every HTTP provider: the engine works
// through it in slices and gives the event loop back in between (other tasks run before the burst is
// through), and the events are the same as when each chunk comes in a read of its own. No timing is
// asserted: only that a macrotask queued during the burst ran before its end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, runChat, type ChatEvent, type ProviderName, type RunChatOptions } from '../../src/core/index.js';

type Fetch = NonNullable<RunChatOptions['fetch']>;
const N = 8_000;
const data = (value: object) => `data: ${JSON.stringify(value)}\n\n`;
const chat = (delta: object, finish: string | null = null) =>
  data({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] });

/** Each provider's wire format: a head, one message per two-character delta, a tail. */
const bodies: Record<string, { head: string; chunk: (delta: string) => string; tail: string }> = {
  openai: { head: chat({ role: 'assistant', content: '' }), chunk: (d) => chat({ content: d }), tail: chat({}, 'stop') + 'data: [DONE]\n\n' },
  'openai-responses': {
    head: '',
    chunk: (d) => `event: response.output_text.delta\n${data({ type: 'response.output_text.delta', item_id: 'm', output_index: 0, delta: d })}`,
    tail: `event: response.completed\n${data({ type: 'response.completed', response: { usage: { input_tokens: 1, output_tokens: N } } })}`,
  },
  sse: { head: '', chunk: (d) => data({ delta: d }), tail: 'data: [DONE]\n\n' },
  'ag-ui': {
    head: data({ type: 'RUN_STARTED', threadId: 't', runId: 'r' }) + data({ type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' }),
    chunk: (d) => data({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: d }),
    tail: data({ type: 'TEXT_MESSAGE_END', messageId: 'm' }) + data({ type: 'RUN_FINISHED', threadId: 't', runId: 'r' }),
  },
  'ai-sdk': {
    head: data({ type: 'start' }) + data({ type: 'text-start', id: 't' }),
    chunk: (d) => data({ type: 'text-delta', id: 't', delta: d }),
    tail: data({ type: 'text-end', id: 't' }) + data({ type: 'finish' }) + 'data: [DONE]\n\n',
  },
};

/** Deltas that differ, so events out of order or lost would show. */
const deltas = Array.from({ length: N }, (_, i) => String.fromCharCode(97 + (i % 26)) + (i % 10));

function respond(pieces: string[]): Fetch {
  return async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(encoder.encode(piece));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}

/** One turn; counts the macrotasks that ran between the first text event and the end of the turn. */
async function turn(provider: string, fetch: Fetch) {
  let ticks = 0;
  let ticking = false;
  let ended = false;
  const tick = () => {
    if (ended) return;
    ticks++;
    setImmediate(tick);
  };
  const run = runChat({
    provider: provider as ProviderName,
    baseURL: 'http://burst.test/v1',
    endpoint: 'http://burst.test/stream',
    apiKey: 'k',
    maxRetries: 0,
    messages: [{ role: 'user', content: 'go' }],
    fetch,
  });
  const { result, events } = await collect({
    result: run.result,
    abort: run.abort,
    async *[Symbol.asyncIterator]() {
      for await (const event of run) {
        if (!ticking && event.type === 'text') {
          ticking = true;
          setImmediate(tick); // a task queued while the burst is being handled
        }
        if (event.type === 'end') ended = true;
        yield event;
      }
    },
  });
  return { result, events, ticks };
}

/**
 * The events without what differs between two runs (the run's id, durations). A `text` event's text
 * (the answer so far) is compared by its length: reading each one whole would flatten every string
 * and cost the square of the answer; the final text is compared whole.
 */
const comparable = (events: ChatEvent[]) =>
  events.map((e) =>
    e.type === 'text'
      ? `text ${e.step} ${e.delta} ${e.text.length}`
      : JSON.stringify(e, (key, value) => (key === 'runId' || key === 'durationMs' || key === 'reasoningMs' ? undefined : value)),
  );

describe('a burst of chunks in one read, on every HTTP provider', () => {
  for (const [provider, wire] of Object.entries(bodies)) {
    it(`${provider}: handled in slices with other tasks in between; the same events as one chunk per read`, async () => {
      const whole = wire.head + deltas.map(wire.chunk).join('') + wire.tail;
      const burst = await turn(provider, respond([whole]));
      assert.equal(burst.result.error, undefined, burst.result.error?.message ?? '');
      assert.equal(burst.result.message.content, deltas.join(''));
      assert.equal(burst.events.filter((e) => e.type === 'text').length, N);
      assert.ok(burst.ticks > 0, 'other tasks ran before the burst was through');

      const trickle = await turn(provider, respond([wire.head, ...deltas.map(wire.chunk), wire.tail]));
      assert.deepEqual(comparable(burst.events), comparable(trickle.events));
    });
  }
});
