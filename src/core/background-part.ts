/**
 * Background responses (`background`, `resume`; see resume.ts) are a lazily loaded part: the turn's
 * handling of them, their provider, status and cancel are downloaded at the first background turn, or
 * when a page finds an answer to resume. The engine keeps only this door to them.
 */
import { lazyPart } from './lazy-part.js';
import type { RunChatOptions } from './options.js';
import { connect } from './providers/connection.js';

export const backgroundPart = lazyPart('openai-background', () => import('./resume.js'));

/**
 * Asks the server how a background response stands, without reading it: `queued`, `in_progress`,
 * `completed`, `incomplete`, `failed`, `cancelled`, or `gone` (the server no longer has it). Rejects
 * with the engine's error for anything else (a refused key, an unreachable server).
 */
export async function backgroundStatus(options: Pick<RunChatOptions, 'baseURL' | 'apiKey' | 'headers' | 'fetch'>, responseId: string, signal?: AbortSignal): Promise<string> {
  const connection = connect({ ...options, provider: 'openai-responses', messages: [] });
  return (await backgroundPart.load()).responseStatus(connection, responseId, signal);
}
