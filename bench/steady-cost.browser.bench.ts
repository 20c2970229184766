/**
 * Steady cost at a real pace: a markdown answer streamed at about 200 tokens per second (the dev model at
 * 800 characters per second in ~4-character deltas), and how much of that time the page's main thread
 * is busy, in `<stream-chat>` and in the most used web-component peer (deep-chat, fed the same deltas
 * from the same backend through its `connect.handler`), in the same run. Busy time is Chromium's own
 * accounting (CDP Performance.getMetrics: TaskDuration, with script, style and layout apart) from the
 * send to the end on screen, as a share of that time.
 */
import '../src/define.js';
import { enginePart, providerPart } from '../src/core/index.js';
import { markdownPart } from '../src/render/index.js';
import type { StreamChat } from '../src/ui/stream-chat.js';

type Metrics = Record<string, number>;
const metrics = () => (window as unknown as { __benchMetrics?: () => Promise<Metrics> }).__benchMetrics?.() ?? Promise.resolve({} as Metrics);

/** ~200 tokens per second; `words` sets the size (the dev model's words average ~6 characters with spaces). */
const model = (words: number) => `dev;rate=800;chunk=4;words=${words}`;
const PROMPT = 'Explain streaming responses, with a list, a table and code';

interface Busy {
  kb: number;
  wallMs: number;
  taskMs: number;
  scriptMs: number;
  styleLayoutMs: number;
}

function box(): HTMLElement {
  const host = document.createElement('div');
  host.style.cssText = 'width:800px;height:700px';
  document.getElementById('bench-root')!.append(host);
  return host;
}

async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 500));
}

async function busy(run: () => Promise<number>): Promise<Busy> {
  await settle();
  const before = await metrics();
  const start = performance.now();
  const chars = await run();
  const wallMs = performance.now() - start;
  const after = await metrics();
  const d = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return { kb: chars / 1000, wallMs, taskMs: d('TaskDuration'), scriptMs: d('ScriptDuration'), styleLayoutMs: d('RecalcStyleDuration') + d('LayoutDuration') };
}

async function ours(words: number): Promise<Busy> {
  const host = box();
  const el = document.createElement('stream-chat') as StreamChat;
  el.storage = 'none';
  el.provider = 'sse';
  el.endpoint = '/sse/chat';
  el.model = model(words);
  el.style.height = '100%';
  host.append(el);
  await el.updateComplete;
  const result = await busy(async () => {
    const rendered = new Promise((r) => el.addEventListener('stream-chat-rendered', r, { once: true }));
    const answer = await el.send(PROMPT);
    await rendered;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return answer.message.content?.length ?? 0;
  });
  host.remove();
  return result;
}

/** The dev model's SSE backend, read as a host would, each delta handed to deep-chat as it arrives. */
async function* deltas(words: number): AsyncGenerator<string> {
  const response = await fetch('/sse/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: model(words), messages: [{ role: 'user', content: PROMPT }] }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').find((l) => l.startsWith('data: '))?.slice(6);
      if (!data || data === '[DONE]') continue;
      const delta = (JSON.parse(data) as { delta?: string }).delta;
      if (delta) yield delta;
    }
  }
}

async function deepChat(words: number): Promise<Busy> {
  // Its self-contained bundle by URL (a bare import would make the dev server optimise it and reload the page).
  const bundle = '/node_modules/deep-chat/dist/deepChat.bundle.js';
  await import(/* @vite-ignore */ bundle);
  const host = box();
  const dc = document.createElement('deep-chat') as unknown as HTMLElement & Record<string, unknown>;
  dc.style.cssText = 'width:100%;height:100%;display:block';
  let finished!: (chars: number) => void;
  dc.connect = {
    stream: true,
    handler: async (_body: unknown, signals: { onOpen(): void; onResponse(r: { text: string }): Promise<void>; onClose(): void }) => {
      signals.onOpen();
      let chars = 0;
      for await (const delta of deltas(words)) {
        chars += delta.length;
        await signals.onResponse({ text: delta });
      }
      signals.onClose();
      finished(chars);
    },
  };
  host.append(dc);
  await new Promise((r) => setTimeout(r, 500));
  const result = await busy(async () => {
    const done = new Promise<number>((r) => (finished = r));
    (dc.submitUserMessage as (m: { text: string }) => void)({ text: PROMPT });
    const chars = await done;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return chars;
  });
  host.remove();
  return result;
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

export default async function run(): Promise<string> {
  await Promise.all([markdownPart, enginePart, providerPart('sse')].map((p) => p.load()));
  if (!(await metrics()).TaskDuration) throw new Error('run through scripts/bench.mjs (it provides the CDP metrics)');
  // BENCH_ONLY=10kb,50kb-ours... picks runs (the peer takes minutes on the 50 KB answer under load).
  const only = new URLSearchParams(location.search).get('only')?.split(',');
  const want = (label: string, name: string) =>
    !only || only.some((o) => o === label.replace(' ', '').toLowerCase() || o === `${label.replace(' ', '').toLowerCase()}-${name.startsWith('deep') ? 'peer' : 'ours'}`);
  const rows: string[] = [];
  for (const [label, words] of [['10 KB', 1_700], ['50 KB', 8_500]] as const) {
    for (const [name, measure] of [['`<stream-chat>`', ours], ['deep-chat (peer)', deepChat]] as const) {
      if (!want(label, name)) continue;
      const b = await measure(words);
      rows.push(`| ${label} (${b.kb.toFixed(1)} KB) | ${name} | ${(b.wallMs / 1000).toFixed(1)} | ${Math.round(b.taskMs).toLocaleString('en-US')} | **${pct(b.taskMs, b.wallMs)}** | ${pct(b.scriptMs, b.wallMs)} | ${pct(b.styleLayoutMs, b.wallMs)} |`);
    }
  }
  return [
    '## Steady cost at 200 tokens per second',
    '',
    'A markdown answer from the dev model at ~200 tokens per second (`dev;rate=800;chunk=4`), on the generic SSE backend, shown by `<stream-chat>` and by deep-chat (fed the same deltas through its `connect.handler`) in the same run. ' +
      'Busy: the renderer main thread\'s task time (CDP TaskDuration) from the send to the end on screen, as a share of that time; then script, and style + layout, apart. One run each, interleaved, on a shared 2-core machine. Target: at most 20% for `<stream-chat>`.',
    '',
    '| answer | widget | stream, s | busy, ms | busy share | script | style + layout |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
