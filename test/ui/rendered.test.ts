import { assert } from 'chai';
import { chat, cleanup } from './helpers.js';

/** The visible text of every answer body, whitespace folded. */
function visibleText(el: HTMLElement): string {
  return [...el.shadowRoot!.querySelectorAll('[part~="assistant-message"] .markdown')]
    .map((body) => body.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The last few words of the answer's markdown source, as they read on screen. */
function lastWords(content: string): string {
  const words = content.replace(/[`*_~#>|[\]()-]/g, ' ').split(/\s+/).filter((w) => /\w/.test(w));
  return words.slice(-3).join(' ');
}

describe('<stream-chat> end of turn on screen', () => {
  afterEach(cleanup);

  it('stream-chat-rendered follows stream-chat-end once the smoothed text is wholly shown', async () => {
    // The whole answer arrives at once (rate=0), so the smoother is still easing it in when the turn ends.
    const el = await chat('dev;rate=0;words=400');
    const order: string[] = [];
    let shownAtRendered = '';
    let completeAtRendered = false;
    el.addEventListener('stream-chat-end', () => order.push('end'));
    const rendered = new Promise<string>((resolve) =>
      el.addEventListener('stream-chat-rendered', (event) => {
        order.push('rendered');
        shownAtRendered = visibleText(el);
        completeAtRendered = [...el.shadowRoot!.querySelectorAll('.markdown')].every((b) => b.hasAttribute('data-complete'));
        resolve(event.detail.message.content ?? '');
      }),
    );
    const result = await el.send('Tell me about streaming');
    const content = await rendered;
    assert.deepEqual(order, ['end', 'rendered']);
    assert.equal(content, result.message.content);
    assert.isTrue(completeAtRendered, 'every body is complete');
    assert.include(shownAtRendered, lastWords(content), 'the last words are on screen');
  });

  it('follows a stopped turn too, with what had arrived', async () => {
    const el = await chat('dev;rate=200');
    const rendered = new Promise<string>((resolve) =>
      el.addEventListener('stream-chat-rendered', (event) => resolve(event.detail.finishReason)),
    );
    el.addEventListener('stream-chat-text', () => el.stop(), { once: true });
    await el.send('Tell me about streaming');
    assert.equal(await rendered, 'aborted');
  });
});
