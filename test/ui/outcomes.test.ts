// Outcomes a user must not mistake for a whole answer, and failures inside the element itself: what
// the widget says, what it fires, and that nothing rejects or reaches the page as an uncaught error.
import { assert } from 'chai';
import type { ChatError, EndEvent } from '../../src/core/events.js';
import { answers, chat, cleanup, idle, nextEvent, part, say, waitFor } from './helpers.js';

describe('<stream-chat> answers that ended early', () => {
  afterEach(cleanup);

  it('cut at the length limit: says so under the answer and offers Continue', async () => {
    const el = await chat('dev;rate=0;words=120;scenario=length');
    const end = nextEvent<EndEvent>(el, 'stream-chat-end');
    await say(el, 'Tell me everything about lighthouses');
    assert.equal((await end).detail.finishReason, 'length');
    await idle(el);
    const note = await waitFor(() => part(el, 'cut-note'), 'the cut note');
    assert.include(note.textContent, 'cut off at the model’s length limit');
    assert.notExists(part(el, 'error'), 'not an error');
    const text = el.messages[1].content!;
    assert.isAbove(text.length, 0, 'the answer so far is kept');

    el.model = 'dev;rate=0;words=20';
    (part(el, 'continue-cut-button') as HTMLButtonElement).click();
    await waitFor(() => el.busy, 'the continuation');
    await idle(el);
    assert.deepEqual(el.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
    assert.equal(el.messages[0].content, 'Tell me everything about lighthouses');
    assert.equal(el.messages[1].content, text, 'the cut answer stays as it was');
    assert.lengthOf(answers(el), 2);
    assert.exists(answers(el)[0].querySelector('[part~="cut-note"]'), 'the first answer still says it was cut');
    assert.notExists(answers(el)[0].querySelector('[part~="continue-cut-button"]'), 'Continue only on the last answer');
    assert.notExists(answers(el)[1].querySelector('[part~="cut-note"]'));
  });

  it('filtered by the provider: says so, no Continue', async () => {
    const el = await chat('dev;rate=0;words=120;scenario=content-filter');
    await say(el, 'Tell me a story');
    await idle(el);
    const note = await waitFor(() => part(el, 'filtered-note'), 'the filtered note');
    assert.include(note.textContent, 'content filter');
    assert.notExists(part(el, 'continue-cut-button'));
    assert.notExists(part(el, 'cut-note'));
  });

  it('a complete answer carries no such note', async () => {
    const el = await chat('dev;rate=0;words=20');
    await say(el, 'Hi');
    await idle(el);
    assert.notExists(part(el, 'cut-note'));
    assert.notExists(part(el, 'filtered-note'));
  });

  it('a 400 and a key echoed by the server: the banner shows the server text, redacted', async () => {
    const key = 'sk-live-7d3f9a2b8c1e4f6a0b5d';
    const el = await chat('dev;rate=0;scenario=echo-auth', (e) => (e.apiKey = key));
    const error = nextEvent<{ error: ChatError }>(el, 'stream-chat-error');
    await say(el, 'Hello');
    await idle(el);
    const banner = await waitFor(() => part(el, 'error'), 'the banner');
    assert.include(banner.textContent, 'Bearer [redacted]');
    assert.notInclude(banner.textContent, key);
    assert.notInclude((await error).detail.error.message, key);
    assert.notInclude(el.shadowRoot!.innerHTML, key);
  });
});
