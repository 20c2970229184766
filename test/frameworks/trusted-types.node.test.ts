// The built script under a strict Content-Security-Policy with Trusted Types, as a security-minded site
// serves it: with the two documented policies allowed, markdown, tools and structured output stream with
// no violation; with "dompurify" missing, answers still show (as plain text) and the chat says why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findOrInstallChrome } from '../../scripts/find-chrome.mjs';
import { ROOT } from '../examples/stage.js';
import { serveExample, type ExampleServer } from '../examples/serve.js';

const PAGE = '/test/frameworks/trusted-types.html';
let browser: Browser;

before(async () => {
  browser = await puppeteer.launch({ executablePath: findOrInstallChrome(), headless: true, args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
});

async function open(policies: string): Promise<{ page: Page; server: ExampleServer; pageErrors: string[] }> {
  const server = await serveExample(ROOT, {
    'content-security-policy': `require-trusted-types-for 'script'; trusted-types ${policies}`,
  });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push((error as Error).message));
  await page.goto(`${server.origin}${PAGE}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as any).ready && (document.querySelector('stream-chat') as any)?.shadowRoot, {
    timeout: 30_000,
  });
  return { page, server, pageErrors };
}

/** Sends `prompt` and waits until the last answer shows `selector` in its rendered body. */
async function ask(page: Page, prompt: string, selector: string): Promise<void> {
  const error = await page.evaluate(async (text) => (await (document.querySelector('stream-chat') as any).send(text)).error?.message, prompt);
  assert.equal(error, undefined, `the turn for "${prompt}" ended without error`);
  await page.waitForFunction(
    (sel) => {
      const answers = document.querySelector('stream-chat')!.shadowRoot!.querySelectorAll('[part~="assistant-message"]');
      return answers[answers.length - 1]?.querySelector(sel);
    },
    { timeout: 20_000 },
    selector,
  );
}

test('with trusted-types lit-html dompurify: markdown, tools and structured output, zero violations', { timeout: 180_000 }, async () => {
  const { page, server, pageErrors } = await open('lit-html dompurify');
  try {
    await ask(page, 'Show me markdown formatting: a table and some python code', '.markdown table');
    await ask(page, 'And a checklist', '.markdown li');
    await page.evaluate(() => ((document.querySelector('stream-chat') as any).tools = [(window as any).weatherTool]));
    await ask(page, 'Use get_weather in Paris', '[part~="tool-call"]');
    await page.waitForFunction(() =>
      [...document.querySelector('stream-chat')!.shadowRoot!.querySelectorAll('[part~="assistant-message"] .markdown')].some((m) =>
        m.textContent?.includes('sunny'),
      ),
    );
    await page.evaluate(() => {
      const chat = document.querySelector('stream-chat') as any;
      chat.tools = undefined;
      chat.schema = (window as any).summarySchema;
    });
    await ask(page, 'Summarize the week', '[part~="object"]');
    const object = await page.evaluate(() => (document.querySelector('stream-chat') as any).messages.at(-1).content);
    assert.ok(JSON.parse(object).points.length > 0, 'the structured answer arrived');
    assert.deepEqual(await page.evaluate(() => (window as any).violations), [], 'no Trusted Types violation');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(await page.evaluate(() => (window as any).errors), []);
  } finally {
    await page.close();
    await server.close();
  }
});

test('with the "dompurify" policy missing: the answer shows as text and the chat says which policy to allow', { timeout: 120_000 }, async () => {
  const { page, server } = await open('lit-html');
  try {
    await ask(page, 'Show me markdown formatting: a table and some python code', '.markdown p');
    const shown = await page.evaluate(() => {
      const chat = document.querySelector('stream-chat')!;
      return chat.shadowRoot!.querySelector('[part~="assistant-message"] .markdown')!.textContent ?? '';
    });
    assert.ok(shown.length > 50, `the answer is on screen as text: "${shown.slice(0, 80)}"`);
    const banner = await page.$eval('stream-chat', (chat) => chat.shadowRoot!.querySelector('[part="error-message"]')?.textContent ?? '');
    assert.match(banner, /Trusted Types/);
    assert.match(banner, /trusted-types lit-html dompurify/);
    const errors = await page.evaluate(() => (window as any).errors);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].kind, 'config');
  } finally {
    await page.close();
    await server.close();
  }
});
