/**
 * The self-contained builds as a site owner uses them: a page holding only the script tag and the
 * element, nothing else (no import map, no bundler), streaming an answer from the dev model.
 */
import { assert } from 'chai';
import { waitFor } from '../helpers/wait-for.js';

type ChatElement = HTMLElement & { send(text: string): Promise<{ message: { content: string | null } }> };

async function loadPage(scriptTag: string): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frame.style.width = '600px';
  frame.style.height = '500px';
  frame.srcdoc = `<!doctype html><html><head><meta charset="utf-8">${scriptTag}</head><body>
<stream-chat base-url="${location.origin}/v1" model="dev;rate=0" storage="memory"></stream-chat>
</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  await win.customElements.whenDefined('stream-chat');
  return win;
}

async function sendAndRead(win: Window & typeof globalThis) {
  const chat = win.document.querySelector('stream-chat') as ChatElement;
  const result = await chat.send('Hello there');
  const answer = result.message.content ?? '';
  assert.isAbove(answer.length, 10, 'the dev model answered');
  // What the user sees: the answer's first words are in the element's shadow DOM.
  const firstWords = answer.replace(/[#*_`>|\[\]()-]/g, ' ').trim().split(/\s+/).slice(0, 3).join(' ');
  const shown = () => chat.shadowRoot!.textContent!.replace(/\s+/g, ' ');
  await waitFor(() => shown().includes(firstWords), `"${firstWords}" on screen`);
  assert.include(shown(), 'Hello there');
}

describe('self-contained builds', () => {
  it('dist/stream-chat.iife.js: one classic script tag defines the element and window.StreamChat', async () => {
    const win = await loadPage('<script src="/dist/stream-chat.iife.js"></script>');
    // The global is the bundle's module namespace; checked with typeof, since chai's formatter stalls on
    // namespace objects when an assertion fails.
    const global = (win as any).StreamChat;
    assert.equal(typeof global, 'object');
    assert.equal(typeof global.StreamChat, 'function');
    assert.equal(typeof global.runChat, 'function');
    assert.equal(global.StreamChat, win.customElements.get('stream-chat'));
    await sendAndRead(win);
  });

  it('dist/stream-chat.js: one module script tag defines the element', async () => {
    const win = await loadPage('<script type="module" src="/dist/stream-chat.js"></script>');
    await sendAndRead(win);
  });

  it('loading the script twice is harmless', async () => {
    const win = await loadPage(
      '<script src="/dist/stream-chat.iife.js"></script><script src="/dist/stream-chat.iife.js"></script>',
    );
    assert.equal(typeof win.customElements.get('stream-chat'), 'function');
  });
});
