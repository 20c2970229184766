/**
 * Streams written byte for byte as OpenAI's Chat Completions API sends them, and a fetch that
 * replays them cut into pieces wherever a test says.
 */
import type { RunChatOptions } from '../../src/core/index.js';

const HEAD = { id: 'chatcmpl-rec', object: 'chat.completion.chunk', created: 1731000000, model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_rec' };

function chunk(delta: object, finish: string | null = null, extra: object = {}): string {
  return `data: ${JSON.stringify({ ...HEAD, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
}
function usageChunk(prompt: number, completion: number): string {
  return `data: ${JSON.stringify({ ...HEAD, choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } })}\n\n`;
}
const DONE = 'data: [DONE]\n\n';

/** Plain text with multi-byte characters (2, 3 and 4 bytes in UTF-8) that byte splits will cut. */
export const TEXT_STREAM =
  chunk({ role: 'assistant', content: '', refusal: null }) +
  chunk({ content: 'Grüße' }) +
  chunk({ content: ' aus Köln — 東京' }) +
  chunk({ content: ' 🌍🚀' }) +
  chunk({ content: '!\n\n**done**' }) +
  chunk({}, 'stop') +
  usageChunk(21, 9) +
  DONE;
export const TEXT_ANSWER = 'Grüße aus Köln — 東京 🌍🚀!\n\n**done**';

/** Two parallel tool calls whose argument fragments interleave, then usage. */
export const PARALLEL_TOOLS_STREAM =
  chunk({ role: 'assistant', content: null }) +
  chunk({ tool_calls: [{ index: 0, id: 'call_w1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }) +
  chunk({ tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }) +
  chunk({ tool_calls: [{ index: 0, function: { arguments: 'ty": "Zürich"' } }] }) +
  chunk({ tool_calls: [{ index: 1, id: 'call_t2', type: 'function', function: { name: 'get_time', arguments: '' } }] }) +
  chunk({ tool_calls: [{ index: 1, function: { arguments: '{"zone":"Europe/Zurich"}' } }] }) +
  chunk({ tool_calls: [{ index: 0, function: { arguments: ', "unit": "c"}' } }] }) +
  chunk({}, 'tool_calls') +
  usageChunk(80, 40) +
  DONE;

/** The same calls as some compatible servers send them: no `index`, the id only on the first fragment. */
export const NO_INDEX_TOOLS_STREAM =
  chunk({ content: null }) +
  chunk({ tool_calls: [{ id: 'call_w1', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }] }) +
  chunk({ tool_calls: [{ function: { arguments: ' "Zürich", "unit": "c"}' } }] }) +
  chunk({ tool_calls: [{ id: 'call_t2', type: 'function', function: { name: 'get_time', arguments: '{"zone":' } }] }) +
  chunk({ tool_calls: [{ function: { arguments: '"Europe/Zurich"}' } }] }) +
  chunk({}, 'tool_calls') +
  DONE;

/** The answer after the tool results. */
export const AFTER_TOOLS_STREAM =
  chunk({ role: 'assistant', content: '' }) +
  chunk({ content: 'In Zürich it is 21 °C ' }) +
  chunk({ content: 'at 14:05.' }) +
  chunk({}, 'stop') +
  usageChunk(140, 12) +
  DONE;

/** Text, then the connection's body just ends: no finish_reason, no [DONE]. */
export const TRUNCATED_STREAM = chunk({ role: 'assistant', content: '' }) + chunk({ content: 'Half an ans' });

export interface Replay {
  fetch: NonNullable<RunChatOptions['fetch']>;
  requests: { url: string; body: any; headers: Headers; signal?: AbortSignal | null }[];
}

/**
 * A fetch answering the n-th request with the n-th stream, its bytes cut at `cuts` (byte offsets)
 * so each piece is a separate network chunk.
 */
export function replay(streams: string[], cuts: (index: number, length: number) => number[] = () => []): Replay {
  const requests: Replay['requests'] = [];
  const fetch: Replay['fetch'] = async (input, init) => {
    const index = requests.length;
    requests.push({ url: String(input), body: JSON.parse(String(init?.body ?? '{}')), headers: new Headers(init?.headers), signal: init?.signal });
    const bytes = new TextEncoder().encode(streams[index] ?? streams[streams.length - 1]);
    const offsets = [0, ...cuts(index, bytes.length).filter((c) => c > 0 && c < bytes.length), bytes.length];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i + 1 < offsets.length; i++) controller.enqueue(bytes.slice(offsets[i], offsets[i + 1]));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch, requests };
}

/** Responses API events as OpenAI sends them (`event:` line plus JSON with the same `type`). */
function rEvent(type: string, body: object): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...body })}\n\n`;
}
const RESPONSE = { id: 'resp_rec', object: 'response', created_at: 1731000000, model: 'gpt-4o-mini', output: [] };

/** Two function calls in one response, arguments interleaved by output_index. */
export const RESPONSES_TOOLS_STREAM =
  rEvent('response.created', { sequence_number: 0, response: { ...RESPONSE, status: 'in_progress' } }) +
  rEvent('response.output_item.added', { sequence_number: 1, output_index: 0, item: { type: 'function_call', id: 'fc_1', call_id: 'call_w1', name: 'get_weather', arguments: '', status: 'in_progress' } }) +
  rEvent('response.function_call_arguments.delta', { sequence_number: 2, item_id: 'fc_1', output_index: 0, delta: '{"city": "Zür' }) +
  rEvent('response.output_item.added', { sequence_number: 3, output_index: 1, item: { type: 'function_call', id: 'fc_2', call_id: 'call_t2', name: 'get_time', arguments: '', status: 'in_progress' } }) +
  rEvent('response.function_call_arguments.delta', { sequence_number: 4, item_id: 'fc_2', output_index: 1, delta: '{"zone":"Europe/Zurich"}' }) +
  rEvent('response.function_call_arguments.delta', { sequence_number: 5, item_id: 'fc_1', output_index: 0, delta: 'ich", "unit": "c"}' }) +
  rEvent('response.function_call_arguments.done', { sequence_number: 6, item_id: 'fc_1', output_index: 0, arguments: '{"city": "Zürich", "unit": "c"}' }) +
  rEvent('response.completed', { sequence_number: 7, response: { ...RESPONSE, status: 'completed', usage: { input_tokens: 80, output_tokens: 40, total_tokens: 120 } } });

export const RESPONSES_TEXT_STREAM =
  rEvent('response.created', { sequence_number: 0, response: { ...RESPONSE, status: 'in_progress' } }) +
  rEvent('response.output_item.added', { sequence_number: 1, output_index: 0, item: { type: 'message', id: 'msg_1', role: 'assistant', content: [], status: 'in_progress' } }) +
  rEvent('response.output_text.delta', { sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'In Zürich it is 21 °C ' }) +
  rEvent('response.output_text.delta', { sequence_number: 3, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'at 14:05.' }) +
  rEvent('response.output_text.done', { sequence_number: 4, item_id: 'msg_1', output_index: 0, content_index: 0, text: 'In Zürich it is 21 °C at 14:05.' }) +
  rEvent('response.completed', { sequence_number: 5, response: { ...RESPONSE, status: 'completed', usage: { input_tokens: 140, output_tokens: 12, total_tokens: 152 } } });
