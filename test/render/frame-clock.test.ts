import { assert } from 'chai';
import { defaultFrameClock } from '../../src/render/frame-clock.js';

const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left ? requestAnimationFrame(() => next(left - 1)) : resolve());
    next(count);
  });

describe('the page frame clock', () => {
  it('requestFrameAfter calls back in a frame, not before the time asked', async () => {
    const asked = performance.now();
    // The clock's own time (a frame's timestamp is when the frame began, which may precede the timer).
    const at = await new Promise<number>((resolve) => defaultFrameClock.requestFrameAfter!(80, () => resolve(performance.now())));
    // (1 ms for the rounding of timer delays.)
    assert.isAtLeast(at - asked, 80 - 1);
  });

  it('cancelFrame stops a requestFrameAfter', async () => {
    let called = 0;
    const waiting = defaultFrameClock.requestFrameAfter!(40, () => called++);
    defaultFrameClock.cancelFrame(waiting);
    await new Promise<number>((resolve) => defaultFrameClock.requestFrameAfter!(80, resolve));
    await frames(2);
    assert.equal(called, 0);
  });
});
