/// <reference types="mocha" />
/**
 * Versions of messages through `<stream-chat>`, in IndexedDB, on the dev model (`vary`: a regenerate
 * gets another answer): an edit or a regenerate keeps the earlier version, `‹ n / m ›` switches, the
 * model is sent the version on screen, and reloads, other tabs and export / import keep it all.
 */
import { assert } from 'chai';
import type { ChatMessage } from '../../src/core/index.js';
import { HistoryStore, exportJSON, exportMarkdown, importJSON } from '../../src/store/index.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import type { BranchDetail } from '../../src/ui/versions.js';
import { waitFor } from '../helpers/wait-for.js';
import { chatFrame, chatIn } from '../helpers/chat-frame.js';
import { freshKey } from '../store/helpers.js';
import { axeViolations } from '../helpers/axe.js';
import { baseURL, chat, cleanup, idle, nextEvent, part, parts, press } from './helpers.js';

const MODEL = 'dev;rate=0;vary';

function stored(key: string, id: string, setup: (el: StreamChat) => void = () => {}): Promise<StreamChat> {
  return chat(MODEL, (el) => {
    el.storage = 'indexeddb';
    el.storageKey = key;
    el.conversationId = id;
    setup(el);
  });
}

const contents = (el: StreamChat) => el.messages.map((m) => m.content);
const shownTexts = (el: StreamChat) =>
  parts(el, 'message').map((m) => (m.querySelector('.bubble, .markdown')?.textContent ?? '').replace(/\s+/g, ' ').trim());

/** The `‹ n / m ›` of the message at `index` (user and answer messages in order), as text. */
function position(el: StreamChat, index: number): string | undefined {
  return parts(el, 'message')[index]?.querySelector('[part~="version-position"]')?.textContent?.trim();
}

function versionButton(el: StreamChat, index: number, which: 'previous' | 'next'): HTMLButtonElement {
  const button = parts(el, 'message')[index]?.querySelector<HTMLButtonElement>(`[part~="${which}-version-button"]`);
  if (!button) throw new Error(`message ${index} has no ${which} version button`);
  return button;
}

/** A button the user can press: on screen (the messages' templates load with the first message) and enabled. */
function pressable(find: () => HTMLButtonElement | undefined, what: string): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const button = find();
    return button && !button.disabled ? button : undefined;
  }, what);
}

async function edit(el: StreamChat, userIndex: number, text: string): Promise<void> {
  (await pressable(() => parts(el, 'edit-button')[userIndex] as HTMLButtonElement | undefined, 'the edit button')).click();
  await el.updateComplete;
  const editor = part(el, 'edit-input') as HTMLTextAreaElement;
  editor.value = text;
  press(editor, 'Enter');
  await waitFor(() => el.busy, 'the edit to be sent');
  await idle(el);
}

/**
 * Switches the message at `index` and waits for the switch to be on screen. The switcher is disabled
 * while an answer streams, here or (for a tab) in another tab until its lock is given back.
 */
async function flip(el: StreamChat, index: number, which: 'previous' | 'next'): Promise<BranchDetail> {
  const button = await pressable(() => {
    try {
      return versionButton(el, index, which);
    } catch {
      return undefined;
    }
  }, `the ${which} version button of message ${index}`);
  const event = nextEvent<BranchDetail>(el, 'stream-chat-branch');
  button.click();
  const { detail } = await event;
  await el.updateComplete;
  return detail;
}

const frames: HTMLIFrameElement[] = [];

/** A "tab": a same-origin frame with its own `<stream-chat>` (its own connection, channel and locks). */
function tab(storageKey: string, conversationId: string): Promise<StreamChat> {
  const frame = chatFrame({ baseUrl: baseURL, model: MODEL, storageKey, conversationId });
  frames.push(frame);
  return chatIn(frame);
}

/** Records the messages of every chat request (what the model is sent). */
function recordRequests(): { sent: ChatMessage[][]; restore(): void } {
  const realFetch = window.fetch;
  const sent: ChatMessage[][] = [];
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/chat/completions') && typeof init?.body === 'string') {
      sent.push(JSON.parse(init.body).messages.filter((m: ChatMessage) => m.role !== 'system'));
    }
    return realFetch(input, init);
  };
  return { sent, restore: () => (window.fetch = realFetch) };
}

describe('versions of messages', function () {
  this.timeout(30_000);
  afterEach(() => {
    cleanup();
    frames.splice(0).forEach((f) => f.remove());
  });

  it('an edit keeps the old question and its answers: 2 / 2, then 1 / 2 shows them again', async () => {
    const el = await stored(freshKey('edit'), 'c-edit');
    await el.historyController.ready;
    await el.send('Tell me about HTTP caching');
    await el.send('And about web components?');
    const before = contents(el);
    await edit(el, 0, 'Tell me about JavaScript promises');
    assert.deepEqual(contents(el).slice(0, 1), ['Tell me about JavaScript promises']);
    assert.lengthOf(el.messages, 2, 'what followed the old question is not on screen');
    await waitFor(() => position(el, 0) === '2 / 2', 'the first question to show 2 / 2');
    assert.notExists(parts(el, 'message')[1].querySelector('[part~="versions"]'), 'the answer has one version');
    assert.isTrue(versionButton(el, 0, 'next').disabled, 'no version after the last');

    const detail = await flip(el, 0, 'previous');
    assert.deepEqual(detail, { messageId: 'c-edit:0', index: 0, count: 2 });
    assert.deepEqual(contents(el), before, 'the old question with its whole continuation');
    assert.equal(position(el, 0), '1 / 2');
    assert.include(shownTexts(el)[2], 'And about web components?');
    assert.equal(el.shadowRoot!.activeElement, versionButton(el, 0, 'next'), 'focus stays in the switcher');
    assert.include(el.shadowRoot!.querySelector('.visually-hidden[aria-live]')?.textContent, 'Version 1 of 2', 'the switch is announced');
    assert.deepEqual(await axeViolations(el), []);
  });

  it('regenerate keeps every answer; each is shown with what followed it', async () => {
    const el = await stored(freshKey('regen'), 'c-regen');
    await el.historyController.ready;
    await el.send('Tell me about sourdough');
    const first = contents(el)[1];
    await el.regenerate();
    await el.regenerate();
    const third = contents(el)[1];
    assert.notEqual(third, first, 'the dev model (vary) answers anew');
    await waitFor(() => position(el, 1) === '3 / 3', 'the answer to show 3 / 3');
    await el.send('Thanks, and how long does it rise?');
    const withFollowUp = contents(el);

    await flip(el, 1, 'previous');
    await flip(el, 1, 'previous');
    assert.equal(position(el, 1), '1 / 3');
    assert.deepEqual(contents(el), ['Tell me about sourdough', first], 'the first answer, without the follow-up asked after the third');
    await flip(el, 1, 'next');
    await flip(el, 1, 'next');
    assert.deepEqual(contents(el), withFollowUp, 'the third answer comes back with its follow-up');
  });

  it('the model is sent only the version on screen, and a new message continues it', async () => {
    const el = await stored(freshKey('request'), 'c-request');
    await el.historyController.ready;
    await el.send('Tell me about IndexedDB transactions');
    await el.send('Show me an example');
    await edit(el, 0, 'Tell me about accessibility');
    await waitFor(() => position(el, 0) === '2 / 2', 'the switcher');
    await flip(el, 0, 'previous');
    const shown = contents(el);
    const requests = recordRequests();
    try {
      await el.send('One more thing');
    } finally {
      requests.restore();
    }
    assert.lengthOf(requests.sent, 1);
    assert.deepEqual(requests.sent[0].map((m) => m.content), [...shown, 'One more thing']);
    assert.notInclude(requests.sent[0].map((m) => m.content), 'Tell me about accessibility');
    assert.equal(position(el, 0), '1 / 2', 'still the first version, now longer');
  });

  it('a reload shows the version that was shown, with its switchers; the store holds every version', async () => {
    const key = freshKey('reload');
    let el = await stored(key, 'c-reload');
    await el.historyController.ready;
    await el.send('Tell me about TypeScript generics');
    await el.regenerate();
    await flip(el, 1, 'previous');
    await el.send('And constraints?');
    const beforeEdit = contents(el);
    await edit(el, 1, 'And variance?');
    const shown = contents(el);
    el.remove();

    el = await stored(key, 'c-reload');
    await el.historyController.ready;
    await waitFor(() => el.messages.length === 4, 'the conversation');
    assert.deepEqual(contents(el), shown);
    await waitFor(() => position(el, 1) === '1 / 2' && position(el, 2) === '2 / 2', 'both switchers after the reload');
    await flip(el, 2, 'previous');
    assert.deepEqual(contents(el), beforeEdit);
  });

  it('another tab sees a new version as it is made, and its switch', async function () {
    this.timeout(60_000); // two frames load the element
    const key = freshKey('tabs');
    const [a, b] = await Promise.all([tab(key, 'c-tabs'), tab(key, 'c-tabs')]);
    await a.send('Tell me about streaming');
    await waitFor(() => b.messages.length === 2, 'the answer in the other element');
    await a.regenerate();
    await waitFor(() => position(b, 1) === '2 / 2' && b.messages[1]?.content === a.messages[1].content, 'the new version in the other element');
    await flip(b, 1, 'previous');
    await waitFor(() => position(a, 1) === '1 / 2', 'the switch in the first element');
    assert.deepEqual(contents(a), contents(b));
  });

  it('export keeps every version (Markdown the shown one); an import brings them back', async () => {
    const key = freshKey('export');
    const el = await stored(key, 'c-export');
    await el.historyController.ready;
    await el.send('Tell me about opening hours');
    await edit(el, 0, 'Tell me about password resets');
    await waitFor(() => position(el, 0) === '2 / 2', 'the switcher');
    const shown = contents(el);
    const store = el.historyController.store;
    const json = await exportJSON(store);
    const exported = JSON.parse(json);
    assert.lengthOf(exported.conversations[0].branches, 1);
    assert.deepEqual(exported.conversations[0].branches[0].versions[0].messages[0].content, 'Tell me about opening hours');
    const markdown = await exportMarkdown(store);
    const body = markdown.split('\n').slice(1).join('\n'); // the heading is the title, from the first question asked
    assert.include(body, 'Tell me about password resets');
    assert.notInclude(body, 'Tell me about opening hours');

    const other = new HistoryStore({ storageKey: freshKey('import') });
    const result = await importJSON(other, json);
    assert.isTrue(result.ok);
    const id = result.ok ? result.conversations[0].id : '';
    assert.deepEqual((await other.loadMessages(id)).map((m) => m.content), shown);
    other.close();
    el.remove();

    const opened = await chat(MODEL, (e) => {
      e.storage = 'indexeddb';
      e.storageKey = other.dbName.replace('stream-chat:', '');
      e.conversationId = id;
    });
    await waitFor(() => position(opened, 0) === '2 / 2', 'the imported versions');
    await flip(opened, 0, 'previous');
    assert.equal(contents(opened)[0], 'Tell me about opening hours');
  });

  it('files sent in a version not shown travel in the export and come back with an import', async () => {
    const el = await stored(freshKey('files'), 'c-files');
    await el.historyController.ready;
    await el.send('Tell me about web components');
    const pdf = new File(['%PDF-1.4\n% a tiny test file\n'], 'notes.pdf', { type: 'application/pdf' });
    await el.send('What is in this file?', { attachments: [pdf] });
    await edit(el, 0, 'Tell me about accessibility');
    const exported = JSON.parse(await exportJSON(el.historyController.store));
    const kept = exported.conversations[0].branches[0].versions[0].messages[2];
    assert.equal(kept.content, 'What is in this file?');
    assert.match(kept.attachments[0].data, /^data:application\/pdf/);

    const other = new HistoryStore({ storageKey: freshKey('files-import') });
    const result = await importJSON(other, JSON.stringify(exported));
    assert.isTrue(result.ok);
    const id = result.ok ? result.conversations[0].id : '';
    const blob = await other.loadFile(id, kept.attachments[0].id);
    assert.equal(blob?.size, pdf.size, 'the bytes are kept again');
    const [branch] = await other.loadBranches(id);
    assert.notInclude(JSON.stringify(branch), 'data:', 'the branch record keeps only the description');
    other.close();
  });

  it('an import whose versions are broken is refused with the place named', async () => {
    const store = new HistoryStore({ storageKey: freshKey('bad-import') });
    const file = {
      format: 'stream-chat-history',
      version: 1,
      conversations: [{ title: 'x', messages: [{ role: 'user', content: 'hi' }], branches: [{ seq: 0, shown: 3, versions: [] }] }],
    };
    const result = await importJSON(store, JSON.stringify(file));
    store.close();
    assert.isFalse(result.ok);
    assert.include(result.ok ? '' : result.message, 'conversations[0].branches[0]');
  });

  it('a conversation stored before versions existed opens exactly as before', async () => {
    const key = freshKey('old');
    const store = new HistoryStore({ storageKey: key });
    const old: ChatMessage[] = [
      { role: 'user', content: 'Old question' },
      { role: 'assistant', content: 'Old answer' },
      { role: 'user', content: 'Second old question' },
      { role: 'assistant', content: 'Second old answer' },
    ];
    await store.append('c-old', old);
    const rawBefore = await store.rawEntries();
    store.close();
    const el = await stored(key, 'c-old');
    await el.historyController.ready;
    await waitFor(() => el.messages.length === 4, 'the old conversation');
    assert.deepEqual(el.messages, old);
    assert.lengthOf(parts(el, 'versions'), 0);
    assert.deepEqual(shownTexts(el), ['Old question', 'Old answer', 'Second old question', 'Second old answer']);
    const after = new HistoryStore({ storageKey: key });
    assert.deepEqual(await after.rawEntries(), rawBefore, 'opening it wrote nothing');
    after.close();
  });

  it('switching is disabled while an answer streams', async () => {
    const el = await stored(freshKey('busy'), 'c-busy', (e) => (e.model = 'dev;rate=0;vary'));
    await el.historyController.ready;
    await el.send('Tell me about launching a website');
    await el.regenerate();
    await waitFor(() => position(el, 1) === '2 / 2', 'the switcher');
    el.model = 'dev;rate=300;words=200;vary';
    const sending = el.send('Tell me more');
    await waitFor(() => el.busy, 'the answer to start');
    await el.updateComplete;
    assert.isTrue(versionButton(el, 1, 'previous').disabled, 'no switch under a running answer');
    el.stop();
    await sending;
    await idle(el);
    assert.isFalse(versionButton(el, 1, 'previous').disabled);
  });
});

