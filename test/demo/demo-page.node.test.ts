// The README's first command serves this page: it must load without errors, show one section per file
// in demo/sections/, and its first chat must answer from the built-in dev model.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROME_ARGS, findOrInstallChrome } from '../../scripts/find-chrome.mjs';

let server: ViteDevServer;
let browser: Browser;
let origin: string;

before(async () => {
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0 } });
  await server.listen();
  origin = server.resolvedUrls!.local[0].replace(/\/$/, '');
  browser = await puppeteer.launch({ executablePath: findOrInstallChrome(), headless: true, args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo page mounts every section and its chat answers from the dev model', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push((error as Error).message));
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.waitForSelector('#sections section stream-chat', { timeout: 60_000 });

  const sectionFiles = readdirSync('demo/sections').filter((f) => f.endsWith('.ts'));
  const sectionCount = await page.$$eval('#sections > section', (list) => list.length);
  assert.equal(sectionCount, sectionFiles.length, 'one section per file');
  const failed = await page.$$eval('#sections .demo-body', (bodies) =>
    bodies.filter((b) => b.textContent?.startsWith('This section failed')).map((b) => b.parentElement?.id),
  );
  assert.deepEqual(failed, []);

  const answer = await page.evaluate(async () => {
    const chat = document.querySelector('#basics stream-chat') as HTMLElement & {
      send(text: string): Promise<{ message: { content: string | null }; error?: { message: string } }>;
    };
    const result = await chat.send('Hello from the demo test');
    return { content: result.message.content ?? '', error: result.error?.message };
  });
  assert.equal(answer.error, undefined);
  assert.ok(answer.content.length > 20, 'the dev model answered');
  assert.deepEqual(errors, [], 'no uncaught error on the page');
  await page.close();
});
