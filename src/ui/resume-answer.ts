/**
 * After a reload, reads on the background answer the page was streaming when it went away
 * (`resumable`): in one tab only (a Web Lock per conversation, taken only if free; the other tabs see
 * the answer through tab sync, as any answer streamed elsewhere), only while the answer is still cut as
 * stored, and only when the server still has it. An answer the server no longer has stays interrupted
 * (Continue / Regenerate), with a note saying why it cannot go on. Loaded only when a stored resume
 * point is found.
 */
import type { RunChatOptions } from '../core/index.js';
import { resumePointOf, type MessageRecord } from '../store/index.js';
import type { HistoryController } from './history-controller.js';

/** The note's default text (`strings.resumeGone`). */
export const RESUME_GONE = 'The server no longer has the rest of it, so it cannot be resumed.';

export async function resumeAnswer(history: HistoryController, id: string, record: MessageRecord): Promise<void> {
  const resume = history.options.resume;
  const options = resume?.options();
  if (!resume || !options || !record.content) return;
  const readOn = async () => {
    const { store, host } = history;
    // Another tab may have read it on and finished it before this one got the lock: the store decides.
    const [last] = await store.loadMessages(id, { last: 1 });
    const point = resumePointOf(last);
    if (!point || last.status !== 'interrupted' || last.seq !== record.seq || last.content !== record.content || host.conversationId !== id) return;
    let status: string;
    try {
      // The engine's own part for background responses (core/background-part.ts), imported here directly:
      // through core's entry, this part and the engine would share their modules as extra chunks.
      const { responseStatus } = await import('../core/resume.js');
      status = await responseStatus(connectionOf(options), point.responseId);
    } catch {
      return; // the server cannot be asked now (offline, a refused key, the part not downloaded): the answer stays interrupted
    }
    if (status !== 'gone') return void (await resume.run(point));
    history.resumeNote = (host.strings as { resumeGone?: string } | undefined)?.resumeGone ?? RESUME_GONE;
    host.requestUpdate();
    const { resume: _gone, ...kept } = last;
    await store.saveMessage(kept);
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return readOn();
  // Held until the answer ends: a tab that reloads meanwhile finds it taken and leaves the answer to this one.
  await locks.request(`${history.store.dbName}:resume:${id}`, { ifAvailable: true }, (lock) => (lock ? readOn() : undefined));
}

/**
 * The connection to ask the server with (the engine's `connect()` is not loaded here): the element's
 * base URL resolved against the page, its key and headers.
 */
function connectionOf(options: RunChatOptions) {
  const baseURL = new URL(options.baseURL ?? 'https://api.openai.com/v1', document.baseURI).href;
  return { provider: 'openai-responses' as const, baseURL, apiKey: options.apiKey, headers: { ...options.headers }, fetch: options.fetch };
}
