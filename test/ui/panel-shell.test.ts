/**
 * The first paint without Lit (panel-shell.ts): the static shell must be what Lit then renders (same
 * markup, same boxes, so nothing moves when Lit takes over), give way on intent with the focus or the
 * click where the visitor put it, and never stand between code and the element (`send()` at once,
 * `updateComplete`).
 */
import { assert } from 'chai';
import { baseURL, cleanup, input, part } from './helpers.js';
import { waitFor } from '../helpers/wait-for.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';

let keys = 0;

/** An element attached the way a page's markup attaches it: nothing waits for its `updateComplete`. */
async function painted(attributes: Record<string, string>): Promise<StreamChat> {
  const el = document.createElement('stream-chat');
  for (const [name, value] of Object.entries({ 'base-url': baseURL, model: 'dev;rate=0', ...attributes })) el.setAttribute(name, value);
  el.style.blockSize = '420px';
  el.style.inlineSize = '600px';
  document.body.append(el);
  await waitFor(() => el.shadowRoot?.querySelector('[part~="panel"]'), 'the first paint');
  return el;
}

/** Elements of the shadow root as tag, attributes and own text, in document order (Lit's comment markers and layout whitespace left out). */
function markup(root: ParentNode, skip = '[part="conversations"]'): string[] {
  const lines: string[] = [];
  const walk = (node: Element, depth: number) => {
    // The conversations list: a <div> standing for the element in the shell (compared by its text and box).
    if (node.matches(skip)) return void lines.push(`${'  '.repeat(depth)}${skip}`);
    const attributes = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value.trim())}`).sort();
    const text = [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join('');
    lines.push(`${'  '.repeat(depth)}<${node.localName} ${attributes.join(' ')}>${text}`);
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const child of root.children) walk(child, 0);
  return lines;
}

const PARTS = ['launcher', 'panel', 'header', 'heading', 'conversations', 'new-button', 'transcript', 'welcome', 'composer', 'input', 'send-button'];

function boxes(el: StreamChat): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of PARTS) {
    const box = part(el, name)?.getBoundingClientRect();
    if (box) found[name] = [box.x, box.y, box.width, box.height].map((n) => n.toFixed(1)).join(' ');
  }
  return found;
}

/** The conversations toggle's text, in the shell or in the list element Lit renders. */
function conversationsToggle(el: StreamChat): string | undefined {
  const host = part(el, 'conversations');
  const button = host?.shadowRoot?.querySelector('[part="toggle"]') ?? host?.querySelector('button');
  return button?.textContent?.trim();
}

describe('<stream-chat> first paint without Lit', () => {
  afterEach(cleanup);

  const cases: [string, Record<string, string>][] = [
    ['inline, stored history', { 'storage-key': `shell-${Date.now()}-${keys++}` }],
    ['inline, no storage, own texts', { storage: 'none', heading: 'Ask us', placeholder: 'Your question', welcome: 'Hello! Ask about orders.' }],
    ['closed popup', { mode: 'popup', storage: 'none' }],
  ];
  for (const [name, attributes] of cases) {
    it(`${name}: the shell is Lit's markup, in the same boxes`, async () => {
      const el = await painted(attributes);
      const root = el.shadowRoot!;
      const shell = markup(root);
      const shellBoxes = boxes(el);
      const shellToggle = conversationsToggle(el);
      assert.isNull(root.querySelector('stream-chat-conversations'), 'no list element before intent');
      const panel = part(el, 'panel');
      await el.updateComplete;
      assert.isFalse(panel!.isConnected, "Lit's rendering replaced the shell");
      assert.deepEqual(shell, markup(root));
      assert.deepEqual(shellBoxes, boxes(el));
      assert.equal(shellToggle, conversationsToggle(el));
      if (attributes.storage !== 'none') assert.equal(shellToggle, 'Conversations (0)');
    });
  }

  it('gives way on focus: the focus moves to the same control in Lit\'s rendering', async () => {
    const el = await painted({ storage: 'none' });
    const shellInput = input(el);
    shellInput.focus();
    assert.isFalse(shellInput.isConnected, 'replaced at once');
    assert.notStrictEqual(input(el), shellInput);
    assert.strictEqual(el.shadowRoot!.activeElement, input(el));
  });

  it("gives way on a click: a closed popup's launcher opens it", async () => {
    const el = await painted({ mode: 'popup', storage: 'none' });
    const launcher = part(el, 'launcher')!;
    launcher.click();
    await waitFor(() => el.opened, 'the popup open');
    await el.updateComplete;
    assert.isFalse(part(el, 'panel')!.hidden);
    assert.isFalse(launcher.isConnected);
  });

  it('shows property changes that it can show, and gives way to what it cannot', async () => {
    const el = await painted({ storage: 'none' });
    const first = part(el, 'panel');
    el.heading = 'Support';
    await waitFor(() => part(el, 'heading')?.textContent === 'Support', 'the new heading');
    assert.isFalse(first!.isConnected, 'drawn again with the new text');
    el.starterPrompts = ['Where is my order?'];
    const starter = await waitFor(() => part(el, 'starter-prompt'), 'the starter prompt (rendered by Lit)');
    assert.equal(starter.textContent!.trim(), 'Where is my order?');
  });

  it('answers send() made right after the element is created, before its first paint', async () => {
    const el = document.createElement('stream-chat');
    el.setAttribute('base-url', baseURL);
    el.setAttribute('model', 'dev;rate=0');
    el.setAttribute('storage', 'none');
    document.body.append(el);
    const result = await el.send('Hello there');
    assert.isUndefined(result.error, result.error?.message);
    assert.isAbove((result.message.content ?? '').length, 10);
    await waitFor(() => part(el, 'user-message')?.textContent?.includes('Hello there'), 'the question on screen');
    assert.isOk(part(el, 'assistant-message'), 'the answer on screen');
  });
});
