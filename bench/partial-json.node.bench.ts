/**
 * Partial JSON while it streams: the whole document pushed in small chunks, a partial value taken after
 * every chunk (what a UI showing structured output as it arrives does), ours against the usual peers.
 *
 * Peers that re-parse the whole buffer for every chunk cost O(n²); when a case would take too long the
 * partial parse is timed at evenly spaced buffer lengths and the total estimated as chunks × the mean
 * (the integral of a cost that grows with the buffer); such cells are marked "≈ … (est.)".
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { parse as partialJsonParse } from 'partial-json';
import { parsePartialJson } from 'ai';
import { parse as bestEffortParse, disableErrorLogging } from 'best-effort-json-parser';
import { JSONParser } from '@streamparser/json';
import { PartialJsonParser } from '../src/core/partial-json.js';
import { random as seeded } from '../dev-model/random.js';

disableErrorLogging();

const SIZES = [10_000, 100_000, 1_000_000];
const CHUNKS = [4, 16, 64];
/** A cell projected to take longer than this (ms) is estimated from samples instead of run in full. */
const FULL_RUN_BUDGET_MS = 5_000;
/** A run this long is measured once (after its warm-up run): repeating it would not change the picture. */
const SINGLE_RUN_MS = 1_000;
/** Repeats of fast cases, to get past timer noise: run until this much time (ms) has passed. */
const MIN_MEASURE_MS = 300;
const SAMPLES = 16;
const MIN_RUNS = 5;

// ---------------------------------------------------------------- documents

const WORDS = ('the a stream model answer value token search result summary chart table review movie director ' +
  'release rating cast scene story city café naïve “quoted” data latency cache index update user page').split(' ');

/** LLM-shaped JSON: an object with a list of records holding prose, numbers, flags, tags and nested objects. */
function makeDocument(size: number): string {
  const random = seeded(size).next;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const results: unknown[] = [];
  const doc = { query: sentence(6), model: 'gpt-4o-mini', results, total: 0, done: true };
  let length = 200;
  while (length < size) {
    const item = {
      id: `item-${results.length}`,
      title: sentence(4 + Math.floor(random() * 5)),
      summary: `${sentence(20 + Math.floor(random() * 30))}.\n"${sentence(5)}" — ${sentence(8)} 😀`,
      score: Math.round(random() * 10_000) / 100,
      rank: results.length + 1,
      published: random() > 0.3,
      tags: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS)),
      author: { name: sentence(2), email: `${pick(WORDS)}@example.com`, followers: Math.floor(random() * 1e6) },
      related: Array.from({ length: Math.floor(random() * 3) }, () => ({ id: `item-${Math.floor(random() * 1000)}`, weight: random() })),
      note: random() > 0.8 ? null : sentence(3),
    };
    length += JSON.stringify(item, null, 2).length + 2;
    results.push(item);
  }
  doc.total = results.length;
  return JSON.stringify(doc, null, 2);
}

function split(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

// ---------------------------------------------------------------- contestants

interface Contestant {
  name: string;
  /** Streams every chunk, taking a partial value after each; returns the last value. */
  stream(chunks: string[]): unknown | Promise<unknown>;
  /** For re-parsing peers: the cost of one partial parse of a buffer (to estimate capped cells). */
  parseOnce?(buffer: string): unknown | Promise<unknown>;
}

let sink: unknown;

const ours: Contestant = {
  name: 'ours (PartialJsonParser)',
  stream(chunks) {
    const parser = new PartialJsonParser();
    for (const chunk of chunks) {
      parser.push(chunk);
      sink = parser.value;
    }
    return parser.end();
  },
};

/**
 * @streamparser/json builds its tree in place too (keepStack: true); `paths: ['$']` emits only the root at
 * the end, so no per-value callback cost is added. The live partial tree is its in-progress root, read
 * from the token parser after every chunk. It holds completed values only (no growing strings), which is
 * less work than ours does.
 */
const streamparser: Contestant = {
  name: '@streamparser/json',
  stream(chunks) {
    const parser = new JSONParser({ keepStack: true, paths: ['$'] });
    let final: unknown;
    parser.onValue = ({ value }) => (final = value);
    const tokenParser = (parser as unknown as { tokenParser: { stack: { value: unknown }[]; value: unknown } }).tokenParser;
    for (const chunk of chunks) {
      parser.write(chunk);
      sink = tokenParser.stack.length > 1 ? tokenParser.stack[1].value : tokenParser.value;
    }
    if (!parser.isEnded) parser.end(); // it ends by itself after the root value
    return final;
  },
};

function reparsing(name: string, parse: (buffer: string) => unknown): Contestant {
  return {
    name,
    stream(chunks) {
      let buffer = '';
      for (const chunk of chunks) {
        buffer += chunk;
        sink = parse(buffer);
      }
      return sink;
    },
    parseOnce: parse,
  };
}

const partialJson = reparsing('partial-json', (b) => partialJsonParse(b));
const bestEffort = reparsing('best-effort-json-parser', (b) => bestEffortParse(b));
const aiParse: Contestant = {
  name: 'ai parsePartialJson',
  async stream(chunks) {
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      sink = (await parsePartialJson(buffer)).value;
    }
    return sink;
  },
  async parseOnce(buffer) {
    return (await parsePartialJson(buffer)).value;
  },
};

const CONTESTANTS = [ours, streamparser, partialJson, aiParse, bestEffort];

// ---------------------------------------------------------------- timing

interface Cell {
  ms: number;
  estimated: boolean;
}

/**
 * CPU time (all of the process's threads, GC included) rather than wall-clock time: the benchmark runs on
 * a small shared machine, where wall-clock time mostly measures the neighbours.
 */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function timeOnce(fn: () => unknown): Promise<number> {
  const start = cpuNow();
  await fn();
  return cpuNow() - start;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Median of repeated runs (at least MIN_RUNS) for fast cases, a single run for slow ones. The heap is
 * collected once before a cell (the previous contestant's garbage is not this one's cost) and an untimed
 * run comes first, so that each cell measures the steady state of a page that keeps streaming. (Forcing a
 * full collection before every run would also throw away V8's pretenuring feedback and measure a
 * situation no page is in.)
 */
async function measure(fn: () => unknown): Promise<number> {
  const times: number[] = [];
  gc?.();
  const warm = await timeOnce(fn);
  if (warm > SINGLE_RUN_MS) return warm;
  const started = cpuNow();
  do {
    times.push(await timeOnce(fn));
  } while ((cpuNow() - started < MIN_MEASURE_MS || times.length < MIN_RUNS) && times.length < 50);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Time of one partial parse of `buffer`, repeated until it is measurable. */
async function parseCost(c: Contestant, buffer: string): Promise<number> {
  let reps = 0;
  const start = cpuNow();
  do {
    await c.parseOnce!(buffer);
    reps++;
  } while (cpuNow() - start < 20);
  return (cpuNow() - start) / reps;
}

/** The whole stream's time from partial parses timed at evenly spaced buffer lengths. */
async function estimate(c: Contestant, text: string, chunks: string[]): Promise<number> {
  let sum = 0;
  for (let s = 0; s < SAMPLES; s++) {
    const k = Math.floor(((s + 0.5) / SAMPLES) * chunks.length);
    sum += await parseCost(c, text.slice(0, (k + 1) * chunks[0].length));
  }
  return (sum / SAMPLES) * chunks.length;
}

async function run(c: Contestant, text: string, chunks: string[]): Promise<Cell> {
  if (c.parseOnce) {
    // Projected from a partial buffer (three quarters of the text): some peers take a fast path when the
    // buffer happens to be complete JSON, which the stream almost never is.
    const threeQuarters = await parseCost(c, text.slice(0, Math.floor(text.length * 0.75)));
    const projected = (threeQuarters * chunks.length * 0.5) / 0.75;
    if (projected > FULL_RUN_BUDGET_MS) return { ms: await estimate(c, text, chunks), estimated: true };
  }
  return { ms: await measure(() => c.stream(chunks)), estimated: false };
}

// ---------------------------------------------------------------- report

function formatMs(cell: Cell): string {
  const ms = cell.ms;
  const text = ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
  return cell.estimated ? `≈ ${text} (est.)` : text;
}

function sizeLabel(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1000} KB`;
}

async function main() {
  const started = performance.now();
  const results = new Map<string, Cell>();
  const docs = new Map(SIZES.map((size) => [size, makeDocument(size)]));

  // Every contestant must produce the value JSON.parse gives, or its numbers mean nothing.
  for (const c of CONTESTANTS) {
    const text = docs.get(SIZES[0])!;
    const value = await c.stream(split(text, 16));
    if (!isDeepStrictEqual(value, JSON.parse(text))) throw new Error(`${c.name} did not produce the document`);
  }
  // Warm up the JIT of the two incremental parsers on every chunk size.
  for (const chunk of CHUNKS) {
    for (let i = 0; i < 3; i++) {
      ours.stream(split(docs.get(SIZES[1])!, chunk));
      streamparser.stream(split(docs.get(SIZES[1])!, chunk));
    }
  }

  for (const size of SIZES) {
    const text = docs.get(size)!;
    for (const chunkSize of CHUNKS) {
      const chunks = split(text, chunkSize);
      for (const c of CONTESTANTS) {
        const cell = await run(c, text, chunks);
        results.set(`${size}/${chunkSize}/${c.name}`, cell);
        console.error(`  ${sizeLabel(size)} / ${chunkSize} / ${c.name}: ${formatMs(cell)}`);
      }
    }
  }

  const cell = (size: number, chunk: number, c: Contestant) => results.get(`${size}/${chunk}/${c.name}`)!;
  const lines: string[] = [];
  lines.push('## Partial JSON parsing while streaming', '');
  lines.push(
    'An LLM-shaped JSON document (a list of records with prose, numbers, flags, tags and nested objects; ' +
      'escapes and non-ASCII included) is pushed in chunks of 4, 16 and 64 characters, and a partial value is ' +
      'taken after every chunk. Times are CPU time for the whole stream (median of repeated runs where it is short; ' +
      'CPU rather than wall-clock time because the machine is shared). ' +
      'partial-json, `ai`\'s `parsePartialJson` (awaited) and best-effort-json-parser re-parse the buffer after ' +
      'each chunk; @streamparser/json and ours parse each character once and extend a live tree ' +
      '(@streamparser/json with `keepStack: true, paths: [\'$\']`, its in-progress root read after each chunk; ' +
      'it does not show strings until they close, ours does). Cells marked "est." would have run for too long: ' +
      `the parse was timed at ${SAMPLES} evenly spaced buffer lengths and the total estimated as chunks × mean.`,
    '',
  );
  lines.push(`| document | chunk | ${CONTESTANTS.map((c) => c.name).join(' | ')} |`);
  lines.push(`|---|---|${CONTESTANTS.map(() => '---:').join('|')}|`);
  for (const size of SIZES) {
    for (const chunk of CHUNKS) {
      lines.push(`| ${sizeLabel(size)} | ${chunk} | ${CONTESTANTS.map((c) => formatMs(cell(size, chunk, c))).join(' | ')} |`);
    }
  }
  const ratio = (a: Cell, b: Cell) => `${(a.ms / b.ms).toFixed(a.ms / b.ms >= 100 ? 0 : 2)}x${a.estimated || b.estimated ? ' (est.)' : ''}`;
  const mb = SIZES[2];
  const ourMb = cell(mb, 16, ours);
  lines.push('', 'Ratios (peer time / our time, same run):', '');
  lines.push(`- 1 MB, 16-character chunks: @streamparser/json takes ${ratio(cell(mb, 16, streamparser), ourMb)} our time ` +
    `(ours is ${(ourMb.ms / cell(mb, 16, streamparser).ms * 100).toFixed(0)}% of its time; target ≤ 50%).`);
  for (const chunk of CHUNKS) {
    const base = cell(100_000, chunk, ours);
    lines.push(`- 100 KB, ${chunk}-character chunks: partial-json ${ratio(cell(100_000, chunk, partialJson), base)}, ` +
      `ai parsePartialJson ${ratio(cell(100_000, chunk, aiParse), base)}, best-effort-json-parser ` +
      `${ratio(cell(100_000, chunk, bestEffort), base)}, @streamparser/json ${ratio(cell(100_000, chunk, streamparser), base)} (target ≥ 500x for the first two).`);
  }
  // How good the estimate is: one case both estimated and run in full.
  const calText = docs.get(100_000)!;
  const calChunks = split(calText, 64);
  const calEstimate = await estimate(partialJson, calText, calChunks);
  const calMeasured = await timeOnce(() => partialJson.stream(calChunks));
  lines.push('', `Estimate check: partial-json on 100 KB in 64-character chunks, estimated ${formatMs({ ms: calEstimate, estimated: false })}, ` +
    `run in full ${formatMs({ ms: calMeasured, estimated: false })} (${((calEstimate / calMeasured - 1) * 100).toFixed(0)}%).`);
  const throughput = (mb / 1e6) / (cell(mb, 64, ours).ms / 1000);
  lines.push('', `Our throughput on 1 MB in 64-character chunks: ${throughput.toFixed(0)} MB/s. ` +
    `Node ${process.version}, ${(performance.now() - started) / 1000 | 0} s for the whole benchmark.`);
  console.log(lines.join('\n'));
}

await main();
