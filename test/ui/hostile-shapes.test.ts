// Answers shaped to break a renderer: absurd nesting, endless lines, pathological emphasis, a
// whole answer of 100,000 chunks in one network read. Each
// must end with the end of the answer on screen (or a clear error), send() resolved, nothing thrown
// into the page. How long they take is measured by `npm run bench` (hostile), not here.
import { assert } from 'chai';
import * as z from 'zod';
import { collect, runChat } from '../../src/core/index.js';
import { markdownPart } from '../../src/render/index.js';
import { MAX_INDENT } from '../../src/render/nesting-guard.js';
import { SPOKEN_LIMIT } from '../../src/render/spoken-text.js';
import { TextBody } from '../../src/ui/text-body.js';
import { $$, chat, cleanup, part, parts, waitFor } from './helpers.js';

const HOSTILE = 'http://hostile.invalid/answer';
let body = '';
const realFetch = window.fetch;

/** The SSE backend's wire format, the whole answer delivered in one read. */
function sseBody(text: string, chunk: number): string {
  let out = '';
  for (let i = 0; i < text.length; i += chunk) out += `data: ${JSON.stringify({ delta: text.slice(i, i + chunk) })}\n\n`;
  return out + 'data: [DONE]\n\n';
}

/** Chat Completions chunks, the whole body in one read. */
function openaiBody(text: string, chunk: number): string {
  const head = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm' };
  const line = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ ...head, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  let out = line({ role: 'assistant', content: '' });
  for (let i = 0; i < text.length; i += chunk) out += line({ content: text.slice(i, i + chunk) });
  return out + line({}, 'stop') + 'data: [DONE]\n\n';
}

const problems: string[] = [];
const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${e.reason}`);
const onError = (e: ErrorEvent) => problems.push(`error: ${e.message}`);

async function answer(text: string, setup: Parameters<typeof chat>[1] = () => {}) {
  body = sseBody(text, 4);
  const el = await chat('dev', (e) => {
    e.provider = 'sse';
    e.endpoint = HOSTILE;
    setup(e);
  });
  const result = await el.send('go');
  await shown(el);
  return { el, result };
}

/** A node of `{"a":{"a":…"text"…}}`, any depth. */
function deepSchema() {
  const node: z.ZodType<{ a: string | object }> = z.lazy(() => z.object({ a: z.union([z.string(), node]) }));
  return node;
}

async function structured(json: string, schema: z.ZodType) {
  body = sseBody(json, 16);
  const el = await chat('dev', (e) => {
    e.provider = 'sse';
    e.endpoint = HOSTILE;
    e.schema = schema;
  });
  const result = await el.send('go');
  await waitFor(() => !el.busy, 'the turn to end', 90_000);
  await el.updateComplete;
  await waitFor(() => part(el, 'object') && !el.busy, 'the object view', 90_000);
  return { el, result };
}

/** The whole answer on screen. These shapes are slow by design; the wait is generous (the bench times them). */
async function shown(el: Awaited<ReturnType<typeof chat>>): Promise<void> {
  await waitFor(() => !el.busy, 'the turn to end', 90_000);
  await el.updateComplete;
  // The answer's container first (the messages' templates may still be loading), then all of it complete.
  await waitFor(() => $$(el, '.markdown').length > 0 && $$(el, '.markdown:not([data-complete])').length === 0, 'the answer to be fully shown', 90_000);
}

describe('hostile answer shapes', function () {
  this.timeout(200_000);

  before(() => {
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(HOSTILE)) return realFetch(input, init);
      return new Response(new TextEncoder().encode(body), { headers: { 'content-type': 'text/event-stream' } });
    };
    addEventListener('unhandledrejection', onRejection);
    addEventListener('error', onError);
  });
  after(() => {
    window.fetch = realFetch;
    removeEventListener('unhandledrejection', onRejection);
    removeEventListener('error', onError);
  });
  beforeEach(() => (problems.length = 0));
  afterEach(() => {
    cleanup();
    assert.deepEqual(problems, [], 'nothing thrown into the page');
  });

  it('10,000 nested quotes: shown flattened with a note, the end of the answer shown', async () => {
    const { el, result } = await answer(`${'>'.repeat(10_000)} deep\n\nEND-OF-QUOTES`);
    assert.isUndefined(result.error, result.error?.message);
    const md = part(el, 'markdown')!;
    assert.include(md.textContent, 'END-OF-QUOTES');
    assert.isAtMost(md.querySelectorAll('blockquote').length, 32);
    assert.exists(md.querySelector('.md-notice'), 'a note says the nesting was flattened');
  });

  it('a list nested 500 deep: flattened, every item shown', async () => {
    const list = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const { el, result } = await answer(`${list}\n\nEND-OF-LIST`);
    assert.isUndefined(result.error, result.error?.message);
    const md = part(el, 'markdown')!;
    assert.include(md.textContent, 'item 499');
    assert.include(md.textContent, 'END-OF-LIST');
    let depth = 0;
    for (let node: Element | null = md.querySelector('li:not(:has(li))'); node && node !== md; node = node.parentElement) if (node.tagName === 'UL') depth++;
    assert.isAtMost(depth, MAX_INDENT / 2 + 1, 'indentation past MAX_INDENT columns makes siblings');
    assert.exists(md.querySelector('.md-notice'));
  });

  it('*a**a**a… 50,000 long and a 100 KB line without a newline: the end shown', async () => {
    const { el, result } = await answer(`${'*a*'.repeat(16_667)}\n\n${'x'.repeat(100_000)}END-OF-LINE`);
    assert.isUndefined(result.error, result.error?.message);
    const md = part(el, 'markdown')!;
    assert.include(md.textContent, 'END-OF-LINE');
    assert.isAtLeast(md.textContent!.length, 100_000 + 16_667);
    const region = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    await waitFor(() => region.textContent!.trim(), 'the answer announced');
    assert.isAtMost(region.textContent!.trim().length, SPOKEN_LIMIT + 1, 'the live region reads the start, not 117 KB');
  });

  it('a structured answer nested 10,000 deep: an answer or a clear error, the deepest value shown', async () => {
    const depth = 10_000;
    const json = '{"a":'.repeat(depth) + '"END-OF-DEPTH"' + '}'.repeat(depth);
    const { el, result } = await structured(json, deepSchema());
    assert.equal(result.message.content, json, 'the raw answer is kept whole');
    if (result.error) assert.match(result.error.message, /deep|nest/i, 'the error says what happened');
    else assert.isDefined(result.object);
    const view = part(el, 'object')!;
    assert.include(view.textContent, 'END-OF-DEPTH', 'the end of the answer is on screen');
    assert.exists(view.querySelector('.ov-deep-note'), 'a note says the value is shown as text below some depth');
  });

  it('a structured answer of 100,000 [: a clear error, nothing thrown', async () => {
    const json = '['.repeat(100_000);
    const { el, result } = await structured(json, z.object({ a: z.string() }));
    assert.exists(result.error, 'the unfinished value is an error');
    assert.notMatch(result.error!.message, /call stack/i, 'the error says what happened');
    assert.exists(part(el, 'error'), 'the widget shows it');
    assert.equal(result.message.content, json);
  });

  it('an answer of 100,000 [ as text: the end shown', async () => {
    const { el, result } = await answer(`${'['.repeat(100_000)}\n\nEND-OF-BRACKETS`);
    assert.isUndefined(result.error, result.error?.message);
    assert.include(part(el, 'markdown')!.textContent, 'END-OF-BRACKETS');
  });

  it('100,000 chunks in one read (OpenAI format): the whole answer, in order', async () => {
    const text = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 999 ? '\n\n' : 'ab')).join('') + 'END-OF-CHUNKS';
    body = openaiBody(text, 2);
    const el = await chat('m', (e) => (e.baseUrl = 'http://hostile.invalid/answer/v1'));
    const result = await el.send('go');
    await shown(el);
    assert.isUndefined(result.error, result.error?.message);
    assert.equal(result.message.content, text);
    assert.include(parts(el, 'markdown').at(-1)!.textContent, 'END-OF-CHUNKS');
  });

  it('a 1 MB answer in one read: rendered a part at a time over many frames, the end shown', async () => {
    const section = '## A heading\n\nA paragraph with **bold** and `code` and [a link](https://example.com).\n\n- one\n- two\n\n';
    const text = section.repeat(Math.ceil(1_000_000 / section.length)) + 'END-OF-ANSWER';
    // Each callback is one batch of changes inside the answer: one per frame that rendered some of it.
    let batches = 0;
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.target instanceof Element && r.target.closest('.markdown'))) batches++;
    });
    body = sseBody(text, 2_000);
    const el = await chat('dev', (e) => {
      e.provider = 'sse';
      e.endpoint = HOSTILE;
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    const result = await el.send('go');
    await shown(el);
    observer.disconnect();
    assert.isUndefined(result.error, result.error?.message);
    assert.equal(result.message.content, text);
    assert.include(part(el, 'markdown')!.textContent, 'END-OF-ANSWER');
    assert.isAtLeast(batches, 16, 'not rendered in one go');
    // Finished parts are DOM only in the renderer: the message keeps the text, and copy gives all of it.
    assert.equal(el.messages.at(-1)!.content, text);
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    try {
      parts(el, 'copy-button').at(-1)!.click();
      await waitFor(() => copied.length > 0);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
    assert.equal(copied[0], text);
  });

  it('a 300 KB message set whole (history): shown complete, a part at a time', async () => {
    const markdown = await markdownPart.load();
    assert.exists(markdown);
    const container = document.createElement('div');
    document.body.append(container);
    let batches = 0;
    const observer = new MutationObserver(() => batches++);
    observer.observe(container, { childList: true, subtree: true });
    const text = '| a | b |\n|---|---|\n' + '| cell | another cell |\n'.repeat(2_000) + '\nA paragraph. '.repeat(10_000) + '\n\nEND-OF-MESSAGE';
    const textBody = new TextBody();
    textBody.attach(container, {});
    textBody.setText(text);
    await textBody.shown;
    observer.disconnect();
    assert.equal(textBody.text, text);
    assert.include(container.textContent, 'END-OF-MESSAGE');
    assert.equal(container.querySelectorAll('tr').length, 2_001, 'every row of the table');
    assert.isTrue(container.hasAttribute('data-complete'));
    assert.isAtLeast(batches, 4, 'not rendered in one go');
    textBody.dispose();
    container.remove();
  });

  it('the engine gives the page a turn while it works through one huge read', async () => {
    body = openaiBody('ab'.repeat(20_000), 2);
    const run = runChat({ baseURL: 'http://hostile.invalid/answer/v1', messages: [{ role: 'user', content: 'go' }] });
    let tasksDuringBurst = 0;
    let ended = false;
    let first = true;
    const tick = () => {
      if (ended) return;
      tasksDuringBurst++;
      setTimeout(tick, 0);
    };
    const { result, events } = await collect({
      result: run.result,
      abort: run.abort,
      async *[Symbol.asyncIterator]() {
        for await (const event of run) {
          if (first && event.type === 'text') {
            first = false;
            setTimeout(tick, 0); // a task queued while the burst is being handled
          }
          if (event.type === 'end') ended = true;
          yield event;
        }
      },
    });
    assert.isUndefined(result.error);
    assert.equal(events.filter((e) => e.type === 'text').length, 20_000);
    assert.isAbove(tasksDuringBurst, 0, 'other tasks ran before the burst was through');
  });
});
