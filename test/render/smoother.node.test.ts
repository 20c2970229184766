import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Smoother, type FrameClock } from '../../src/render/smoother.js';
import { fakeClock } from './fake-clock.js';

function setup(options: { drainMs?: number; maxPerFrame?: number; instant?: () => boolean; stepMs?: number } = {}) {
  const clock = fakeClock(16);
  const releases: { text: string; done: boolean; at: number }[] = [];
  const smoother = new Smoother((text, done) => releases.push({ text, done, at: clock.now() }), { clock, ...options });
  const shown = () => releases.map((r) => r.text).join('');
  return { clock, releases, smoother, shown };
}

const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
function boundaries(text: string): Set<number> {
  const set = new Set([0]);
  let offset = 0;
  for (const g of graphemes(text)) set.add((offset += g.length));
  return set;
}

describe('Smoother', () => {
  it('releases nothing synchronously and at most once per frame', () => {
    const { clock, releases, smoother } = setup({ stepMs: 0 });
    smoother.push('Hello, world. '.repeat(20));
    assert.equal(releases.length, 0);
    for (let i = 1; i <= 10; i++) {
      clock.advance(16);
      assert.equal(releases.length, i);
    }
  });

  it('drains any backlog in about drainMs, so a bigger burst flows faster', () => {
    for (const size of [60, 2_000, 100_000]) {
      const { clock, releases, smoother, shown } = setup({ drainMs: 250, maxPerFrame: Infinity, stepMs: 0 });
      const text = 'abcdefghij'.repeat(size / 10);
      smoother.push(text);
      smoother.push('.'); // a next chunk in the same frame: the burst's end is not the stream's end
      clock.advance(128);
      const half = shown().length / text.length;
      assert.ok(half > 0.35 && half < 0.65, `about half of ${size} shown at mid-drain, got ${half}`);
      clock.advance(250 - 128 + 16);
      assert.ok(shown().length >= text.length, `all of ${size} shown one frame after drainMs`);
      // Even flow: no frame releases more than twice the average (the first and last frames are partial).
      const perFrame = releases.map((r) => r.text.length);
      const average = text.length / perFrame.length;
      assert.ok(Math.max(...perFrame) <= 2 * average + 2, `even flow for ${size}: ${perFrame.join(',')}`);
    }
  });

  it('at a reading pace releases every stepMs, not every frame, and still never trails by more than drainMs', () => {
    const { clock, releases, smoother, shown } = setup({ drainMs: 250, stepMs: 48 });
    // 200 tokens a second: 4 characters every 5 ms.
    const arrivals: { at: number; total: number }[] = [];
    let sent = 0;
    for (let step = 0; step < 400; step++) {
      smoother.push('abcd');
      sent += 4;
      arrivals.push({ at: clock.now(), total: sent });
      clock.advance(5);
      const old = arrivals.filter((a) => a.at <= clock.now() - 250 - 16).at(-1);
      if (old) assert.ok(shown().length >= old.total - 1, `behind at step ${step}`);
    }
    assert.ok(releases[0].at - 1000 <= 16, 'the first text comes out in the first frame');
    const gaps = releases.slice(1).map((r, i) => r.at - releases[i].at);
    assert.ok(gaps.every((gap) => gap >= 48), `releases at least 48 ms apart: ${gaps.join(',')}`);
    assert.ok(releases.length <= 2000 / 48 + 2, `about 20 releases a second, got ${releases.length} in 2 s`);
    assert.ok(clock.woken <= releases.length + 2, `no frames woken between releases: ${clock.woken} for ${releases.length}`);
    // A burst (more than a line due) flows every frame.
    const before = releases.length;
    smoother.push('x'.repeat(5_000));
    clock.advance(16 * 5);
    assert.equal(releases.length - before, 5);
  });

  it('caps one frame at maxPerFrame, so a huge burst flows over more frames', () => {
    const { clock, releases, smoother, shown } = setup({ drainMs: 250, maxPerFrame: 4096 });
    smoother.push('x'.repeat(200_000));
    smoother.finish();
    clock.advance(250);
    assert.ok(releases.every((r) => r.text.length <= 4096));
    assert.ok(shown().length < 200_000);
    clock.advance(1000);
    assert.equal(shown().length, 200_000);
    assert.equal(releases.at(-1)!.done, true);
  });

  it('sizes a burst\'s share on the whole frame: slow layout and paint get smaller releases, a fast page larger ones', () => {
    for (const page of [{ releaseMsPerKB: 0.5, layoutMsPerKB: 10 }, { releaseMsPerKB: 0.05, layoutMsPerKB: 0 }]) {
      const base = fakeClock(16);
      // The style, layout and paint the last release caused: they run after it, so the next frame starts later.
      let layout = 0;
      const clock: FrameClock = {
        now: base.now,
        cancelFrame: base.cancelFrame,
        requestFrame: (cb) =>
          base.requestFrame(function run(time) {
            if (!layout) return cb(time);
            base.spend(layout);
            layout = 0;
            base.requestFrame(run);
          }),
      };
      const sizes: number[] = [];
      const frames: number[] = [];
      const smoother = new Smoother(
        (text) => {
          const kb = text.length / 1024;
          sizes.push(text.length);
          frames.push(1 + kb * page.releaseMsPerKB + kb * page.layoutMsPerKB);
          base.spend(1 + kb * page.releaseMsPerKB);
          layout = kb * page.layoutMsPerKB;
        },
        { clock },
      );
      smoother.push('x'.repeat(1_000_000));
      smoother.finish();
      base.advance(120_000);
      assert.equal(sizes.reduce((a, b) => a + b, 0), 1_000_000, 'everything is shown');
      if (page.layoutMsPerKB) {
        // The release alone is quick, but the frame is not: no frame may grow past a long task (50 ms).
        assert.ok(Math.max(...frames) <= 50, `frames stay short: longest ${Math.max(...frames).toFixed(1)} ms`);
        // The first frames run cold code: they start at 1 KB and double up to 4 KB, whatever they cost.
        assert.deepEqual(sizes.slice(0, 3), [1024, 2048, 4096], 'the first shares ramp up');
        assert.ok(Math.min(...sizes.slice(2, -1)) >= 4096, 'no release below 4 KB after the ramp but the last');
      } else {
        // A fast page: the share grows well past its 1 KB start, so a burst takes few frames.
        assert.ok(Math.max(...sizes) >= 64 * 1024, `grew to ${Math.max(...sizes)}`);
        assert.ok(sizes.length < 30, `${sizes.length} frames`);
      }
    }
  });

  it('never falls more than drainMs behind a steady stream, and keeps up with a faster one', () => {
    for (const charsPer10ms of [1, 5, 50]) {
      const { clock, smoother, shown } = setup({ drainMs: 250 });
      const arrivals: { at: number; total: number }[] = [];
      let sent = '';
      for (let step = 0; step < 300; step++) {
        const chunk = 'x'.repeat(charsPer10ms);
        smoother.push(chunk);
        sent += chunk;
        arrivals.push({ at: clock.now(), total: sent.length });
        clock.advance(10);
        // Everything that arrived drainMs + a frame ago must be on screen.
        const old = arrivals.filter((a) => a.at <= clock.now() - 250 - 16).at(-1);
        if (old) assert.ok(shown().length >= old.total - 1, `behind at step ${step} with ${charsPer10ms}/10ms`);
      }
    }
  });

  it('never cuts inside a grapheme: emoji ZWJ sequences, skin tones, flags, accents, surrogate pairs', () => {
    // ASCII cuts skip the segmenter, except inside "\r\n" or after a prepended mark (U+0600 joins what follows).
    const alphabet = ['a', ' ', '👨‍👩‍👧‍👦', '👍🏽', '🇫🇷', '🇯🇵', 'e\u0301', '❤️', '🏳️‍🌈', '𝒳', '\n', '\r', '\u0600', '한', 'ก้'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 20 }),
        (pieces, sizes, gaps) => {
          const text = pieces.join('');
          const { clock, releases, smoother, shown } = setup({ drainMs: 100 });
          let offset = 0;
          for (let i = 0; offset < text.length; i++) {
            const size = sizes[i % sizes.length];
            smoother.push(text.slice(offset, offset + size)); // may split a surrogate pair or a cluster
            offset += size;
            clock.advance(gaps[i % gaps.length] % 20); // arrivals closer than drainMs: the stream is live
          }
          smoother.finish();
          clock.advance(200);
          assert.equal(shown(), text);
          const allowed = boundaries(text);
          let at = 0;
          for (const release of releases) {
            at += release.text.length;
            assert.ok(allowed.has(at), `cut at ${at} inside a grapheme of ${JSON.stringify(text)}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finish() releases the rest promptly and says done once', () => {
    const { clock, releases, smoother, shown } = setup({ drainMs: 250 });
    smoother.push('The answer is 42 👍');
    clock.advance(32);
    smoother.finish();
    clock.advance(250 + 16);
    assert.equal(shown(), 'The answer is 42 👍');
    assert.deepEqual(releases.filter((r) => r.done).length, 1);
    assert.equal(releases.at(-1)!.done, true);
    assert.equal(clock.pending, 0, 'no frames requested after the end');
  });

  it('finish() with nothing buffered says done at once', () => {
    const { releases, smoother } = setup();
    smoother.finish();
    assert.deepEqual(releases.map((r) => [r.text, r.done]), [['', true]]);
  });

  it('holds the last grapheme while chunks keep coming, but not through a pause', () => {
    const { clock, smoother, shown } = setup({ drainMs: 100 });
    smoother.push('ok 👍');
    clock.advance(64);
    assert.equal(shown(), 'ok ', 'the thumbs-up may still get a skin tone');
    smoother.push('🏽');
    clock.advance(200);
    assert.equal(shown(), 'ok 👍🏽', 'released whole once the stream paused');
  });

  it('flush() releases everything now; dispose() stops releasing', () => {
    const { clock, releases, smoother, shown } = setup();
    smoother.push('abc');
    smoother.flush();
    assert.equal(shown(), 'abc');
    assert.equal(clock.pending, 0);
    smoother.push('def');
    smoother.dispose();
    clock.advance(500);
    assert.equal(shown(), 'abc');
    smoother.push('ghi');
    clock.advance(500);
    assert.equal(releases.length, 1);
  });

  it('flush() keeps back half a surrogate pair until its other half arrives', () => {
    const { smoother, shown } = setup();
    const thumbs = '👍';
    smoother.push('a' + thumbs[0]);
    smoother.flush();
    assert.equal(shown(), 'a');
    smoother.push(thumbs[1]);
    smoother.flush();
    assert.equal(shown(), 'a' + thumbs);
  });

  it('instant mode (reduced motion, hidden tab) releases each chunk whole, with no frames', () => {
    let instant = true;
    const { clock, releases, smoother, shown } = setup({ instant: () => instant });
    smoother.push('first chunk, ');
    smoother.push('second');
    assert.deepEqual(releases.map((r) => r.text), ['first chunk, ', 'second']);
    assert.equal(clock.pending, 0);
    instant = false;
    smoother.push(' third');
    assert.equal(shown(), 'first chunk, second');
    instant = true; // e.g. the tab was hidden: the next frame lets everything out
    clock.advance(16);
    assert.equal(shown(), 'first chunk, second third');
  });

  it('reports its backlog', () => {
    const { clock, smoother } = setup({ drainMs: 250 });
    smoother.push('x'.repeat(1000));
    assert.equal(smoother.backlog, 1000);
    clock.advance(128);
    assert.ok(smoother.backlog > 300 && smoother.backlog < 700);
    smoother.flush();
    assert.equal(smoother.backlog, 0);
  });
});
