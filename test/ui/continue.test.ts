// Continue in place: a stopped or interrupted answer is extended in the same bubble, with no visible
// message of the user's, stored as one answer; the dev model continues its own answer, so the joined
// text must be exactly the answer it gives uncut.
import { assert } from 'chai';
import { collect, runChat, type ChatMessage } from '../../src/core/index.js';
import { HistoryStore } from '../../src/store/index.js';
import { freshKey } from '../store/helpers.js';
import { answers, baseURL, chat, cleanup, idle, lastAnswerText, part, parts, say, shownAs, waitFor } from './helpers.js';

const QUESTION = 'Explain how HTTP caching works.';

/** The dev model's whole answer to the question, asked without the element. */
async function wholeAnswer(): Promise<string> {
  const { result } = await collect(runChat({ baseURL, model: 'dev;rate=0', messages: [{ role: 'user', content: QUESTION }] }));
  return String(result.message.content);
}

/** Records of the conversation, once the element has finished writing its turn. */
async function storedWhenFinal(store: HistoryStore, id: string) {
  return (await waitFor(async () => {
    const records = await store.loadMessages(id);
    return records.at(-1)?.status === 'final' ? records : undefined;
  }, 'the final answer stored'))!;
}

describe('<stream-chat> continue()', () => {
  afterEach(cleanup);

  it('extends a stopped answer in the same bubble, stored as one answer', async () => {
    const whole = await wholeAnswer();
    const key = freshKey('continue-stopped');
    const el = await chat('dev;rate=300', (e) => {
      e.storage = 'indexeddb';
      e.storageKey = key;
    });
    await say(el, QUESTION);
    await waitFor(() => lastAnswerText(el).length > 40, 'some of the answer');
    el.stop();
    await idle(el);
    const partial = String(el.messages[1].content);
    assert.isBelow(partial.length, whole.length, 'the answer was cut');
    const bubble = answers(el)[0];
    const sent: unknown[] = [];
    el.addEventListener('stream-chat-send', (e) => sent.push(e));

    el.model = 'dev;rate=0';
    const result = await el.continue();
    await idle(el);

    assert.equal(result.message.content, whole, 'the cut text and the rest are the whole answer');
    assert.deepEqual(el.messages.map((m: ChatMessage) => m.role), ['user', 'assistant'], 'no message of the user was added');
    assert.lengthOf(answers(el), 1);
    assert.strictEqual(answers(el)[0], bubble, 'the same bubble');
    assert.lengthOf(parts(el, 'user-message'), 1);
    assert.lengthOf(sent, 0, 'continuing is not a user message');
    assert.equal(lastAnswerText(el), shownAs(whole), 'one answer on screen, rendered as one');
    const records = await storedWhenFinal(new HistoryStore({ storageKey: key }), el.conversationId);
    assert.deepEqual(records.map((r) => [r.role, r.content]), [['user', QUESTION], ['assistant', whole]]);
  });

  it("the interrupted notice's Continue goes on in place after a reload", async () => {
    const whole = await wholeAnswer();
    const key = freshKey('continue-interrupted');
    const store = new HistoryStore({ storageKey: key });
    const partial = whole.slice(0, 120);
    await store.append('c1', [{ role: 'user', content: QUESTION }]);
    await store.append('c1', [{ role: 'assistant', content: partial }], { status: 'interrupted' });
    const el = await chat('dev;rate=0', (e) => {
      e.storage = 'indexeddb';
      e.storageKey = key;
      e.conversationId = 'c1';
    });
    const button = await waitFor(() => part(el, 'continue-button'), 'the Continue button');
    button.click();
    await waitFor(() => el.busy, 'the continuation to start');
    await idle(el);
    assert.lengthOf(answers(el), 1);
    assert.equal(el.messages[1].content, whole);
    assert.isNull(part(el, 'interrupted-notice'));
    const records = await storedWhenFinal(store, 'c1');
    assert.deepEqual(records.map((r) => [r.role, r.content, r.status]), [
      ['user', QUESTION, 'final'],
      ['assistant', whole, 'final'],
    ]);
  });

  it('with nothing cut to continue, says so and sends nothing', async () => {
    const el = await chat('dev;rate=0');
    const result = await el.continue();
    assert.ok(result.error);
    assert.match(result.error!.message, /no cut answer/i);
    assert.lengthOf(answers(el), 0);
  });
});
