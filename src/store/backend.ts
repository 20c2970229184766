/**
 * The few operations the history needs from a storage engine. Two engines implement it: IndexedDB
 * (through idb-keyval) and memory (the fallback, and `storage="memory"`). Every method is one atomic
 * step: in IndexedDB, one transaction.
 */
import type { StoreKey } from './records.js';

export type Entry = [StoreKey, unknown];

export interface RangeOptions {
  /** Newest (highest key) first. */
  reverse?: boolean;
  /** At most this many values. */
  limit?: number;
}

/**
 * Runs inside the append transaction with what is there now; returns what to write. Synchronous on
 * purpose: an IndexedDB transaction commits as soon as nothing is pending, so no `await` may happen
 * between reading the last seq and writing after it.
 */
export type AppendPlan = (lastSeq: number, conversation: unknown) => Entry[];

/** Counts for the storage benchmark and tests: what was written, in how many transactions. */
export interface WriteStats {
  transactions: number;
  bytes: number;
}

export interface Backend {
  readonly kind: 'indexeddb' | 'memory';
  get(key: StoreKey): Promise<unknown>;
  /** Values with lower <= key <= upper, in key order (or reversed). */
  range(lower: StoreKey, upper: StoreKey, options?: RangeOptions): Promise<unknown[]>;
  put(entries: Entry[]): Promise<void>;
  delete(keys: StoreKey[]): Promise<void>;
  /** Deletes the ranges, then writes `entries` (a swap of a conversation's tail), in one step. */
  deleteRange(bounds: [StoreKey, StoreKey][], entries?: Entry[]): Promise<void>;
  /** Reads the conversation record and the last seq of its messages, then writes the plan: one transaction. */
  append(conversationKey: StoreKey, messages: [StoreKey, StoreKey], plan: AppendPlan): Promise<Entry[]>;
  entries(): Promise<Entry[]>;
  /** Throws away the connection (if any) so that the next call opens a fresh one. */
  reopen(): void;
  close(): void;
  stats?: WriteStats;
}

/** Size of a value as the benchmark counts it: its JSON length, about what the engine stores. */
export function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
