// The event buffer between a run and its readers: nothing lost for late or parallel readers,
// consumed events released, a reader that leaves does not disturb the others.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventBuffer } from '../../src/core/event-buffer.js';

async function drain<T>(it: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= limit) break;
  }
  return out;
}

describe('event buffer', () => {
  it('a reader that starts after the end gets every event', async () => {
    const b = new EventBuffer<number>();
    for (let i = 0; i < 1000; i++) b.push(i);
    b.close();
    assert.deepEqual(await drain(b), Array.from({ length: 1000 }, (_, i) => i));
  });

  it('two readers started together both get every event while it is being produced', async () => {
    const b = new EventBuffer<number>();
    const first = drain(b);
    const second = drain(b);
    for (let i = 0; i < 2000; i++) {
      b.push(i);
      if (i % 97 === 0) await new Promise((r) => setImmediate(r));
    }
    b.close();
    const expected = Array.from({ length: 2000 }, (_, i) => i);
    assert.deepEqual(await first, expected);
    assert.deepEqual(await second, expected);
  });

  it('a reader that breaks out does not stop the others, and events behind all readers are released', async () => {
    const b = new EventBuffer<number>();
    const quitter = drain(b, 10);
    const stayer = drain(b);
    for (let i = 0; i < 5000; i++) {
      b.push(i);
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setImmediate(r));
    assert.ok((b as any).items.length < 1000, `kept ${(b as any).items.length} of 5000 events`);
    b.close();
    assert.equal((await quitter).length, 10);
    assert.equal((await stayer).length, 5000);
  });

  it('nothing is pushed after close', async () => {
    const b = new EventBuffer<string>();
    b.push('a');
    b.close();
    b.push('b');
    assert.deepEqual(await drain(b), ['a']);
  });
});
