/**
 * Page load: main-thread time from navigation to idle for the same page with the drop-in, with the most-used
 * web-component peer (deep-chat, a dev dependency, its own single-file bundle), and with no widget, in the
 * same run. Each load is a fresh browser context (cold caches), the variants interleaved; "idle" is the
 * network quiet for 500 ms (anything a widget starts after load is counted) and two idle
 * callbacks passed. Main-thread time is Chromium's TaskDuration (CDP Performance.getMetrics). Needs
 * `npm run build` first.
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

async function load(variant: string): Promise<{ task: number; script: number }> {
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
  const before = await metric();
  await page.goto(`${origin}/${encodeURIComponent(variant)}`, { waitUntil: 'networkidle0' });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => requestIdleCallback(r))));
  const after = await metric();
  await context.close();
  return { task: after.task - before.task, script: after.script - before.script };
}

const samples: Record<string, { task: number[]; script: number[] }> = {};
for (const name of Object.keys(VARIANTS)) samples[name] = { task: [], script: [] };
await load('no widget'); // warm-up: the browser process itself
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(VARIANTS)) {
    const { task, script } = await load(name);
    samples[name].task.push(task);
    samples[name].script.push(script);
  }
}
await browser.close();
server.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const blank = median(samples['no widget'].task);
const net = (name: string) => median(samples[name].task) - blank;
const peerNet = net(PEER);
const lines = [
  '## Page load (main-thread time, navigation to idle)',
  '',
  `The same page (text, no other script) with each widget; fresh browser context per load, ${RUNS} loads each, interleaved; medians. Net = minus the page without a widget. Chromium TaskDuration (all main-thread tasks) and ScriptDuration (JavaScript only).`,
  '',
  '| page | main thread, ms | script, ms | net of no widget, ms | net vs deep-chat |',
  '|---|---:|---:|---:|---:|',
];
for (const name of Object.keys(VARIANTS)) {
  const isBlank = name === 'no widget';
  lines.push(
    `| ${name} | ${median(samples[name].task).toFixed(0)} | ${median(samples[name].script).toFixed(0)} | ${isBlank ? '—' : net(name).toFixed(0)} | ${isBlank ? '—' : `${(net(name) / peerNet).toFixed(2)}×`} |`,
  );
}
const ratio = net(OURS) / peerNet;
lines.push('', `Target: the drop-in (classic script, inline chat) at most half the peer's net main-thread time: ${ratio <= 0.5 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×).`);
console.log(lines.join('\n'));
