/// <reference types="mocha" />
import { assert } from 'chai';
import { DraftWriter, migrate, type DraftClock } from '../../src/store/index.js';
import { assistant, freshKey, openStore, user } from './helpers.js';

/** A clock the test moves by hand: no real waiting, no timing in assertions. */
function manualClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const clock: DraftClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { clock, advance };
}

describe('draft writer', () => {
  it('writes at most once a second, always ends with the latest text, and at once when forced', async () => {
    const { store } = openStore(freshKey('throttle'));
    await store.append('c', [user('q')]);
    const [draft] = await store.append('c', [assistant('')], { status: 'draft' });
    const { clock, advance } = manualClock();
    const writer = new DraftWriter(store, draft, { clock });
    let text = '';
    for (let i = 0; i < 100; i++) {
      text += `word${i} `;
      writer.save(text); // 100 chunks within 0.5 s
      advance(5);
      await writer.settle();
    }
    assert.equal(writer.writes, 1, 'one write for the first half second');
    advance(1000); // the trailing write: the stream paused, its text is saved anyway
    await writer.settle();
    assert.equal(writer.writes, 2);
    assert.equal((await store.loadMessages('c'))[1].content, text);
    writer.save(text + 'block closed\n\n', { force: true });
    await writer.settle();
    assert.equal(writer.writes, 3, 'a forced save writes at once');
    assert.equal((await store.loadMessages('c'))[1].content, text + 'block closed\n\n');
    await writer.close();
    writer.save('ignored after close', { force: true });
    await writer.settle();
    assert.equal((await store.loadMessages('c'))[1].content, text + 'block closed\n\n');
    store.close();
  });

  it('writes the reasoning so far with the text, throttled the same way', async () => {
    const { store } = openStore(freshKey('reasoning'));
    await store.append('c', [user('q')]);
    const [draft] = await store.append('c', [assistant('')], { status: 'draft' });
    const { clock, advance } = manualClock();
    const writer = new DraftWriter(store, draft, { clock });
    let reasoning = '';
    for (let i = 0; i < 50; i++) {
      reasoning += `thought${i} `;
      writer.save('', { reasoning }); // the model thinks before it answers: no text yet
      advance(5);
      await writer.settle();
    }
    assert.equal(writer.writes, 1, 'one write for the first quarter second');
    advance(1000);
    await writer.settle();
    assert.equal(writer.writes, 2, 'the trailing write');
    let [, stored] = await store.loadMessages('c');
    assert.deepEqual([stored.content, stored.reasoning], ['', reasoning]);
    writer.save('The answer', { force: true }); // the text goes on; the reasoning stays as it was
    await writer.settle();
    [, stored] = await store.loadMessages('c');
    assert.deepEqual([stored.content, stored.reasoning], ['The answer', reasoning], 'one write holds both');
    assert.equal(writer.writes, 3);
    writer.save('The answer', { force: true });
    await writer.settle();
    assert.equal(writer.writes, 3, 'nothing new, nothing written');
    store.close();
  });

  it('writes the prefix of a continued answer before the new text', async () => {
    const { store } = openStore(freshKey('prefix'));
    const [draft] = await store.append('c', [assistant('Once upon')], { status: 'interrupted' });
    const writer = new DraftWriter(store, { ...draft, status: 'draft' }, { prefix: 'Once upon' });
    writer.save(' a time', { force: true });
    await writer.close();
    assert.equal((await store.loadMessages('c'))[0].content, 'Once upon a time');
    store.close();
  });
});

describe('migrate()', () => {
  it('runs one step per version and rejects what it cannot read', () => {
    const steps = {
      0: (r: Record<string, unknown>) => ({ ...r, a: 1 }),
      1: (r: Record<string, unknown>) => ({ ...r, b: (r.a as number) + 1 }),
    };
    const result = migrate({ x: true }, steps, 2);
    assert.deepEqual(result, { ok: true, migrated: true, record: { x: true, a: 1, b: 2, v: 2 } });
    assert.deepEqual(migrate({ v: 2, y: 1 }, steps, 2), { ok: true, migrated: false, record: { v: 2, y: 1 } });
    assert.isFalse(migrate({ v: 3 }, steps, 2).ok);
    assert.isFalse(migrate({ v: 'one' }, steps, 2).ok);
    assert.isFalse(migrate(null, steps, 2).ok);
    assert.deepEqual(migrate({ v: 0 }, { 1: (r) => r }, 2), { ok: false, reason: 'has schema 0, which has no migration' });
  });
});
