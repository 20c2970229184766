/**
 * What every example does, checked the same way in Chromium: its framework state reaches the element as
 * properties (zod tools, the system prompt), its button calls send() through a ref, its own markup shows
 * what its event handlers saw, and the answer is on screen.
 */
import assert from 'node:assert/strict';
import type { Browser } from 'puppeteer-core';
import type { ExampleServer } from './serve.js';

export const SYSTEM_PROMPT = 'You are the weather desk of Example Air. Answer in one short paragraph.';

export async function driveExample(browser: Browser, server: ExampleServer, path = '/'): Promise<void> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  try {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => {
        const chat = document.querySelector('stream-chat') as any;
        return customElements.get('stream-chat') && chat?.shadowRoot && chat.tools?.length;
      },
      { timeout: 30_000 },
    );
    const props = await page.$eval('stream-chat', (chat: any) => ({
      tool: chat.tools[0].name,
      zodSchema: typeof chat.tools[0].parameters?.safeParse === 'function',
      systemPrompt: chat.systemPrompt,
      attributes: chat.getAttributeNames(),
    }));
    assert.equal(props.tool, 'get_weather');
    assert.ok(props.zodSchema, 'the tool keeps its zod schema');
    assert.equal(props.systemPrompt, SYSTEM_PROMPT);
    assert.ok(
      !props.attributes.some((name: string) => /systemprompt|tools|system-prompt/i.test(name)),
      `properties, not attributes: ${props.attributes.join(' ')}`,
    );

    await page.click('#ask');
    await page.waitForFunction(() => /Turns ended: 1\b/.test(document.querySelector('#status')?.textContent ?? ''), {
      timeout: 30_000,
    });
    const status = await page.$eval('#status', (output) => output.textContent ?? '');
    assert.match(status, /Tools run: get_weather/, 'the tool-end handler ran in framework code');
    // The answer quotes the tool's result; it is on screen once the smoothed text has caught up.
    await page.waitForFunction(
      () => {
        const answers = document.querySelector('stream-chat')?.shadowRoot?.querySelectorAll('[part~="assistant-message"] .markdown');
        return [...(answers ?? [])].some((body) => body.textContent?.includes('sunny'));
      },
      { timeout: 15_000 },
    );

    const first = server.modelRequests[0];
    assert.ok(first, 'the element called the model');
    assert.deepEqual(first.messages[0], { role: 'system', content: SYSTEM_PROMPT });
    const tool = first.tools?.[0]?.function;
    assert.equal(tool?.name, 'get_weather');
    assert.equal(tool?.parameters?.properties?.city?.type, 'string', 'the zod schema was sent as JSON Schema');
    assert.deepEqual(problems, [], 'no error on the page');
  } finally {
    await page.close();
  }
}
