/**
 * Fallback models: when the model of the turn fails for good before writing anything, the next one
 * in `fallbackModels` is asked instead, and the turn says so (a `fallback` event), so the user knows
 * which model answered. Only failures another model may not share count: the model is unknown or
 * unavailable, the server kept failing on it after the retries, or it refused the request's shape
 * (streaming, tools). The key, the quota, a bad URL, the user's stop and a timeout mid-answer do not:
 * another model would meet them too, or the user chose them.
 */
import type { ChatError } from './events.js';

/** Statuses that say "this model, here, now": not found, gone, unprocessable for it, the server failed on it. */
const MODEL_STATUS = new Set([404, 410, 422]);

export function worthAnotherModel(error: ChatError): boolean {
  if (error.kind !== 'http' && error.kind !== 'protocol') return false;
  const status = error.status ?? 0;
  if (MODEL_STATUS.has(status) || status >= 500) return true;
  // A 400 that names the model or streaming: "model does not support streaming", "model not found".
  if (status === 400) return /\bmodel\b|stream|not supported|does not support|unsupported/i.test(error.message);
  // A protocol failure with no status: the server broke its stream on this model before any token.
  return error.kind === 'protocol' && !status;
}

/** The models of a turn in the order they are tried: the chosen one, then its fallbacks, once each. */
export function modelQueue(model: string | undefined, fallbacks: string[] | undefined): (string | undefined)[] {
  const seen = new Set<string | undefined>([model]);
  const queue: (string | undefined)[] = [model];
  for (const next of fallbacks ?? []) {
    if (typeof next !== 'string' || !next || seen.has(next)) continue;
    seen.add(next);
    queue.push(next);
  }
  return queue;
}
