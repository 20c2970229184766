// What a user reads when a request fails: the server's own words from any JSON shape, never the
// user's key, and a network failure told apart (offline, mixed content, CORS, unreachable).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, runChat, type ProviderName, type RunChatOptions } from '../../src/core/index.js';
import { errorDetail } from '../../src/core/errors.js';
import { explainNetworkFailure, likelyCause } from '../../src/core/network-failure.js';
import { redactError, redactText, REDACTED, secretsOf } from '../../src/core/redact.js';

const KEY = 'sk-proj-Zx81kQ3vLm0pR7sT2uW9yB4nC6dE1fG5';

/** A fetch that answers every request with this status and body (JSON when it is not a string). */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Headers[] = [];
  const fetch: NonNullable<RunChatOptions['fetch']> = async (_input, init) => {
    seen.push(new Headers(init?.headers));
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers } });
  };
  return { fetch, seen };
}

async function failWith(provider: ProviderName, status: number, body: unknown, extra: Partial<RunChatOptions> = {}) {
  const { fetch, seen } = answering(status, body);
  const { result, events } = await collect(
    runChat({
      provider,
      baseURL: 'https://proxy.example/v1',
      endpoint: 'https://proxy.example/chat',
      model: 'm',
      fetch,
      maxRetries: 0,
      messages: [{ role: 'user', content: 'Hi' }],
      ...extra,
    }),
  );
  return { result, events, seen };
}

describe('a 400 shows the body the server sent', () => {
  const bodies: [string, unknown, string][] = [
    ['vLLM top-level message', { object: 'error', message: "This model's maximum context length is 4096 tokens.", type: 'BadRequestError', param: null, code: 400 }, 'maximum context length is 4096'],
    ['FastAPI detail', { detail: 'messages: field required' }, 'messages: field required'],
    ['FastAPI validation list', { detail: [{ loc: ['body', 'model'], msg: 'Field required', type: 'missing' }] }, 'Field required'],
    ['OpenAI error object', { error: { message: 'Invalid value for temperature.', type: 'invalid_request_error', param: 'temperature', code: null } }, 'Invalid value for temperature.'],
    ['error string', { error: 'model is required' }, 'model is required'],
    ['OAuth error_description', { error: 'invalid_request', error_description: 'The model field is missing.' }, 'The model field is missing.'],
    ['plain text', 'Bad Request: unknown field "foo"', 'unknown field "foo"'],
  ];
  for (const provider of ['openai', 'openai-responses', 'sse'] as ProviderName[]) {
    for (const [name, body, expected] of bodies) {
      it(`${provider}: ${name}`, async () => {
        const { result } = await failWith(provider, 400, body);
        assert.equal(result.error?.kind, 'http');
        assert.equal(result.error?.status, 400);
        assert.ok(result.error!.message.includes(expected), result.error!.message);
        assert.doesNotMatch(result.error!.message, /no body/);
      });
    }
  }

  it('an empty 400 says the request was rejected, without inventing a reason', async () => {
    const { result } = await failWith('openai', 400, '');
    assert.equal(result.error?.message, 'The server rejected the request (400).');
  });

  it('a huge body is cut to a readable length', () => {
    const detail = errorDetail({ message: 'x'.repeat(10_000) })!;
    assert.ok(detail.length <= 301);
  });

  it('a body nested without end is searched to a bound', () => {
    let body: unknown = { message: 'deep' };
    for (let i = 0; i < 10_000; i++) body = { error: body };
    assert.equal(errorDetail(body), undefined);
  });
});

describe('the key never leaves in an error', () => {
  const echoed = {
    detail: `Invalid request headers: {'authorization': 'Bearer ${KEY}', 'content-type': 'application/json'}`,
  };

  for (const provider of ['openai', 'openai-responses', 'sse'] as ProviderName[]) {
    it(`${provider}: a 400 that repeats the Authorization header`, async () => {
      const { result, events, seen } = await failWith(provider, 400, echoed, { apiKey: KEY });
      assert.equal(seen[0].get('authorization'), `Bearer ${KEY}`, 'the key was sent');
      const all = JSON.stringify(events, (_k, v) => (v instanceof Error ? { message: v.message } : v));
      assert.ok(!all.includes(KEY), 'no event carries the key');
      assert.ok(!JSON.stringify(result.error).includes(KEY));
      assert.ok(result.error!.message.includes(`Bearer ${REDACTED}`), result.error!.message);
      assert.ok(result.error!.message.includes('Invalid request headers'), 'the rest of the server text stays');
    });
  }

  it('a key the host put in headers, echoed without "Bearer", is redacted too', async () => {
    const { result } = await failWith('openai', 403, { error: { message: 'key gw-4f9a8b7c6d5e not allowed for this model' } }, { headers: { 'x-api-key': 'gw-4f9a8b7c6d5e' } });
    assert.equal(result.error?.status, 403);
    assert.ok(!result.error!.message.includes('gw-4f9a8b7c6d5e'), result.error!.message);
  });

  it('a Bearer token that is not the key is redacted as well', () => {
    assert.equal(redactText('got Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', []), `got Authorization: Bearer ${REDACTED}`);
    assert.equal(redactText('the bearer of this letter', []), 'the bearer of this letter');
  });

  it('a key echoed inside an error streamed mid-answer is redacted', async () => {
    const sse = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Hel' } }] })}\n\ndata: ${JSON.stringify({ error: { message: `upstream refused key ${KEY}` } })}\n\n`;
    const fetch: NonNullable<RunChatOptions['fetch']> = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } });
    const { result } = await collect(runChat({ baseURL: 'https://proxy.example/v1', apiKey: KEY, fetch, messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(result.message.content, 'Hel', 'the partial answer is kept');
    assert.ok(result.error);
    assert.ok(!JSON.stringify(result.error).includes(KEY), result.error!.message);
  });

  it('redactError walks the cause, the raw text and URL-encoded keys', () => {
    const secrets = secretsOf({ apiKey: 'k3y/with+chars' });
    const out = redactError(
      { kind: 'http', message: 'x', retryable: false, raw: 'raw k3y/with+chars', cause: { body: { error: { message: 'url ?key=k3y%2Fwith%2Bchars' } } } },
      secrets,
    );
    assert.equal(out.raw, `raw ${REDACTED}`);
    assert.equal((out.cause as any).body.error.message, `url ?key=${REDACTED}`);
  });
});

describe('a request that never got an answer says why, as far as the page can tell', () => {
  const https = 'https://shop.example/help';
  it('offline wins over everything', () => {
    assert.equal(likelyCause('https://api.openai.com/v1', { href: https, online: false }), 'offline');
  });
  it('an http URL from an https page is mixed content', () => {
    assert.equal(likelyCause('http://llm.internal:8000/v1', { href: https, online: true }), 'mixed-content');
    assert.equal(likelyCause('ws://llm.internal/chat', { href: https, online: true }), 'mixed-content');
  });
  it('loopback is allowed over http from https, so it is not mixed content', () => {
    assert.equal(likelyCause('http://localhost:11434/v1', { href: https, online: true }), 'cors');
    assert.equal(likelyCause('http://127.0.0.1:8000/v1', { href: https, online: true }), 'cors');
  });
  it('another origin is probably CORS', () => {
    assert.equal(likelyCause('https://api.openai.com/v1', { href: https, online: true }), 'cors');
  });
  it('the same origin (a relative URL too) is unreachable', () => {
    assert.equal(likelyCause('/api/v1', { href: https, online: true }), 'unreachable');
    assert.equal(likelyCause('https://shop.example/api', { href: https, online: true }), 'unreachable');
  });
  it('a WebSocket to another origin is not CORS', () => {
    assert.equal(likelyCause('wss://chat.example/ws', { href: https, online: true }), 'unreachable');
  });
  it('outside a page nothing can be inferred', () => {
    assert.equal(likelyCause('https://api.openai.com/v1', {}), 'unreachable');
  });

  it('each cause has its own message; mixed content is not retried', () => {
    const base = { kind: 'network' as const, message: 'Could not reach the server.', retryable: true };
    const offline = explainNetworkFailure(base, 'https://api.openai.com/v1', { href: https, online: false });
    const mixed = explainNetworkFailure(base, 'http://llm.internal/v1', { href: https, online: true });
    const cors = explainNetworkFailure(base, 'https://api.example/v1', { href: https, online: true });
    const down = explainNetworkFailure(base, '/v1', { href: https, online: true });
    assert.match(offline.message, /offline/);
    assert.match(mixed.message, /mixed content/);
    assert.equal(mixed.retryable, false);
    assert.match(cors.message, /CORS/);
    assert.match(cors.message, /https:\/\/shop\.example/, 'names the origin to allow');
    assert.equal(down.message, base.message);
    assert.deepEqual([offline, mixed, cors, down].map((e) => e.network), ['offline', 'mixed-content', 'cors', 'unreachable']);
  });

  it('in Node a failed fetch stays "could not reach the server"', async () => {
    const fetch: NonNullable<RunChatOptions['fetch']> = async () => {
      throw new TypeError('fetch failed');
    };
    const { result } = await collect(runChat({ baseURL: 'https://proxy.example/v1', fetch, maxRetries: 0, messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(result.error?.kind, 'network');
    assert.equal(result.error?.network, 'unreachable');
    assert.match(result.error!.message, /Could not reach the server/);
  });
});
