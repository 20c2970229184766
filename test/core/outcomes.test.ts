// Outcomes that must not look like a normal answer, through the dev model in real Chromium: an answer
// cut by a limit or a filter, a 400 in a non-OpenAI shape, a key echoed by the server, a request
// blocked by CORS and a browser that is offline.
import { assert } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { collect, runChat, type ProviderName, type RunChatOptions } from '../../src/core/index.js';
import { devOptions, PROVIDERS, textOf } from './dev-backends.js';

const USER = [{ role: 'user' as const, content: 'Tell me about streaming.' }];
const KEY = 'sk-proj-9fQ2mX7bL4kT1wZ8rV3nH6cJ0yD5gS2a';

async function turn(provider: ProviderName, options: string, extra: Partial<RunChatOptions> = {}) {
  return collect(runChat({ ...devOptions(provider, `dev;rate=0;words=80;${options}`), messages: USER, maxRetries: 0, ...extra }));
}

for (const provider of ['openai', 'openai-responses'] as ProviderName[]) {
  describe(`an answer that ends early, through ${provider}`, () => {
    it('length: finish reason length, the text so far kept, no error', async () => {
      const full = textOf((await turn(provider, 'scenario=normal')).events);
      const { events, result } = await turn(provider, 'scenario=length');
      assert.equal(result.finishReason, 'length');
      assert.isUndefined(result.error);
      const text = textOf(events);
      assert.isAbove(text.length, 0);
      assert.isBelow(text.length, full.length, 'cut short');
      assert.isTrue(full.startsWith(text));
      assert.equal(result.message.content, text);
    });

    it('content-filter: finish reason content_filter, the text so far kept', async () => {
      const { events, result } = await turn(provider, 'scenario=content-filter');
      assert.equal(result.finishReason, 'content_filter');
      assert.isAbove(textOf(events).length, 0);
      const end = events.at(-1);
      assert.equal(end?.type === 'end' && end.finishReason, 'content_filter');
    });
  });
}

for (const provider of PROVIDERS) {
  describe(`server errors through ${provider}`, () => {
    it('http-400 with a top-level message: the message is shown, not "no body"', async () => {
      const { result } = await turn(provider, 'scenario=http-400');
      assert.equal(result.error?.status, 400);
      assert.include(result.error!.message, 'maximum context length is 4096 tokens');
      assert.notInclude(result.error!.message, 'no body');
    });

    if (provider !== 'websocket') {
      it('echo-auth: the key the server repeats is redacted everywhere', async () => {
        const { result, events } = await turn(provider, 'scenario=echo-auth', { apiKey: KEY });
        assert.equal(result.error?.status, 400);
        assert.include(result.error!.message, 'Upstream rejected the request', 'the server text is kept');
        assert.include(result.error!.message, 'Bearer [redacted]');
        assert.notInclude(JSON.stringify(events), KEY);
        assert.notInclude(JSON.stringify(result), KEY);
      });
    }
  });
}

/** The dev model on the other loopback name: the same server, another origin. */
function otherOrigin(path: string): string {
  const url = new URL(path, location.origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

describe('a request the browser blocks or cannot send', () => {
  it('CORS: a server on another origin that does not allow this page', async () => {
    // The same server allows other origins on its usual routes: the failure is the missing CORS headers.
    const allowed = await collect(runChat({ provider: 'openai', baseURL: otherOrigin('/v1'), model: 'dev;rate=0;words=5', messages: USER }));
    assert.equal(allowed.result.finishReason, 'stop', 'the other origin is reachable');

    const { result, events } = await collect(
      runChat({ provider: 'openai', baseURL: otherOrigin('/no-cors/v1'), model: 'dev;rate=0', messages: USER, maxRetries: 0 }),
    );
    assert.equal(result.error?.kind, 'network');
    assert.equal(result.error?.network, 'cors');
    assert.include(result.error!.message, 'CORS');
    assert.include(result.error!.message, location.origin, 'names the origin the server must allow');
    assert.deepEqual(
      events.map((e) => e.type),
      ['start', 'error', 'end'],
    );
  });

  it('the same route on the page own origin answers: CORS only matters across origins', async () => {
    const { result } = await collect(runChat({ provider: 'openai', baseURL: new URL('/no-cors/v1', location.origin).href, model: 'dev;rate=0;words=5', messages: USER }));
    assert.equal(result.finishReason, 'stop');
  });

  it('offline: the browser has no network', async () => {
    (window as any).offlineTurn = async () => {
      const { result } = await collect(runChat({ ...devOptions('openai', 'dev;rate=0'), messages: USER, maxRetries: 0 }));
      return { online: navigator.onLine, error: result.error };
    };
    const { online, error } = (await executeServerCommand('while-offline', { run: 'offlineTurn' })) as any;
    assert.isFalse(online);
    assert.equal(error?.kind, 'network');
    assert.equal(error?.network, 'offline');
    assert.match(error?.message, /offline/);
    assert.isTrue(navigator.onLine, 'back online');
  });
});
