/**
 * Background responses and resuming them (`background`, `resume`; `openai-responses` only): which
 * provider a turn uses, where its first step reads on from, and cancelling the response on the server
 * when the user stops. The code that talks to the server is a lazily loaded part
 * (providers/openai-background.ts); this file is what the turn needs around it.
 */
import { configError } from './errors.js';
import type { ChatEvent, FinishReason } from './events.js';
import { lazyPart } from './lazy-part.js';
import type { RunChatOptions } from './options.js';
import { connect, type Connection } from './providers/connection.js';
import type { Provider, ResumePoint } from './providers/provider.js';

export const backgroundPart = /* @__PURE__ */ lazyPart('openai-background', () => import('./providers/openai-background.js'));

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

/** The turn's background mode, or undefined for a plain turn; a wrong option is a `config` error. */
export async function backgroundTurn(options: RunChatOptions, connection: Connection, emit: (e: ChatEvent) => void): Promise<BackgroundTurn | undefined> {
  const { resume } = options;
  if (!options.background && !resume) return undefined;
  if (connection.provider !== 'openai-responses') {
    throw configError(resume ? 'resume' : 'background', 'Background responses (and resuming them) need provider "openai-responses".');
  }
  if (resume && (typeof resume.responseId !== 'string' || !resume.responseId || !Number.isInteger(resume.after))) {
    throw configError('resume', 'resume needs { responseId, after }: the id and the sequence number of the last checkpoint.');
  }
  const part = await backgroundPart.load();
  /** The response being written now; cleared when its step ends. */
  let writing: string | undefined;
  return {
    provider: part.openaiBackgroundProvider,
    resume: resume ? { responseId: resume.responseId, after: resume.after, text: resume.text ?? '' } : undefined,
    emit(event) {
      if (event.type === 'checkpoint') writing = event.responseId;
      else if (event.type === 'usage' || event.type === 'step-end') writing = undefined;
      emit(event);
    },
    async settle(finishReason) {
      if (finishReason !== 'aborted' || !writing) return;
      const timeout = AbortSignal.timeout(CANCEL_WAIT_MS);
      // A cancel that fails (already finished, offline) changes nothing the user sees: the answer stopped here.
      await part.cancelResponse(connection, writing, timeout).catch(() => {});
    },
  };
}

/**
 * Asks the server how a background response stands, without reading it: `queued`, `in_progress`,
 * `completed`, `incomplete`, `failed`, `cancelled`, or `gone` (the server no longer has it). Rejects
 * with the engine's error for anything else (a refused key, an unreachable server).
 */
export async function backgroundStatus(options: Pick<RunChatOptions, 'baseURL' | 'apiKey' | 'headers' | 'fetch'>, responseId: string, signal?: AbortSignal): Promise<string> {
  const connection = connect({ ...options, provider: 'openai-responses', messages: [] });
  const { responseStatus } = await backgroundPart.load();
  return responseStatus(connection, responseId, signal);
}
