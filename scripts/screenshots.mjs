// Pictures of the real demo page for the README: `npm run screenshots` serves the page on a free port, asks
// the hero chat a question on the local dev model, and saves what a visitor sees while it streams and when it
// is done, on a laptop (light and dark) and on a phone. The images are committed, so rerun after a UI change.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findOrInstallChrome } from './find-chrome.mjs';

const OUT = 'docs/images';
const QUESTION = 'Explain how HTTP caching works, with a table';

const shots = [
  { file: 'demo-streaming.png', width: 1280, height: 800, scheme: 'light', at: 'streaming' },
  { file: 'demo-dark.png', width: 1280, height: 800, scheme: 'dark', at: 'done' },
  { file: 'demo-phone.png', width: 390, height: 844, scheme: 'light', at: 'done', mobile: true },
];

mkdirSync(OUT, { recursive: true });
const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0 } });
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await puppeteer.launch({ executablePath: findOrInstallChrome(), headless: true, args: CHROME_ARGS });

try {
  for (const shot of shots) {
    const page = await browser.newPage();
    await page.setViewport({ width: shot.width, height: shot.height, deviceScaleFactor: shot.mobile ? 2 : 1, isMobile: !!shot.mobile, hasTouch: !!shot.mobile });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('#hero-chat stream-chat');
    // A steady pace, so the "streaming" picture catches the answer half written.
    await page.evaluate(async (question, pace) => {
      const chat = document.querySelector('#hero-chat stream-chat');
      chat.model = `dev;rate=${pace};burst=0`;
      await chat.updateComplete;
      void chat.send(question);
    }, QUESTION, shot.at === 'streaming' ? 220 : 0);
    await page.waitForFunction(
      (at) => {
        const chat = document.querySelector('#hero-chat stream-chat');
        const answers = chat.shadowRoot.querySelectorAll('[part~="assistant-message"]');
        const text = answers[answers.length - 1]?.textContent ?? '';
        // Streaming: caught once the table has begun; done: the whole answer is in.
        return at === 'streaming' ? chat.busy && text.includes('max-age') : !chat.busy && text.length > 200;
      },
      { timeout: 60_000, polling: 100 },
      shot.at,
    );
    await page.screenshot({ path: `${OUT}/${shot.file}` });
    console.log(`${OUT}/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
