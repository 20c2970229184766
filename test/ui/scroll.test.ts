import { assert } from 'chai';
import { chat, cleanup, lastAnswerText, part, say, waitFor } from './helpers.js';

/**
 * Resolves after `n` rendering steps of the page (each an animation frame, then a task once it is
 * painted): the follower's ResizeObserver, which runs in each of them after the text grew, has acted.
 */
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};

describe('<stream-chat> scrolling', () => {
  afterEach(cleanup);

  it('follows the stream, lets go when the reader scrolls up, and jumps back on request', async () => {
    const el = await chat('dev;rate=1500;words=600', (e) => (e.style.blockSize = '300px'));
    const log = part(el, 'transcript')!;
    const distance = () => log.scrollHeight - log.clientHeight - log.scrollTop;
    await say(el, 'Write something long');
    await waitFor(() => log.scrollHeight > log.clientHeight * 2, 'the answer to overflow');
    await frames(2);
    assert.isBelow(distance(), 40, 'stuck to the bottom while streaming');
    assert.notExists(part(el, 'jump-button'));

    // The reader scrolls up.
    // (a scrollbar drag or a key: no wheel event, only scrolling)
    log.scrollTop = 0;
    const jump = await waitFor(() => part(el, 'jump-button') as HTMLButtonElement | null, 'the jump button');
    await el.updateComplete;
    const pill = jump.getBoundingClientRect();
    const view = log.getBoundingClientRect();
    assert.isAtLeast(pill.top, view.bottom - 0.5, 'the button sits below the transcript, covering none of its text');
    const before = lastAnswerText(el).length;
    await waitFor(() => lastAnswerText(el).length > before + 100, 'more text');
    await frames(2);
    assert.isBelow(log.scrollTop, 40, 'the view stays where the reader put it');

    jump.click();
    await el.updateComplete;
    // On a loaded machine the text arriving meanwhile may land a frame after the jump: wait for the
    // condition, not for a count of frames.
    await waitFor(() => distance() < 40, 'back at the newest line');
    assert.notExists(part(el, 'jump-button'));
    // And it follows again: as more text arrives, the view comes back to the end (left behind, it would
    // only drift further away).
    const jumpedAt = lastAnswerText(el).length;
    await waitFor(() => lastAnswerText(el).length > jumpedAt + 100, 'more text after the jump');
    await waitFor(() => distance() < 40, 'following the newest line again');
    el.stop();
  });
});
