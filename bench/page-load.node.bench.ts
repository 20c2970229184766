/**
 * Page load: main-thread time from navigation to idle for the same page with the drop-in, with the most-used
 * web-component peer (deep-chat, a dev dependency, its own single-file bundle), and with no widget, in the
 * same run. Each load is a fresh browser context (cold caches), the variants interleaved; "idle" is the
 * network quiet for 500 ms (anything a widget starts after load is counted) and two idle
 * callbacks passed. Two measures of the page's main thread:
 *   CPU time   the thread time (`tdur`) of its top-level tasks in a Chromium trace: what the page made the
 *              CPU do, which holds still on a shared machine
 *   wall time  Chromium's TaskDuration (CDP Performance.getMetrics): the same tasks from start to end,
 *              which grows with every other process competing for the cores
 * Needs `npm run build` first. `RUNS=n` sets the loads per page (default 9).
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findOrInstallChrome } from '../scripts/find-chrome.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const ROOTS: Record<string, string> = { '/dist/': resolve('dist'), '/deep-chat/': resolve('node_modules/deep-chat/dist') };
const TEXT = '<h1>A product page</h1>' + '<p>Some text a visitor reads while the chat waits in its corner.</p>'.repeat(30);

const VARIANTS: Record<string, string> = {
  'no widget': '',
  'stream-chat drop-in, classic script (inline chat)': `<script src="/dist/stream-chat.iife.js"></script><stream-chat base-url="/v1"></stream-chat>`,
  'stream-chat drop-in, classic script (popup)': `<script src="/dist/stream-chat.iife.js"></script><stream-chat base-url="/v1" mode="popup"></stream-chat>`,
  'stream-chat drop-in, module script (inline chat)': `<script type="module" src="/dist/stream-chat.js"></script><stream-chat base-url="/v1"></stream-chat>`,
  'stream-chat single file (stream-chat.bundle.js, inline chat)': `<script type="module" src="/dist/stream-chat.bundle.js"></script><stream-chat base-url="/v1"></stream-chat>`,
  'deep-chat (peer, deepChat.bundle.js)': `<script type="module" src="/deep-chat/deepChat.bundle.js"></script><deep-chat connect='{"url":"/v1/chat"}'></deep-chat>`,
};
const PEER = 'deep-chat (peer, deepChat.bundle.js)';
const OURS = 'stream-chat drop-in, classic script (inline chat)';

if (!existsSync('dist/stream-chat.iife.js') || !existsSync('node_modules/deep-chat/dist/deepChat.bundle.js')) {
  console.log('## Page load\n\nskipped: run `npm run build` first (and `npm install` for the deep-chat peer).');
  process.exit(0);
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const variant = decodeURIComponent(path.slice(1));
  if (variant in VARIANTS) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>page</title></head><body>${TEXT}${VARIANTS[variant]}</body></html>`);
    return;
  }
  for (const [prefix, root] of Object.entries(ROOTS)) {
    if (!path.startsWith(prefix)) continue;
    const file = resolve(root, path.slice(prefix.length));
    if (!file.startsWith(root + sep) || !existsSync(file)) break;
    res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' });
    res.end(readFileSync(file));
    return;
  }
  res.writeHead(404).end();
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await puppeteer.launch({ executablePath: findOrInstallChrome(), headless: true, args: [...CHROME_ARGS, '--window-size=1280,900'] });

/** Main-thread CPU time of the page's renderer: the thread time of its outermost tasks in the trace. */
function mainThreadCpu(trace: { traceEvents: TraceEvent[] }, url: string): number {
  const events = trace.traceEvents;
  // The renderer that parsed this page's HTML (a new context may start in another one, for about:blank).
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`no ParseHTML for ${url} in the trace`);
  const tasks = events
    .filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.cat.split(',').includes('toplevel'))
    .sort((a, b) => a.ts - b.ts);
  let cpu = 0;
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue; // nested in the task before
    end = task.ts + (task.dur ?? 0);
    cpu += task.tdur ?? 0;
  }
  return cpu / 1000;
}
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { beginData?: { url?: string } };
}

interface Sample {
  cpu: number;
  task: number;
  script: number;
}

async function load(variant: string): Promise<Sample> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { task: get('TaskDuration') * 1000, script: get('ScriptDuration') * 1000 };
  };
  const url = `${origin}/${encodeURIComponent(variant)}`;
  const before = await metric();
  await page.tracing.start({ categories: ['toplevel', 'devtools.timeline'] });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString());
  const after = await metric();
  await context.close();
  return { cpu: mainThreadCpu(trace, url), task: after.task - before.task, script: after.script - before.script };
}

const samples: Record<string, Sample[]> = {};
for (const name of Object.keys(VARIANTS)) samples[name] = [];
await load('no widget'); // warm-up: the browser process itself
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(VARIANTS)) samples[name].push(await load(name));
}
await browser.close();
server.close();

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
/** The middle half of the values (25th to 75th percentile), to show how noisy the run was. */
const middleHalf = (xs: number[], digits = 0, unit = '') => {
  const s = sorted(xs);
  const at = (q: number) => s[Math.round((s.length - 1) * q)].toFixed(digits) + unit;
  return `${at(0.25)}–${at(0.75)}`;
};
const of = (name: string, measure: keyof Sample) => samples[name].map((sample) => sample[measure]);
const BLANK = 'no widget';
const net = (name: string, measure: keyof Sample) => median(of(name, measure)) - median(of(BLANK, measure));
const ratio = (name: string, measure: keyof Sample) => net(name, measure) / net(PEER, measure);
/** Each round loads every page once, in turn: the ratio of one round's net times shares that round's load. */
const roundRatios = (name: string, measure: keyof Sample) =>
  samples[name].map((sample, i) => (sample[measure] - samples[BLANK][i][measure]) / (samples[PEER][i][measure] - samples[BLANK][i][measure]));

const lines = [
  '## Page load (main-thread time, navigation to idle)',
  '',
  `The same page (text, no other script) with each widget; fresh browser context per load, ${RUNS} loads each, interleaved; medians, with the middle half of the loads (25th–75th percentile) for the spread. Net = minus the page without a widget. CPU: the thread time of the page's main-thread tasks (Chromium trace), which holds still on a shared machine; wall: Chromium's TaskDuration, the same tasks from start to end, which grows with every other process on the cores; script: ScriptDuration (JavaScript only, wall). Per round: every page loads once per round, in turn; the ratio of a round's net CPU times, median and middle half over the rounds.`,
  '',
  '| page | main-thread CPU, ms | middle half | net CPU vs deep-chat | per round | wall, ms | middle half | script, ms | net wall vs deep-chat |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const name of Object.keys(VARIANTS)) {
  const isBlank = name === BLANK;
  const rounds = isBlank || name === PEER ? undefined : roundRatios(name, 'cpu');
  lines.push(
    [
      name,
      median(of(name, 'cpu')).toFixed(0),
      middleHalf(of(name, 'cpu')),
      isBlank ? '—' : `${ratio(name, 'cpu').toFixed(2)}×`,
      rounds ? `${median(rounds).toFixed(2)}× (${middleHalf(rounds, 2, '×')})` : '—',
      median(of(name, 'task')).toFixed(0),
      middleHalf(of(name, 'task')),
      median(of(name, 'script')).toFixed(0),
      isBlank ? '—' : `${ratio(name, 'task').toFixed(2)}×`,
    ].join(' | ').replace(/^/, '| ') + ' |',
  );
}
const cpuRatio = ratio(OURS, 'cpu');
const wallRatio = ratio(OURS, 'task');
lines.push(
  '',
  `Target: the drop-in (classic script, inline chat) at most half the peer's net main-thread time: ${cpuRatio <= 0.5 ? 'met' : 'NOT met'} in CPU time (${cpuRatio.toFixed(2)}×), ${wallRatio <= 0.5 ? 'met' : 'not met'} in wall time (${wallRatio.toFixed(2)}×).`,
);
console.log(lines.join('\n'));
