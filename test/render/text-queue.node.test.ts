import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextQueue } from '../../src/render/text-queue.js';

describe('TextQueue', () => {
  it('gives back the text in order however it was pushed and taken', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 50 }), { maxLength: 40 }), fc.array(fc.nat(80), { minLength: 1, maxLength: 20 }), (chunks, takes) => {
        const queue = new TextQueue();
        const text = chunks.join('');
        let out = '';
        let pushed = 0;
        for (let i = 0; pushed < chunks.length || queue.length; i++) {
          if (pushed < chunks.length) queue.push(chunks[pushed++]);
          const held = text.slice(out.length, text.length - chunks.slice(pushed).join('').length);
          assert.equal(queue.length, held.length);
          if (held) assert.equal(queue.last.at(-1), held.at(-1));
          out += queue.take(Math.min(takes[i % takes.length], queue.length));
          if (pushed === chunks.length && takes.every((t) => t === 0)) out += queue.take(queue.length);
        }
        assert.equal(out, text);
      }),
    );
  });

  it('joins only the chunks a cut reaches, so a long backlog is not copied on every release', () => {
    const queue = new TextQueue();
    for (let i = 0; i < 2_500; i++) queue.push('x'.repeat(2_000)); // 5 MB in 2,000-character chunks
    const front = queue.peek(8_000);
    assert.ok(front.length >= 8_000 && front.length < 8_000 + 2_000, `front of ${front.length}`);
    assert.equal(queue.take(8_000).length, 8_000);
    queue.push('y');
    assert.ok(queue.peek(8_000).length < 10_000);
    assert.equal(queue.length, 5_000_000 - 8_000 + 1);
    assert.equal(queue.last, 'y');
  });
});
