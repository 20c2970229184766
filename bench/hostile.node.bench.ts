/**
 * Many small chunks in one network read, on every HTTP provider: the whole body of an answer of n
 * two-character chunks is handed over at once (a buffering proxy, a fast provider, a replay), and
 * runChat consumes every event. CPU time (the machine is shared); linear scaling means the time per
 * chunk stays flat as n grows. The openai SDK's own stream iterator on the same bodies is shown for
 * comparison (it copies the rest of a read once per message: quadratic).
 */
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import { collect, runChat, type ProviderName, type RunChatOptions } from '../src/core/index.js';

type Fetch = NonNullable<RunChatOptions['fetch']>;
const HEAD = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench' };
const chat = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ ...HEAD, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

const bodies: Record<'openai' | 'openai-responses' | 'sse', (n: number) => string> = {
  openai: (n) => chat({ role: 'assistant', content: '' }) + chat({ content: 'ab' }).repeat(n) + chat({}, 'stop') + 'data: [DONE]\n\n',
  'openai-responses': (n) =>
    `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', item_id: 'm', output_index: 0, delta: 'ab' })}\n\n`.repeat(n) +
    `event: response.completed\ndata: ${JSON.stringify({ type: 'response.completed', response: { usage: { input_tokens: 1, output_tokens: n } } })}\n\n`,
  sse: (n) => `data: ${JSON.stringify({ delta: 'ab' })}\n\n`.repeat(n) + 'data: [DONE]\n\n',
};

const oneRead = (body: string): Fetch => {
  const bytes = new TextEncoder().encode(body);
  return async () => new Response(new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }), { headers: { 'content-type': 'text/event-stream' } });
};

async function cpu(fn: () => Promise<void>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const SIZES = [25_000, 50_000, 100_000];
const rows: string[] = [];
for (const provider of Object.keys(bodies) as (keyof typeof bodies)[]) {
  const cells: string[] = [];
  for (const n of SIZES) {
    const fetch = oneRead(bodies[provider](n));
    const ms = await cpu(async () => {
      const { result } = await collect(
        runChat({ provider: provider as ProviderName, baseURL: 'http://bench.local/v1', endpoint: 'http://bench.local/sse', apiKey: 'k', messages: [{ role: 'user', content: 'x' }], fetch }),
      );
      const r = await result;
      if (r.error || r.message.content!.length !== 2 * n) throw new Error(`${provider} ${n}: ${r.error?.message ?? r.message.content!.length}`);
    });
    cells.push(`${ms.toFixed(0)} ms (${((ms * 1000) / n).toFixed(1)} µs/chunk)`);
  }
  rows.push(`| runChat, ${provider} | ${cells.join(' | ')} |`);
}
// The SDK's iterator alone, on the Chat Completions bodies; past 32,000 chunks it runs for minutes.
const sdkCells: string[] = [];
for (const n of [8_000, 16_000, 32_000]) {
  const ms = await cpu(async () => {
    const client = new OpenAI({ apiKey: 'k', baseURL: 'http://bench.local/v1', maxRetries: 0, fetch: oneRead(bodies.openai(n)) });
    const stream = await client.chat.completions.create({ model: 'bench', messages: [{ role: 'user', content: 'x' }], stream: true });
    for await (const chunk of stream) void chunk;
  });
  sdkCells.push(`${n.toLocaleString('en')}: ${ms.toFixed(0)} ms (${((ms * 1000) / n).toFixed(1)} µs/chunk)`);
}

console.log(`## Many chunks in one read (Node)

The whole answer arrives in one network read, n chunks of two characters each, and runChat delivers every
event. CPU milliseconds (user + system) for the whole turn; linear means a flat cost per chunk.

| | ${SIZES.map((n) => `${n.toLocaleString('en')} chunks`).join(' | ')} |
|---|${SIZES.map(() => '---:').join('|')}|
${rows.join('\n')}

For comparison, the openai SDK's own stream iterator on the Chat Completions bodies (no events, no
accumulation): ${sdkCells.join('; ')}. It copies the rest of a read once per message, so its cost per chunk
grows with n; the engine hands the SDK's response body to its own SSE reader instead.
`);
