/** What went wrong with storage, in words a user can read, and what the page does about it. */
import type { StoreKey } from './records.js';

export type StorageProblemReason =
  /** IndexedDB missing or refused (private modes, blocked storage, sandboxed iframes). */
  | 'unavailable'
  /** A write hit the storage quota. */
  | 'quota'
  /** The browser closed the connection and reopening did not help. */
  | 'closed'
  /** Another tab deleted or upgraded the database (a "sign out and wipe"): this one let go of it. */
  | 'versionchange'
  /** A stored record could not be read; it was skipped. */
  | 'corrupt';

export interface StorageProblem {
  kind: 'storage';
  reason: StorageProblemReason;
  message: string;
  retryable: false;
  /** True when the history now lives in memory only (until the page closes). */
  fallback: boolean;
  /** Corrupt records: which one. */
  key?: StoreKey;
  cause?: unknown;
}

export const PROBLEM_MESSAGES: Record<StorageProblemReason, string> = {
  unavailable:
    'This browser does not let the page save history (private mode or blocked storage). The conversation is kept until the page closes.',
  quota: 'Storage is full, so history is no longer saved. The conversation is kept until the page closes.',
  closed: 'The browser closed the history database. The conversation is kept until the page closes.',
  versionchange:
    'Another tab deleted or replaced the saved history, so this tab no longer saves it. The conversation is kept until the page closes.',
  corrupt: 'A stored record could not be read and was skipped.',
};

/** Which failure an IndexedDB error is. */
export function reasonOf(error: unknown): Exclude<StorageProblemReason, 'corrupt' | 'versionchange'> {
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: string })?.message ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (name === 'InvalidStateError' || /connection is clos|database.*closed/i.test(message)) return 'closed';
  return 'unavailable';
}
