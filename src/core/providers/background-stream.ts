/**
 * A background response's events as provider parts. Every event of the Responses stream carries a
 * `sequence_number`; after each one a `checkpoint` part says how far the answer got, so a page can
 * store it with the text and read on from there after a reload (`GET /responses/{id}?stream=true
 * &starting_after=N`). An event at or before the last one seen is skipped: a resumed stream starts
 * after `after`, and a server or proxy that repeats an event must not repeat its text.
 */
import { streamedError } from '../errors.js';
import { responsesReader, type StreamEvent } from './responses-api.js';
import type { ProviderPart } from './provider.js';
import { toUsage } from '../chat-accumulator.js';

export async function* backgroundParts(events: AsyncIterable<StreamEvent>, from: { responseId?: string; after?: number } = {}): AsyncGenerator<ProviderPart> {
  const reader = responsesReader();
  let last = from.after ?? -1;
  let responseId = from.responseId;
  for await (const event of events) {
    const sequence = event.sequence_number;
    const numbered = typeof sequence === 'number' && Number.isFinite(sequence);
    if (numbered && sequence <= last) continue;
    // `response.created` (sequence 0) names the response; a resumed stream knows it already.
    if (!responseId && typeof event.response?.id === 'string') responseId = event.response.id;
    yield* reader.parts(event);
    if (numbered) {
      last = sequence;
      if (responseId) yield { type: 'checkpoint', responseId, sequence };
    }
    if (reader.finished) return;
  }
}

/**
 * A response that ended while nobody was reading (`GET /responses/{id}`): what the server kept, as the
 * parts that follow `text` (the answer as far as the page had it). Completed: the rest of its text, its
 * tool calls, usage; cancelled: its text so far, stopped; failed: its error.
 */
export function finishedParts(response: any, text = ''): ProviderPart[] {
  if (response?.status === 'failed') throw streamedError(response.error ?? 'the response failed');
  const parts: ProviderPart[] = [];
  const output: any[] = Array.isArray(response?.output) ? response.output : [];
  const full = output
    .filter((item) => item?.type === 'message')
    .flatMap((item) => (Array.isArray(item.content) ? item.content : []))
    .map((part: any) => (part?.type === 'output_text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
  // The stored text is a prefix of the server's: only what follows it is new.
  if (full.length > text.length) parts.push({ type: 'text', delta: full.slice(text.length) });
  const calls = output.filter((item) => item?.type === 'function_call');
  calls.forEach((call, slot) => parts.push({ type: 'tool-call', slot, id: call.call_id, name: call.name, argsDelta: call.arguments ?? '' }));
  const usage = toUsage(response?.usage);
  if (usage) parts.push({ type: 'usage', usage });
  const status = response?.status;
  const reason = response?.incomplete_details?.reason;
  if (status === 'cancelled') parts.push({ type: 'finish', reason: 'aborted' });
  else if (status === 'incomplete') parts.push({ type: 'finish', reason: reason === 'content_filter' ? 'content_filter' : 'length' });
  else parts.push({ type: 'finish', reason: calls.length ? 'tool_calls' : 'stop' });
  return parts;
}

/** Still being written: read on with a stream. */
export const isRunning = (status: unknown) => status === 'queued' || status === 'in_progress';
