import { assert } from 'chai';
import type { ChatError } from '../../src/core/events.js';
import { answers, chat, cleanup, idle, lastAnswerText, nextEvent, part, parts, say, shownAs, waitFor } from './helpers.js';

const unique = () => Math.random().toString(36).slice(2);

describe('<stream-chat> errors', () => {
  afterEach(cleanup);

  it('shows a server error, keeps the user message, and retries with success', async () => {
    const el = await chat(`dev;rate=0;scenario=http-500;failures=1;key=${unique()}`, (e) => (e.maxRetries = 0));
    const errorEvent = nextEvent<{ error: ChatError }>(el, 'stream-chat-error');
    await say(el, 'Are you there?');
    await idle(el);
    const banner = await waitFor(() => part(el, 'error'), 'the error banner');
    assert.equal(banner.getAttribute('role'), 'alert');
    assert.include(banner.textContent, (await errorEvent).detail.error.message);
    assert.include(part(el, 'user-message')!.textContent, 'Are you there?', 'what the user typed stays');
    assert.lengthOf(answers(el), 0, 'no empty answer bubble');
    (part(el, 'retry-button') as HTMLButtonElement).click();
    await waitFor(() => el.busy, 'the retry');
    await idle(el);
    assert.notExists(part(el, 'error'));
    assert.lengthOf(answers(el), 1);
    assert.isAbove(lastAnswerText(el).length, 0);
    assert.deepEqual(el.messages.map((m) => m.role), ['user', 'assistant']);
  });

  it('says when it retries on its own, then shows the answer', async () => {
    const el = await chat(`dev;rate=0;scenario=http-503;failures=1;key=${unique()}`);
    const retry = nextEvent(el, 'stream-chat-retry');
    await say(el, 'Hello?');
    await retry;
    await el.updateComplete;
    assert.match(part(el, 'notice')!.textContent!, /retrying in \d+ s/);
    await idle(el);
    assert.notExists(part(el, 'notice'), 'the notice leaves once the answer comes');
    assert.notExists(part(el, 'error'));
    assert.isAbove(lastAnswerText(el).length, 0);
  });

  it('says plainly that the key was refused (401)', async () => {
    const el = await chat('dev;rate=0;scenario=http-401');
    const result = await el.send('Hello');
    await el.updateComplete;
    assert.equal(result.error?.kind, 'http');
    assert.equal(result.error?.status, 401);
    const banner = part(el, 'error')!;
    assert.match(banner.textContent!, /401/);
    assert.match(banner.textContent!, /key/i);
  });

  it('keeps the partial answer when the connection drops mid-stream', async () => {
    const el = await chat('dev;rate=3000;scenario=cut;words=200', (e) => (e.maxRetries = 0));
    const result = await el.send('Tell me a long story');
    await idle(el);
    assert.exists(result.error, 'the result carries the error');
    assert.exists(part(el, 'error'), 'the banner shows');
    const partial = lastAnswerText(el);
    assert.isAbove(partial.length, 0, 'what arrived is still shown');
    assert.equal(answers(el)[0].dataset.status, 'error');
    assert.equal(shownAs(el.messages.at(-1)?.content), partial);
  });

  it('dismisses the banner', async () => {
    const el = await chat('dev;rate=0;scenario=http-401');
    await el.send('Hello');
    await el.updateComplete;
    (part(el, 'dismiss-button') as HTMLButtonElement).click();
    await el.updateComplete;
    assert.notExists(part(el, 'error'));
    assert.lengthOf(parts(el, 'user-message'), 1);
  });

  it('send() never rejects, even for a server it cannot reach', async () => {
    const el = await chat('dev', (e) => {
      e.baseUrl = 'http://127.0.0.1:9/v1';
      e.maxRetries = 0;
    });
    const result = await el.send('Anyone?');
    assert.exists(result.error);
    await el.updateComplete;
    assert.exists(part(el, 'error'));
  });
});
