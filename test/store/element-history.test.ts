/// <reference types="mocha" />
/**
 * The history through `<stream-chat>` itself, on the dev model: what a user sees after a reload, and
 * what ends up in storage when a key is set.
 */
import { assert } from 'chai';
import '../../src/define.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { HistoryStore, exportJSON, exportMarkdown } from '../../src/store/index.js';
import * as z from 'zod';
import type { ChatMessage, Tool } from '../../src/core/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { chatFrame } from '../helpers/chat-frame.js';
import { freshKey } from './helpers.js';

const baseURL = new URL('/v1', location.origin).href;

async function chat(storageKey: string, model: string, setup: (el: StreamChat) => void = () => {}): Promise<StreamChat> {
  const el = document.createElement('stream-chat');
  el.baseUrl = baseURL;
  el.model = model;
  el.storageKey = storageKey;
  el.style.blockSize = '420px';
  setup(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: StreamChat, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: StreamChat, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

describe('<stream-chat> history', () => {
  afterEach(() => document.querySelectorAll('stream-chat').forEach((el) => (el.stop(), el.remove())));

  it('an export downloads under the conversation title and the date', async () => {
    const el = await chat(freshKey('export-name'), 'dev;rate=0');
    await el.send('Explain how HTTP caching works');
    const names: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      const list = await waitFor(() => part(el, 'conversations'), 'the conversations list');
      list!.dispatchEvent(new CustomEvent('conversation-export', { detail: { format: 'markdown', all: false } }));
      list!.dispatchEvent(new CustomEvent('conversation-export', { detail: { format: 'json', all: true } }));
      await waitFor(() => names.length === 2, 'two downloads');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const d = new Date();
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    assert.deepEqual(names, [`explain-how-http-caching-works-${day}.md`, `conversations-${day}.json`]);
  });

  it('after a reload mid-stream, the chat is back with the partial answer, to continue or regenerate', async () => {
    const key = freshKey('element-reload');
    // The first page lives in a same-origin frame, so that removing it ends it as a reload would.
    const frame = chatFrame({ baseUrl: baseURL, model: 'dev;rate=400;words=2000', storageKey: key }, 'Write a long story about a lighthouse');
    // Wait until a draft of the answer is stored (about once a second, or when a block closes).
    const probe = new HistoryStore({ storageKey: key });
    const draft = await waitFor(async () => {
      const [c] = await probe.listConversations();
      const messages = c ? await probe.loadMessages(c.id) : [];
      const last = messages.at(-1);
      return last?.role === 'assistant' && last.status === 'draft' && (last.content ?? '').length > 20 ? last : undefined;
    }, 'a stored draft');
    assert.equal(draft!.status, "draft");
    frame.remove(); // the page goes away mid-answer (no end, no final write)

    const second = await chat(key, 'dev;rate=0');
    await waitFor(() => parts(second, 'assistant-message').length === 1, 'the answer to be shown again');
    assert.include(part(second, 'user-message')!.textContent, 'Write a long story about a lighthouse');
    assert.isAtLeast(second.messages[1].content!.length, 20);
    await waitFor(() => part(second, 'interrupted-notice'), 'the interrupted notice');
    for (const name of ['continue-button', 'regenerate-interrupted-button']) {
      // Buttons a thumb can hit, drawn as buttons (not bare text in the notice).
      const box = part(second, name)!.getBoundingClientRect();
      assert.isAtLeast(box.height, 28, name);
      assert.notEqual(getComputedStyle(part(second, name)!).borderStyle, 'none', name);
    }
    (part(second, 'regenerate-interrupted-button') as HTMLButtonElement).click();
    // The regenerated answer is stored as final once the turn's end is written (after busy clears).
    const stored = (await waitFor(async () => {
      const messages = await probe.loadMessages(second.conversationId);
      return !second.busy && messages.at(-1)?.status === 'final' ? messages : undefined;
    }, "the regenerated answer stored"))!;
    assert.isNull(part(second, 'interrupted-notice'));
    assert.deepEqual(stored.map((m) => [m.role, m.status]), [['user', 'final'], ['assistant', 'final']]);
    assert.equal(stored[1].content, second.messages[1].content);
    probe.close();
  });

  it('never stores or exports the API key set on the element', async () => {
    const key = freshKey('element-secret');
    const secret = 'sk-live-NEVER-IN-HISTORY-0123456789';
    const el = await chat(key, 'dev;rate=0', (e) => {
      e.apiKey = secret;
      e.headers = { Authorization: `Bearer ${secret}`, 'x-api-key': secret };
    });
    await el.send('Hello, what can you do?');
    await waitFor(async () => {
      const s = new HistoryStore({ storageKey: key });
      const [c] = await s.listConversations();
      const done = c?.count === 2;
      s.close();
      return done;
    }, 'the final answer stored');
    const store = new HistoryStore({ storageKey: key });
    const everything = JSON.stringify(await store.rawEntries());
    assert.include(everything, 'Hello, what can you do?');
    assert.notInclude(everything, secret);
    assert.notInclude(await exportJSON(store), secret);
    assert.notInclude(await exportMarkdown(store), secret);
    store.close();
  });

  it('conversation-id opens the given conversation', async () => {
    const key = freshKey('element-id');
    const store = new HistoryStore({ storageKey: key });
    await store.append('older', [{ role: 'user', content: 'The older one' }, { role: 'assistant', content: 'Old answer' }]);
    await store.append('newer', [{ role: 'user', content: 'The newer one' }]);
    store.close();
    const el = await chat(key, 'dev;rate=0', (e) => e.setAttribute('conversation-id', 'older'));
    await waitFor(() => el.messages.length === 2, 'the conversation asked for');
    assert.equal(el.conversationId, 'older');
    assert.deepEqual(el.messages.map((m) => m.content), ['The older one', 'Old answer']);
    el.setAttribute('conversation-id', 'newer'); // later, as a router would
    await waitFor(() => el.messages[0]?.content === 'The newer one', 'the conversation switched to');
  });

  it('a reload opens the latest conversation; the list switches between them', async () => {
    const key = freshKey('element-list');
    const el = await chat(key, 'dev;rate=0');
    await el.send('First conversation');
    await el.newConversation();
    await el.send('Second conversation');
    el.remove();
    const again = await chat(key, 'dev;rate=0');
    await waitFor(() => again.messages.length === 2, 'the latest conversation');
    assert.equal(again.messages[0].content, 'Second conversation');
    const list = part(again, 'conversations')!;
    await waitFor(() => list.shadowRoot?.querySelectorAll('.open').length === 2, 'two conversations listed');
    const open = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('.open')].find((b) => b.textContent === 'First conversation')!;
    open.click();
    await waitFor(() => again.messages[0]?.content === 'First conversation', 'the first conversation');
  });

  it('a long conversation shows its last screen first, then all of it; a send waits for all of it', async () => {
    const key = freshKey('element-long');
    const store = new HistoryStore({ storageKey: key });
    const texts = Array.from({ length: 300 }, (_, i) => `Message number ${i}`);
    await store.append('long', texts.map((content, i) => ({ role: i % 2 ? ('assistant' as const) : ('user' as const), content })));
    store.close();
    // The read of the earlier messages is held until the test lets it go, and requests are recorded.
    const original = HistoryStore.prototype.loadMessages;
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    HistoryStore.prototype.loadMessages = async function (this: HistoryStore, id, options = {}) {
      if (options.before !== undefined) await held;
      return original.call(this, id, options);
    };
    const realFetch = window.fetch;
    const sent: ChatMessage[][] = [];
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/chat/completions') && typeof init?.body === 'string') {
        sent.push(JSON.parse(init.body).messages);
      }
      return realFetch(input, init);
    };
    try {
      const el = await chat(key, 'dev;rate=0', (e) => e.setAttribute('conversation-id', 'long'));
      await waitFor(() => el.messages.length > 0, 'the last screen');
      await el.updateComplete;
      const shown = () => [...el.shadowRoot!.querySelectorAll('[part~="user-message"], [part~="assistant-message"]')].map((m) => m.textContent!);
      assert.include(shown().at(-1), 'Message number 299');
      assert.isBelow(shown().length, 300);
      const transcript = part(el, 'transcript')!;
      const atEnd = () => transcript.scrollHeight - transcript.clientHeight - transcript.scrollTop <= 32;
      await waitFor(atEnd, 'the view at the end');

      const answered = el.send('And now?');
      await new Promise((r) => setTimeout(r, 50));
      assert.lengthOf(sent, 0, 'no request before the whole conversation is read');
      letGo();
      await answered;
      assert.lengthOf(sent, 1);
      const asked = sent[0].filter((m) => m.role !== 'system').map((m) => m.content);
      assert.deepEqual(asked, [...texts, 'And now?']);

      await el.updateComplete;
      const all = shown();
      assert.lengthOf(all, 302);
      texts.forEach((text, i) => assert.include(all[i], text));
      assert.equal(new Set(el.messages.slice(0, 300).map((m) => m.content)).size, 300);
      assert.deepEqual(el.messages.slice(0, 300).map((m) => m.content), texts);
      await waitFor(atEnd, 'the view still at the end');
    } finally {
      HistoryStore.prototype.loadMessages = original;
      window.fetch = realFetch;
    }
  });

  it('a reload mid-loop keeps the finished steps; the history sent next is valid for OpenAI', async function () {
    this.timeout(60000);
    const key = freshKey('element-loop');
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script type="module">
      import { start } from '/test/store/tool-loop-page.ts';
      start(${JSON.stringify(baseURL)}, ${JSON.stringify(key)}, 'dev;rate=300;words=2000', 'Call get_weather for Paris then get_time for Europe/Paris');
    </script>`;
    document.body.append(frame);
    // Step 1 calls get_weather, step 2 get_time; the page goes away while step 3 writes its answer.
    const probe = new HistoryStore({ storageKey: key });
    await waitFor(async () => {
      const [c] = await probe.listConversations();
      const all = c ? await probe.loadMessages(c.id) : [];
      const last = all.at(-1);
      return last?.role === 'assistant' && last.status === 'draft' && (last.content ?? '').length > 20;
    }, 'a draft of the step after the tools', 30000);
    frame.remove();

    const [conversation] = await probe.listConversations();
    const stored = await probe.loadMessages(conversation.id);
    assert.deepEqual(
      stored.map((m) => [m.role, m.tool_calls?.map((c) => c.function.name).join() ?? m.name ?? '', m.status]),
      [
        ['user', '', 'final'],
        ['assistant', 'get_weather', 'final'],
        ['tool', 'get_weather', 'final'],
        ['assistant', 'get_time', 'final'],
        ['tool', 'get_time', 'final'],
        ['assistant', '', 'draft'],
      ],
    );
    assert.equal(stored[2].tool_call_id, stored[1].tool_calls![0].id);
    assert.equal(stored[4].tool_call_id, stored[3].tool_calls![0].id);

    const sent = recordRequests();
    try {
      const second = await chat(key, 'dev;rate=0');
      await waitFor(() => part(second, 'interrupted-notice'), 'the interrupted notice');
      assert.lengthOf(second.messages, 6);
      assert.equal(second.historyController.records.at(-1)?.status, 'interrupted');
      assert.isAtLeast(second.messages[5].content!.length, 20);
      await second.send('Go on, please');
      assert.lengthOf(sent, 1);
      assertValidForOpenAI(sent[0]);
      assert.deepEqual(
        sent[0].filter((m) => m.role !== 'system').map((m) => m.role),
        ['user', 'assistant', 'tool', 'assistant', 'tool', 'assistant', 'user'],
      );
    } finally {
      sent.restore();
      probe.close();
    }
  });

  it('a tool loop that ends normally is stored once, step by step, as the engine returned it', async () => {
    const key = freshKey('element-loop-end');
    const { loopTools } = await import('./tool-loop-page.js');
    const el = await chat(key, 'dev;rate=0', (e) => (e.tools = loopTools));
    const result = await el.send('Call get_weather for Paris then get_time for Europe/Paris');
    assert.equal(result.finishReason, 'stop');
    const probe = new HistoryStore({ storageKey: key });
    const stored = await waitFor(async () => {
      const messages = await probe.loadMessages(el.conversationId);
      return messages.every((m) => m.status === 'final') && messages.length > 1 ? messages : undefined;
    }, 'the turn stored');
    probe.close();
    assert.deepEqual(
      stored!.map((m) => ({ role: m.role, content: m.content ?? null, tool_calls: m.tool_calls, tool_call_id: m.tool_call_id })),
      result.messages.map((m) => ({ role: m.role, content: m.content ?? null, tool_calls: m.tool_calls, tool_call_id: m.tool_call_id })),
    );
    assert.deepEqual(stored!.map((m) => m.seq), stored!.map((_, i) => i));
  });

  it('a tool that returns a cyclic object: its step is stored as it ends, as the model read it, and reloads', async function () {
    this.timeout(60000);
    const key = freshKey('element-cyclic');
    const cyclic: Tool = {
      name: 'get_weather',
      description: 'Current weather in a city',
      parameters: z.object({ city: z.string() }),
      execute: ({ city }) => {
        const report: Record<string, unknown> = { city, sky: 'clear' };
        report.self = report; // JSON.stringify throws on this
        return report;
      },
    };
    const el = await chat(key, 'dev;rate=300;words=2000', (e) => (e.tools = [cyclic]));
    const turn = el.send('Call get_weather for Paris');
    // The finished step is stored while the next one streams, not only when the turn ends.
    const probe = new HistoryStore({ storageKey: key });
    const stored = await waitFor(async () => {
      const messages = await probe.loadMessages(el.conversationId);
      const last = messages.at(-1);
      return last?.status === 'draft' && (last.content ?? '').length > 20 ? messages : undefined;
    }, 'a draft of the answer after the tool step', 30000);
    probe.close();
    assert.isTrue(el.busy, 'the answer still streams');
    el.stop();
    const result = await turn;
    const shape = (m: ChatMessage) => ({ role: m.role, content: m.content ?? null, tool_calls: m.tool_calls, tool_call_id: m.tool_call_id });
    assert.deepEqual(stored!.slice(0, 3).map(shape), result.messages.slice(0, 3).map(shape), 'the step as the engine added it to the history');
    assert.equal(stored![2].role, 'tool');
    assert.equal(stored![2].status, 'final');
    const id = el.conversationId;
    el.remove();

    const reloaded = await chat(key, 'dev;rate=0', (e) => e.setAttribute('conversation-id', id));
    await waitFor(() => reloaded.messages.length === result.messages.length, 'the conversation reloaded');
    assert.deepEqual(reloaded.messages.slice(0, 3).map(shape), result.messages.slice(0, 3).map(shape));
    await reloaded.updateComplete;
    assert.lengthOf(parts(reloaded, 'tool-call'), 1, 'the tool call is shown after the reload');
  });

  it('tool calls left without results by a cut-off step are not sent again', async () => {
    const key = freshKey('element-dangling');
    const store = new HistoryStore({ storageKey: key });
    const call = (id: string, name: string) => ({ id, type: 'function' as const, function: { name, arguments: '{}' } });
    await store.append('cut', [
      { role: 'user', content: 'Call get_weather and get_time' },
      { role: 'assistant', content: null, tool_calls: [call('c1', 'get_weather'), call('c2', 'get_time')] },
      { role: 'tool', tool_call_id: 'c1', name: 'get_weather', content: '{"sky":"clear"}' },
      { role: 'assistant', content: 'Now the time', tool_calls: [call('c3', 'get_time')] },
    ]);
    store.close();
    const sent = recordRequests();
    try {
      const el = await chat(key, 'dev;rate=0', (e) => e.setAttribute('conversation-id', 'cut'));
      await waitFor(() => el.messages.length === 4, 'the conversation');
      await el.send('Go on');
      assert.lengthOf(sent, 1);
      assertValidForOpenAI(sent[0]);
      const [, first, , second] = sent[0].filter((m) => m.role !== 'system');
      assert.deepEqual(first.tool_calls?.map((c) => c.id), ['c1']);
      assert.isUndefined(second.tool_calls);
      assert.equal(second.content, 'Now the time');
    } finally {
      sent.restore();
    }
  });
});

/** Records the messages of every chat completion request the page makes. */
function recordRequests(): ChatMessage[][] & { restore(): void } {
  const realFetch = window.fetch;
  const sent = [] as unknown as ChatMessage[][] & { restore(): void };
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('/chat/completions') && typeof init?.body === 'string') {
      sent.push(JSON.parse(init.body).messages);
    }
    return realFetch(input, init);
  };
  sent.restore = () => (window.fetch = realFetch);
  return sent;
}

/** OpenAI's rule: each assistant message with tool_calls is followed by one tool message per call id. */
function assertValidForOpenAI(messages: ChatMessage[]): void {
  messages.forEach((message, i) => {
    if (message.role === 'tool') {
      const owner = messages.slice(0, i).findLast((m) => m.role !== 'tool');
      assert.isTrue(!!owner?.tool_calls?.some((c) => c.id === message.tool_call_id), `tool result ${message.tool_call_id} follows its call`);
    }
    if (message.role !== 'assistant' || !message.tool_calls?.length) return;
    const results: string[] = [];
    for (let j = i + 1; messages[j]?.role === 'tool'; j++) results.push(messages[j].tool_call_id!);
    assert.sameMembers(results, message.tool_calls.map((c) => c.id), `results of message ${i}`);
  });
}

