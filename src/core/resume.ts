/**
 * Background responses and resuming them (`background`, `resume`; `openai-responses` only): which
 * provider a turn uses, where its first step reads on from, and cancelling the response on the server
 * when the user stops. With the code that talks to the server (providers/openai-background.ts), a
 * lazily loaded part (background-part.ts): a turn without `background` never downloads it.
 */
import { configError } from './errors.js';
import type { ChatEvent, FinishReason } from './events.js';
import type { RunChatOptions } from './options.js';
import type { Connection } from './providers/connection.js';
import { cancelResponse, openaiBackgroundProvider } from './providers/openai-background.js';
import type { Provider, ResumePoint } from './providers/provider.js';

/** A stop waits this long for the server to confirm the cancel, then lets the turn end anyway. */
const CANCEL_WAIT_MS = 5_000;

export interface BackgroundTurn {
  provider: Provider;
  /** The first step's resume point, when the turn reads on an existing response. */
  resume?: ResumePoint;
  /** The turn's events, watched for the response being written (checkpoints). */
  emit(event: ChatEvent): void;
  /** At the end of the turn: a stopped turn cancels the response still being written on the server. */
  settle(finishReason: FinishReason): Promise<void>;
}

/** How a background response stands on the server (see background-part.ts). */
export { responseStatus } from './providers/openai-background.js';

/** The turn's background mode; a wrong option is a `config` error. */
export function backgroundTurn(options: RunChatOptions, connection: Connection, emit: (e: ChatEvent) => void): BackgroundTurn {
  const { resume } = options;
  if (connection.provider !== 'openai-responses') {
    throw configError(resume ? 'resume' : 'background', 'Background responses (and resuming them) need provider "openai-responses".');
  }
  if (resume && (typeof resume.responseId !== 'string' || !resume.responseId || !Number.isInteger(resume.after))) {
    throw configError('resume', 'resume needs { responseId, after }: the id and the sequence number of the last checkpoint.');
  }
  /** The response being written now; cleared when its step ends. */
  let writing: string | undefined;
  return {
    provider: openaiBackgroundProvider,
    resume: resume ? { responseId: resume.responseId, after: resume.after, text: resume.text ?? '' } : undefined,
    emit(event) {
      if (event.type === 'checkpoint') writing = event.responseId;
      // The server counted the response (an estimate is the engine's own, for a stopped step): it is written.
      else if ((event.type === 'usage' && !event.usage.estimated) || event.type === 'step-end') writing = undefined;
      emit(event);
    },
    async settle(finishReason) {
      if (finishReason !== 'aborted' || !writing) return;
      const timeout = AbortSignal.timeout(CANCEL_WAIT_MS);
      // A cancel that fails (already finished, offline) changes nothing the user sees: the answer stopped here.
      await cancelResponse(connection, writing, timeout).catch(() => {});
    },
  };
}
