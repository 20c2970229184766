/**
 * Reconciliation with other tabs: before a turn is sent, the stored conversation is made to match the
 * history this tab shows. What another tab wrote meanwhile is kept (this tab's messages go after it);
 * what an edit or a regenerate here replaced is dropped.
 */
import type { ChatMessage } from '../core/index.js';
import type { HistoryStore } from './history-store.js';
import type { MessageRecord } from './records.js';

/**
 * Makes the stored conversation `id` match `history` and returns its records. `shown` are the records
 * this tab has (from its last load or write): they are trusted while the stored count says nobody else
 * wrote, so a long conversation is not read again before each message is sent.
 */
export async function reconcile(
  store: HistoryStore,
  id: string,
  shown: readonly MessageRecord[],
  history: readonly ChatMessage[],
  model: string | undefined,
): Promise<MessageRecord[]> {
  const record = await store.getConversation(id);
  const fresh =
    !!record &&
    shown.length === record.count &&
    shown.every((r, i) => r.conversationId === id && r.seq === i && r.status === 'final');
  const stored = fresh ? [...shown] : await store.loadMessages(id);
  let same = matching(stored, history);
  // What this tab has shown, as it was then: a record changed since (or new) was written elsewhere.
  const known = new Map(shown.filter((r) => r.conversationId === id).map((r) => [r.seq, r.updatedAt]));
  if (stored.slice(same).some((r) => known.get(r.seq) !== r.updatedAt)) {
    // Another tab wrote after what this one has shown: keep its messages, add only ours after them.
    same = stored.length;
    history = history.slice(matching(shown, history));
  } else {
    // An edit or a regenerate here replaced the stored tail.
    if (same < stored.length) await store.truncate(id, stored[same].seq);
    history = history.slice(same);
  }
  const appended = history.length ? await store.append(id, [...history], { model }) : [];
  return [...stored.slice(0, same), ...appended];
}

/** How many messages at the start of `history` the stored records already hold. */
export function matching(stored: readonly ChatMessage[], history: readonly ChatMessage[]): number {
  let same = 0;
  while (same < stored.length && same < history.length && sameMessage(stored[same], history[same])) same++;
  return same;
}

/**
 * `stored` holds what `shown` says. An answer shown while another tab was still streaming it is a
 * prefix of what was stored since: the same message, and the stored one is the complete one.
 */
export function sameMessage(stored: ChatMessage, shown: ChatMessage): boolean {
  if (stored.role !== shown.role || stored.tool_call_id !== shown.tool_call_id) return false;
  const a = stored.content ?? '';
  const b = shown.content ?? '';
  return a === b || (stored.role === 'assistant' && b.length > 0 && a.startsWith(b));
}
