// The README's drop-in, as a newcomer follows it: build the drop-in (the classic script and the parts
// it loads from beside itself), copy dist/ next to the page the README shows, serve that folder as any
// static server does, start the dev model standalone, open the page and ask something. The answer must
// stream in, with no failed request and no error. Only the ports differ (free ones).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startDevServer } from '../../dev-model/serve.js';
import { CHROME_ARGS, findOrInstallChrome } from '../../scripts/find-chrome.mjs';

function readmePage(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = readme.match(/Copy the `dist\/` folder[\s\S]*?```html\n([\s\S]*?)```/);
  assert.ok(block, 'the README shows a whole page');
  return block[1].replace(/^ {3}/gm, '');
}

test("the README's own page streams an answer from the standalone dev model", { timeout: 240_000 }, async () => {
  const html = readmePage();
  assert.match(html, /<script src="dist\/stream-chat\.iife\.js"><\/script>/);
  assert.match(html, /base-url="http:\/\/localhost:8787\/v1"/);
  assert.match(readFileSync('package.json', 'utf8'), /"dev-model": "node --import tsx dev-model\/serve\.ts --port 8787"/);

  const dir = mkdtempSync(join(tmpdir(), 'stream-chat-drop-in-'));
  const model = await startDevServer(0);
  const browser = await puppeteer.launch({ executablePath: findOrInstallChrome(), headless: true, args: CHROME_ARGS });
  const closers: (() => Promise<void>)[] = [];
  try {
    // The build steps of `npm run build` that write the drop-in: its module and parts, then the classic script.
    for (const mode of ['dropin', 'iife']) {
      const build = spawnSync('npx', ['vite', 'build', '--mode', mode, '--outDir', join(dir, 'dist'), '--logLevel', 'error'], { encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    writeFileSync(join(dir, 'index.html'), html.replace('http://localhost:8787', model.origin));
    // `python3 -m http.server` in that folder, as the README says: files as they are, with their types.
    const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', json: 'application/json', map: 'application/json' };
    const files = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html');
      try {
        const body = readFileSync(join(dir, path));
        res.writeHead(200, { 'content-type': types[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => files.close(() => resolve())));

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`error: ${(error as Error).message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    // The browser asks any HTTP page for /favicon.ico: that icon is the page's business, not the widget's.
    const pageIcon = (url: string) => url.endsWith('/favicon.ico');
    page.on('console', (message) => message.type() === 'error' && !pageIcon(message.location()?.url ?? '') && problems.push(`console: ${message.text()}`));
    page.on('response', (response) => response.status() >= 400 && !pageIcon(response.url()) && problems.push(`${response.status()} ${response.url()}`));
    await page.goto(`http://127.0.0.1:${(files.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('stream-chat')?.shadowRoot?.querySelector('[part~="input"]'));
    await page.evaluate(() => document.querySelector('stream-chat')!.shadowRoot!.querySelector<HTMLElement>('[part~="input"]')!.focus());
    await page.keyboard.type('Explain how HTTP caching works');
    await page.keyboard.press('Enter');

    // Streaming: the answer is seen at several lengths before it is complete.
    const lengths = new Set<number>();
    await page.exposeFunction('noteLength', (n: number) => lengths.add(n));
    await page.waitForFunction(
      async () => {
        const chat = document.querySelector('stream-chat') as HTMLElement & { busy: boolean };
        const answer = chat.shadowRoot!.querySelector('[part~="assistant-message"]')?.textContent ?? '';
        if (answer.length) await (window as unknown as { noteLength(n: number): Promise<void> }).noteLength(answer.length);
        return !chat.busy && answer.includes('Cache-Control');
      },
      { timeout: 60_000, polling: 'raf' },
    );
    assert.ok(lengths.size >= 3, `seen while streaming: ${[...lengths].join(', ')}`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    for (const close of closers) await close();
    await model.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
