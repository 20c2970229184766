/**
 * Engine overhead: a long answer replayed from memory (no network, no pacing) through a custom
 * fetch, so only the client side is measured: SSE framing, JSON per chunk, accumulation, events.
 * Ours (`runChat`, every event collected) against the official SDK iterated raw (the floor: no
 * accumulation at all) and the SDK's own `.stream()` helper (accumulates a final completion).
 * Tool-call rows stream one call's arguments in small fragments; ours also parses them into a
 * partial value for every fragment.
 */
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import * as z from 'zod';
import { collect, runChat, type RunChatOptions } from '../src/core/index.js';

type Fetch = NonNullable<RunChatOptions['fetch']>;

const HEAD = { id: 'chatcmpl-b', object: 'chat.completion.chunk', created: 0, model: 'bench' };
const line = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ ...HEAD, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function textStream(chars: number, chunk: number): string {
  const words = 'stream model answer value token naïve café 東京 data latency '.repeat(Math.ceil(chars / 50)).slice(0, chars);
  let out = line({ role: 'assistant', content: '' });
  for (let i = 0; i < words.length; i += chunk) out += line({ content: words.slice(i, i + chunk) });
  return out + line({}, 'stop') + 'data: [DONE]\n\n';
}

function toolStream(argChars: number, chunk: number): string {
  const items: { id: number; note: string }[] = [];
  while (JSON.stringify({ items }).length < argChars) items.push({ id: items.length, note: `item number ${items.length}` });
  const valid = JSON.stringify({ items });
  let out = line({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'save', arguments: '' } }] });
  for (let i = 0; i < valid.length; i += chunk) out += line({ tool_calls: [{ index: 0, function: { arguments: valid.slice(i, i + chunk) } }] });
  return out + line({}, 'tool_calls') + 'data: [DONE]\n\n';
}

/** Serves the body in 16 KB network reads, as a fast connection would. */
function fetchOf(body: string): Fetch {
  const bytes = new TextEncoder().encode(body);
  return async () =>
    new Response(
      new ReadableStream({
        start(c) {
          for (let i = 0; i < bytes.length; i += 16_384) c.enqueue(bytes.subarray(i, i + 16_384));
          c.close();
        },
      }),
      { headers: { 'content-type': 'text/event-stream' } },
    );
}

const client = (fetch: Fetch) => new OpenAI({ apiKey: 'k', baseURL: 'http://bench.local/v1', maxRetries: 0, fetch });
const request = { model: 'bench', messages: [{ role: 'user' as const, content: 'x' }], stream: true as const };

const contenders: Record<string, (body: string) => Promise<void>> = {
  'openai SDK, raw chunks (floor)': async (body) => {
    const stream = await client(fetchOf(body)).chat.completions.create(request);
    let n = 0;
    for await (const chunk of stream) n += chunk.choices.length;
  },
  'openai SDK .stream() helper': async (body) => {
    const stream = client(fetchOf(body)).chat.completions.stream({ model: 'bench', messages: request.messages });
    await stream.finalChatCompletion();
  },
  'runChat (ours, all events)': async (body) => {
    const tools = [{ name: 'save', parameters: z.object({ items: z.array(z.object({ id: z.number(), note: z.string() })) }), execute: () => 'ok' }];
    await collect(runChat({ model: 'bench', apiKey: 'k', fetch: fetchOf(body), messages: request.messages, maxSteps: 1, tools }));
  },
};

async function time(fn: () => Promise<void>): Promise<number> {
  await fn(); // warm-up
  const runs: number[] = [];
  const started = performance.now();
  while (runs.length < 5 || (performance.now() - started < 1500 && runs.length < 30)) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

const cases: [string, string][] = [
  ['text, 100 KB in 4-char chunks', textStream(100_000, 4)],
  ['text, 100 KB in 32-char chunks', textStream(100_000, 32)],
  ['tool arguments, 2 KB in 4-char fragments', toolStream(2_000, 4)],
  ['tool arguments, 20 KB in 8-char fragments', toolStream(20_000, 8)],
];

const lines = [
  '## Engine overhead (Node)',
  '',
  'A recorded Chat Completions stream replayed from memory through a custom `fetch` (no network, no pacing):',
  'the client-side cost of SSE framing, JSON per chunk, accumulation and events. Median of repeated runs, ms.',
  '',
  `| case | ${Object.keys(contenders).join(' | ')} | ours / floor |`,
  `|---|${Object.keys(contenders).map(() => '---:').join('|')}|---:|`,
];
for (const [name, body] of cases) {
  const results: number[] = [];
  for (const fn of Object.values(contenders)) results.push(await time(() => fn(body)));
  const ratio = results[2] / results[0];
  lines.push(`| ${name} | ${results.map((r) => r.toFixed(1)).join(' | ')} | ${ratio.toFixed(2)}× |`);
}
console.log(lines.join('\n'));
