/**
 * Versions of a message: an edited question or a regenerated answer keeps what it replaced, and the
 * message shows `‹ 2 / 3 ›` to switch between them. Switching shows that version's whole continuation
 * and is what the model is sent from then on. A part loaded on first use (the first edit or regenerate,
 * or a conversation opened with versions): a conversation that never forked never downloads it.
 *
 * Switching is disabled while an answer streams (or another tab answers in the conversation): the
 * running answer belongs to the version on screen, so it must not change under it.
 */
import { html, type TemplateResult } from 'lit';
import { keepShownVersion, showVersion } from '../store/branch-store.js';
import { readBranch, versionCounts, type VersionCount } from '../store/branch-tree.js';
import type { BranchRecord } from '../store/records.js';
import type { HistoryController } from './history-controller.js';
import { format, type Strings } from './strings.js';
import type { Item } from './view-model.js';

/** Detail of `stream-chat-branch`. */
export interface BranchDetail {
  /** The message whose version changed: `<conversationId>:<position>` (its position in the conversation, from 0). */
  messageId: string;
  /** The version now shown, from 0. */
  index: number;
  count: number;
}

/** English defaults of the switcher's strings (a host's `strings` override them). */
export const defaultVersionStrings = {
  previousVersion: 'Previous version',
  nextVersion: 'Next version',
  versionPosition: '{index} / {count}',
  versionShown: 'Version {index} of {count}',
};

/** Controllers switching now: a second click waits for nothing and does nothing. */
const switching = new WeakSet<HistoryController>();

/** Where the message of `item` is in the stored conversation (its position, which is its seq). */
function seqOf(history: HistoryController, item: Item): number {
  return history.records[item.index]?.seq ?? item.index;
}

/** The version counts of a conversation's raw branch records (as `HistoryStore.loadBranches` reads them). */
export function countsOf(raw: readonly unknown[]): Map<number, VersionCount> {
  return versionCounts(raw.map((value) => readBranch(value)).filter((b): b is BranchRecord => !!b));
}

/** Before an edit or a regenerate is stored: the continuation shown from `seq` is kept as a version. */
export async function keepVersion(history: HistoryController, seq: number): Promise<void> {
  const id = history.host.conversationId;
  history.branches = await keepShownVersion(history.store, id, seq);
  // What was kept is no longer the shown conversation: the turn appends after what is left.
  history.session.records = history.records.filter((r) => r.seq < seq);
  history.branchChanges++;
  history.host.requestUpdate();
}

/** `‹ 2 / 3 ›` on a message with several versions; nothing on the others. */
export function renderVersions(history: HistoryController, item: Item, given: Strings, busy: boolean): TemplateResult | undefined {
  const strings = { ...defaultVersionStrings, ...given } as Required<Strings>;
  const seq = seqOf(history, item);
  const counts = history.branches.get(seq);
  if (!counts) return undefined;
  const { shown, count } = counts;
  const blocked = busy || history.session.answeringElsewhere;
  const position = { index: shown + 1, count };
  const go = (index: number, button: string) => void switchTo(history, seq, index, count, button, strings);
  return html`<span class="actions" part="versions" role="group" data-version-seq=${seq}
      aria-label=${format(strings.versionShown, position)}>
    <button type="button" class="icon-button" part="previous-version-button" aria-label=${strings.previousVersion}
      title=${strings.previousVersion} ?disabled=${blocked || shown === 0}
      @click=${() => go(shown - 1, 'previous-version-button')}><span aria-hidden="true">‹</span></button>
    <span class="version-position" part="version-position" aria-hidden="true">${format(strings.versionPosition, position)}</span>
    <button type="button" class="icon-button" part="next-version-button" aria-label=${strings.nextVersion}
      title=${strings.nextVersion} ?disabled=${blocked || shown === count - 1}
      @click=${() => go(shown + 1, 'next-version-button')}><span aria-hidden="true">›</span></button>
  </span>`;
}

/**
 * Shows version `index` of the message at `seq`: stored first (so a reload and the other tabs show it
 * too), then the conversation is shown again from the store, the switch is announced, the host hears
 * `stream-chat-branch`, and focus goes back to the button that was pressed.
 */
async function switchTo(history: HistoryController, seq: number, index: number, count: number, button: string, strings: Required<Strings>): Promise<void> {
  const { host } = history;
  if (host.busy || switching.has(history)) return;
  switching.add(history);
  const id = host.conversationId;
  try {
    if (!(await showVersion(history.store, id, seq, index))) return;
    await host.openConversation(id);
    history.options.announce?.(format(strings.versionShown, { index: index + 1, count }));
    const detail: BranchDetail = { messageId: `${id}:${seq}`, index, count };
    host.dispatchEvent(new CustomEvent('stream-chat-branch', { detail, bubbles: true, composed: true }));
    await host.updateComplete;
    const root = host.shadowRoot ?? host;
    const target = root.querySelector<HTMLButtonElement>(`[data-version-seq="${seq}"] [part~="${button}"]`);
    // At the first or last version that button is disabled: the other one keeps the focus in the group.
    (target && !target.disabled ? target : root.querySelector<HTMLButtonElement>(`[data-version-seq="${seq}"] button:not([disabled])`))?.focus();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    host.dispatchEvent(new CustomEvent('stream-chat-storage-error', { detail: { kind: 'storage', message, retryable: false, cause }, bubbles: true, composed: true }));
  } finally {
    switching.delete(history);
  }
}
