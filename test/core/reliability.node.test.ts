// Retries, error messages and request hygiene, with a scripted fetch: which failures are retried,
// how long the engine waits, what the user reads, and what leaves the machine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, runChat, type RunChatOptions } from '../../src/core/index.js';
import { backoffDelay, MAX_DELAY_MS } from '../../src/core/backoff.js';
import { replay, TEXT_ANSWER, TEXT_STREAM } from './recorded.js';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network' | 'ok';

/** A fetch that answers each request from a script: an HTTP error, a network failure, or the text stream. */
function scripted(answers: Answer[]) {
  const requests: { headers: Headers; url: string }[] = [];
  const ok = replay([TEXT_STREAM]);
  const fetch: NonNullable<RunChatOptions['fetch']> = async (input, init) => {
    const answer = answers[requests.length] ?? 'ok';
    requests.push({ headers: new Headers(init?.headers), url: String(input) });
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (answer === 'ok') return ok.fetch(input, init);
    return new Response(JSON.stringify(answer.body ?? {}), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch, requests };
}

const openAiError = (message: string, code: string) => ({ error: { message, type: 'error', code, param: null } });

async function turn(answers: Answer[], extra: Partial<RunChatOptions> = {}) {
  const s = scripted(answers);
  const { events, result } = await collect(
    runChat({ baseURL: 'https://proxy.example/v1', model: 'gpt-4o-mini', fetch: s.fetch, messages: [{ role: 'user', content: 'Hi' }], ...extra }),
  );
  return { events, result, requests: s.requests, retries: events.filter((e) => e.type === 'retry') };
}

describe('retries before the first token', () => {
  for (const status of [429, 500, 502, 503, 504]) {
    it(`${status} is retried, then the answer arrives`, async () => {
      const { result, retries, requests } = await turn([{ status, headers: { 'retry-after': '0' } }]);
      assert.equal(requests.length, 2);
      assert.equal(retries.length, 1);
      assert.equal(result.message.content, TEXT_ANSWER);
      assert.equal(result.finishReason, 'stop');
    });
  }

  it('a network failure is retried', async () => {
    const { result, retries } = await turn(['network']);
    assert.equal(retries.length, 1);
    assert.equal(retries[0].type === 'retry' && retries[0].error.kind, 'network');
    assert.equal(result.finishReason, 'stop');
  });

  for (const status of [400, 401, 403, 404]) {
    it(`${status} is not retried`, async () => {
      const { result, retries, requests } = await turn([{ status, body: openAiError('nope', 'x') }]);
      assert.equal(requests.length, 1);
      assert.equal(retries.length, 0);
      assert.equal(result.error?.kind, 'http');
      assert.equal(result.error?.status, status);
      assert.equal(result.error?.retryable, false);
      assert.match(result.error!.message, new RegExp(`\\(${status}\\)`));
    });
  }

  it('429 insufficient_quota is not retried and says so', async () => {
    const { result, requests } = await turn([{ status: 429, body: openAiError('You exceeded your current quota.', 'insufficient_quota') }]);
    assert.equal(requests.length, 1);
    assert.equal(result.error?.retryable, false);
    assert.match(result.error!.message, /quota/);
  });

  it('Retry-After is honoured (seconds)', async () => {
    const { retries } = await turn([{ status: 429, headers: { 'retry-after': '0.05' } }]);
    assert.equal(retries[0].type === 'retry' && retries[0].delayMs, 50);
  });

  it('gives up after maxRetries with the last error', async () => {
    const { result, retries, requests } = await turn(
      [{ status: 503, headers: { 'retry-after': '0' } }, { status: 503, headers: { 'retry-after': '0' } }, { status: 502, headers: { 'retry-after': '0' } }],
      { maxRetries: 2 },
    );
    assert.equal(requests.length, 3);
    assert.deepEqual(retries.map((r) => r.type === 'retry' && r.attempt), [1, 2]);
    assert.equal(result.error?.status, 502);
    assert.equal(result.message.content, '');
  });

  it('maxRetries: 0 means one attempt', async () => {
    const { requests, result } = await turn([{ status: 503 }], { maxRetries: 0 });
    assert.equal(requests.length, 1);
    assert.equal(result.error?.status, 503);
  });

  it('backoff grows exponentially with jitter, capped', () => {
    const low = () => 0;
    const high = () => 0.999999;
    assert.ok(backoffDelay(1, undefined, low) > 0);
    assert.ok(backoffDelay(2, undefined, low) > backoffDelay(1, undefined, high) - 1);
    assert.ok(backoffDelay(3, undefined, low) >= backoffDelay(2, undefined, high) - 1);
    assert.ok(backoffDelay(30, undefined, high) <= MAX_DELAY_MS);
    assert.notEqual(backoffDelay(2, undefined, low), backoffDelay(2, undefined, high));
  });
});

describe('what the user reads', () => {
  it('401 names the key and the proxy', async () => {
    const { result, events } = await turn([{ status: 401, body: openAiError('Incorrect API key provided', 'invalid_api_key') }]);
    assert.equal(result.error?.message, 'The API key was refused (401). Check the key or the proxy.');
    assert.deepEqual(events.map((e) => e.type), ['start', 'error', 'end']);
  });

  it('404 points at the base URL and model', async () => {
    const { result } = await turn([{ status: 404, body: openAiError('The model `gpt-9` does not exist', 'model_not_found') }]);
    assert.match(result.error!.message, /base URL/);
    assert.match(result.error!.message, /gpt-9/);
  });

  it('an unknown provider is an error event, not an exception', async () => {
    const { result, events } = await collect(runChat({ provider: 'carrier-pigeon' as any, messages: [] }));
    assert.equal(result.error?.kind, 'config');
    assert.equal(result.error?.option, 'provider');
    assert.deepEqual(events.map((e) => e.type), ['start', 'error', 'end']);
  });

  it('a system function that throws becomes an error event', async () => {
    const { result } = await collect(
      runChat({ fetch: scripted([]).fetch, messages: [{ role: 'user', content: 'x' }], system: () => Promise.reject(new Error('no profile')) }),
    );
    assert.equal(result.finishReason, 'error');
    assert.match(result.error!.message, /no profile/);
  });
});

describe('request hygiene', () => {
  it('a proxy without a key: no Authorization header, no x-stainless headers', async () => {
    const { requests, result } = await turn([]);
    assert.equal(result.finishReason, 'stop');
    const headers = requests[0].headers;
    assert.equal(headers.get('authorization'), null);
    assert.deepEqual([...headers.keys()].filter((k) => k.startsWith('x-stainless')), []);
    assert.equal(requests[0].url, 'https://proxy.example/v1/chat/completions');
  });

  it('without a key, an Authorization the host put in headers is kept', async () => {
    const { requests } = await turn([], { headers: { Authorization: 'Bearer from-gateway' } });
    assert.equal(requests[0].headers.get('authorization'), 'Bearer from-gateway');
  });

  it('with a key: a Bearer header and the host headers', async () => {
    const { requests } = await turn([], { apiKey: 'sk-live', headers: { 'x-team': 'blue' } });
    assert.equal(requests[0].headers.get('authorization'), 'Bearer sk-live');
    assert.equal(requests[0].headers.get('x-team'), 'blue');
  });

  it('prices give a cost per step and in total', async () => {
    const { result, events } = await turn([], { prices: { 'gpt-4o-mini': { input: 0.15, output: 0.6 } } });
    const usage = events.find((e) => e.type === 'usage');
    const expected = (21 * 0.15 + 9 * 0.6) / 1e6;
    assert.ok(usage?.type === 'usage' && Math.abs(usage.usage.cost! - expected) < 1e-15);
    assert.ok(Math.abs(result.usage.cost! - expected) < 1e-15);
  });
});
