/// <reference types="mocha" />
/**
 * What a page load costs the stored history: a visitor who never chatted has no database, and loading
 * the page does not create one (the first write does); a closed popup reads its history on the user's
 * intent, not at load. Nothing sent is lost on the way, and other tabs see it.
 */
import { assert } from 'chai';
import '../../src/define.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { HistoryStore, databaseName } from '../../src/store/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { chatFrame, chatIn } from '../helpers/chat-frame.js';
import { assistant, freshKey, user } from './helpers.js';

const baseURL = new URL('/v1', location.origin).href;

function chat(storageKey: string, setup: (el: StreamChat) => void = () => {}): StreamChat {
  const el = document.createElement('stream-chat');
  el.baseUrl = baseURL;
  el.model = 'dev;rate=0';
  el.storageKey = storageKey;
  el.style.blockSize = '420px';
  setup(el);
  document.body.append(el);
  return el;
}

async function databaseExists(storageKey: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === databaseName(storageKey));
}

const part = (el: StreamChat, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('first load: the stored history', () => {
  afterEach(() => document.querySelectorAll('stream-chat, iframe').forEach((el) => ((el as StreamChat).stop?.(), el.remove())));

  it('a page with no stored history creates no database until the first send; another tab then sees the conversation', async () => {
    const key = freshKey('no-db');
    const frame = chatFrame({ baseUrl: baseURL, model: 'dev;rate=0', storageKey: key });
    const other = await chatIn(frame);
    const el = chat(key);
    await el.updateComplete;
    await el.historyController.ready;
    assert.isFalse(await databaseExists(key), 'loading two pages created no database');
    assert.deepEqual(el.historyController.conversations, []);

    const result = await el.send('The first message');
    assert.isUndefined(result.error);
    assert.isTrue(await databaseExists(key), 'the first send created it');
    const store = new HistoryStore({ storageKey: key });
    const [stored] = await store.listConversations();
    assert.deepEqual((await store.loadMessages(stored.id)).map((m) => m.role), ['user', 'assistant']);
    store.close();
    // The other tab, loaded before the database existed, lists the conversation and can open it.
    await waitFor(() => other.historyController.conversations.length === 1, 'the other tab to list it');
    await other.openConversation(stored.id);
    assert.equal(other.messages[0].content, 'The first message');
  });

  it('a first message sent at once after the page loads is answered, stored and shown', async () => {
    const key = freshKey('at-once');
    const el = chat(key);
    const result = await el.send('Sent before anything was read');
    assert.isUndefined(result.error);
    assert.isNotEmpty(result.message.content);
    await el.historyController.ready;
    await el.updateComplete;
    assert.include(part(el, 'user-message')?.textContent, 'Sent before anything was read');
    const store = new HistoryStore({ storageKey: key });
    const [stored] = await store.listConversations();
    const messages = await store.loadMessages(stored.id);
    assert.deepEqual(messages.map((m) => [m.role, m.status]), [['user', 'final'], ['assistant', 'final']]);
    assert.equal(messages[1].content, result.message.content);
    store.close();
  });

  it('a closed popup reads its stored history on intent (pointer over it), not at load', async () => {
    const key = freshKey('popup-intent');
    const store = new HistoryStore({ storageKey: key });
    await store.append('stored', [user('A stored question'), assistant('A stored answer')]);
    store.close();

    const el = chat(key, (e) => (e.mode = 'popup'));
    await el.updateComplete;
    await el.historyController.ready;
    assert.deepEqual(el.historyController.conversations, [], 'nothing read at load');
    assert.deepEqual(el.messages, []);

    el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitFor(() => el.messages.length === 2, 'the latest conversation to be read on intent');
    await el.historyController.ready;
    assert.equal(el.historyController.conversations.length, 1);
    el.open();
    await waitFor(() => part(el, 'user-message'), 'the stored conversation shown once opened');
    assert.include(part(el, 'user-message')!.textContent, 'A stored question');
  });

  it('a closed popup opened from code reads its history then; with no history it creates no database', async () => {
    const key = freshKey('popup-open');
    const store = new HistoryStore({ storageKey: key });
    await store.append('stored', [user('Question'), assistant('Answer')]);
    store.close();
    const el = chat(key, (e) => (e.mode = 'popup'));
    await el.historyController.ready;
    assert.deepEqual(el.messages, [], 'nothing read at load');
    el.open();
    await waitFor(() => el.messages.length === 2, 'the conversation to be read when the popup opens');

    const empty = freshKey('popup-empty');
    const second = chat(empty, (e) => (e.mode = 'popup'));
    second.open();
    await second.updateComplete;
    await second.historyController.ready;
    assert.deepEqual(second.historyController.conversations, []);
    assert.isFalse(await databaseExists(empty), 'an opened popup with nothing stored created no database');
  });
});
