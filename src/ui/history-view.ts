/**
 * What the stored history shows inside the element: the conversations list (in the header) and the
 * notices above the composer (storage fallback, another tab answering, an interrupted answer).
 */
import { html, nothing } from 'lit';
// The export part (loaded by the export itself) names the file: the first load carries neither.
import { exportPart } from '../store/export-part.js';
import type { HistoryController } from './history-controller.js';

/**
 * The conversations list; nothing with `storage="none"`. `newButton: false` when the host has its
 * own "New conversation" button.
 */
export function renderHistoryList(history: HistoryController, options: { newButton?: boolean } = {}) {
  const { host } = history;
  if ((host.storage ?? 'indexeddb') === 'none') return nothing;
  const status = history.status || (history.session?.waitingForOtherTab ? history.strings.waitingForOtherTab : '');
  return html`<stream-chat-conversations
    part="conversations"
    ?hide-new=${options.newButton === false}
    .conversations=${history.conversations}
    .currentId=${host.conversationId}
    .strings=${history.strings}
    .status=${status}
    ?disabled=${host.busy}
    @conversation-open=${(e: CustomEvent<{ id: string }>) => void history.open(e.detail.id)}
    @conversation-new=${() => void history.create()}
    @conversation-rename=${(e: CustomEvent<{ id: string; title: string }>) => void history.rename(e.detail.id, e.detail.title)}
    @conversation-delete=${(e: CustomEvent<{ id: string }>) => void history.remove(e.detail.id)}
    @conversation-clear=${() => void history.clearAll()}
    @conversation-export=${(e: CustomEvent<{ format: 'json' | 'markdown'; all: boolean }>) => void download(history, e.detail.format, e.detail.all)}
    @conversation-import=${(e: CustomEvent<{ text: string }>) => void history.importText(e.detail.text)}
  ></stream-chat-conversations>`;
}

/** Storage fallback, another tab answering, an interrupted answer (with Continue / Regenerate). */
export function renderHistoryNotices(history: HistoryController) {
  const s = history.strings;
  const problem = history.problem;
  const busy = history.host.busy;
  const interrupted = !busy && history.session?.interrupted;
  const elsewhere = !busy && history.session?.answeringElsewhere;
  return html`${problem ? html`<p class="notice storage-notice" part="storage-notice" role="status">${s.storageFallback[problem.reason] ?? problem.message}</p>` : nothing}
    ${elsewhere ? html`<p class="notice" part="elsewhere-notice" role="status">${s.answeringElsewhere}</p>` : nothing}
    ${interrupted
      ? html`<p class="notice" part="interrupted-notice" role="status">
          ${s.interruptedAnswer}${history.resumeNote ? html` <span part="resume-note">${history.resumeNote}</span>` : nothing}
          <button type="button" class="button primary" part="continue-button" @click=${() => void history.continueAnswer()}>${s.continueAnswer}</button>
          <button type="button" class="button" part="regenerate-interrupted-button" @click=${() => void history.regenerateAnswer()}>${s.regenerateAnswer}</button>
        </p>`
      : nothing}`;
}

/** Saves the export as a file through a temporary link. */
async function download(history: HistoryController, format: 'json' | 'markdown', all: boolean): Promise<void> {
  const text = await history.exportText(format, all);
  const { exportFileName } = await exportPart.load();
  const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/markdown' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  const title = history.conversations.find((c) => c.id === history.host.conversationId)?.title;
  link.download = exportFileName(title, new Date(), format, all);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
