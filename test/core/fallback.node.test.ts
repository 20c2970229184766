// Fallback models: a model that fails for good before answering hands the turn to the next one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect, runChat } from '../../src/core/index.js';
import { worthAnotherModel } from '../../src/core/fallback.js';
import { startDevModel } from './dev-server.js';

let dev: Awaited<ReturnType<typeof startDevModel>>;
before(async () => {
  dev = await startDevModel();
});
after(() => dev.close());

const ask = (model: string, fallbackModels: string[], extra = {}) =>
  collect(runChat({ baseURL: dev.baseURL, model, fallbackModels, maxRetries: 0, messages: [{ role: 'user', content: 'Hello' }], ...extra }));

describe('fallback models', () => {
  it('a model that does not exist hands the turn to the next, and the turn says which answered', async () => {
    const { events, result } = await ask('dev;scenario=http-404', ['dev;rate=0']);
    const fallback = events.find((e) => e.type === 'fallback');
    assert.ok(fallback && fallback.type === 'fallback');
    assert.equal(fallback.from, 'dev;scenario=http-404');
    assert.equal(fallback.to, 'dev;rate=0');
    assert.equal(fallback.error.status, 404);
    assert.equal(result.error, undefined);
    assert.equal(result.model, 'dev;rate=0');
    assert.ok(String(result.message.content).length > 0);
    const end = events.at(-1);
    assert.ok(end?.type === 'end' && end.model === 'dev;rate=0');
    assert.equal(events.filter((e) => e.type === 'error').length, 0, 'the failure that was handed on is not an error of the turn');
  });

  it('5xx after the retries goes to the next model; each model is tried once, in order', async () => {
    const { events, result } = await ask('dev;scenario=http-500', ['dev;scenario=http-503', 'dev;scenario=http-500', 'dev;rate=0'], { maxRetries: 1 });
    const fallbacks = events.filter((e) => e.type === 'fallback');
    assert.deepEqual(
      fallbacks.map((e) => (e.type === 'fallback' ? e.to : '')),
      ['dev;scenario=http-503', 'dev;rate=0'],
      'a model already tried is not asked again',
    );
    assert.equal(events.filter((e) => e.type === 'retry').length, 2, 'each model gets its retries first');
    assert.equal(result.model, 'dev;rate=0');
    assert.equal(result.finishReason, 'stop');
  });

  it('a refused key is not handed to another model: it would be refused too', async () => {
    const { events, result } = await ask('dev;scenario=http-401', ['dev;rate=0']);
    assert.equal(events.some((e) => e.type === 'fallback'), false);
    assert.equal(result.error?.status, 401);
  });

  it('when every model fails, the last failure is the turn error', async () => {
    const { result } = await ask('dev;scenario=http-404', ['dev;scenario=http-500']);
    assert.equal(result.error?.status, 500);
    assert.equal(result.model, 'dev;scenario=http-500');
  });

  it('a failure after text has arrived is kept, not handed on (what the user read stays)', async () => {
    const { events, result } = await ask('dev;scenario=error-mid-stream;rate=0', ['dev;rate=0']);
    assert.equal(events.some((e) => e.type === 'fallback'), false);
    assert.ok(result.error);
    assert.ok(String(result.message.content).length > 0);
  });

  it('decides by the failure', () => {
    assert.equal(worthAnotherModel({ kind: 'http', status: 404, message: '', retryable: false }), true);
    assert.equal(worthAnotherModel({ kind: 'http', status: 429, message: '', retryable: true }), false);
    assert.equal(worthAnotherModel({ kind: 'http', status: 400, message: 'This model does not support streaming', retryable: false }), true);
    assert.equal(worthAnotherModel({ kind: 'http', status: 400, message: 'messages: too long', retryable: false }), false);
    assert.equal(worthAnotherModel({ kind: 'network', message: '', retryable: true }), false);
    assert.equal(worthAnotherModel({ kind: 'abort', message: '', retryable: false }), false);
  });
});
