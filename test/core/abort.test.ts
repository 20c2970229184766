// Stopping a turn: the partial answer is kept, the result resolves, and nothing is left running:
// the request's signal is aborted, the idle watchdog's timer cleared, a running tool told to stop.
import { assert } from 'chai';
import * as z from 'zod';
import { collect, runChat, type ChatEvent, type RunChatOptions } from '../../src/core/index.js';
import { devOptions, textOf, uniqueKey } from './dev-backends.js';

/** Records timers armed with a given delay and whether each was cleared or fired. */
function watchTimers(delays: number[]) {
  const pending = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  (globalThis as any).setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    if (!delays.includes(ms ?? 0)) return realSet(fn, ms, ...rest);
    const id = realSet(
      (...a: unknown[]) => {
        pending.delete(id);
        fn(...a);
      },
      ms,
      ...rest,
    );
    pending.add(id);
    return id;
  };
  (globalThis as any).clearTimeout = (id: any) => {
    pending.delete(id);
    return realClear(id);
  };
  return {
    pending,
    restore() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

/** A fetch that remembers the signal each request went out with. */
function trackingFetch() {
  const signals: AbortSignal[] = [];
  const fetchFn: NonNullable<RunChatOptions['fetch']> = (input, init) => {
    if (init?.signal) signals.push(init.signal);
    return fetch(input, init);
  };
  return { signals, fetch: fetchFn };
}

const IDLE_MS = 43_210;
const TOOL_MS = 54_321;

describe('abort', () => {
  for (const provider of ['openai', 'openai-responses', 'sse'] as const) {
    it(`mid-text through ${provider}: the text so far is kept, the request and watchdog are gone`, async () => {
      const timers = watchTimers([IDLE_MS]);
      const tracked = trackingFetch();
      try {
        const run = runChat({
          ...devOptions(provider, 'dev;rate=300;words=400'),
          idleTimeoutMs: IDLE_MS,
          fetch: tracked.fetch,
          messages: [{ role: 'user', content: 'Write something long.' }],
        });
        const events: ChatEvent[] = [];
        for await (const event of run) {
          events.push(event);
          if (event.type === 'text' && event.text.length > 20) run.abort();
        }
        const result = await run.result;
        assert.equal(result.finishReason, 'aborted');
        assert.isUndefined(result.error, 'a stop is not an error');
        assert.notInclude(events.map((e) => e.type), 'error');
        const text = textOf(events);
        assert.isAbove(text.length, 20);
        assert.equal(result.message.content, text, 'the partial answer is kept');
        assert.deepEqual(result.messages.at(-1), result.message);
        assert.equal(events.at(-1)?.type, 'end');
        assert.isTrue(tracked.signals.length > 0 && tracked.signals.every((s) => s.aborted), 'the request was aborted');
        assert.equal(timers.pending.size, 0, 'no idle timer left');
      } finally {
        timers.restore();
      }
    });
  }

  it('mid-text through websocket: the socket closes and the text is kept', async () => {
    const run = runChat({ ...devOptions('websocket', 'dev;rate=300;words=400'), messages: [{ role: 'user', content: 'Write something long.' }] });
    for await (const event of run) if (event.type === 'text' && event.text.length > 20) run.abort();
    const result = await run.result;
    assert.equal(result.finishReason, 'aborted');
    assert.isAbove((result.message.content ?? '').length, 20);
  });

  it('mid-tool: the tool’s signal aborts, its call gets a result, no timer is left', async () => {
    const timers = watchTimers([IDLE_MS, TOOL_MS]);
    let toolSignal: AbortSignal | undefined;
    try {
      const run = runChat({
        ...devOptions('openai', 'dev;rate=0'),
        idleTimeoutMs: IDLE_MS,
        messages: [{ role: 'user', content: 'Please call long_task now' }],
        tools: [
          {
            name: 'long_task',
            parameters: z.object({ job: z.string() }),
            timeoutMs: TOOL_MS,
            execute: (_args, { signal }) => {
              toolSignal = signal;
              return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
            },
          },
        ],
      });
      const events: ChatEvent[] = [];
      for await (const event of run) {
        events.push(event);
        if (event.type === 'tool-start') run.abort();
      }
      const result = await run.result;
      assert.isTrue(toolSignal?.aborted, 'the tool was told to stop');
      const end = events.find((e) => e.type === 'tool-end');
      assert.equal(end?.type === 'tool-end' && end.error?.kind, 'abort');
      assert.equal(result.finishReason, 'aborted');
      assert.deepEqual(result.messages.map((m) => m.role), ['user', 'assistant', 'tool'], 'every call keeps a result');
      assert.equal(timers.pending.size, 0, 'no idle or tool timer left');
    } finally {
      timers.restore();
    }
  });

  it('while an approval is pending: the call is answered as stopped, the tool never runs', async () => {
    let ran = false;
    const run = runChat({
      ...devOptions('openai', 'dev;rate=0'),
      messages: [{ role: 'user', content: 'Please call wipe_disk now' }],
      tools: [{ name: 'wipe_disk', parameters: z.object({ disk: z.string() }), needsApproval: () => true, execute: () => (ran = true) }],
    });
    const events: ChatEvent[] = [];
    for await (const event of run) {
      events.push(event);
      if (event.type === 'tool-approval') run.abort();
    }
    const result = await run.result;
    assert.isFalse(ran);
    const end = events.find((e) => e.type === 'tool-end');
    assert.equal(end?.type === 'tool-end' && end.error?.kind, 'abort');
    assert.equal(result.finishReason, 'aborted');
    assert.deepEqual(result.messages.map((m) => m.role), ['user', 'assistant', 'tool']);
  });

  it('while waiting to retry: the wait ends at once', async () => {
    const run = runChat({ ...devOptions('openai', `dev;rate=0;scenario=http-503;key=${uniqueKey()}`), messages: [{ role: 'user', content: 'Hi' }] });
    const types: string[] = [];
    for await (const event of run) {
      types.push(event.type);
      if (event.type === 'retry') run.abort();
    }
    assert.deepEqual(types, ['start', 'retry', 'end']);
    assert.equal((await run.result).finishReason, 'aborted');
  });

  it('a signal that is already aborted ends the turn without a request', async () => {
    const tracked = trackingFetch();
    const { events, result } = await collect(
      runChat({ ...devOptions('openai', 'dev;rate=0'), signal: AbortSignal.abort(), fetch: tracked.fetch, messages: [{ role: 'user', content: 'Hi' }] }),
    );
    assert.deepEqual(events.map((e) => e.type), ['start', 'end']);
    assert.equal(result.finishReason, 'aborted');
    assert.lengthOf(tracked.signals, 0);
  });
});

describe('consuming a run', () => {
  it('runs to the end when nobody iterates: the result alone is enough', async () => {
    const run = runChat({ ...devOptions('openai', 'dev;rate=0;words=50'), messages: [{ role: 'user', content: 'Hi' }] });
    const result = await run.result;
    assert.equal(result.finishReason, 'stop');
    assert.isAbove((result.message.content ?? '').length, 50);
    // A late reader still gets the whole turn.
    const late: string[] = [];
    for await (const e of run) late.push(e.type);
    assert.equal(late[0], 'start');
    assert.equal(late.at(-1), 'end');
  });

  it('a slow reader gets every event, in order, as a fast one does', async () => {
    const run = runChat({ ...devOptions('openai', 'dev;rate=0;words=80'), messages: [{ role: 'user', content: 'Hi' }] });
    const fast = collect(run);
    const slow: ChatEvent[] = [];
    for await (const e of run) {
      slow.push(e);
      await new Promise((r) => setTimeout(r, 2));
    }
    assert.deepEqual(slow, (await fast).events);
    assert.equal(textOf(slow), (await run.result).message.content);
  });
});
