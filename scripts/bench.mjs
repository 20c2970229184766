// `npm run bench [name ...]`: runs every benchmark in bench/ (or the named ones) in one go and prints
// their Markdown sections; the whole report is also written to .bench-out/report.md.
//   bench/<name>.node.bench.ts      run in Node (tsx), prints its section
//   bench/<name>.browser.bench.ts   run in headless Chromium on the Vite dev server (dev model at /v1)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findOrInstallChrome } from './find-chrome.mjs';

const BROWSER_TIMEOUT_MS = 15 * 60_000;
const wanted = process.argv.slice(2);
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort();
const pick = (suffix) =>
  files
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length))
    .filter((name) => wanted.length === 0 || wanted.includes(name));

const sections = [];
let failed = false;

for (const name of pick('.node.bench.ts')) {
  console.error(`• ${name} (node)`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${name}.node.bench.ts`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) failed = true;
  sections.push(run.stdout.trim() || `## ${name}\n\nfailed (exit ${run.status})`);
}

const browserBenches = pick('.browser.bench.ts');
if (browserBenches.length) {
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0 } });
  await server.listen();
  const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
  const browser = await puppeteer.launch({
    executablePath: findOrInstallChrome(),
    headless: true,
    args: [...CHROME_ARGS, '--window-size=1280,900', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    protocolTimeout: BROWSER_TIMEOUT_MS,
    // Puppeteer enables DevTools' Network domain by default, and with it the page keeps a copy of every
    // response body for the inspector: a 7 MB streamed answer cost a task of over a second that no user's
    // page pays. Nothing here reads network events.
    networkEnabled: false,
  });
  try {
    for (const name of browserBenches) {
      console.error(`• ${name} (browser)`);
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      if (process.env.BENCH_LOG) page.on('console', (m) => console.error(`  ${m.text()}`));
      page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
      // Chromium's own main-thread accounting (TaskDuration, ScriptDuration, LayoutDuration... in seconds),
      // for benchmarks that report how busy the page was: `await window.__benchMetrics()`.
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable');
      await page.exposeFunction('__benchMetrics', async () =>
        Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])),
      );
      // BENCH_ONLY=a,b passes `only` to a browser benchmark that has parts (to rerun some of them).
      const only = process.env.BENCH_ONLY ? `&only=${encodeURIComponent(process.env.BENCH_ONLY)}` : '';
      // BENCH_PARAMS=a=1&b=2 passes more query parameters (a benchmark's sizes, to cut a run short).
      const params = process.env.BENCH_PARAMS ? `&${process.env.BENCH_PARAMS}` : '';
      await page.goto(`${origin}/bench/runner.html?name=${encodeURIComponent(name)}${only}${params}`);
      await page.waitForFunction('window.__benchResult', { timeout: BROWSER_TIMEOUT_MS, polling: 500 });
      const result = await page.evaluate('window.__benchResult');
      if (!result.ok) failed = true;
      sections.push(result.ok ? result.markdown.trim() : `## ${name}\n\nfailed:\n\n\`\`\`\n${result.markdown}\n\`\`\``);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const header = `<!-- npm run bench, ${new Date().toISOString()}, node ${process.version} -->`;
const report = [header, ...sections].join('\n\n') + '\n';
mkdirSync('.bench-out', { recursive: true });
writeFileSync('.bench-out/report.md', report);
console.log(report);
process.exit(failed ? 1 : 0);
