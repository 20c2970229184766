/**
 * What is stored, and under which keys. One small record per conversation and one record per message,
 * so appending a message or saving a streaming answer writes one message and never the conversation's
 * whole history.
 *
 *   ['c', conversationId]        -> ConversationRecord
 *   ['m', conversationId, seq]   -> MessageRecord
 *   ['b', conversationId, seq]   -> BranchRecord (only where an edit or a regenerate kept a version)
 *
 * Array keys sort element by element (numbers < strings < arrays), so every message of a conversation
 * lies between ['m', id] and ['m', id, []] in seq order: one IDBKeyRange reads or deletes them all.
 */
import type { ChatMessage, Feedback, ToolCall } from '../core/index.js';

/** Written on every record; a record with an older `v` goes through migrate() when it is read. */
export const SCHEMA_VERSION = 1;

/** `draft`: still streaming (or the tab died while it was). `interrupted`: a draft nobody finishes. */
export type MessageStatus = 'final' | 'draft' | 'interrupted';

export interface ConversationRecord {
  v: number;
  id: string;
  /** From the first user message, until the user renames it. */
  title: string;
  /** True once the user chose the title: later messages never retitle it. */
  renamed?: boolean;
  createdAt: number;
  updatedAt: number;
  model?: string;
  /**
   * Messages in the conversation. In what `listConversations()` returns, only the readable ones:
   * records found unreadable (and skipped) are counted apart, in `unreadable`.
   */
  count: number;
  /** Stored messages this page found unreadable and skipped. Never stored: counted as they are read. */
  unreadable?: number;
}

export interface MessageRecord extends ChatMessage {
  v: number;
  conversationId: string;
  /** Position in the conversation, allocated inside the write transaction (safe across tabs). */
  seq: number;
  status: MessageStatus;
  createdAt: number;
  updatedAt: number;
  finishReason?: string;
  /** A background answer's place on the server, while it is a draft (see resume-point.ts). */
  resume?: import('./resume-point.js').ResumePoint;
}

/**
 * The versions of the message at `seq` (an edited question, a regenerated answer). The `m` records hold
 * the version shown, from `seq` to the end: `versions[shown]` is null. Each other version keeps its
 * whole continuation (messages from `seq` on) and the branch records inside it, so switching swaps
 * tails and every read of the shown conversation stays one range of `m` records. A conversation
 * without branch records is simply one version.
 */
export interface BranchRecord {
  v: number;
  conversationId: string;
  seq: number;
  shown: number;
  versions: (StoredVersion | null)[];
}

export interface StoredVersion {
  messages: (ChatMessage & { status?: MessageStatus; createdAt?: number })[];
  branches: BranchRecord[];
}

export type StoreKey = (string | number | never[])[];

export const conversationKey = (id: string): StoreKey => ['c', id];
export const messageKey = (id: string, seq: number): StoreKey => ['m', id, seq];
/** Bounds of every conversation record. */
/** An attachment's bytes (a Blob), beside its conversation's messages. */
export const fileKey = (id: string, fileId: string): StoreKey => ['f', id, fileId];
export const filesOf = (id: string): [StoreKey, StoreKey] => [['f', id], ['f', id, []]];
export const ALL_FILES: [StoreKey, StoreKey] = [['f'], ['f', []]];

export const CONVERSATIONS: [StoreKey, StoreKey] = [['c'], ['c', []]];
/** Bounds of one conversation's messages. */
export const messagesOf = (id: string): [StoreKey, StoreKey] => [['m', id], ['m', id, []]];
export const branchKey = (id: string, seq: number): StoreKey => ['b', id, seq];
/** Bounds of one conversation's branch records. */
export const branchesOf = (id: string): [StoreKey, StoreKey] => [['b', id], ['b', id, []]];
/** Bounds of every message record. */
export const ALL_MESSAGES: [StoreKey, StoreKey] = [['m'], ['m', []]];
export const ALL_BRANCHES: [StoreKey, StoreKey] = [['b'], ['b', []]];

/** Where a record is kept. */
export function keyOf(record: ConversationRecord | MessageRecord): StoreKey {
  return 'seq' in record ? messageKey(record.conversationId, record.seq) : conversationKey(record.id);
}

/** The key is conversation `id`'s record or one of its messages (from `fromSeq` on, when given). */
export function isKeyOf(key: StoreKey, id: string, fromSeq?: number): boolean {
  if (key[1] !== id) return false;
  if (fromSeq === undefined) return true;
  return key[0] === 'm' && (key[2] as number) >= fromSeq;
}

/** The chat-shaped fields of a message and nothing else: no option, header or key can ride along. */
export function chatFields(message: ChatMessage): ChatMessage {
  const out: ChatMessage = { role: message.role, content: message.content ?? null };
  if (message.tool_calls?.length) out.tool_calls = message.tool_calls.map(copyToolCall);
  if (message.tool_call_id !== undefined) out.tool_call_id = message.tool_call_id;
  if (message.name !== undefined) out.name = message.name;
  // The bytes (`data`) are kept as Blobs under fileKey, never inside the record.
  if (message.attachments?.length) {
    out.attachments = message.attachments.map(({ id, name, type, size, text }) => ({ id, name, type, size, ...(text !== undefined ? { text } : {}) }));
  }
  // What the reader saw of the answer besides its text (never sent back to a model: core's forModel).
  if (message.reasoning !== undefined) out.reasoning = message.reasoning;
  if (message.reasoningMs !== undefined) out.reasoningMs = message.reasoningMs;
  if (message.sources?.length) out.sources = message.sources.map(({ url, title }) => (title === undefined ? { url } : { url, title }));
  const feedback = feedbackOf(message.feedback);
  if (feedback) out.feedback = feedback;
  return out;
}

/** Longest feedback comment kept. */
const COMMENT_MAX = 4000;

/** A rating as stored: `up` or `down`, and a comment if there is one; anything else is dropped. */
export function feedbackOf(value: unknown): Feedback | undefined {
  const { rating, comment } = (value ?? {}) as Partial<Feedback>;
  if (rating !== 'up' && rating !== 'down') return undefined;
  return typeof comment === 'string' && comment.trim() ? { rating, comment: comment.trim().slice(0, COMMENT_MAX) } : { rating };
}

function copyToolCall(call: ToolCall): ToolCall {
  return { id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments } };
}

/** Back to what a model is given: status, seq and times stripped. */
export function toChatMessage(record: ChatMessage): ChatMessage {
  return chatFields(record);
}

const TITLE_MAX = 60;

/** A title from the first line of the first user message. */
export function titleFrom(text: string | null): string {
  const line = (text ?? '').trim().split('\n')[0].replace(/\s+/g, ' ');
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1).trimEnd()}…` : line;
}

export function newId(): string {
  // randomUUID needs a secure context; a plain http page on a LAN address has none.
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto && globalThis.isSecureContext !== false) {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
