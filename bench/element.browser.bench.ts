/**
 * The element while an answer streams into a long transcript: does the cost of a token grow with the
 * conversation? One ~1500-word answer from the dev model at full speed, after 0, 50 and 200 earlier
 * exchanges, measured in `<stream-chat>` and in the usual way chat UIs are built: one template over the
 * whole message list, re-rendered (each message's markdown included) on every delta.
 */
import { html, LitElement, render } from 'lit';
import { runChat } from '../src/core/index.js';
import type { ChatMessage } from '../src/core/messages.js';
import { renderMarkdown } from '../src/render/index.js';
import '../src/define.js';
import type { StreamChat } from '../src/ui/stream-chat.js';

const baseURL = new URL('/v1', location.origin).href;
const MODEL = 'dev;rate=0;chunk=6;words=1500';
const HISTORY_SIZES = [0, 50, 200];

interface Measure {
  deltas: number;
  /** Template updates of the element during the answer. */
  updates: number;
  /** DOM mutation records outside the streaming answer. */
  outside: number;
  /** Main-thread time in tasks over 50 ms (what makes a page feel stuck). */
  longTaskMs: number;
  /** The slowest gap between two frames. */
  worstFrameMs: number;
  totalMs: number;
}

/** A plausible earlier conversation: questions and markdown answers with a list, code and a table. */
function history(exchanges: number): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let i = 0; i < exchanges; i++) {
    messages.push({ role: 'user', content: `Question ${i}: how do I stream a response?` });
    messages.push({
      role: 'assistant',
      content: `Here is answer ${i}.\n\n- read the body\n- decode it\n\n\`\`\`ts\nconst r = await fetch(url);\n\`\`\`\n\n| a | b |\n|---|---|\n| ${i} | ${i * 2} |\n`,
    });
  }
  return messages;
}

/** Records frames and long tasks from now until `stop()`. */
function watchMainThread() {
  let longTaskMs = 0;
  let worstFrameMs = 0;
  let last = performance.now();
  let running = true;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTaskMs += entry.duration;
  });
  observer.observe({ type: 'longtask', buffered: false });
  const frame = (now: number) => {
    worstFrameMs = Math.max(worstFrameMs, now - last);
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return () => {
    running = false;
    observer.disconnect();
    return { longTaskMs, worstFrameMs };
  };
}

function host(): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = 'width:800px;height:700px';
  document.getElementById('bench-root')!.append(box);
  return box;
}

async function measureElement(exchanges: number): Promise<Measure> {
  const box = host();
  const el = document.createElement('stream-chat') as StreamChat;
  el.baseUrl = baseURL;
  el.model = MODEL;
  el.storage = 'none';
  el.style.height = '100%';
  box.append(el);
  await el.updateComplete;
  (el as unknown as { show(m: ChatMessage[]): void }).show(history(exchanges));
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 100));

  let updates = 0;
  const instance = el as unknown as { update(c: unknown): void };
  const update = instance.update;
  instance.update = function (this: unknown, changed: unknown) {
    updates++;
    return update.call(this, changed);
  };
  let deltas = 0;
  el.addEventListener('stream-chat-text', () => deltas++);
  let outside = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) if (!(r.target as Element).closest?.('[part~="assistant-message"][aria-busy="true"]') && !(r.target.parentElement?.closest('[part~="assistant-message"][aria-busy="true"]'))) outside++;
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  const stop = watchMainThread();
  const start = performance.now();
  await el.send('Write a long answer about streaming');
  const totalMs = performance.now() - start;
  observer.disconnect();
  const main = stop();
  box.remove();
  return { deltas, updates, outside, totalMs, ...main };
}

/** The usual build: one list template, every message's markdown rendered again on each delta. */
class NaiveChat extends LitElement {
  static override properties = { messages: { attribute: false } };
  declare messages: { role: string; text: string }[];
  renders = 0;
  constructor() {
    super();
    this.messages = [];
  }
  override render() {
    this.renders++;
    return html`<div style="height:100%;overflow:auto">
      ${this.messages.map((m) => html`<article class=${m.role}>${renderMarkdown(m.text)}</article>`)}
    </div>`;
  }
}
customElements.define('naive-chat-bench', NaiveChat);

async function measureNaive(exchanges: number): Promise<Measure> {
  const box = host();
  const el = document.createElement('naive-chat-bench') as NaiveChat;
  el.style.cssText = 'display:block;height:100%';
  box.append(el);
  const past = history(exchanges);
  el.messages = past.map((m) => ({ role: m.role, text: m.content ?? '' }));
  await el.updateComplete;
  const before = el.renders;
  let outside = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) if (!(r.target as Element).closest?.('article:last-child')) outside++;
  });
  observer.observe(el.renderRoot, { subtree: true, childList: true, characterData: true });
  let deltas = 0;
  const stop = watchMainThread();
  const start = performance.now();
  const user = { role: 'user', content: 'Write a long answer about streaming' } as ChatMessage;
  el.messages = [...el.messages, { role: 'user', text: user.content! }, { role: 'assistant', text: '' }];
  const run = runChat({ baseURL, model: MODEL, messages: [...past, user] });
  for await (const event of run) {
    if (event.type !== 'text') continue;
    deltas++;
    const messages = el.messages.slice(0, -1);
    el.messages = [...messages, { role: 'assistant', text: event.text }];
  }
  await el.updateComplete;
  const totalMs = performance.now() - start;
  observer.disconnect();
  const main = stop();
  box.remove();
  return { deltas, updates: el.renders - before, outside, totalMs, ...main };
}

/** Lets the previous run's garbage and leftover work go, so it is not billed to the next one. */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

export default async function run(): Promise<string> {
  render(html``, document.getElementById('bench-root')!);
  const rows: string[] = [];
  for (const exchanges of HISTORY_SIZES) {
    await settle();
    const ours = await measureElement(exchanges);
    await settle();
    const naive = await measureNaive(exchanges);
    await settle();
    for (const [name, m] of [['`<stream-chat>`', ours], ['naive list re-render', naive]] as const) {
      rows.push(
        `| ${exchanges} | ${name} | ${m.deltas} | ${m.updates} | ${fmt(m.outside)} | ${fmt(m.longTaskMs)} | ${fmt(m.worstFrameMs)} | ${fmt(m.totalMs)} |`,
      );
    }
    rows.push(
      `| ${exchanges} | ratio naive / ours | | ${fmt(naive.updates / Math.max(1, ours.updates))}× | | ${ours.longTaskMs ? fmt(naive.longTaskMs / ours.longTaskMs) + '×' : 'ours: 0 ms'} | ${fmt(naive.worstFrameMs / Math.max(1, ours.worstFrameMs))}× | ${fmt(naive.totalMs / ours.totalMs)}× |`,
    );
  }
  return [
    '## The element while an answer streams into a long transcript',
    '',
    `One answer of ~1500 words from the dev model at full speed (\`${MODEL}\`), after 0, 50 and 200 earlier exchanges. ` +
      '`<stream-chat>` (Smoother → MarkdownStream in a stable container, the list template updated only when the shape changes) against the usual build: one Lit template over the message list, every message’s markdown rendered again on each delta. ' +
      'Template updates and DOM mutation records outside the streaming answer are counts; long-task time (tasks over 50 ms), the worst gap between frames and the total time are wall-clock milliseconds, one run each (garbage collected between runs), on a shared machine. The naive build’s total grows with the transcript because every delta re-renders every message.',
    '',
    '| earlier exchanges | build | deltas | template updates | DOM mutations outside the answer | long-task ms | worst frame gap ms | total ms |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
