/// <reference types="mocha" />
/**
 * Two tabs on one conversation, each a same-origin frame with its own `<stream-chat>` (its own
 * IndexedDB connection, BroadcastChannel and Web Locks client, as a tab has).
 */
import { assert } from 'chai';
// Loaded here first, so the frames find the modules compiled and cached.
import '../../src/define.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { HistoryStore } from '../../src/store/index.js';
import { freshKey } from './helpers.js';
import { chatFrame, chatIn } from '../helpers/chat-frame.js';

const baseURL = new URL('/v1', location.origin).href;

/** A "tab": a frame whose page shows one `<stream-chat>`; resolves once it is ready. */
async function tab(storageKey: string, conversationId: string, model: string): Promise<{ el: StreamChat; frame: HTMLIFrameElement }> {
  const frame = chatFrame({ baseUrl: baseURL, model, storageKey, conversationId });
  return { el: await chatIn(frame), frame };
}

/** When each event type happened, per element. */
function timeline(el: StreamChat) {
  const at: Record<string, number[]> = {};
  for (const type of ['start', 'text', 'end']) {
    el.addEventListener(`stream-chat-${type}`, () => (at[type] ??= []).push(performance.now()));
  }
  return at;
}

describe('two tabs, one conversation', function () {
  // Two frames load the element and two answers stream one after the other: slow on a busy machine.
  this.timeout(60_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  it('sending at the same moment: the second tab waits for the first answer, then answers after it', async () => {
    const key = freshKey('same-moment');
    const id = `c-${Math.random().toString(36).slice(2)}`;
    const model = 'dev;rate=600;words=60';
    const a = await tab(key, id, model);
    const b = await tab(key, id, model);
    frames.push(a.frame, b.frame);
    const ta = timeline(a.el);
    const tb = timeline(b.el);
    const [ra, rb] = await Promise.all([a.el.send('Question from tab A'), b.el.send('Question from tab B')]);
    assert.equal(ra.finishReason, 'stop');
    assert.equal(rb.finishReason, 'stop');
    // Whichever got the lock first answered first; the other's answer began after it ended.
    const [first, second] = ta.start[0] < tb.start[0] ? [ta, tb] : [tb, ta];
    assert.isAtLeast(second.start[0], first.end[0], 'the second answer starts after the first ends');
    const store = new HistoryStore({ storageKey: key });
    const stored = await store.loadMessages(id);
    store.close();
    assert.deepEqual(stored.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
    assert.deepEqual(stored.map((m) => m.seq), [0, 1, 2, 3]);
    const secondResult = first === ta ? rb : ra;
    assert.lengthOf(secondResult.messages, 4, 'the second question was sent with the first answer before it');
    const secondTab = first === ta ? b.el : a.el;
    assert.lengthOf(secondTab.shadowRoot!.querySelectorAll('[part~="user-message"]'), 2, 'the second tab shows both questions');
    assert.deepEqual(secondTab.messages.map((m) => m.content), stored.map((m) => m.content));
  });
});
