/**
 * The versions of a conversation's messages, as pure functions over branch records (records.ts
 * `BranchRecord`). The shown version of every branch point lives in the ordinary message records, so
 * the conversation reads as it always did; each other version is kept whole inside the branch record of
 * the message where it forks: its messages from there to its end, and the branch points inside it.
 * Keeping a version and switching to one are both a swap of the tail after that message.
 */
import { chatFields, SCHEMA_VERSION, type BranchRecord, type MessageRecord, type StoredVersion } from './records.js';
import { checkChatMessage, isObject, type Problems } from './validate.js';

/** Versions inside versions deeper than this are not read (an import cannot make a reader recurse without end). */
export const MAX_BRANCH_DEPTH = 64;

/** What the switcher of a message shows: the version on screen (from 0) and how many there are. */
export interface VersionCount {
  shown: number;
  count: number;
}

type StoredMessage = StoredVersion['messages'][number];

/** A message as a version keeps it: the chat fields, how it ended and when it was written. */
function keptMessage(record: MessageRecord): StoredMessage {
  const out: StoredMessage = { ...chatFields(record), createdAt: record.createdAt };
  if (record.status !== 'final') out.status = 'interrupted';
  return out;
}

/** The live continuation from a branch point, as a version to keep. */
function versionOf(tail: readonly MessageRecord[], nested: readonly BranchRecord[]): StoredVersion {
  return { messages: tail.map(keptMessage), branches: [...nested] };
}

/**
 * The branch record at `seq` after an edit or a regenerate there: the continuation shown until now
 * (`tail`, the message records from `seq` on, and `nested`, the branch records after `seq`) becomes a
 * kept version, and a new, empty version is added and shown. Undefined when there is nothing to keep
 * (no record yet and an empty tail); an empty tail under an existing record leaves it as it is (the
 * answer that failed before it said anything is not a version).
 */
export function keepVersion(
  record: BranchRecord | undefined,
  conversationId: string,
  seq: number,
  tail: readonly MessageRecord[],
  nested: readonly BranchRecord[],
): BranchRecord | undefined {
  if (!tail.length) return record;
  const versions = record ? [...record.versions] : [null];
  versions[record?.shown ?? 0] = versionOf(tail, nested);
  versions.push(null);
  return { v: SCHEMA_VERSION, conversationId, seq, shown: versions.length - 1, versions };
}

/** What switching to another version writes: the record, and the version's messages and branch points. */
export interface VersionSwap {
  record: BranchRecord;
  messages: StoredMessage[];
  branches: BranchRecord[];
}

/**
 * Shows version `index` of the branch point `record`: the live continuation (`tail`, `nested`) is kept
 * in its slot and the chosen version's comes out. Undefined when `index` is the version shown or none.
 */
export function switchVersion(
  record: BranchRecord,
  index: number,
  tail: readonly MessageRecord[],
  nested: readonly BranchRecord[],
): VersionSwap | undefined {
  const target = record.versions[index];
  if (index === record.shown || !target) return undefined;
  const versions = [...record.versions];
  versions[record.shown] = versionOf(tail, nested);
  versions[index] = null;
  const branches = target.branches.map((b) => withConversation(b, record.conversationId));
  return { record: { ...record, shown: index, versions }, messages: target.messages, branches };
}

/** The messages of a version as message records from `seq` on. */
export function tailRecords(conversationId: string, seq: number, messages: readonly StoredMessage[], now: number): MessageRecord[] {
  return messages.map((m, i) => ({
    ...chatFields(m),
    v: SCHEMA_VERSION,
    conversationId,
    seq: seq + i,
    status: m.status === 'interrupted' || m.status === 'draft' ? 'interrupted' : 'final',
    createdAt: m.createdAt ?? now,
    updatedAt: now,
  }));
}

/** A branch record (and those inside its versions) moved to conversation `id` (an import, a restore). */
export function withConversation(record: BranchRecord, conversationId: string, depth = 0): BranchRecord {
  if (depth > MAX_BRANCH_DEPTH) return { ...record, conversationId };
  const versions = record.versions.map((v) =>
    v && { messages: v.messages, branches: v.branches.map((b) => withConversation(b, conversationId, depth + 1)) },
  );
  return { ...record, conversationId, versions };
}

/** Per branch point (by seq), the version shown and the count: only points with more than one version. */
export function versionCounts(records: readonly BranchRecord[]): Map<number, VersionCount> {
  const counts = new Map<number, VersionCount>();
  for (const r of records) if (r.versions.length > 1) counts.set(r.seq, { shown: r.shown, count: r.versions.length });
  return counts;
}

/**
 * A stored or imported branch record, checked (with the versions inside it), or undefined when it
 * cannot be used: the conversation then shows its messages as one version, as before any edit.
 */
export function readBranch(value: unknown, depth = 0): BranchRecord | undefined {
  if (!isObject(value) || depth > MAX_BRANCH_DEPTH) return undefined;
  // An export's records may leave out `v` and `conversationId` (the importer sets them).
  const { v = SCHEMA_VERSION, conversationId = '', seq, shown, versions } = value;
  if (typeof v !== 'number' || v > SCHEMA_VERSION || typeof conversationId !== 'string') return undefined;
  if (!isIndex(seq) || !Array.isArray(versions) || !isIndex(shown) || shown >= versions.length) return undefined;
  const read: (StoredVersion | null)[] = [];
  for (const [i, version] of versions.entries()) {
    if (i === shown) {
      read.push(null);
      continue;
    }
    const checked = readVersion(version, depth);
    if (!checked) return undefined;
    read.push(checked);
  }
  return { v: SCHEMA_VERSION, conversationId, seq, shown, versions: read };
}

function readVersion(value: unknown, depth: number): StoredVersion | undefined {
  if (!isObject(value) || !Array.isArray(value.messages) || !Array.isArray(value.branches)) return undefined;
  const problems: Problems = [];
  value.messages.forEach((m, i) => checkChatMessage(m, String(i), problems));
  if (problems.length) return undefined;
  // Only what a message record keeps (an export's `data:` URLs go to the file records, not in here).
  const messages = (value.messages as StoredMessage[]).map((m) => {
    const out: StoredMessage = chatFields(m);
    if (m.status === 'interrupted') out.status = m.status;
    if (typeof m.createdAt === 'number') out.createdAt = m.createdAt;
    return out;
  });
  const branches: BranchRecord[] = [];
  for (const b of value.branches) {
    const checked = readBranch(b, depth + 1);
    if (!checked) return undefined;
    branches.push(checked);
  }
  return { messages, branches };
}

/** Every message kept in the versions of `records`, and in the versions inside them (an export's attachments). */
export function versionMessages(records: readonly BranchRecord[], depth = 0): StoredMessage[] {
  if (depth > MAX_BRANCH_DEPTH) return [];
  return records.flatMap((r) => r.versions.flatMap((v) => (v ? [...v.messages, ...versionMessages(v.branches, depth + 1)] : [])));
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
