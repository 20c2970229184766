/// <reference types="mocha" />
/**
 * The history controller on a minimal chat host that calls it through `TurnHistory` as the turn
 * controller does, with a scripted stream instead of a model, so these tests see only what it does.
 */
import { assert } from 'chai';
import { html, LitElement } from 'lit';
import type { ChatMessage, ChatResult } from '../../src/core/index.js';
import { HistoryController, type HistoryHost } from '../../src/ui/history-controller.js';
import { renderHistoryList, renderHistoryNotices } from '../../src/ui/history-view.js';
import type { StorageProblem } from '../../src/store/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { axeViolations, domError, freshKey } from '../store/helpers.js';

class FakeChat extends LitElement implements HistoryHost {
  static override properties = { storage: {}, storageKey: {} };
  conversationId = `c-${Math.random().toString(36).slice(2)}`;
  declare storage: 'indexeddb' | 'memory' | 'none';
  declare storageKey: string;
  model = 'dev';
  history: ChatMessage[] = [];
  busy = false;
  readonly historyController = new HistoryController(this);

  get messages() {
    return this.history.map((m) => ({ ...m }));
  }
  async openConversation(id: string) {
    this.conversationId = id;
    this.history = await this.historyController.load(id);
    await this.historyController.shown(id, this.history);
    this.requestUpdate();
  }
  async newConversation() {
    this.conversationId = `c-${Math.random().toString(36).slice(2)}`;
    this.history = [];
    await this.historyController.shown(this.conversationId, []);
    this.requestUpdate();
  }
  async regenerate() {}
  async continue() {}
  prependMessages(messages: ChatMessage[]) {
    this.history = [...messages, ...this.history];
    this.requestUpdate();
  }
  async send(text: string) {
    await this.sendAndStream(text, ['ok'], true);
  }
  /** A turn whose answer arrives as `chunks`; `finish: false` is a tab closed mid-stream. */
  async sendAndStream(text: string, chunks: string[], finish: boolean) {
    const history = this.historyController;
    if (!history.beforeSend()) return false;
    this.history = [...this.history, { role: 'user', content: text }];
    await history.turnStarting(this.history);
    this.busy = true;
    history.turnStarted(this.history);
    let sofar = '';
    for (const delta of chunks) {
      sofar += delta;
      history.arrived({ type: 'text', delta, text: sofar, step: 0 });
    }
    if (!finish) {
      this.pending = sofar;
      return true;
    }
    return this.endTurn(sofar);
  }
  /** The text of a turn still streaming (sendAndStream with finish: false). */
  pending = '';
  async endTurn(sofar = this.pending) {
    const message: ChatMessage = { role: 'assistant', content: sofar };
    const result = { message, messages: [...this.history, message], finishReason: 'stop' } as ChatResult;
    this.history = result.messages;
    this.busy = false;
    await this.historyController.turnEnded(result, this.history);
    this.requestUpdate();
    return true;
  }
  override render() {
    return html`${renderHistoryNotices(this.historyController)}${renderHistoryList(this.historyController)}
      <ol class="transcript">${this.history.map((m) => html`<li class=${m.role}>${m.content}</li>`)}</ol>`;
  }
}
customElements.define('fake-chat', FakeChat);

async function mount(storageKey: string, setup: (el: FakeChat) => void = () => {}): Promise<FakeChat> {
  const el = document.createElement('fake-chat') as FakeChat;
  el.storageKey = storageKey;
  setup(el);
  document.body.append(el);
  await el.historyController.ready;
  await el.updateComplete;
  return el;
}

const shown = (el: FakeChat) => [...el.renderRoot.querySelectorAll('.transcript li')].map((li) => li.textContent);
const list = (el: FakeChat) => el.renderRoot.querySelector('stream-chat-conversations')!;
const listButtons = (el: FakeChat) => [...list(el).shadowRoot!.querySelectorAll('button')];
const button = (el: FakeChat, name: string) => {
  const found = listButtons(el).find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()).startsWith(name));
  if (!found) throw new Error(`no button "${name}" in ${listButtons(el).map((b) => b.textContent!.trim()).join(', ')}`);
  return found;
};
async function settle(el: FakeChat) {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    await (list(el) as LitElement | null)?.updateComplete;
  }
}

describe('history controller', () => {
  afterEach(() => document.querySelectorAll('fake-chat').forEach((el) => el.remove()));

  it('the conversations list has no accessibility violations', async () => {
    const el = await mount(freshKey('a11y'));
    await el.sendAndStream('Plan a trip to Lisbon', ['Day 1: ', 'Alfama.'], true);
    await settle(el);
    (list(el) as LitElement & { expanded: boolean }).expanded = true;
    await settle(el);
    const violations = await axeViolations(el);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
  });

  it('a reload mid-stream shows the chat with the partial answer, to continue or regenerate', async () => {
    const key = freshKey('reload');
    const first = await mount(key);
    await first.sendAndStream('Write a poem about rain', ['Rain on ', 'the roof,\n\n', 'soft and'], false);
    const stored = async () => (await first.historyController.store.loadMessages(first.conversationId)).at(-1)?.content;
    await waitFor(async () => (await stored()) === 'Rain on the roof,\n\nsoft and', 'the draft written');
    first.remove(); // the page goes away without the end of the answer

    const second = await mount(key); // the reloaded page opens the latest conversation
    await settle(second);
    assert.deepEqual(shown(second), ['Write a poem about rain', 'Rain on the roof,\n\nsoft and']);
    const notice = second.renderRoot.querySelector('[part="interrupted-notice"]');
    assert.include(notice?.textContent, 'This answer was interrupted.');
    assert.ok(notice?.querySelector('[part="continue-button"]'));
    assert.ok(notice?.querySelector('[part="regenerate-interrupted-button"]'));
  });

  it('new, switch, rename and delete from the list, by native buttons', async () => {
    const el = await mount(freshKey('list'));
    await el.sendAndStream('First topic', ['one'], true);
    await settle(el);
    button(el, 'New conversation').click();
    await settle(el);
    assert.deepEqual(shown(el), []);
    await el.sendAndStream('Second topic', ['two'], true);
    await settle(el);
    const titles = () => [...list(el).shadowRoot!.querySelectorAll('.open')].map((b) => b.textContent);
    assert.deepEqual(titles(), ['Second topic', 'First topic'], 'newest first, titled from the first message');

    const toggle = button(el, 'Conversations');
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    assert.isNull(list(el).shadowRoot!.querySelector('input[type="file"]'), 'export, import and clear are not rendered while closed');
    toggle.click();
    await settle(el);
    assert.equal(toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(list(el).shadowRoot!.querySelector('[part="export-json"]'), 'and are once it opens');
    button(el, 'Open “First topic”').click();
    await settle(el);
    assert.deepEqual(shown(el), ['First topic', 'one']);
    assert.equal(toggle.getAttribute('aria-expanded'), 'false', 'opening a conversation closes the list');
    assert.isTrue(list(el).shadowRoot!.activeElement === toggle, 'focus goes back to the toggle');
    toggle.click();
    await settle(el);

    button(el, 'Rename “First topic”').click();
    await (list(el) as LitElement).updateComplete;
    await settle(el);
    const input = list(el).shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;
    assert.isTrue(list(el).shadowRoot!.activeElement === input, 'focus moves into the title field');
    input.value = 'Renamed topic';
    input.form!.requestSubmit();
    await settle(el);
    assert.deepEqual(titles(), ['Second topic', 'Renamed topic']);

    button(el, 'Delete “Second topic”').click();
    await settle(el);
    assert.deepEqual(titles(), ['Renamed topic']);

    button(el, 'Delete all').click();
    await settle(el);
    button(el, 'Delete all').click(); // the confirmation
    await settle(el);
    // Escape closes the drop-down.
    assert.equal(toggle.getAttribute('aria-expanded'), 'true');
    list(el).shadowRoot!.querySelector('#panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle(el);
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    await settle(el);
    assert.deepEqual(titles(), []);
    assert.deepEqual(shown(el), []);
  });

  it('falls back to memory with a visible notice and a storage-error event; the chat stays on screen', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = () => {
      throw domError('SecurityError');
    };
    try {
      const errors: StorageProblem[] = [];
      document.addEventListener('stream-chat-storage-error', (e) => errors.push((e as CustomEvent).detail), { once: true });
      const el = await mount(freshKey('fallback'));
      await el.sendAndStream('Hello there', ['General ', 'Kenobi'], true);
      await settle(el);
      assert.deepEqual(shown(el), ['Hello there', 'General Kenobi']);
      const notice = el.renderRoot.querySelector('[part="storage-notice"]');
      assert.match(notice?.textContent ?? '', /does not let the page save history/);
      assert.equal(errors[0]?.reason, 'unavailable');
      assert.deepEqual((await el.historyController.store.loadMessages(el.conversationId)).map((m) => m.content), ['Hello there', 'General Kenobi']);
    } finally {
      IDBFactory.prototype.open = open;
    }
  });

  it('a second tab is told the conversation is answering elsewhere and does not send into it', async () => {
    const key = freshKey('two-tabs');
    const a = await mount(key);
    await a.sendAndStream('Shared question', ['done'], true);
    const b = await mount(key); // opens the same (latest) conversation
    await settle(b);
    assert.equal(b.conversationId, a.conversationId);
    await a.sendAndStream('Long answer please', ['still ', 'going'], false); // a is streaming, holding the lock
    await settle(b);
    assert.include(b.renderRoot.querySelector('[part="elsewhere-notice"]')?.textContent, 'answering in another tab');
    const sent = await b.sendAndStream('Interleaved?', ['no'], true);
    assert.isFalse(sent, 'the send is held back');
    const stored = await b.historyController.store.loadMessages(b.conversationId);
    assert.notInclude(stored.map((m) => m.content), 'Interleaved?');
  });

  it('a message sent while another tab answers waits, then lands after that answer; nothing is lost', async () => {
    const key = freshKey('wait');
    const a = await mount(key);
    await a.sendAndStream('From tab A', ['A answer part 1 '], false); // streaming, holding the lock
    const b = await mount(key);
    await settle(b);
    assert.equal(b.conversationId, a.conversationId);
    // Tab B's user message goes straight to the controller, as if B had not heard about A's answer yet.
    b.history = [...b.history, { role: 'user', content: 'From tab B' }];
    let saved = false;
    const waiting = b.historyController.turnStarting(b.history).then(() => (saved = true));
    await settle(b);
    assert.isFalse(saved, 'B waits for A');
    await a.endTurn('A answer, complete');
    await waiting;
    const stored = await b.historyController.store.loadMessages(a.conversationId);
    assert.deepEqual(stored.map((m) => m.content), ['From tab A', 'A answer, complete', 'From tab B']);
    assert.deepEqual(stored.map((m) => m.seq), [0, 1, 2]);
  });

  it('a change of storage-key (another user) never shows the previous user’s conversation', async () => {
    const alice = freshKey('alice');
    const bob = freshKey('bob');
    const el = await mount(alice);
    await el.sendAndStream('Alice private question', ['answer'], true);
    await settle(el);
    el.storageKey = bob;
    await el.updateComplete;
    await el.historyController.ready;
    await settle(el);
    assert.deepEqual(shown(el), [], 'a new, empty conversation for Bob');
    assert.deepEqual(el.historyController.conversations, []);
    await el.sendAndStream('Bob question', ['ok'], true);
    el.storageKey = alice;
    await el.updateComplete;
    await el.historyController.ready;
    await settle(el);
    assert.deepEqual(shown(el), ['Alice private question', 'answer'], 'Alice gets her latest conversation back');
  });

  it('exports and imports through the controller; a bad file gets a clear message', async () => {
    const el = await mount(freshKey('export'));
    await el.sendAndStream('Export me', ['fine'], true);
    const json = await el.historyController.exportText('json');
    const md = await el.historyController.exportText('markdown');
    assert.include(md, '**You**\n\nExport me');
    const other = await mount(freshKey('import'));
    assert.isTrue(await other.historyController.importText(json));
    await settle(other);
    assert.deepEqual(shown(other), ['Export me', 'fine']);
    assert.isFalse(await other.historyController.importText('{"format":"stream-chat-history","version":1,"conversations":[{"messages":[{"role":"bot","content":"x"}]}]}'));
    await settle(other);
    assert.include(list(other).shadowRoot!.querySelector('[role="status"]')?.textContent, 'conversations[0].messages[0].role must be user, assistant, system or tool');
  });
});
