// Every dev-model scenario through every provider it applies to: the exact shape of the event
// stream and what the result holds.
import { assert } from 'chai';
import { collect, runChat, type ChatEvent, type ChatResult, type ProviderName } from '../../src/core/index.js';
import { devOptions, PROVIDERS, shape, textOf, uniqueKey } from './dev-backends.js';

const USER = [{ role: 'user' as const, content: 'Tell me about streaming.' }];
/** Chat Completions and Responses report usage; the plain backends do not. */
const hasUsage = (p: ProviderName) => p === 'openai' || p === 'openai-responses';
/** Only HTTP carries Retry-After; a WebSocket backend gives the status alone. */
const hasRetryAfter = (p: ProviderName) => p !== 'websocket';

async function turn(provider: ProviderName, options: string, extra: Record<string, unknown> = {}) {
  return collect(runChat({ ...devOptions(provider, `dev;rate=0;${options}`), messages: USER, ...extra }));
}

function errorOf(events: ChatEvent[]) {
  const e = events.find((x) => x.type === 'error');
  assert.ok(e && e.type === 'error', 'an error event');
  return e as Extract<ChatEvent, { type: 'error' }>;
}

/** The turn failed after text: the text so far is in the error event, the end and the result. */
function assertFailedAfterText(events: ChatEvent[], result: ChatResult, kind: string) {
  const text = textOf(events);
  assert.isAbove(text.length, 0, 'some text arrived before the failure');
  // The server counted nothing for the cut answer: its usage is the engine's estimate, and says so.
  assert.deepEqual(shape(events), ['start', 'text', 'usage', 'error', 'end']);
  const usage = events.find((x) => x.type === 'usage');
  assert.isTrue(usage?.type === 'usage' && usage.usage.estimated === true, 'an estimate');
  const error = errorOf(events);
  assert.equal(error.error.kind, kind);
  assert.equal(error.text, text);
  assert.equal(result.finishReason, 'error');
  assert.equal(result.error?.kind, kind);
  assert.equal(result.message.content, text);
  assert.deepEqual(result.messages, [...USER, result.message]);
  const end = events.at(-1)!;
  assert.equal(end.type, 'end');
  if (end.type === 'end') assert.equal(end.message.content, text);
}

for (const provider of PROVIDERS) {
  describe(`scenarios through ${provider}`, () => {
    it('normal: start, text, usage, end; the result holds the answer', async () => {
      const { events, result } = await turn(provider, 'words=60');
      assert.deepEqual(shape(events), hasUsage(provider) ? ['start', 'text', 'usage', 'end'] : ['start', 'text', 'end']);
      const text = textOf(events);
      assert.isAbove(text.split(/\s+/).length, 40);
      const texts = events.filter((e) => e.type === 'text');
      assert.equal(texts.at(-1)?.type === 'text' && texts.at(-1)!.text, text, 'text carries the text so far');
      assert.equal(result.finishReason, 'stop');
      assert.isUndefined(result.error);
      assert.deepEqual(result.message, { role: 'assistant', content: text });
      assert.deepEqual(result.messages, [...USER, result.message]);
      if (hasUsage(provider)) {
        assert.isAbove(result.usage.completionTokens, 0);
        assert.equal(result.usage.totalTokens, result.usage.promptTokens + result.usage.completionTokens);
      }
      const start = events[0];
      assert.equal(start.type === 'start' && start.provider, provider);
    });

    it('cut: the connection drops mid-answer: a network error, the text kept, no retry after text', async () => {
      // Paced, so the text before the cut has left the server before the socket is destroyed.
      // A reset can still discard every byte in flight: that attempt has shown nothing and is
      // retried (the retry is cut again, after its text).
      const { events, result } = await turn(provider, 'scenario=cut;rate=4000;words=80');
      const firstText = events.findIndex((e) => e.type === 'text');
      assert.isTrue(events.slice(1, firstText).every((e) => e.type === 'retry'), 'only retries before the text');
      assertFailedAfterText([events[0], ...events.slice(firstText)], result, provider === 'websocket' ? 'protocol' : 'network');
      // The server was reached: the message says the connection dropped, not that it could not be reached.
      if (provider !== 'websocket') assert.match(result.error!.message, /dropped while the answer was arriving/);
    });

    it('stall: the idle watchdog ends a silent stream with a timeout', async () => {
      // Long enough that a busy machine's slow start is not taken for the stall.
      const { events, result } = await turn(provider, 'scenario=stall;stallMs=10000', { idleTimeoutMs: 1500 });
      assertFailedAfterText(events, result, 'timeout');
      assert.isTrue(result.error!.retryable);
    });

    it('malformed: a line that is not JSON is a protocol error after the text', async () => {
      const { events, result } = await turn(provider, 'scenario=malformed');
      assertFailedAfterText(events, result, 'protocol');
    });

    it('error-mid-stream: the server error ends the turn with the text so far', async () => {
      const { events, result } = await turn(provider, 'scenario=error-mid-stream');
      assertFailedAfterText(events, result, 'protocol');
      assert.match(result.error!.message, /server/i);
    });

    if (provider === 'sse' || provider === 'websocket') {
      it('no-done: a plain backend that closes after its answer has finished it', async () => {
        const { events, result } = await turn(provider, 'scenario=no-done');
        assert.deepEqual(shape(events), ['start', 'text', 'end']);
        assert.equal(result.finishReason, 'stop');
        assert.isUndefined(result.error);
        assert.equal(result.message.content, textOf(events));
      });
    } else {
      it('no-done: a stream without an end is reported as truncated', async () => {
        const { events, result } = await turn(provider, 'scenario=no-done');
        assertFailedAfterText(events, result, 'protocol');
        assert.match(result.error!.message, /truncated/);
      });
    }

    if (hasUsage(provider)) {
      it('token limit: the answer stops with finish reason length, no error', async () => {
        const { events, result } = await turn(provider, 'words=300', { maxTokens: 30 });
        assert.equal(result.finishReason, 'length');
        assert.isUndefined(result.error);
        assert.equal(result.message.content, textOf(events));
        assert.isAbove(textOf(events).length, 0);
        assert.isAtMost(textOf(events).length, 30 * 4);
        const end = events.at(-1);
        assert.equal(end?.type === 'end' && end.finishReason, 'length');
      });
    }


    it('http-401: no retry, a message that names the key', async () => {
      const { events, result } = await turn(provider, 'scenario=http-401', { apiKey: 'sk-wrong' });
      assert.deepEqual(shape(events), ['start', 'error', 'end']);
      assert.equal(result.error?.kind, 'http');
      assert.equal(result.error?.status, 401);
      assert.isFalse(result.error?.retryable);
      assert.equal(result.error?.message, 'The API key was refused (401). Check the key or the proxy.');
      assert.equal(result.finishReason, 'error');
      assert.deepEqual(result.messages, [...USER, { role: 'assistant', content: '' }]);
    });

    it('http-429 once: one retry after Retry-After, then the answer', async () => {
      const { events, result } = await turn(provider, `scenario=http-429;failures=1;key=${uniqueKey()}`);
      assert.deepEqual(shape(events), hasUsage(provider) ? ['start', 'retry', 'text', 'usage', 'end'] : ['start', 'retry', 'text', 'end']);
      const retry = events.find((e) => e.type === 'retry')!;
      assert.equal(retry.type === 'retry' && retry.attempt, 1);
      if (hasRetryAfter(provider)) assert.equal(retry.type === 'retry' && retry.delayMs, 1000, 'Retry-After: 1 honoured');
      assert.equal(retry.type === 'retry' && retry.error.status, 429);
      assert.equal(result.finishReason, 'stop');
      assert.isUndefined(result.error);
    });

    for (const status of [500, 503]) {
      it(`http-${status} once: retried with backoff, then the answer`, async () => {
        const { events, result } = await turn(provider, `scenario=http-${status};failures=1;key=${uniqueKey()}`);
        const retries = events.filter((e) => e.type === 'retry');
        assert.lengthOf(retries, 1);
        assert.equal(retries[0].type === 'retry' && retries[0].error.status, status);
        assert.isAbove(retries[0].type === 'retry' ? retries[0].delayMs : 0, 0);
        assert.equal(result.finishReason, 'stop');
        assert.isAbove(textOf(events).length, 0);
      });
    }

    it('http-503 every time: gives up after maxRetries with the error', async () => {
      const { events, result } = await turn(provider, `scenario=http-503;key=${uniqueKey()}`, { maxRetries: 2 });
      assert.deepEqual(shape(events), ['start', 'retry', 'error', 'end']);
      assert.deepEqual(
        events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.attempt),
        [1, 2],
      );
      assert.equal(result.error?.status, 503);
      assert.isTrue(result.error?.retryable);
      assert.match(result.error!.message, /503/);
    });
  });
}

describe('scenarios specific to Chat Completions', () => {
  it('a proxy without a key: the request carries no Authorization and no x-stainless headers', async () => {
    const sent: Headers[] = [];
    const { result } = await collect(
      runChat({
        ...devOptions('openai', 'dev;rate=0'),
        messages: USER,
        fetch: (input, init) => {
          sent.push(new Headers(init?.headers));
          return fetch(input, init);
        },
      }),
    );
    assert.equal(result.finishReason, 'stop');
    assert.lengthOf(sent, 1);
    assert.isNull(sent[0].get('authorization'));
    assert.deepEqual([...sent[0].keys()].filter((k) => k.startsWith('x-stainless')), []);
  });

  it('tools-no-index: tool calls without index are still put together', async () => {
    const { events, result } = await collect(
      runChat({
        ...devOptions('openai', 'dev;rate=0;scenario=tools-no-index'),
        messages: [{ role: 'user', content: 'Call lookup_city and lookup_time for me' }],
        tools: [
          { name: 'lookup_city', parameters: (await import('zod')).object({ name: (await import('zod')).string() }), execute: ({ name }) => `${name} is a city` },
          { name: 'lookup_time', parameters: (await import('zod')).object({ zone: (await import('zod')).string() }), execute: ({ zone }) => `noon in ${zone}` },
        ],
      }),
    );
    const calls = result.messages[1].tool_calls ?? [];
    assert.deepEqual(calls.map((c) => c.function.name).sort(), ['lookup_city', 'lookup_time']);
    for (const c of calls) assert.isObject(JSON.parse(c.function.arguments));
    assert.lengthOf(events.filter((e) => e.type === 'tool-end' && !e.error), 2);
    assert.equal(result.finishReason, 'stop');
  });
});
