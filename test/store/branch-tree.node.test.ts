// Versions of messages: the pure swap of continuations (branch-tree.ts) and the same swaps through a
// store in memory (branch-store.ts), nested versions included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage } from '../../src/core/index.js';
import { keepShownVersion, readBranches, showVersion } from '../../src/store/branch-store.js';
import { keepVersion, readBranch, switchVersion, tailRecords, versionCounts, versionMessages, MAX_BRANCH_DEPTH } from '../../src/store/branch-tree.js';
import { HistoryStore, SCHEMA_VERSION, type BranchRecord, type MessageRecord } from '../../src/store/index.js';

const user = (content: string): ChatMessage => ({ role: 'user', content });
const assistant = (content: string): ChatMessage => ({ role: 'assistant', content });

function records(id: string, from: number, messages: ChatMessage[]): MessageRecord[] {
  return tailRecords(id, from, messages, 1000);
}

const contents = (list: readonly ChatMessage[]) => list.map((m) => m.content);

describe('branch tree (pure)', () => {
  it('keeping a version: the old continuation is kept whole and a new, shown, empty version is added', () => {
    const tail = records('c', 2, [user('Q2'), assistant('A2')]);
    const record = keepVersion(undefined, 'c', 2, tail, [])!;
    assert.equal(record.shown, 1);
    assert.equal(record.versions.length, 2);
    assert.equal(record.versions[1], null);
    assert.deepEqual(contents(record.versions[0]!.messages), ['Q2', 'A2']);
    assert.deepEqual([...versionCounts([record])], [[2, { shown: 1, count: 2 }]]);
  });

  it('an empty continuation is no version: no record, or the record unchanged', () => {
    assert.equal(keepVersion(undefined, 'c', 3, [], []), undefined);
    const record = keepVersion(undefined, 'c', 3, records('c', 3, [assistant('A')]), [])!;
    assert.equal(keepVersion(record, 'c', 3, [], []), record);
  });

  it('a third version goes after the others; switching swaps the shown continuation into its slot', () => {
    let record = keepVersion(undefined, 'c', 1, records('c', 1, [assistant('first')]), [])!;
    record = keepVersion(record, 'c', 1, records('c', 1, [assistant('second')]), [])!;
    assert.equal(record.versions.length, 3);
    assert.equal(record.shown, 2);
    const swap = switchVersion(record, 0, records('c', 1, [assistant('third'), user('more'), assistant('and more')]), [])!;
    assert.deepEqual(contents(swap.messages), ['first']);
    assert.equal(swap.record.shown, 0);
    assert.equal(swap.record.versions[0], null);
    assert.deepEqual(contents(swap.record.versions[2]!.messages), ['third', 'more', 'and more']);
    assert.deepEqual(contents(swap.record.versions[1]!.messages), ['second']);
  });

  it('switching to the version shown or to none changes nothing', () => {
    const record = keepVersion(undefined, 'c', 1, records('c', 1, [assistant('A')]), [])!;
    assert.equal(switchVersion(record, 1, [], []), undefined);
    assert.equal(switchVersion(record, 5, [], []), undefined);
  });

  it('the branch points inside a continuation travel with it', () => {
    const inner = keepVersion(undefined, 'c', 3, records('c', 3, [assistant('inner old')]), [])!;
    const outer = keepVersion(undefined, 'c', 1, records('c', 1, [assistant('A'), user('Q'), assistant('inner new')]), [inner])!;
    const back = switchVersion(outer, 0, [], [])!;
    assert.deepEqual(back.branches.map((b) => b.seq), [3]);
    assert.deepEqual(contents(back.branches[0].versions[0]!.messages), ['inner old']);
  });

  it('reads what it wrote, and refuses broken or newer records (the point then shows one version)', () => {
    const record = keepVersion(undefined, 'c', 1, records('c', 1, [assistant('A')]), [])!;
    assert.deepEqual(readBranch(JSON.parse(JSON.stringify(record))), record);
    assert.equal(readBranch({ ...record, shown: 4 }), undefined);
    assert.equal(readBranch({ ...record, v: SCHEMA_VERSION + 1 }), undefined);
    assert.equal(readBranch({ ...record, versions: [{ messages: [{ role: 'robot', content: 1 }], branches: [] }, null] }), undefined);
    assert.equal(readBranch('nope'), undefined);
  });

  it('an imported version keeps only what a message record keeps; its files are found at every depth', () => {
    const attachment = { id: 'f1', name: 'a.pdf', type: 'application/pdf', size: 3, data: 'data:application/pdf;base64,AAAA' };
    const inner = { seq: 2, shown: 1, versions: [{ messages: [{ role: 'user', content: 'deep', attachments: [attachment], extra: 'x' }], branches: [] }, null] };
    const outer = { seq: 0, shown: 1, versions: [{ messages: [{ role: 'user', content: 'top' }], branches: [inner] }, null] };
    const read = readBranch(outer)!;
    const deep = read.versions[0]!.branches[0].versions[0]!.messages[0];
    assert.deepEqual(deep, { role: 'user', content: 'deep', attachments: [{ id: 'f1', name: 'a.pdf', type: 'application/pdf', size: 3 }] });
    assert.deepEqual(contents(versionMessages([outer as unknown as BranchRecord])), ['top', 'deep']);
  });

  it('nesting deeper than the limit is not read (no unbounded recursion on an import)', () => {
    let deep: BranchRecord = { v: 1, conversationId: 'c', seq: 0, shown: 0, versions: [null] };
    for (let i = 0; i < MAX_BRANCH_DEPTH + 2; i++) {
      deep = { v: 1, conversationId: 'c', seq: 0, shown: 1, versions: [{ messages: [], branches: [deep] }, null] };
    }
    assert.equal(readBranch(deep), undefined);
  });
});

describe('branch store (memory)', () => {
  async function conversation(messages: ChatMessage[]) {
    const store = new HistoryStore({ storage: 'memory' });
    await store.append('c', messages);
    return store;
  }

  it('keep then switch back and forth: the shown messages are always one whole version', async () => {
    const store = await conversation([user('Q1'), assistant('A1'), user('Q2'), assistant('A2')]);
    const counts = await keepShownVersion(store, 'c', 2); // an edit of Q2
    assert.deepEqual([...counts], [[2, { shown: 1, count: 2 }]]);
    assert.deepEqual(contents(await store.loadMessages('c')), ['Q1', 'A1']);
    assert.equal((await store.getConversation('c'))!.count, 2);
    await store.append('c', [user('Q2 edited'), assistant('A2 new'), user('Q3'), assistant('A3')]);

    assert.equal(await showVersion(store, 'c', 2, 0), true);
    assert.deepEqual(contents(await store.loadMessages('c')), ['Q1', 'A1', 'Q2', 'A2']);
    assert.equal((await store.getConversation('c'))!.count, 4);
    assert.equal(await showVersion(store, 'c', 2, 1), true);
    assert.deepEqual(contents(await store.loadMessages('c')), ['Q1', 'A1', 'Q2 edited', 'A2 new', 'Q3', 'A3']);
    assert.deepEqual((await store.loadMessages('c')).map((m) => m.seq), [0, 1, 2, 3, 4, 5]);
  });

  it('a regenerate inside an edited version is kept with it when the outer version switches', async () => {
    const store = await conversation([user('Q1'), assistant('A1')]);
    await keepShownVersion(store, 'c', 0); // edit Q1
    await store.append('c', [user('Q1b'), assistant('A1b')]);
    await keepShownVersion(store, 'c', 1); // regenerate A1b
    await store.append('c', [assistant('A1c')]);
    assert.deepEqual((await readBranches(store, 'c')).map((b) => [b.seq, b.shown, b.versions.length]), [[0, 1, 2], [1, 1, 2]]);

    await showVersion(store, 'c', 0, 0);
    assert.deepEqual(contents(await store.loadMessages('c')), ['Q1', 'A1']);
    assert.deepEqual((await readBranches(store, 'c')).map((b) => b.seq), [0], 'the inner point left with its version');
    await showVersion(store, 'c', 0, 1);
    assert.deepEqual(contents(await store.loadMessages('c')), ['Q1b', 'A1c']);
    await showVersion(store, 'c', 1, 0);
    assert.deepEqual(contents(await store.loadMessages('c')), ['Q1b', 'A1b']);
  });

  it('a truncate drops the points after it; deleting the conversation drops them all', async () => {
    const store = await conversation([user('Q1'), assistant('A1'), user('Q2'), assistant('A2')]);
    await keepShownVersion(store, 'c', 3);
    await store.append('c', [assistant('A2b')]);
    await keepShownVersion(store, 'c', 1);
    await store.append('c', [assistant('A1b')]);
    await store.truncate('c', 0);
    assert.deepEqual((await readBranches(store, 'c')).map((b) => b.seq), [], 'the point at 1 is after 0');
    await keepShownVersion(store, 'c', 0);
    await store.append('c', [user('again')]);
    await keepShownVersion(store, 'c', 0);
    await store.deleteConversation('c');
    assert.deepEqual(await store.loadBranches('c'), []);
  });
});
