/**
 * The conversation history of one namespace: conversations, their messages, drafts of answers that are
 * still streaming, and the tabs that share them. Nothing here throws at the page: when IndexedDB fails,
 * the store reopens and retries once, then moves to memory (seeded with everything seen so far), reports
 * the problem once, and carries on.
 */
import type { ChatMessage } from '../core/index.js';
import type { Backend, Entry } from './backend.js';
import { IdbBackend, type StoreFactory } from './idb-backend.js';
import { MemoryBackend } from './memory-backend.js';
import { migrate } from './migrate.js';
import {
  ALL_BRANCHES,
  ALL_FILES,
  branchKey,
  branchesOf,
  ALL_MESSAGES,
  fileKey,
  filesOf,
  CONVERSATIONS,
  SCHEMA_VERSION,
  chatFields,
  conversationKey,
  isKeyOf,
  keyOf,
  messageKey,
  messagesOf,
  newId,
  titleFrom,
  type ConversationRecord,
  type MessageRecord,
  type MessageStatus,
  type StoreKey,
} from './records.js';
import { PROBLEM_MESSAGES, reasonOf, type StorageProblem, type StorageProblemReason } from './storage-problem.js';
import { TabSync, type ChangeListener, type HistoryChange, type Release } from './tab-sync.js';
import { checkConversationRecord, checkMessageRecord } from './validate.js';

export type StorageKind = 'indexeddb' | 'memory' | 'none';

export interface HistoryStoreOptions {
  /**
   * `indexeddb` (default); `memory`: kept by this store for the life of the page (each element has
   * its own, so several widgets on a page never see each other's conversations); `none`: the same
   * engine, for a UI that offers no history (no list), only the conversations of this visit.
   */
  storage?: StorageKind;
  /** Namespace, e.g. the signed-in user's id: each gets its own database. */
  storageKey?: string;
  /** Told once when storage falls back to memory, and for every corrupt record skipped. */
  onProblem?: (problem: StorageProblem) => void;
  /** Replaces idb-keyval's createStore (tests inject failures through it). */
  storeFactory?: StoreFactory;
  /** Count transactions and bytes written (benchmarks). */
  stats?: boolean;
}

export interface AppendOptions {
  status?: MessageStatus;
  model?: string;
  finishReason?: string;
}

/** Databases are named per namespace, so clearing or deleting one user's history never touches another's. */
export function databaseName(storageKey?: string): string {
  return storageKey ? `stream-chat:${storageKey}` : 'stream-chat';
}

export class HistoryStore {
  readonly storage: StorageKind;
  readonly dbName: string;
  #backend: Backend;
  #sync: TabSync;
  #onProblem?: (problem: StorageProblem) => void;
  #problem: StorageProblem | null = null;
  /** Everything read or written while on IndexedDB: the seed of the memory copy if it fails. */
  #mirror = new Map<string, Entry>();
  #reported = new Set<string>();
  /** Per conversation, the unreadable message records found so far (by the same identity as #reported). */
  #unreadable = new Map<string, Set<string>>();
  /** Conversations whose answer lock this store holds (so its own lock is not "another tab"). */
  #holding = new Set<string>();

  constructor(options: HistoryStoreOptions = {}) {
    this.storage = options.storage ?? 'indexeddb';
    this.dbName = databaseName(options.storageKey);
    this.#onProblem = options.onProblem;
    if (this.storage === 'indexeddb') {
      this.#backend = new IdbBackend(this.dbName, options.storeFactory, {
        stats: options.stats,
        // Another tab's delete or upgrade goes through at once; this tab carries on in memory.
        onVersionChange: () => this.#fallBack(undefined, 'versionchange'),
      });
    } else {
      this.#backend = new MemoryBackend();
    }
    this.#sync = new TabSync(this.dbName, this.storage === 'indexeddb');
  }

  /** Where the history lives now: `memory` after a fallback. */
  get backendKind(): 'indexeddb' | 'memory' {
    return this.#backend.kind;
  }

  /** The fallback notice, once storage failed; null while all is well. */
  get problem(): StorageProblem | null {
    return this.#problem;
  }

  get stats() {
    return this.#backend.stats;
  }

  // ---- reading ----

  /**
   * Every conversation, newest first. Unreadable records are skipped and reported; a conversation's
   * `count` leaves out the messages found unreadable so far, which are in `unreadable`.
   */
  async listConversations(): Promise<ConversationRecord[]> {
    const raw = await this.#run((b) => b.range(...CONVERSATIONS));
    const list = raw.map((v) => this.#readConversation(v)).filter((c): c is ConversationRecord => !!c);
    return list.map((c) => this.#withUnreadable(c)).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  #withUnreadable(record: ConversationRecord): ConversationRecord {
    const unreadable = this.#unreadable.get(record.id)?.size ?? 0;
    return unreadable ? { ...record, count: Math.max(0, record.count - unreadable), unreadable } : record;
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const raw = await this.#run((b) => b.get(conversationKey(id)));
    return raw === undefined ? undefined : this.#readConversation(raw);
  }

  /**
   * A conversation's messages in order. `last`: only the last N (the screen a user sees first); load the
   * rest with `before` (messages with a seq below it).
   */
  async loadMessages(id: string, options: { last?: number; before?: number } = {}): Promise<MessageRecord[]> {
    const [lower, upper] = messagesOf(id);
    const top = options.before === undefined ? upper : messageKey(id, options.before - 1);
    const raw = await this.#run((b) =>
      options.last === undefined ? b.range(lower, top) : b.range(lower, top, { reverse: true, limit: options.last }),
    );
    if (options.last !== undefined) raw.reverse();
    return raw.map((v) => this.#readMessage(v, id)).filter((m): m is MessageRecord => !!m);
  }

  /** The conversation's branch records, raw (store/branch-tree.ts reads them; usually there are none). */
  loadBranches(id: string): Promise<unknown[]> {
    return this.#run((b) => b.range(...branchesOf(id)));
  }

  // ---- writing ----

  /**
   * Appends messages after the conversation's last one, creating the conversation if needed. The seqs
   * are allocated inside the write transaction, so two tabs appending at once neither collide nor
   * overwrite each other. Only the chat fields are stored (no option, header or key).
   */
  async append(conversationId: string, messages: ChatMessage[], options: AppendOptions = {}): Promise<MessageRecord[]> {
    const now = Date.now();
    const entries = await this.#write(
      (b) =>
        b.append(conversationKey(conversationId), messagesOf(conversationId), (lastSeq, stored) =>
          this.#plan(conversationId, stored, lastSeq, messages, options, now),
        ),
      { type: 'conversation', id: conversationId },
    );
    return entries.slice(0, -1).map(([, v]) => v as MessageRecord);
  }

  #plan(
    id: string,
    stored: unknown,
    lastSeq: number,
    messages: ChatMessage[],
    options: AppendOptions,
    now: number,
    replace?: MessageRecord,
  ): Entry[] {
    const previous = stored === undefined ? undefined : this.#readConversation(stored, false);
    const conversation: ConversationRecord = previous ?? {
      v: SCHEMA_VERSION, id, title: '', createdAt: now, updatedAt: now, count: 0,
    };
    const records: MessageRecord[] = messages.map((message, i) => {
      const seq = replace && i === 0 ? replace.seq : lastSeq + 1 + (replace ? i - 1 : i);
      const record: MessageRecord = {
        ...chatFields(message),
        v: SCHEMA_VERSION,
        conversationId: id,
        seq,
        status: options.status ?? 'final',
        createdAt: replace && i === 0 ? replace.createdAt : now,
        updatedAt: now,
      };
      if (options.finishReason && message.role === 'assistant') record.finishReason = options.finishReason;
      return record;
    });
    const newLast = Math.max(lastSeq, ...records.map((r) => r.seq));
    const firstUser = records.find((r) => r.role === 'user' && r.content);
    const next: ConversationRecord = {
      ...conversation,
      v: SCHEMA_VERSION,
      updatedAt: now,
      count: newLast + 1,
      title: !conversation.title && !conversation.renamed && firstUser ? titleFrom(firstUser.content) : conversation.title,
    };
    if (options.model) next.model = options.model;
    const out: Entry[] = records.map((r) => [keyOf(r), r]);
    out.push([conversationKey(id), next]);
    return out;
  }

  /**
   * Writes one message where it already is (a draft being updated): one small record, the
   * conversation record untouched.
   */
  async saveMessage(record: MessageRecord): Promise<MessageRecord> {
    const next: MessageRecord = { ...record, ...chatFields(record), updatedAt: Date.now() };
    if (!next.feedback) delete next.feedback; // a rating taken back
    await this.#put([[keyOf(next), next]], { type: 'conversation', id: record.conversationId, seq: record.seq, draft: next.status === 'draft' });
    return next;
  }

  /**
   * Ends a streamed answer: the first message takes the draft's key (same seq), the others (tool calls,
   * tool results, later steps) follow it; all in one transaction with the conversation record.
   */
  async finish(draft: MessageRecord, messages: ChatMessage[], options: AppendOptions = {}): Promise<MessageRecord[]> {
    if (!messages.length) messages = [{ role: 'assistant', content: draft.content }];
    const now = Date.now();
    const id = draft.conversationId;
    const entries = await this.#write(
      (b) => b.append(conversationKey(id), messagesOf(id), (lastSeq, stored) => this.#plan(id, stored, lastSeq, messages, options, now, draft)),
      { type: 'conversation', id },
    );
    return entries.slice(0, -1).map(([, v]) => v as MessageRecord);
  }

  /**
   * Removes the messages from `fromSeq` on, keeping the conversation, and the branch points after it
   * (their shown version is gone). Versions kept at `fromSeq` stay: the next message there is the shown one.
   */
  async truncate(id: string, fromSeq: number): Promise<void> {
    await this.#delete(tailOf(id, fromSeq), (key) => isKeyOf(key, id, fromSeq), null);
    await this.#write(
      (b) => b.append(conversationKey(id), messagesOf(id), (lastSeq, stored) => this.#plan(id, stored, lastSeq, [], {}, Date.now())),
      { type: 'conversation', id },
    );
  }

  /**
   * Writes a whole conversation read from an export. An id already in use gets a fresh one, so an
   * import never overwrites a conversation.
   */
  async importConversation(
    conversation: Pick<ConversationRecord, 'title'> & Partial<ConversationRecord>,
    messages: (ChatMessage & { createdAt?: number; status?: MessageStatus })[],
  ): Promise<ConversationRecord> {
    let id = conversation.id || newId();
    if (await this.getConversation(id)) id = newId();
    const now = Date.now();
    const records = messages.map((m, seq): MessageRecord => ({
      ...chatFields(m),
      v: SCHEMA_VERSION,
      conversationId: id,
      seq,
      status: m.status === 'interrupted' || m.status === 'draft' ? 'interrupted' : 'final',
      createdAt: m.createdAt ?? now,
      updatedAt: m.createdAt ?? now,
    }));
    const record: ConversationRecord = {
      v: SCHEMA_VERSION,
      id,
      title: conversation.title || titleFrom(messages.find((m) => m.role === 'user')?.content ?? ''),
      renamed: !!conversation.title,
      createdAt: conversation.createdAt ?? now,
      updatedAt: conversation.updatedAt ?? now,
      count: records.length,
    };
    if (conversation.model) record.model = conversation.model;
    await this.#put([...records.map((r): Entry => [keyOf(r), r]), [conversationKey(id), record]], { type: 'conversation', id });
    return record;
  }

  /**
   * Replaces conversation `id` from message `fromSeq` on (its messages from there, its branch records
   * after it) by `entries`, in one transaction: a version switched in or kept apart, versions imported.
   */
  rewrite(id: string, fromSeq: number, entries: Entry[]): Promise<void> {
    return this.#delete(tailOf(id, fromSeq), (key) => isKeyOf(key, id, fromSeq), { type: 'conversation', id }, entries);
  }

  async renameConversation(id: string, title: string): Promise<void> {
    const current = await this.getConversation(id);
    if (!current) return;
    const next: ConversationRecord = { ...current, title: title.trim(), renamed: true, v: SCHEMA_VERSION };
    await this.#put([[conversationKey(id), next]], { type: 'conversation', id });
  }

  async deleteConversation(id: string): Promise<void> {
    await this.#delete([[conversationKey(id), conversationKey(id)], messagesOf(id), filesOf(id), branchesOf(id)], (key) => isKeyOf(key, id), { type: 'deleted', id });
  }

  /** Deletes every conversation of this namespace (the remembered API key lives elsewhere and stays). */
  async clearAll(): Promise<void> {
    await this.#delete([CONVERSATIONS, ALL_MESSAGES, ALL_FILES, ALL_BRANCHES], () => true, { type: 'cleared' });
  }

  // ---- attachments ----

  /** Keeps the bytes of files sent in conversation `id`, as Blobs (a message record holds only their description). */
  async saveFiles(id: string, files: { id: string; blob: Blob }[]): Promise<void> {
    if (files.length) await this.#put(files.map((f) => [fileKey(id, f.id), f.blob]), null);
  }

  /** The bytes of file `fileId` of conversation `id`, or undefined when they are not kept. */
  async loadFile(id: string, fileId: string): Promise<Blob | undefined> {
    const value = await this.#run((b) => b.get(fileKey(id, fileId)));
    return value instanceof Blob ? value : undefined;
  }

  /** Every stored key and value, raw (tests scan them; export builds on the readers above). */
  rawEntries(): Promise<Entry[]> {
    return this.#run((b) => b.entries());
  }

  // ---- tabs ----

  /** Changes made here and in other tabs. The listener's second argument says which. */
  subscribe(listener: ChangeListener): () => void {
    return this.#sync.subscribe(listener);
  }

  /** The conversation's answer lock (see TabSync.acquire); null when another tab is answering. */
  async acquire(id: string, options: { wait?: boolean; signal?: AbortSignal } = {}): Promise<Release | null> {
    const release = await this.#sync.acquire(id, options);
    if (!release) return null;
    this.#holding.add(id);
    return () => {
      this.#holding.delete(id);
      return release();
    };
  }

  /** True while another tab (or another store on this page) is streaming into the conversation. */
  async isAnsweringElsewhere(id: string): Promise<boolean> {
    if (this.#holding.has(id)) return false;
    return this.#sync.isAnswering(id);
  }

  /**
   * Drafts whose writer is gone (the tab was closed or reloaded mid-stream) become `interrupted`, so
   * they can be continued or regenerated. A draft still being streamed by another tab is left as is.
   */
  async recoverDrafts(messages: MessageRecord[]): Promise<MessageRecord[]> {
    const drafts = messages.filter((m) => m.status === 'draft');
    if (!drafts.length || (await this.isAnsweringElsewhere(drafts[0].conversationId))) return messages;
    if (this.#holding.has(drafts[0].conversationId)) return messages;
    const fixed = drafts.map((d): MessageRecord => ({ ...d, status: 'interrupted' }));
    await this.#put(fixed.map((r): Entry => [keyOf(r), r]), null);
    return messages.map((m) => fixed.find((f) => f.seq === m.seq && m.status === 'draft') ?? m);
  }

  close(): void {
    this.#sync.close();
    this.#backend.close();
  }

  // ---- reading records safely ----

  #readConversation(value: unknown, report = true): ConversationRecord | undefined {
    return this.#read(value, checkConversationRecord, report) as ConversationRecord | undefined;
  }

  #readMessage(value: unknown, conversationId: string): MessageRecord | undefined {
    return this.#read(value, checkMessageRecord, true, conversationId) as MessageRecord | undefined;
  }

  #read(value: unknown, check: (v: unknown) => { message: string }[], report: boolean, conversationId?: string) {
    const migrated = migrate(value);
    const problems = migrated.ok ? check(migrated.record) : [{ message: `the record ${migrated.reason}` }];
    if (!problems.length && migrated.ok) {
      const record = migrated.record as unknown as ConversationRecord | MessageRecord;
      if (this.#backend.kind === 'indexeddb') this.#mirror.set(JSON.stringify(keyOf(record)), [keyOf(record), record]);
      return record;
    }
    if (report) this.#reportCorrupt(value, problems.map((p) => p.message).join('; '), conversationId);
    return undefined;
  }

  #reportCorrupt(value: unknown, detail: string, conversationId?: string): void {
    const v = value as Record<string, unknown> | null;
    const key: StoreKey | undefined =
      v && typeof v === 'object' && typeof v.conversationId === 'string' && typeof v.seq === 'number'
        ? messageKey(v.conversationId, v.seq)
        : v && typeof v === 'object' && typeof v.id === 'string'
          ? conversationKey(v.id)
          : undefined;
    const id = JSON.stringify(key ?? value ?? null).slice(0, 200);
    if (conversationId !== undefined) {
      const found = this.#unreadable.get(conversationId) ?? new Set<string>();
      this.#unreadable.set(conversationId, found.add(id));
    }
    if (this.#reported.has(id)) return;
    this.#reported.add(id);
    this.#onProblem?.({
      kind: 'storage',
      reason: 'corrupt',
      message: `${PROBLEM_MESSAGES.corrupt} (${detail})`,
      retryable: false,
      fallback: false,
      key,
    });
  }

  // ---- writing: every write goes through here ----

  /**
   * Runs a write, keeps the memory copy complete with what it wrote (the seed of the fallback), and
   * tells the other tabs (`change`; null for a write they need not hear of).
   */
  async #write(write: (backend: Backend) => Promise<Entry[]>, change: HistoryChange | null): Promise<Entry[]> {
    const entries = await this.#run(write);
    this.#mirrorPut(entries);
    if (change) this.#sync.announce(change);
    return entries;
  }

  #put(entries: Entry[], change: HistoryChange | null): Promise<Entry[]> {
    return this.#write(async (b) => (await b.put(entries), entries), change);
  }

  /** Deletes key ranges (then writes `entries`), and from the memory copy the keys `dropped` says. */
  async #delete(bounds: [StoreKey, StoreKey][], dropped: (key: StoreKey) => boolean, change: HistoryChange | null, entries: Entry[] = []): Promise<void> {
    await this.#write(async (b) => (await b.deleteRange(bounds, entries), []), null);
    for (const [key, [k]] of [...this.#mirror]) if (dropped(k)) this.#mirror.delete(key);
    this.#mirrorPut(entries);
    if (change) this.#sync.announce(change);
  }

  // ---- failure handling ----

  /** Runs one storage step: on failure reopen and retry once, then move to memory and run it there. */
  async #run<T>(step: (backend: Backend) => Promise<T>): Promise<T> {
    const backend = this.#backend;
    if (backend.kind === 'memory') return step(backend);
    try {
      return await attempt(step, backend);
    } catch {
      // Safari drops connections of background tabs ("database connection is closing"): a fresh
      // connection usually works.
      backend.reopen();
    }
    try {
      return await attempt(step, backend);
    } catch (error) {
      this.#fallBack(error);
      return step(this.#backend);
    }
  }

  #fallBack(error: unknown, reason: StorageProblemReason = reasonOf(error)): void {
    if (this.#backend.kind === 'memory') return;
    this.#backend.close();
    this.#backend = new MemoryBackend([...this.#mirror.values()]);
    this.#mirror.clear();
    this.#problem = { kind: 'storage', reason, message: PROBLEM_MESSAGES[reason], retryable: false, fallback: true, ...(error === undefined ? {} : { cause: error }) };
    this.#onProblem?.(this.#problem);
  }

  /** Keeps the memory copy complete: everything written goes into the mirror too. */
  #mirrorPut(entries: Entry[]): void {
    if (this.#backend.kind !== 'indexeddb') return;
    for (const entry of entries) this.#mirror.set(JSON.stringify(entry[0]), entry);
  }
}

/** A conversation's messages from `fromSeq` on and its branch points after it. */
function tailOf(id: string, fromSeq: number): [StoreKey, StoreKey][] {
  return [[messageKey(id, fromSeq), messagesOf(id)[1]], [branchKey(id, fromSeq + 1), branchesOf(id)[1]]];
}

/** Calls a step, turning a synchronous throw (indexedDB.open in a sandboxed frame) into a rejection. */
async function attempt<T>(step: (backend: Backend) => Promise<T>, backend: Backend): Promise<T> {
  return step(backend);
}
