// The README's first command serves this page, and it is the first thing a developer judges: it must load
// without errors, open on a chat one can type into at once (laptop and phone), keep the popup launcher off
// every control, and every suggestion it offers must get an answer from the built-in dev model.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
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

/** The page at a viewport, with every failed request and uncaught error collected. */
async function open(width: number, height: number, mobile = false): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${(error as Error).message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.setViewport({ width, height, isMobile: mobile, hasTouch: mobile });
  // The TypeScript runner names functions with a helper that exists here, not in the page.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn');
  await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('#hero-chat stream-chat', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('stream-chat[mode="popup"]')?.shadowRoot?.querySelector('[part~="launcher"]'), { timeout: 30_000 });
  return { page, problems };
}

test('the page mounts every section, builds the tour from them, and loads with no 404 and no error', { timeout: 120_000 }, async () => {
  const { page, problems } = await open(1280, 800);
  const files = readdirSync('demo/sections').filter((f) => f.endsWith('.ts'));
  const mounted = await page.$$eval('#sections > section', (list) => list.length);
  const inHero = await page.$$eval('#hero-chat > *', (list) => (list.length ? 1 : 0));
  assert.equal(mounted + inHero, files.length, 'one section per file');
  const failed = await page.$$eval('.demo-body, .hero-body', (bodies) =>
    bodies.filter((b) => b.textContent?.startsWith('This section failed')).map((b) => b.parentElement?.id),
  );
  assert.deepEqual(failed, []);
  // Every tour link leads to a section on the page.
  const broken = await page.$$eval('#toc a', (links) => links.filter((a) => !document.getElementById(a.getAttribute('href')!.slice(1))).map((a) => a.textContent));
  assert.deepEqual(broken, []);
  assert.ok((await page.$$('#toc a')).length >= 8, 'a tour of the capabilities');
  assert.deepEqual(problems, []);
  await page.close();
});

for (const [width, height, mobile] of [[1280, 800, false], [390, 844, true]] as const) {
  test(`at ${width}x${height} a chat is in the first viewport, ready to type into, and answers`, { timeout: 120_000 }, async () => {
    const { page, problems } = await open(width, height, mobile);
    const where = await page.evaluate(() => {
      const chat = document.querySelector('#hero-chat stream-chat')!;
      const input = chat.shadowRoot!.querySelector('[part~="input"]')!.getBoundingClientRect();
      const x = input.left + input.width / 2;
      const y = input.top + input.height / 2;
      return { scrollY, bottom: input.bottom, right: input.right, top: chat.getBoundingClientRect().top, onTop: document.elementFromPoint(x, y) === chat };
    });
    assert.equal(where.scrollY, 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `nothing wider than the screen (${overflow} px too wide)`);
    assert.ok(where.bottom <= height && where.right <= width, `the message box is on screen (${where.bottom} <= ${height})`);
    assert.ok(where.onTop, 'nothing covers the message box');
    // Typing goes straight in; Enter streams an answer.
    await page.evaluate(() => document.querySelector('#hero-chat stream-chat')!.shadowRoot!.querySelector<HTMLElement>('[part~="input"]')!.focus());
    await page.keyboard.type('Explain how HTTP caching works');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => [...document.querySelector('#hero-chat stream-chat')!.shadowRoot!.querySelectorAll('[part~="assistant-message"]')].some((m) => m.textContent!.includes('Cache-Control')),
      { timeout: 60_000 },
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
}

for (const [width, height, mobile] of [[800, 900, false], [390, 844, true]] as const) {
  test(`at ${width} px wide the popup launcher covers no control, wherever the page is scrolled`, { timeout: 120_000 }, async () => {
    const { page } = await open(width, height, mobile);
    const covered = await page.evaluate(async () => {
      const popup = document.querySelector('stream-chat[mode="popup"]')!;
      const found = new Set<string>();
      const controls = () => {
        const list = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]')];
        for (const chat of document.querySelectorAll('stream-chat:not([mode="popup"])')) {
          list.push(...chat.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea'));
        }
        return list.filter((el) => el.getClientRects().length > 0);
      };
      const step = innerHeight / 2;
      for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
        scrollTo({ top: y, behavior: 'instant' });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const launcher = popup.shadowRoot!.querySelector('[part~="launcher"]')!.getBoundingClientRect();
        for (const control of controls()) {
          const box = control.getBoundingClientRect();
          const left = Math.max(box.left, launcher.left);
          const right = Math.min(box.right, launcher.right);
          const top = Math.max(box.top, launcher.top);
          const bottom = Math.min(box.bottom, launcher.bottom);
          if (right - left < 1 || bottom - top < 1) continue;
          // Overlapping boxes are fine only when something opaque (the phone's bottom bar) hides the control there.
          const host = (control.getRootNode() as ShadowRoot).host ?? control;
          const stack = document.elementsFromPoint((left + right) / 2, (top + bottom) / 2);
          const bar = stack.findIndex((el) => el.classList.contains('bottombar'));
          const under = stack.indexOf(host as Element);
          if (bar === -1 || (under !== -1 && under < bar)) found.add(`${control.textContent?.trim() || control.getAttribute('aria-label') || control.tagName} at scroll ${y}`);
        }
      }
      return [...found];
    });
    assert.deepEqual(covered, []);
    await page.close();
  });
}

test('every suggestion in every section gets an answer from the dev model', { timeout: 600_000 }, async () => {
  const { page, problems } = await open(1280, 800);
  const outcomes = await page.evaluate(async () => {
    type Chat = HTMLElement & {
      starterPrompts: string[];
      model: string;
      schema?: unknown;
      send(text: string): Promise<{ message: { content: string | null }; messages: { role: string; content: string | null }[]; finishReason: string; object?: unknown; error?: { message: string } }>;
      newConversation(): Promise<void>;
    };
    const chats = [...document.querySelectorAll<Chat>('stream-chat')];
    const results: { where: string; prompt: string; problem?: string }[] = [];
    await Promise.all(
      chats.map(async (chat) => {
        const where = chat.closest('section')?.id || (chat.getAttribute('mode') === 'popup' ? 'popup' : 'hero');
        // Tools that ask first are allowed, as a visitor would.
        chat.addEventListener('stream-chat-tool-approval', (event) => (event as CustomEvent).detail.approve());
        // Same answers, without the pauses some sections add so a visitor can watch them stream.
        if (chat.model.startsWith('dev')) chat.model = `${chat.model};rate=0`;
        for (const prompt of chat.starterPrompts ?? []) {
          const result = await chat.send(prompt);
          const text = result.message.content ?? '';
          const failedTool = result.messages.find((m) => m.role === 'tool' && /error|failed|unexpected/i.test(m.content ?? ''));
          const problem = result.error
            ? result.error.message
            : result.finishReason !== 'stop'
              ? `finished with ${result.finishReason}`
              : failedTool
                ? `a tool failed: ${failedTool.content}`
                : chat.schema
                  ? result.object === undefined ? 'no object' : undefined
                  : text.length < 20
                    ? 'an empty answer'
                    : /offline development model/.test(text)
                      ? 'an off-topic answer'
                      : undefined;
          results.push({ where, prompt, problem });
        }
      }),
    );
    return results;
  });
  assert.ok(outcomes.length >= 20, `suggestions tried: ${outcomes.length}`);
  assert.deepEqual(outcomes.filter((o) => o.problem), []);
  assert.deepEqual(problems, []);
  await page.close();
});
