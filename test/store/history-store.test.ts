/// <reference types="mocha" />
import { assert, expect } from 'chai';
import { createStore, entries } from 'idb-keyval';
import { DraftWriter, HistoryStore, databaseName } from '../../src/store/index.js';
import { assistant, freshKey, openStore, user } from './helpers.js';

describe('history store: layout', () => {
  it('keeps one record per conversation and one per message, under array keys', async () => {
    const key = freshKey('layout');
    const { store } = openStore(key);
    await store.append('c1', [user('How do tides work?'), assistant('The moon pulls the sea.')], { model: 'dev' });
    const raw = await entries(createStore(databaseName(key), 'kv'));
    const keys = raw.map(([k]) => JSON.stringify(k)).sort();
    assert.deepEqual(keys, ['["c","c1"]', '["m","c1",0]', '["m","c1",1]']);
    const conversation = raw.find(([k]) => (k as string[])[0] === 'c')![1];
    expect(conversation).to.include({ id: 'c1', title: 'How do tides work?', count: 2, model: 'dev', v: 1 });
    for (const [, value] of raw) assert.equal((value as { v: number }).v, 1, 'every record carries the schema version');
    store.close();
  });

  it('saving a draft writes the message only, never the conversation', async () => {
    const key = freshKey('draft-only');
    const { store } = openStore(key, { stats: true });
    await store.append('c1', [user('hi')]);
    const [draft] = await store.append('c1', [assistant('')], { status: 'draft' });
    const before = await store.getConversation('c1');
    const writesBefore = store.stats!.transactions;
    await store.saveMessage({ ...draft, content: 'partial answer' });
    assert.equal(store.stats!.transactions, writesBefore + 1);
    assert.deepEqual(await store.getConversation('c1'), before, 'the conversation record is untouched');
    const messages = await store.loadMessages('c1');
    assert.deepEqual(messages.map((m) => [m.content, m.status]), [['hi', 'final'], ['partial answer', 'draft']]);
    store.close();
  });

  it('lists conversations newest first, titled from the first user message, renamable', async () => {
    const { store } = openStore(freshKey('list'));
    await store.append('old', [user('First question\nwith a second line')]);
    await new Promise((r) => setTimeout(r, 5));
    await store.append('new', [user('Second question')]);
    let list = await store.listConversations();
    assert.deepEqual(list.map((c) => c.title), ['Second question', 'First question']);
    await store.renameConversation('old', 'Renamed');
    await store.append('old', [user('another user message')]);
    list = await store.listConversations();
    assert.deepEqual(list.map((c) => c.title), ['Renamed', 'Second question'], 'a renamed title stays');
    store.close();
  });

  it('reads the last screen of a long conversation, then what is before it', async () => {
    const { store } = openStore(freshKey('tail'));
    await store.append('long', Array.from({ length: 100 }, (_, i) => user(`message ${i}`)));
    const tail = await store.loadMessages('long', { last: 30 });
    assert.deepEqual([tail[0].content, tail.at(-1)!.content, tail.length], ['message 70', 'message 99', 30]);
    const before = await store.loadMessages('long', { before: tail[0].seq });
    assert.deepEqual([before[0].content, before.at(-1)!.content, before.length], ['message 0', 'message 69', 70]);
    store.close();
  });

  it('deletes one conversation, or all, and keeps namespaces apart', async () => {
    const alice = openStore(freshKey('alice')).store;
    const bob = openStore(freshKey('bob')).store;
    await alice.append('a1', [user('alice 1')]);
    await alice.append('a2', [user('alice 2')]);
    await bob.append('b1', [user('bob 1')]);
    await alice.deleteConversation('a1');
    assert.deepEqual((await alice.listConversations()).map((c) => c.id), ['a2']);
    assert.deepEqual(await alice.loadMessages('a1'), []);
    await alice.clearAll();
    assert.deepEqual(await alice.listConversations(), []);
    assert.deepEqual((await bob.listConversations()).map((c) => c.title), ['bob 1'], "another user's history stays");
    alice.close();
    bob.close();
  });
});

describe('history store: reload mid-stream', () => {
  it('keeps the partial answer, marked interrupted, after a reload', async () => {
    const key = freshKey('reload');
    const first = openStore(key).store;
    await first.append('c1', [user('Tell me a long story')]);
    const [draft] = await first.append('c1', [assistant('')], { status: 'draft' });
    const writer = new DraftWriter(first, draft);
    writer.save('Once upon a time');
    writer.save('Once upon a time, in a land', { force: true });
    await writer.settle();
    first.close(); // the tab goes away without finishing the answer

    const second = openStore(key).store; // the reloaded page
    const loaded = await second.recoverDrafts(await second.loadMessages('c1'));
    assert.deepEqual(
      loaded.map((m) => [m.role, m.content, m.status]),
      [['user', 'Tell me a long story', 'final'], ['assistant', 'Once upon a time, in a land', 'interrupted']],
    );
    const again = await second.loadMessages('c1');
    assert.equal(again[1].status, 'interrupted', 'the interrupted mark is stored');
    second.close();
  });

  it('replaces the draft by the final message under the same key', async () => {
    const { store } = openStore(freshKey('final'));
    await store.append('c1', [user('q')]);
    const [draft] = await store.append('c1', [assistant('')], { status: 'draft' });
    await store.saveMessage({ ...draft, content: 'half' });
    await store.finish(draft, [assistant('the whole answer')], { finishReason: 'stop' });
    const messages = await store.loadMessages('c1');
    assert.deepEqual(messages.map((m) => [m.seq, m.content, m.status]), [[0, 'q', 'final'], [1, 'the whole answer', 'final']]);
    assert.equal((await store.getConversation('c1'))!.count, 2);
    store.close();
  });

  it('leaves a draft alone while another tab is still streaming it', async () => {
    const key = freshKey('streaming-elsewhere');
    const writerTab = openStore(key).store;
    const readerTab = openStore(key).store;
    await writerTab.append('c1', [user('q')]);
    const release = await writerTab.acquire('c1');
    assert.isFunction(release);
    await writerTab.append('c1', [assistant('so far')], { status: 'draft' });
    assert.isTrue(await readerTab.isAnsweringElsewhere('c1'));
    assert.isNull(await readerTab.acquire('c1'), 'a second tab cannot stream into the same conversation');
    const seen = await readerTab.recoverDrafts(await readerTab.loadMessages('c1'));
    assert.equal(seen[1].status, 'draft');
    await release!();
    assert.isFalse(await readerTab.isAnsweringElsewhere('c1'));
    writerTab.close();
    readerTab.close();
  });
});

describe('history store: several tabs', () => {
  it('two stores appending to one conversation at once lose and duplicate nothing', async () => {
    const key = freshKey('concurrent');
    const a = openStore(key).store;
    const b = openStore(key).store;
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      writes.push(a.append('shared', [user(`a${i}`)]));
      writes.push(b.append('shared', [user(`b${i}`), assistant(`b${i} answer`)]));
    }
    await Promise.all(writes);
    const messages = await openStore(key).store.loadMessages('shared');
    assert.equal(messages.length, 120);
    assert.deepEqual(messages.map((m) => m.seq), [...Array(120).keys()], 'seqs are unique and dense');
    const contents = messages.map((m) => m.content);
    assert.equal(new Set(contents).size, 120, 'nothing duplicated');
    for (let i = 0; i < 40; i++) {
      const at = contents.indexOf(`b${i}`);
      assert.equal(contents[at + 1], `b${i} answer`, 'messages appended together stay together');
    }
    assert.equal((await a.getConversation('shared'))!.count, 120);
    a.close();
    b.close();
  });

  it('a page in a same-origin iframe writing at the same time loses and duplicates nothing', async () => {
    const key = freshKey('iframe');
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script type="module">
      import { HistoryStore } from '/src/store/index.ts';
      window.store = new HistoryStore({ storageKey: ${JSON.stringify(key)} });
      window.parent.postMessage('ready', '*');
    </script>`;
    const ready = new Promise((resolve) => addEventListener('message', function on(e) {
      if (e.data === 'ready') { removeEventListener('message', on); resolve(null); }
    }));
    document.body.append(frame);
    await ready;
    const other = (frame.contentWindow as unknown as { store: HistoryStore }).store;
    const mine = openStore(key).store;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => [other.append('c', [user(`frame ${i}`)]), mine.append('c', [user(`page ${i}`)])]).flat(),
    );
    const messages = await mine.loadMessages('c');
    assert.equal(messages.length, 60);
    assert.equal(new Set(messages.map((m) => m.content)).size, 60);
    assert.deepEqual(messages.map((m) => m.seq), [...Array(60).keys()]);
    other.close();
    mine.close();
    frame.remove();
  });

  it('tells the other tabs what changed', async () => {
    const key = freshKey('broadcast');
    const a = openStore(key).store;
    const b = openStore(key).store;
    const heard = new Promise<unknown>((resolve) => b.subscribe((change, remote) => remote && resolve(change)));
    await a.append('c9', [user('hello')]);
    assert.deepEqual(await heard, { type: 'conversation', id: 'c9' });
    const deleted = new Promise<unknown>((resolve) => b.subscribe((change, remote) => remote && change.type === 'deleted' && resolve(change)));
    await a.deleteConversation('c9');
    assert.deepEqual(await deleted, { type: 'deleted', id: 'c9' });
    a.close();
    b.close();
  });
});

describe('history store: storage kinds', () => {
  it("'memory' and 'none' keep the history in the store itself, never in IndexedDB", async () => {
    const key = freshKey('kinds');
    const m1 = new HistoryStore({ storage: 'memory', storageKey: key });
    await m1.append('c', [user('kept in memory')]);
    assert.deepEqual((await m1.loadMessages('c')).map((m) => m.content), ['kept in memory']);
    const m2 = new HistoryStore({ storage: 'memory', storageKey: key });
    assert.deepEqual(await m2.listConversations(), [], 'two widgets on one page do not share a memory history');
    const n1 = new HistoryStore({ storage: 'none', storageKey: key });
    await n1.append('c', [user('only here')]);
    assert.deepEqual((await n1.loadMessages('c')).map((m) => m.content), ['only here']);
    assert.deepEqual(await new HistoryStore({ storage: 'none', storageKey: key }).listConversations(), []);
    const idb = new HistoryStore({ storageKey: key });
    assert.deepEqual(await idb.listConversations(), [], 'nothing reached IndexedDB');
    idb.close();
  });
});
