/**
 * Versions in the store: keeping the continuation an edit or a regenerate replaces, and switching the
 * version shown. Each is one read of the conversation's records and one write transaction (the tail
 * deleted and rewritten with the branch records and the conversation's count), announced to the other
 * tabs like any change of the conversation. See branch-tree.ts for the shape.
 */
import type { Entry } from './backend.js';
import { keepVersion, readBranch, switchVersion, tailRecords, versionCounts, type VersionCount } from './branch-tree.js';
import type { HistoryStore } from './history-store.js';
import { branchKey, conversationKey, keyOf, type BranchRecord, type MessageRecord } from './records.js';

/** The conversation's readable branch records (an unreadable one is left out: its point shows one version). */
export async function readBranches(store: HistoryStore, id: string): Promise<BranchRecord[]> {
  return (await store.loadBranches(id)).map((value) => readBranch(value)).filter((b): b is BranchRecord => !!b);
}

/** The version counts of conversation `id`, for its switchers. */
export async function loadVersionCounts(store: HistoryStore, id: string): Promise<Map<number, VersionCount>> {
  return versionCounts(await readBranches(store, id));
}

interface Tail {
  branches: BranchRecord[];
  /** The message records from `seq` on. */
  tail: MessageRecord[];
  /** The branch records after `seq` (inside the shown continuation). */
  nested: BranchRecord[];
  at: BranchRecord | undefined;
}

async function readTail(store: HistoryStore, id: string, seq: number): Promise<Tail> {
  const [messages, branches] = await Promise.all([store.loadMessages(id), readBranches(store, id)]);
  return {
    branches,
    tail: messages.filter((m) => m.seq >= seq),
    nested: branches.filter((b) => b.seq > seq),
    at: branches.find((b) => b.seq === seq),
  };
}

/** The conversation record with its new message count (a swap changes where the conversation ends). */
async function countEntry(store: HistoryStore, id: string, count: number, now: number): Promise<Entry[]> {
  const conversation = await store.getConversation(id);
  return conversation ? [[conversationKey(id), { ...conversation, count, updatedAt: now }]] : [];
}

/**
 * An edit or a regenerate is about to replace the message at `seq`: the continuation shown from there
 * is kept as a version of it, and removed from the shown conversation (the new version takes its place).
 * Returns the conversation's version counts after it.
 */
export async function keepShownVersion(store: HistoryStore, id: string, seq: number): Promise<Map<number, VersionCount>> {
  const { branches, tail, nested, at } = await readTail(store, id, seq);
  const record = keepVersion(at, id, seq, tail, nested);
  if (!record || record === at) return versionCounts(branches);
  const entries: Entry[] = [[branchKey(id, seq), record], ...(await countEntry(store, id, seq, Date.now()))];
  await store.rewrite(id, seq, entries);
  return versionCounts([...branches.filter((b) => b.seq < seq), record]);
}

/** Shows version `index` of the message at `seq`. False when there is no such version (nothing changed). */
export async function showVersion(store: HistoryStore, id: string, seq: number, index: number): Promise<boolean> {
  const { tail, nested, at } = await readTail(store, id, seq);
  const swap = at && switchVersion(at, index, tail, nested);
  if (!swap) return false;
  const now = Date.now();
  const messages = tailRecords(id, seq, swap.messages, now);
  const entries: Entry[] = [
    [branchKey(id, seq), swap.record],
    ...messages.map((m): Entry => [keyOf(m), m]),
    ...swap.branches.map((b): Entry => [branchKey(id, b.seq), b]),
    ...(await countEntry(store, id, seq + messages.length, now)),
  ];
  await store.rewrite(id, seq, entries);
  return true;
}
