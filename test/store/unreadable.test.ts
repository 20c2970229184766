/// <reference types="mocha" />
/**
 * A stored message that cannot be read is skipped, reported, and counted apart: the number of messages
 * a conversation shows is the number a user can read.
 */
import { assert } from 'chai';
import { createStore, set } from 'idb-keyval';
import '../../src/define.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { databaseName } from '../../src/store/index.js';
import { assistant, freshKey, openStore, user } from './helpers.js';

async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('unreadable stored messages', () => {
  afterEach(() => document.querySelectorAll('stream-chat').forEach((el) => el.remove()));

  it('are left out of the count once found, and counted apart', async () => {
    const key = freshKey('unreadable');
    const { store, problems } = openStore(key);
    await store.append('c', [user('one'), assistant('two'), user('three'), assistant('four')]);
    const raw = createStore(databaseName(key), 'kv');
    await set(['m', 'c', 1], { v: 1, conversationId: 'c', seq: 1, role: 'robot', content: 42, status: 'final', createdAt: 1, updatedAt: 1 }, raw);
    await set(['m', 'c', 2], 'not even an object', raw);

    const [before] = await store.listConversations();
    assert.equal(before.count, 4, 'not read yet: nothing known to be wrong');
    assert.isUndefined(before.unreadable);

    // The last screen, then the rest, as a conversation is opened: each unreadable record counts once.
    const last = await store.loadMessages('c', { last: 3 });
    const earlier = await store.loadMessages('c', { before: last[0].seq });
    assert.deepEqual([...earlier, ...last].map((m) => m.content), ['one', 'four']);
    await store.loadMessages('c'); // read again: still two
    const [after] = await store.listConversations();
    assert.equal(after.count, 2);
    assert.equal(after.unreadable, 2);
    assert.deepEqual(problems.map((p) => p.reason), ['corrupt', 'corrupt']);
    store.close();
  });

  it('the conversation list shows the readable count and the unreadable apart', async () => {
    const key = freshKey('unreadable-list');
    const { store } = openStore(key);
    await store.append('c', [user('Hello'), assistant('Hi'), user('Still there?'), assistant('Yes')]);
    await set(['m', 'c', 1], { broken: true }, createStore(databaseName(key), 'kv'));
    store.close();

    const el = document.createElement('stream-chat') as StreamChat;
    el.baseUrl = new URL('/v1', location.origin).href;
    el.storageKey = key;
    document.body.append(el);
    await waitFor(() => el.messages.length === 3, 'the readable messages shown');
    const list = el.shadowRoot!.querySelector('stream-chat-conversations')!;
    const count = await waitFor(() => list.shadowRoot?.querySelector('[data-id="c"] .count')?.textContent?.replace(/\s+/g, ' ').trim(), 'the row');
    await waitFor(() => list.shadowRoot!.querySelector('[part="unreadable-count"]'), 'the unreadable count');
    assert.equal(list.shadowRoot!.querySelector('[data-id="c"] .count')!.textContent!.replace(/\s+/g, ' ').trim(), '3 messages (1 unreadable)', `was ${count}`);
  });
});
