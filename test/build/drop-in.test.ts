/**
 * The drop-in as site owners paste it, on pages that hold only the element and one script tag: its lazy
 * parts must be found beside the script wherever it is served from (a subfolder, a CDN path on another
 * origin), load under a strict CSP with Trusted Types, make a first message sent at once wait rather than
 * fail, and say so with a retry when they cannot be downloaded. Served by test/build/drop-in-server.ts.
 */
import { assert } from 'chai';

type ChatResult = { message: { content: string | null }; error?: { kind: string; message: string } };
type ChatElement = HTMLElement & { send(text: string): Promise<ChatResult> };
type PageWindow = Window & typeof globalThis & { violations: string[]; StreamChat?: Record<string, unknown> };

const SUBFOLDER = '/drop-in/sub/folder/dist/';
let cdn = '';

async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Tells the server which part files fail (by a piece of their name) and how long every part takes. */
async function parts(options: { fail?: string; delay?: number } = {}): Promise<void> {
  await fetch(`/drop-in/parts?fail=${encodeURIComponent(options.fail ?? '')}&delay=${options.delay ?? 0}`);
}

async function openPage(
  script: string,
  { module = false, csp = false, storageKey = '' } = {},
): Promise<{ win: PageWindow; chat: ChatElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = '600px';
  frame.style.height = '500px';
  const stored = storageKey ? `&storage=indexeddb&key=${storageKey}` : '';
  frame.src = `/drop-in/page?script=${encodeURIComponent(script)}&type=${module ? 'module' : 'classic'}&csp=${csp ? 1 : 0}${stored}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await win.customElements.whenDefined('stream-chat');
  return { win, chat: win.document.querySelector('stream-chat') as ChatElement };
}

const inShadow = (chat: ChatElement, selector: string) => chat.shadowRoot!.querySelector<HTMLElement>(selector);

/** The last answer's rendered text body, once the markdown part has rendered all of it. */
const renderedAnswer = (chat: ChatElement) =>
  waitFor('the answer rendered as markdown', () => {
    const bodies = chat.shadowRoot!.querySelectorAll<HTMLElement>('.markdown[data-complete]:not(.md-plain)');
    return bodies[bodies.length - 1];
  });

/** Files the page fetched whose URL starts with `prefix`. */
const fetchedFrom = (win: PageWindow, prefix: string) =>
  win.performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.startsWith(prefix));

async function expectAnswered(chat: ChatElement, prompt = 'Hello there'): Promise<HTMLElement> {
  const result = await chat.send(prompt);
  assert.isUndefined(result.error, result.error?.message);
  assert.isAbove((result.message.content ?? '').length, 10, 'the dev model answered');
  const body = await renderedAnswer(chat);
  assert.include(chat.shadowRoot!.textContent!, prompt, 'the question is on screen');
  assert.isAbove(body.textContent!.trim().length, 10, 'the answer is on screen');
  return body;
}

before(async () => {
  cdn = ((await (await fetch('/drop-in/origin')).json()) as { cdn: string }).cdn;
});
afterEach(async () => {
  await parts();
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
});

describe('drop-in: lazy parts found from the script URL', () => {
  it('from a subfolder of the site (classic script): the parts come from beside it', async () => {
    const { win, chat } = await openPage(`${SUBFOLDER}stream-chat.iife.js`);
    assert.equal(typeof win.StreamChat?.runChat, 'function');
    assert.equal(win.StreamChat?.StreamChat, win.customElements.get('stream-chat'));
    await expectAnswered(chat);
    const origin = `${location.origin}${SUBFOLDER}`;
    assert.isNotEmpty(fetchedFrom(win, `${origin}parts/markdown-part-`), 'markdown part from the subfolder');
    assert.isNotEmpty(fetchedFrom(win, `${origin}parts/run-chat-`), 'engine from the subfolder');
  });

  it('from another origin under a CDN-like path (classic script)', async () => {
    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`);
    await expectAnswered(chat);
    assert.isNotEmpty(fetchedFrom(win, `${cdn}stream-chat.js`));
    assert.isNotEmpty(fetchedFrom(win, `${cdn}parts/openai-`), 'the OpenAI provider and its SDK from the other origin');
  });

  it('from another origin as a module script', async () => {
    const { win, chat } = await openPage(`${cdn}stream-chat.js`, { module: true });
    await expectAnswered(chat);
    assert.isNotEmpty(fetchedFrom(win, `${cdn}parts/markdown-part-`));
  });

  it('nothing but the first-paint files before the chat is used, then the parts on intent', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script src="${cdn}stream-chat.iife.js"></script><stream-chat mode="popup" storage="none"></stream-chat>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as PageWindow;
    await win.customElements.whenDefined('stream-chat');
    const chat = win.document.querySelector('stream-chat') as ChatElement;
    await waitFor('the launcher', () => inShadow(chat, '[part~="launcher"]'));
    await new Promise((r) => win.requestIdleCallback(r, { timeout: 2000 }));
    // The entry's static imports (shared code split off by the bundler) are first-load files; no other part is.
    type Chunk = { file: string; imports?: string[] };
    const manifest = (await (await fetch(`${cdn}parts/manifest.json`)).json()) as Record<string, Chunk>;
    const firstLoad = (manifest['src/standalone.ts'].imports ?? []).map((key) => `${cdn}${manifest[key].file}`);
    const lazy = fetchedFrom(win, `${cdn}parts/`).filter((url) => !firstLoad.includes(url));
    assert.deepEqual(lazy, [], 'no lazy part fetched before any intent');
    // Intent: the pointer over the launcher starts the downloads.
    inShadow(chat, '[part~="launcher"]')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitFor('the markdown part prefetched', () => fetchedFrom(win, `${cdn}parts/markdown-part-`).length > 0);
  });
});

describe("drop-in: the SDK's client with the resources the providers call", () => {
  // The drop-in builds the SDK's client with chat.completions and responses only (scripts/openai-used-resources.ts).
  it("answers through the Responses API, and a refused request is the SDK error read as the engine's", async () => {
    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`);
    chat.setAttribute('provider', 'openai-responses');
    await expectAnswered(chat);
    assert.isNotEmpty(fetchedFrom(win, `${cdn}parts/openai-responses-`));

    chat.setAttribute('provider', 'openai');
    chat.setAttribute('model', 'dev;scenario=http-401');
    const refused = await chat.send('Hello again');
    assert.equal(refused.error?.kind, 'http', refused.error?.message);
    assert.match(refused.error!.message, /401/);
  });
});

describe('drop-in: the history export, a part of its own', () => {
  type Api = {
    HistoryStore: new (options: { storage: string }) => unknown;
    exportJSON(store: unknown): Promise<string>;
    importJSON(store: unknown, text: string): Promise<{ ok: boolean }>;
  };

  it('window.StreamChat exports and imports once the part arrives; a part that cannot load says so', async () => {
    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`);
    await expectAnswered(chat);
    assert.deepEqual(fetchedFrom(win, `${cdn}parts/export-`), [], 'not downloaded with the first answer');
    const api = win.StreamChat as unknown as Api;
    const store = new api.HistoryStore({ storage: 'memory' });

    await parts({ fail: 'export-' });
    let refused: unknown;
    await api.exportJSON(store).catch((e: unknown) => (refused = e));
    assert.match(String(refused), /could not be loaded/);

    await parts();
    const exported = JSON.parse(await api.exportJSON(store)) as { format: string };
    assert.equal(exported.format, 'stream-chat-history');
    assert.isTrue((await api.importJSON(new api.HistoryStore({ storage: 'memory' }), JSON.stringify(exported))).ok);
    assert.isNotEmpty(fetchedFrom(win, `${cdn}parts/export-`));
  });
});

describe('drop-in: stored history after a reload', () => {
  it('the stored conversation shows again, its templates and markdown loaded for it', async () => {
    const storageKey = `reload-${Date.now()}`;
    const first = await openPage(`${cdn}stream-chat.iife.js`, { storageKey });
    const answer = (await first.chat.send('Remember this question')).message.content!;
    await renderedAnswer(first.chat);
    for (const frame of document.querySelectorAll('iframe')) frame.remove();

    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`, { storageKey });
    const body = await renderedAnswer(chat);
    assert.include(body.textContent!, answer.slice(0, 40));
    assert.include(chat.shadowRoot!.textContent!, 'Remember this question');
    assert.isNotEmpty(fetchedFrom(win, `${cdn}parts/conversation-view-part-`), 'the templates loaded for it');
    assert.deepEqual(fetchedFrom(win, `${cdn}parts/run-chat-`), [], 'the engine waits for a send');
  });
});

describe('drop-in: strict CSP with Trusted Types', () => {
  it('loads its parts from another origin and renders a highlighted answer, with no violation', async () => {
    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`, { csp: true });
    const body = await expectAnswered(chat, 'Show me some python code');
    await waitFor('the code highlighted', () => body.querySelector('code.hljs .hljs-keyword'));
    // The markdown part's CSS came with it (adopted by the shadow root, which the CSP allows).
    const block = body.querySelector<HTMLElement>('.md-code')!;
    assert.equal(win.getComputedStyle(block).borderTopLeftRadius, '8px', 'code blocks styled');
    assert.deepEqual(win.violations, []);
  });
});

describe('drop-in: math', () => {
  it('typesets formulas with KaTeX and its fonts from beside the script, under the strict CSP', async () => {
    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`, { csp: true });
    const body = await expectAnswered(chat, 'Show me some math');
    await waitFor('the formulas typeset', () => body.querySelectorAll('.katex').length >= 3);
    assert.notExists(body.querySelector('.md-math-error'), 'no formula refused');
    await waitFor('KaTeX fonts fetched', () => fetchedFrom(win, `${cdn}parts/KaTeX_`).length > 0);
    assert.isNotEmpty(fetchedFrom(win, `${cdn}parts/math-part-`), 'KaTeX from beside the script');
    assert.deepEqual(fetchedFrom(win, 'http').filter((url) => !url.startsWith(cdn) && !url.startsWith(location.origin)), []);
    assert.isTrue([...win.document.fonts].some((face) => face.family.replace(/"/g, '') === 'KaTeX_Main'), 'the font faces are in the document');
    await waitFor('KaTeX_Main loaded', () => win.document.fonts.check('16px KaTeX_Main'));
    assert.deepEqual(win.violations, []);
  });
});

describe('drop-in: before and without its parts', () => {
  it('a message sent at once after load waits for the parts and is answered', async () => {
    await parts({ delay: 400 });
    const { win, chat } = await openPage(`${cdn}stream-chat.iife.js`);
    assert.deepEqual(fetchedFrom(win, `${cdn}parts/run-chat-`), [], 'the engine has not arrived yet');
    await expectAnswered(chat);
  });

  it('the provider code cannot be downloaded: the error says so, and Retry answers once it can', async () => {
    await parts({ fail: 'openai' });
    const { chat } = await openPage(`${cdn}stream-chat.iife.js`);
    const result = await chat.send('Hello there');
    assert.equal(result.error?.kind, 'network');
    const banner = await waitFor('the error banner', () => inShadow(chat, '[part~="error"]'));
    assert.match(banner.textContent!, /could not be loaded/);
    assert.include(chat.shadowRoot!.textContent!, 'Hello there', 'the message is kept');
    await parts();
    inShadow(chat, '[part~="retry-button"]')!.click();
    await renderedAnswer(chat);
    assert.isNull(inShadow(chat, '[part~="error"]'));
  });

  it('the messages\' templates cannot be downloaded: the transcript says so, and Retry shows the conversation', async () => {
    await parts({ fail: 'conversation-view' });
    const { chat } = await openPage(`${cdn}stream-chat.iife.js`);
    assert.isNotNull(inShadow(chat, '[part~="input"]'), 'the shell is there without the part');
    const result = await chat.send('Hello there');
    assert.isUndefined(result.error, 'the turn itself is answered');
    const notice = await waitFor('the notice', () => inShadow(chat, '[part~="view-error"]'));
    assert.match(notice.textContent!, /could not be loaded/);
    await parts();
    inShadow(chat, '[part~="view-retry-button"]')!.click();
    const body = await renderedAnswer(chat);
    assert.include(body.textContent!, result.message.content!.slice(0, 40), 'the answer is shown');
    assert.include(chat.shadowRoot!.textContent!, 'Hello there', 'the message is kept');
    assert.isNull(inShadow(chat, '[part~="view-error"]'));
  });

  it('the markdown part cannot be downloaded: the answer shows plain with a notice, and Retry renders it', async () => {
    await parts({ fail: 'markdown-part' });
    const { chat } = await openPage(`${cdn}stream-chat.iife.js`);
    const result = await chat.send('Hello there');
    const answer = result.message.content!;
    const plain = await waitFor('the plain answer', () => inShadow(chat, '.markdown.md-plain'));
    const notice = await waitFor('the notice', () => plain.querySelector<HTMLElement>('.md-part-error'));
    assert.include(plain.textContent!, answer.slice(0, 40), 'the answer is readable, plain');
    assert.match(notice.textContent!, /formatting could not be loaded/);
    await parts();
    notice.querySelector('button')!.click();
    const body = await renderedAnswer(chat);
    assert.isNull(body.querySelector('.md-part-error'));
    assert.isNotNull(body.querySelector('p'), 'rendered as markdown');
  });
});
