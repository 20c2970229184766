/** The element's fence renderers: their notice follows `strings`, and they stop when their answer leaves the screen. */
import { assert } from 'chai';
import type { ChatMessage } from '../../src/core/index.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { waitFor } from '../helpers/wait-for.js';
import { $, chat, cleanup } from './helpers.js';

const answerWithFence = (language: string): ChatMessage[] => [
  { role: 'user', content: 'Draw it' },
  { role: 'assistant', content: `Here:\n\n\`\`\`${language}\ngraph\n\`\`\`\n` },
];

/** An element showing an answer whose fence is handed to a renderer that never ends; its signal. */
async function slowRendering(storage: 'none' | 'memory' = 'none'): Promise<{ el: StreamChat; signal: AbortSignal }> {
  let signal: AbortSignal | undefined;
  const el = await chat('dev;rate=0', (el) => {
    el.storage = storage;
    el.renderers = { slow: (_code, context) => ((signal = context.signal), new Promise<Node>(() => {})) };
  });
  el.prependMessages(answerWithFence('slow'));
  return { el, signal: await waitFor(() => signal, 'the renderer to start') };
}

describe('<stream-chat> fence renderers', () => {
  afterEach(cleanup);

  it('says a renderer failed in the text of `strings`', async () => {
    const el = await chat('dev;rate=0', (el) => {
      el.strings = { rendererFailed: '{language} kaputt: {reason}' };
      el.renderers = { broken: () => { throw new Error('bad input'); } };
    });
    el.prependMessages(answerWithFence('broken'));
    const notice = await waitFor(() => $(el, '.md-render-error'), 'the notice');
    assert.equal(notice.textContent, 'broken kaputt: bad input');
    assert.equal($(el, '.md-code pre code')?.textContent, 'graph\n', 'the code stays');
  });

  it('aborts a running renderer when the element is removed', async () => {
    const { el, signal } = await slowRendering();
    assert.isFalse(signal.aborted);
    el.remove();
    await waitFor(() => signal.aborted, 'the signal to abort');
  });

  it("lets a moved element's renderer run on", async () => {
    const { el, signal } = await slowRendering();
    const box = document.createElement('div');
    document.body.append(box);
    box.append(el); // removed and inserted in one task, as a framework moves an element
    await new Promise((resolve) => setTimeout(resolve));
    assert.isFalse(signal.aborted);
    assert.isTrue(el.isConnected);
  });

  it('runs the renderer again when the element is put back', async () => {
    const signals: AbortSignal[] = [];
    const el = await chat('dev;rate=0', (el) => {
      el.renderers = { slow: (_code, context) => (signals.push(context.signal), new Promise<Node>(() => {})) };
    });
    el.prependMessages(answerWithFence('slow'));
    await waitFor(() => signals.length === 1, 'the renderer to start');
    el.remove();
    await waitFor(() => signals[0].aborted, 'the signal to abort');
    document.body.append(el);
    await waitFor(() => signals.length === 2, 'the renderer to run again');
    assert.isFalse(signals[1].aborted, String(signals[1].reason));
  });

  it('aborts a running renderer when a new conversation is started', async () => {
    const { el, signal } = await slowRendering();
    await el.newConversation();
    assert.isTrue(signal.aborted);
  });

  it('aborts a running renderer when another conversation is opened', async () => {
    const { el, signal } = await slowRendering('memory');
    await el.openConversation('another');
    assert.isTrue(signal.aborted);
  });
});
