/**
 * Hostile sizes and shapes in the element, in the browser: how long the page is blocked (the longest
 * main-thread task) and how much heap an answer takes, for
 * - 100,000 chunks on every provider, each HTTP body handed over in one read (the dev model's own bytes,
 *   read whole first), the WebSocket one as fast as the dev model sends it; and 25,000 for the scaling;
 * - 1 MB and 5 MB markdown answers in 2,000-character chunks, in one read;
 * - the deep shapes of the hostile-shapes suite.
 * Tasks are read from the Long Tasks API (every task of 50 ms or more); the heap is sampled every 50 ms
 * (the peak) and measured again after a garbage collection once the answer is on screen, with the
 * element still showing it. Whether each case ends well is asserted in test/ui/hostile-shapes.test.ts.
 */
import * as z from 'zod';
import '../src/define.js';
import { enginePart, jsonSchemaPart, providerPart } from '../src/core/index.js';
import { markdownPart, objectViewPart } from '../src/render/index.js';
import type { StreamChat } from '../src/ui/stream-chat.js';

const HOSTILE = 'http://hostile.invalid/answer';
const realFetch = window.fetch;
/** The body the next request to HOSTILE gets, in one read. */
let hostileBody = '';
/** Requests to the dev model read whole, then handed over in one read. */
let oneRead = false;

window.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith(HOSTILE)) return whole(new TextEncoder().encode(hostileBody), 'text/event-stream');
  const response = await realFetch(input, init);
  if (!oneRead || !response.ok || !response.body) return response;
  return whole(await readWhole(response.body), response.headers.get('content-type') ?? 'text/event-stream');
};

/**
 * The body read to its end as it arrives, then joined a few milliseconds at a time. Not `arrayBuffer()`,
 * nor one loop of copies: for a body of several MB (the Chat Completions one of 25,000 chunks is 7.5 MB)
 * either is one task of 100-200 ms of the benchmark's own, which it would count as the element's.
 */
async function readWhole(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  let sliceStart = performance.now();
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return bytes;
}

function whole(bytes: Uint8Array, type: string): Response {
  return new Response(new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }), { headers: { 'content-type': type } });
}

function sseBody(text: string, chunk: number): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(`data: ${JSON.stringify({ delta: text.slice(i, i + chunk) })}\n\n`);
  return out.join('') + 'data: [DONE]\n\n';
}

interface Measure {
  ms: number;
  longestTaskMs: number;
  longTasks: number;
  peakHeapMB: number;
  afterHeapMB: number;
  outcome: string;
}

const heap = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function settle(): Promise<void> {
  gc();
  await new Promise((r) => setTimeout(r, 300));
  gc();
}

/** One answer in a fresh element: sends, waits until the whole answer is on screen, measures. */
async function measure(setup: (el: StreamChat) => void, check: (el: StreamChat) => string): Promise<Measure> {
  await settle();
  const box = document.createElement('div');
  box.style.cssText = 'width:800px;height:700px';
  document.getElementById('bench-root')!.append(box);
  const el = document.createElement('stream-chat') as StreamChat;
  el.storage = 'none';
  el.style.height = '100%';
  setup(el);
  box.append(el);
  await el.updateComplete;
  await settle();
  // The last forced collection ran in this task: a new one starts before the watch does (otherwise the
  // collection of the previous answer's heap counts as this answer's longest task).
  await new Promise((r) => setTimeout(r, 50));
  const base = heap();
  let peak = base;
  let longest = 0;
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longest = Math.max(longest, entry.duration);
      count++;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  const sampler = setInterval(() => (peak = Math.max(peak, heap())), 50);
  const rendered = new Promise((resolve) => el.addEventListener('stream-chat-rendered', resolve, { once: true }));
  const start = performance.now();
  const result = await el.send('Write about streaming');
  await rendered;
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - start;
  peak = Math.max(peak, heap());
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 100)); // the last long task's entry
  observer.disconnect();
  await settle();
  const after = heap() - base;
  const outcome = result.error ? `error: ${result.error.message.slice(0, 80)}` : check(el);
  box.remove();
  console.log(`measured: ${Math.round(ms)} ms, longest task ${Math.round(longest)} ms, peak heap +${(peak - base).toFixed(1)} MB, after +${after.toFixed(1)} MB, ${outcome}`);
  return { ms, longestTaskMs: longest, longTasks: count, peakHeapMB: peak - base, afterHeapMB: after, outcome };
}

const shownText = (el: StreamChat) => [...el.shadowRoot!.querySelectorAll('.markdown')].map((m) => m.textContent ?? '').join('');

function endShown(marker: string) {
  return (el: StreamChat) => (shownText(el).includes(marker) ? 'end shown' : 'END NOT SHOWN');
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const task = (m: Measure) => (m.longTasks ? `${fmt(m.longestTaskMs)} (${m.longTasks} over 50)` : '< 50');

/** Markdown as an answer has it (headings, paragraphs, a list, a code block, a table), to `size` characters. */
function markdown(size: number, marker: string): string {
  const section = (i: number) =>
    `## Part ${i}\n\nStreaming answers arrive in pieces; each piece is parsed, sanitised and shown without re-rendering what is done. ` +
    `A cache keeps what is stable, and **only the growing block** changes on screen, with \`inline code\` and [a link](https://example.com/${i}).\n\n` +
    `- first point about item ${i}\n- second point, a little longer than the first one\n- third point\n\n` +
    '```ts\nconst response = await fetch(url, { signal });\nfor await (const chunk of response.body) handle(chunk);\n```\n\n' +
    `| key | value |\n|---|---|\n| part | ${i} |\n| size | ${size} |\n\n`;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const s = section(i);
    parts.push(s);
    length += s.length;
  }
  return parts.join('').slice(0, size - marker.length - 2) + `\n\n${marker}`;
}

/** Sizes from a query parameter (BENCH_PARAMS=mb=1 or chunks=25000), or the defaults. */
function sizes(name: string, defaults: number[]): number[] {
  const given = new URLSearchParams(location.search).get(name);
  return given ? given.split(',').map(Number) : defaults;
}

async function providers(): Promise<string[]> {
  const rows: string[] = [];
  const counts = sizes('chunks', [25_000, 100_000]);
  const setups: [string, (n: number) => (el: StreamChat) => void][] = [
    ['openai (Chat Completions)', (n) => (el) => ((el.baseUrl = '/v1'), (el.model = model(n)))],
    ['sse', (n) => (el) => ((el.provider = 'sse'), (el.endpoint = '/sse/chat'), (el.model = model(n)))],
    ['ag-ui', (n) => (el) => ((el.provider = 'ag-ui'), (el.endpoint = '/ag-ui'), (el.model = model(n)))],
    ['ai-sdk (UI message stream)', (n) => (el) => ((el.provider = 'ai-sdk'), (el.endpoint = '/ai-sdk'), (el.model = model(n)))],
    ['websocket (one message per chunk)', (n) => (el) => ((el.provider = 'websocket'), (el.endpoint = `/ws/chat?model=${encodeURIComponent(model(n))}`), (el.model = model(n)))],
  ];
  for (const [name, setup] of setups) {
    const cells: string[] = [];
    for (const n of counts) {
      oneRead = !name.startsWith('websocket');
      let deltas = 0;
      console.log(`${name}, ${n} chunks`);
      const m = await measure(
        (el) => {
          setup(n)(el);
          el.addEventListener('stream-chat-text', () => deltas++);
        },
        (el) => (shownText(el).length > n ? 'end shown' : 'SHORT'),
      );
      oneRead = false;
      cells.push(`${task(m)} | ${fmt(m.ms)} (${((m.ms * 1000) / Math.max(1, deltas)).toFixed(0)} µs/chunk, ${deltas.toLocaleString('en-US')} chunks) | ${fmt(m.peakHeapMB)} | ${m.outcome}`);
    }
    rows.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return rows;
}

/** The dev model at full speed, about `n` deltas of ~2 characters (its words are ~6 characters long). */
const model = (n: number) => `dev;rate=0;chunk=2;burst=0;words=${Math.round(n / 3)}`;

async function bigAnswers(): Promise<string[]> {
  const rows: string[] = [];
  for (const mb of sizes('mb', [1, 5])) {
    const text = markdown(mb * 1_000_000, 'END-OF-ANSWER');
    hostileBody = sseBody(text, 2_000);
    const m = await measure((el) => ((el.provider = 'sse'), (el.endpoint = HOSTILE)), endShown('END-OF-ANSWER'));
    rows.push(`| ${mb} MB markdown, 2,000-character chunks, one read | ${task(m)} | ${fmt(m.ms)} | ${fmt(m.peakHeapMB)} | ${fmt(m.afterHeapMB)} (${(m.afterHeapMB / (text.length / 2 ** 20)).toFixed(1)}× the text) | ${m.outcome} |`);
  }
  return rows;
}

type Node = { a: string | Node };
const node: z.ZodType<Node> = z.lazy(() => z.object({ a: z.union([z.string(), node]) }));

async function deepShapes(): Promise<string[]> {
  const list = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
  const shapes: [string, string, z.ZodType | undefined, number][] = [
    ['10,000 nested quotes `>`', `${'>'.repeat(10_000)} deep\n\nEND-OF-ANSWER`, undefined, 4],
    ['a list nested 500 deep', `${list}\n\nEND-OF-ANSWER`, undefined, 4],
    ['`*a*` × 16,667 (50,000 characters of emphasis)', `${'*a*'.repeat(16_667)}\n\nEND-OF-ANSWER`, undefined, 4],
    ['a 1 MB line without a newline', `${'word '.repeat(200_000)}END-OF-ANSWER`, undefined, 2_000],
    ['100,000 `[` as text', `${'['.repeat(100_000)}\n\nEND-OF-ANSWER`, undefined, 16],
    ['structured, `{"a":…}` nested 10,000 deep', '{"a":'.repeat(10_000) + '"END-OF-ANSWER"' + '}'.repeat(10_000), node, 16],
    ['structured, 100,000 `[`', '['.repeat(100_000), z.object({ a: z.string() }), 16],
  ];
  const rows: string[] = [];
  for (const [name, text, schema, chunk] of shapes) {
    hostileBody = sseBody(text, chunk);
    const m = await measure(
      (el) => {
        el.provider = 'sse';
        el.endpoint = HOSTILE;
        if (schema) el.schema = schema;
      },
      schema ? (el) => (el.shadowRoot!.querySelector('[part~="object"]')?.textContent?.includes('END-OF-ANSWER') ? 'end shown' : 'END NOT SHOWN') : endShown('END-OF-ANSWER'),
    );
    rows.push(`| ${name} | ${task(m)} | ${fmt(m.ms)} | ${fmt(m.peakHeapMB)} | ${m.outcome} |`);
  }
  return rows;
}

export default async function run(): Promise<string> {
  await Promise.all([markdownPart, enginePart, jsonSchemaPart, objectViewPart, ...['openai', 'sse', 'websocket', 'ag-ui', 'ai-sdk'].map((p) => providerPart(p as 'sse'))].map((p) => p.load()));
  const only = new URLSearchParams(location.search).get('only');
  const want = (name: string) => !only || only.split(',').includes(name);
  const out = ['## Hostile sizes and shapes in the element (browser)', ''];
  out.push(
    'Each answer in a fresh `<stream-chat>` (800 × 700 px), until the whole answer is on screen (`stream-chat-rendered`). ' +
      'Longest task: the longest main-thread task while it streamed (Long Tasks API; "< 50" when none reached 50 ms), ms. ' +
      'Heap: MB over the page before the answer, the peak sampled every 50 ms, and after a garbage collection with the answer still shown. ' +
      'One run each, on a shared 2-core machine (wall-clock times are inflated by the load). Target: no task over 100 ms for answers up to 1 MB.',
    '',
  );
  if (want('chunks')) {
    out.push(
      '### Many chunks in one read, per provider',
      '',
      'The dev model answers at full speed in ~2-character deltas; each HTTP body is read whole first and handed to the element in one read (a buffering proxy, a replay). ' +
        'The WebSocket backend has no reads: one message per delta, as fast as the local server sends them. Time is from send() to the end on screen; µs per chunk flat from 25,000 to 100,000 chunks means linear.',
      '',
      '| provider | 25,000: longest task ms | time ms | peak heap MB | outcome | 100,000: longest task ms | time ms | peak heap MB | outcome |',
      '|---|---:|---:|---:|---|---:|---:|---:|---|',
      ...(await providers()),
      '',
    );
  }
  if (want('big')) {
    out.push(
      '### Big answers',
      '',
      '| answer | longest task ms | time to the end on screen, ms | peak heap MB | heap after, MB | outcome |',
      '|---|---:|---:|---:|---:|---|',
      ...(await bigAnswers()),
      '',
    );
  }
  if (want('deep')) {
    out.push(
      '### Deep and pathological shapes (one read)',
      '',
      '| shape | longest task ms | time to the end on screen, ms | peak heap MB | outcome |',
      '|---|---:|---:|---:|---|',
      ...(await deepShapes()),
      '',
    );
  }
  return out.join('\n');
}
