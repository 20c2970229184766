// Resume after reload (`resumable` with `openai-responses`): the answer runs as a background response
// on the dev model, which goes on writing after the page goes away; the page that comes back reads it
// on from the stored checkpoint into the same bubble, and ends with exactly the server's text.
import { assert } from 'chai';
import { backgroundPart, backgroundStatus, collect, providerPart, runChat, type ChatEvent } from '../../src/core/index.js';
import { HistoryStore, resumePointOf, type MessageRecord } from '../../src/store/index.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { freshKey } from '../store/helpers.js';
import { chatFrame } from '../helpers/chat-frame.js';
import { answers, baseURL, chat, cleanup, idle, lastAnswerText, part, say, shownAs, waitFor } from './helpers.js';

await Promise.all([providerPart('openai-responses').load(), backgroundPart.load()]);

const QUESTION = 'Explain how HTTP caching works.';
const WORDS = 260;

/** The dev model's whole answer to the question (the same whatever the pace). */
async function wholeAnswer(): Promise<string> {
  const { result } = await collect(runChat({ provider: 'openai-responses', baseURL, model: `dev;rate=0;words=${WORDS}`, messages: [{ role: 'user', content: QUESTION }] }));
  return String(result.message.content);
}

function resumable(key: string, model: string, conversationId?: string): Promise<StreamChat> {
  return chat(model, (e) => {
    e.provider = 'openai-responses';
    e.resumable = true;
    e.storage = 'indexeddb';
    e.storageKey = key;
    if (conversationId) e.conversationId = conversationId;
  });
}

/** The conversation's records once its answer is stored final. */
async function storedWhenFinal(store: HistoryStore, id: string): Promise<MessageRecord[]> {
  return waitFor(async () => {
    const records = await store.loadMessages(id);
    return records.at(-1)?.status === 'final' ? records : undefined;
  }, 'the final answer stored');
}

/**
 * A background response cut off after its first checkpoint with text (the page went away), stored as a
 * reload leaves it: the question, then the interrupted answer with its resume point.
 */
async function cutResponse(key: string, model: string): Promise<{ id: string; checkpoint: Extract<ChatEvent, { type: 'checkpoint' }> }> {
  const gone = new AbortController();
  const run = runChat({ provider: 'openai-responses', baseURL, model, background: true, maxRetries: 0, messages: [{ role: 'user', content: QUESTION }], fetch: (input, init) => fetch(input, { ...init, signal: gone.signal }) });
  let checkpoint: Extract<ChatEvent, { type: 'checkpoint' }> | undefined;
  for await (const event of run) {
    if (event.type === 'checkpoint' && event.text.length > 20 && !checkpoint) {
      checkpoint = event;
      gone.abort();
    }
  }
  const store = new HistoryStore({ storageKey: key });
  const id = 'c-resume';
  await store.append(id, [{ role: 'user', content: QUESTION }]);
  const [draft] = await store.append(id, [{ role: 'assistant', content: checkpoint!.text }], { status: 'interrupted' });
  await store.saveMessage({ ...draft, resume: { responseId: checkpoint!.responseId, after: checkpoint!.sequence } });
  store.close();
  return { id, checkpoint: checkpoint! };
}

describe('<stream-chat resumable>', () => {
  afterEach(cleanup);

  it('an answer cut by a reload goes on streaming into the same bubble, to exactly the server\'s text', async () => {
    const whole = await wholeAnswer();
    const key = freshKey('resume-reload');
    // The first page lives in a same-origin frame: removing it ends it as a reload would.
    const frame = chatFrame(
      { provider: 'openai-responses', resumable: true, baseUrl: baseURL, model: `dev;rate=250;words=${WORDS}`, storageKey: key },
      QUESTION,
    );
    const probe = new HistoryStore({ storageKey: key });
    const draft = await waitFor(async () => {
      const [c] = await probe.listConversations();
      const last = c ? (await probe.loadMessages(c.id)).at(-1) : undefined;
      return last?.status === 'draft' && resumePointOf(last) && (last.content ?? '').length > 40 ? last : undefined;
    }, 'a stored draft with its resume point', 30_000);
    assert.isTrue(whole.startsWith(draft.content!), 'the stored text is the start of the answer');
    frame.remove(); // the page goes away mid-answer

    const el = await resumable(key, 'dev;rate=250');
    const bubble = await waitFor(() => answers(el)[0], 'the cut answer shown again');
    await waitFor(() => el.busy, 'the answer to be read on');
    assert.isNull(part(el, 'interrupted-notice'), 'no interrupted notice while it goes on');
    await idle(el);
    assert.equal(el.messages[1].content, whole, 'nothing repeated, nothing lost');
    assert.lengthOf(answers(el), 1);
    assert.strictEqual(answers(el)[0], bubble, 'the same bubble');
    assert.equal(lastAnswerText(el), shownAs(whole));
    const records = await storedWhenFinal(probe, el.conversationId);
    assert.deepEqual(records.map((r) => [r.role, r.content, r.status]), [['user', QUESTION, 'final'], ['assistant', whole, 'final']]);
    assert.isUndefined(resumePointOf(records[1]), 'a finished answer keeps no resume point');
  });

  it('Stop cancels the background response on the server', async () => {
    const key = freshKey('resume-stop');
    const el = await resumable(key, `dev;rate=200;words=${WORDS}`);
    let responseId = '';
    el.addEventListener('stream-chat-checkpoint', (e) => (responseId = (e as CustomEvent<{ responseId: string }>).detail.responseId));
    await say(el, QUESTION);
    await waitFor(() => lastAnswerText(el).length > 30, 'some of the answer');
    el.stop();
    await idle(el);
    assert.match(responseId, /^resp_/);
    assert.equal(await backgroundStatus({ baseURL }, responseId), 'cancelled');
    const [, answer] = await storedWhenFinal(new HistoryStore({ storageKey: key }), el.conversationId);
    assert.equal(answer.finishReason, 'aborted');
    assert.isUndefined(resumePointOf(answer));
  });

  it('a response that completed while the page was away shows its whole text', async () => {
    const whole = await wholeAnswer();
    const key = freshKey('resume-completed');
    const { id, checkpoint } = await cutResponse(key, `dev;rate=0;words=${WORDS}`);
    await waitFor(async () => (await backgroundStatus({ baseURL }, checkpoint.responseId)) === 'completed', 'the response to complete');
    const el = await resumable(key, 'dev', id);
    await waitFor(() => el.messages[1]?.content === whole, 'the whole answer');
    await idle(el);
    assert.lengthOf(answers(el), 1);
    assert.equal(lastAnswerText(el), shownAs(whole));
    const records = await storedWhenFinal(new HistoryStore({ storageKey: key }), id);
    assert.equal(records[1].content, whole);
  });

  it('a response the server no longer has leaves the answer interrupted, with a note', async () => {
    const key = freshKey('resume-gone');
    const store = new HistoryStore({ storageKey: key });
    await store.append('c-gone', [{ role: 'user', content: QUESTION }]);
    const [draft] = await store.append('c-gone', [{ role: 'assistant', content: 'HTTP caching keeps' }], { status: 'interrupted' });
    await store.saveMessage({ ...draft, resume: { responseId: 'resp_forgotten', after: 7 } });
    const el = await resumable(key, 'dev', 'c-gone');
    const note = await waitFor(() => part(el, 'resume-note'), 'the note');
    assert.match(note.textContent!, /no longer has the rest/);
    assert.ok(part(el, 'continue-button'), 'Continue is offered');
    assert.ok(part(el, 'regenerate-interrupted-button'), 'Regenerate is offered');
    assert.isFalse(el.busy);
    assert.isNull(part(el, 'error'), 'no error banner');
    const stored = await waitFor(async () => {
      const [, answer] = await store.loadMessages('c-gone');
      return resumePointOf(answer) ? undefined : answer;
    }, 'the resume point dropped');
    assert.equal(stored.content, 'HTTP caching keeps');
    assert.equal(stored.status, 'interrupted');
  });

  it('two pages on one conversation: only one reads the answer on, the other sees it through tab sync', async () => {
    const whole = await wholeAnswer();
    const key = freshKey('resume-two');
    const { id } = await cutResponse(key, `dev;rate=300;words=${WORDS}`);
    const starts: StreamChat[] = [];
    const open = async () => {
      const el = await resumable(key, 'dev', id);
      el.addEventListener('stream-chat-start', () => starts.push(el));
      return el;
    };
    const [a, b] = await Promise.all([open(), open()]);
    await waitFor(() => starts.length === 1, 'one page to read the answer on');
    const reader = starts[0];
    await idle(reader);
    assert.equal(reader.messages[1].content, whole);
    const other = reader === a ? b : a;
    await waitFor(() => other.messages[1]?.content === whole, 'the other page to show the finished answer');
    assert.lengthOf(starts, 1, 'only one page read it on');
    assert.lengthOf(answers(other), 1);
  });
});
