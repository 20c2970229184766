/** Under a finished answer: copy as markdown and as text, the rating with its comment, and a stopped answer's usage. */
import { assert } from 'chai';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { waitFor } from '../helpers/wait-for.js';
import { freshKey } from '../store/helpers.js';
import { answers, chat, cleanup, idle, lastAnswerText, nextEvent, part, say } from './helpers.js';

afterEach(cleanup);

async function withClipboard(run: (copied: string[]) => Promise<void>): Promise<void> {
  const copied: string[] = [];
  const clipboard = navigator.clipboard;
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
  try {
    await run(copied);
  } finally {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
  }
}

const rate = (el: StreamChat, rating: 'up' | 'down') => part(el, `rate-${rating}-button`) as HTMLButtonElement;

describe('<stream-chat> answer actions', () => {
  it('copies an answer as markdown and as text without markdown syntax', async () => {
    await withClipboard(async (copied) => {
      const el = await chat();
      await say(el, 'Show me a markdown tour with everything');
      await idle(el);
      const source = el.messages[1].content!;
      assert.match(source, /\*\*|^#/m, 'the answer has markdown syntax');
      (part(el, 'assistant-message')!.querySelector('[part~="copy-button"]') as HTMLButtonElement).click();
      await waitFor(() => copied.length === 1, 'the markdown copy');
      (part(el, 'copy-text-button') as HTMLButtonElement).click();
      await waitFor(() => copied.length === 2, 'the text copy');
      assert.equal(copied[0], source);
      const text = copied[1];
      assert.notMatch(text, /\*\*|^#|^\|.*\||```|~~/m, 'no markdown syntax');
      assert.notInclude(text, 'Copy', 'no code bar');
      // Every word shown is in it, in order.
      assert.equal(text.replace(/[•\d.\t\s]+/g, ' ').trim().slice(0, 60), lastAnswerText(el).replace(/[•\d.\t\s]+/g, ' ').trim().slice(0, 60));
      assert.include(text, '\n', 'blocks on lines of their own');
    });
  });

  it('copies formulas as their TeX source', async () => {
    await withClipboard(async (copied) => {
      const el = await chat();
      await say(el, 'Show me some math');
      await idle(el);
      await waitFor(() => part(el, 'assistant-message')!.querySelector('.katex'), 'the formulas typeset');
      (part(el, 'copy-text-button') as HTMLButtonElement).click();
      await waitFor(() => copied.length === 1, 'the text copy');
      assert.include(copied[0], 'A = \\pi r^2');
      assert.include(copied[0], 'a notebook costs $5 and a pen $10');
    });
  });

  it('rates an answer: the event, a comment, stored with the message and shown again after a reload', async () => {
    const storageKey = freshKey('feedback');
    const setup = (e: StreamChat) => {
      e.storage = 'indexeddb';
      e.storageKey = storageKey;
    };
    const el = await chat('dev;rate=0', setup);
    await say(el, 'Hello');
    await idle(el);
    const rated = nextEvent<{ messageId: string; rating: string; comment?: string }>(el, 'stream-chat-feedback');
    rate(el, 'down').click();
    const first = (await rated).detail;
    assert.equal(first.rating, 'down');
    assert.equal(first.messageId, `${el.conversationId}:1`);
    assert.isUndefined(first.comment);
    await el.updateComplete;
    assert.equal(rate(el, 'down').getAttribute('aria-pressed'), 'true');
    assert.equal(rate(el, 'up').getAttribute('aria-pressed'), 'false');

    const form = await waitFor(() => part(el, 'feedback-form') as HTMLFormElement | null, 'the comment box');
    (form.querySelector('textarea') as HTMLTextAreaElement).value = 'Too short';
    const commented = nextEvent<{ messageId: string; rating: string; comment?: string }>(el, 'stream-chat-feedback');
    (part(el, 'feedback-send-button') as HTMLButtonElement).click();
    assert.deepEqual((await commented).detail, { messageId: `${el.conversationId}:1`, rating: 'down', comment: 'Too short' });
    await waitFor(() => part(el, 'feedback-thanks'), 'the thanks');
    assert.deepEqual(el.messages[1].feedback, { rating: 'down', comment: 'Too short' });

    // The rating is kept: a new element on the same storage shows it.
    const id = el.conversationId;
    el.remove();
    const again = await chat('dev;rate=0', (e) => {
      setup(e);
      e.conversationId = id;
    });
    await waitFor(() => answers(again).length === 1 && rate(again, 'down'), 'the stored answer');
    await waitFor(() => rate(again, 'down').getAttribute('aria-pressed') === 'true', 'the stored rating');
    assert.deepEqual(again.messages[1].feedback, { rating: 'down', comment: 'Too short' });
  });

  it('a stopped answer shows an estimated usage, not zero tokens', async () => {
    const el = await chat('dev;rate=150;words=400', (e) => (e.showUsage = true));
    await say(el, 'Tell me something long');
    await waitFor(() => lastAnswerText(el).length > 40, 'some text');
    const ended = nextEvent<{ usage: { totalTokens: number; completionTokens: number; estimated?: boolean } }>(el, 'stream-chat-end');
    el.stop();
    const { usage } = (await ended).detail;
    await idle(el);
    assert.equal(answers(el)[0].dataset.status, 'stopped');
    assert.isTrue(usage.estimated);
    assert.isAbove(usage.completionTokens, 5);
    const line = await waitFor(() => part(el, 'usage'), 'the usage line');
    assert.match(line.textContent!, /^\s*≈ \d+ tokens \(\d+ in, \d+ out\), estimated/);
    assert.notMatch(line.textContent!, /\b0 tokens/);
  });
});
