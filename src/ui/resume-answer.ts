/**
 * After a reload, reads on the background answer the page was streaming when it went away
 * (`resumable`): in one tab only (a Web Lock per conversation, taken only if free; the other tabs see
 * the answer through tab sync, as any answer streamed elsewhere), only while the answer is still cut as
 * stored, and only when the server still has it. An answer the server no longer has stays interrupted
 * (Continue / Regenerate), with a note saying why it cannot go on. Loaded only when a stored resume
 * point is found.
 */
import { backgroundStatus, type RunChatOptions } from '../core/index.js';
import { resumePointOf, type HistoryStore, type MessageRecord, type ResumePoint } from '../store/index.js';

export const RESUME_GONE = 'The server no longer has the rest of it, so it cannot be resumed.';

export interface ResumeContext {
  store: HistoryStore;
  conversationId: string;
  /** The interrupted answer, as the page read it. */
  record: MessageRecord;
  /** The element's engine options (the connection to ask the server with). */
  options: RunChatOptions;
  /** The conversation shown now: a resume for one no longer shown is dropped. */
  shown(): string;
  /** Reads the answer on into its bubble (a turn); resolves when it ends. */
  run(point: ResumePoint): Promise<unknown>;
  /** Says why the answer cannot go on. */
  note(text: string): void;
  /** The note's text (`strings.resumeGone`). */
  goneText?: string;
}

export async function resumeAnswer(ctx: ResumeContext): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return readOn(ctx);
  const name = `${ctx.store.dbName}:resume:${ctx.conversationId}`;
  // Held until the answer ends: a tab that reloads meanwhile finds it taken and leaves the answer to us.
  await locks.request(name, { ifAvailable: true }, (lock) => (lock ? readOn(ctx) : undefined)).catch(() => {});
}

async function readOn(ctx: ResumeContext): Promise<void> {
  const { store, conversationId: id, record } = ctx;
  // Another tab may have read it on and finished it before this one got the lock: the store decides.
  const [last] = await store.loadMessages(id, { last: 1 });
  const point = resumePointOf(last);
  if (!point || last.status !== 'interrupted' || last.seq !== record.seq || last.content !== record.content || ctx.shown() !== id) return;
  let status: string;
  try {
    status = await backgroundStatus(ctx.options, point.responseId);
  } catch {
    return; // the server cannot be asked now (offline, a refused key): the answer stays interrupted
  }
  if (status === 'gone') {
    ctx.note(ctx.goneText ?? RESUME_GONE);
    const { resume: _gone, ...kept } = last;
    await store.saveMessage(kept);
    return;
  }
  await ctx.run(point);
}
