// lazyPart's whenLoaded: what must be in place before a part's first use (its CSS) runs before any
// caller of load() resumes, at once for a part already loaded, and survives a failed download.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lazyPart, PartLoadError } from '../../src/core/lazy-part.js';

test('listeners run when the part arrives, before the callers of load() resume', async () => {
  const order: string[] = [];
  const part = lazyPart('styles', async () => ({ css: 'p{}' }));
  part.whenLoaded((module) => order.push(`listener ${module.css}`));
  const loaded = part.load().then(() => order.push('caller'));
  assert.equal(order.length, 0, 'nothing before the part arrives');
  await loaded;
  assert.deepEqual(order, ['listener p{}', 'caller']);
  part.whenLoaded(() => order.push('late listener'));
  assert.deepEqual(order, ['listener p{}', 'caller', 'late listener'], 'a part already loaded: at once');
});

test('a failed download keeps the listeners for the retry; a throwing listener does not fail the load', async () => {
  let attempt = 0;
  const part = lazyPart('flaky', async () => {
    attempt++;
    if (attempt === 1) throw new Error('503');
    return { ok: true };
  });
  const heard: boolean[] = [];
  part.whenLoaded(() => {
    throw new Error('a broken listener');
  });
  part.whenLoaded((module) => heard.push(module.ok));
  await assert.rejects(part.load(), PartLoadError);
  assert.deepEqual(heard, []);
  assert.deepEqual(await part.load(), { ok: true });
  assert.deepEqual(heard, [true], 'called once, on the load that worked');
});
