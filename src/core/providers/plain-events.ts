/**
 * What plain backends send, as they are written in the wild, read into parts: `{"delta": …}`,
 * `{"text": …}`, `{"content": …}`, bare text, `[DONE]`, and the agent events
 * `{"event_type": "llm_chunk" | "tool_start" | "tool_end" | "progress" | "error" | "agent_start" |
 * "agent_end", "data": {…}}`. Shared by the `sse` and `websocket` providers.
 */
import { failure, streamedError } from '../errors.js';
import type { ProviderPart } from './provider.js';

export interface Reading {
  parts: ProviderPart[];
  /** The message ends the answer (`[DONE]`, `agent_end`, `{"type": "done"}`). */
  done?: boolean;
}

type Data = Record<string, unknown>;

export class PlainEvents {
  /** Something the user can see has arrived: a close after it is the end of the answer. */
  answered = false;
  private remoteCount = 0;
  /** Open remote calls by tool name, for `tool_end` events that carry no id. */
  private open = new Map<string, string[]>();

  read(raw: string): Reading {
    if (raw.trim() === '[DONE]') return { parts: [], done: true };
    const data = parse(raw);
    if (data === undefined) {
      if (/^\s*[{[]/.test(raw)) {
        throw failure('protocol', 'The server sent data that is not valid JSON. The answer may be incomplete; try again.', { retryable: true, raw });
      }
      return this.text(raw); // a backend that sends bare text
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return this.text(raw);
    const d = data as Data;
    if (typeof d.event_type === 'string') return this.agentEvent(d.event_type, (isObject(d.data) ? d.data : {}) as Data, d);
    if (d.error) throw streamedError(d.error);
    if (d.type === 'done') return { parts: [], done: true };
    const delta = firstString(d, 'delta', 'text', 'content', 'token') ?? openAiDelta(d);
    return delta ? this.text(delta) : { parts: [] };
  }

  private text(delta: string): Reading {
    if (!delta) return { parts: [] };
    this.answered = true;
    return { parts: [{ type: 'text', delta }] };
  }

  private agentEvent(type: string, data: Data, whole: Data): Reading {
    switch (type) {
      case 'llm_chunk':
      case 'token':
        return this.text(firstString(data, 'content', 'delta', 'text', 'chunk', 'token') ?? '');
      case 'tool_start': {
        const name = firstString(data, 'tool', 'tool_name', 'name') ?? 'tool';
        const id = firstString(data, 'id', 'call_id', 'tool_call_id') ?? `remote_${++this.remoteCount}`;
        const args = data.input ?? data.args ?? data.arguments ?? data.tool_input;
        this.open.set(name, [...(this.open.get(name) ?? []), id]);
        this.answered = true;
        const argsDelta = args === undefined ? '' : typeof args === 'string' ? args : JSON.stringify(args);
        return {
          parts: [
            { type: 'remote-tool', phase: 'call', id, name, argsDelta },
            { type: 'remote-tool', phase: 'start', id, name },
          ],
        };
      }
      case 'tool_end': {
        const name = firstString(data, 'tool', 'tool_name', 'name') ?? 'tool';
        const pending = this.open.get(name) ?? [];
        const id = firstString(data, 'id', 'call_id', 'tool_call_id') ?? pending[0] ?? `remote_${++this.remoteCount}`;
        this.open.set(name, pending.filter((p) => p !== id));
        const error = data.error == null ? undefined : typeof data.error === 'string' ? data.error : JSON.stringify(data.error);
        const result = data.output ?? data.result ?? data.tool_output;
        return { parts: [{ type: 'remote-tool', phase: 'end', id, name, ...(error ? { error } : { result }) }] };
      }
      case 'progress': {
        const part: Extract<ProviderPart, { type: 'progress' }> = { type: 'progress' };
        const step = firstString(data, 'step', 'stage', 'name', 'message');
        if (step) part.step = step;
        const iteration = firstNumber(data, 'iteration', 'iterations');
        if (iteration !== undefined) part.iteration = iteration;
        const tokens = firstNumber(data, 'total_tokens', 'totalTokens', 'tokens');
        if (tokens !== undefined) part.totalTokens = tokens;
        const cost = firstNumber(data, 'cost_usd', 'costUsd', 'cost');
        if (cost !== undefined) part.costUsd = cost;
        return { parts: [part] };
      }
      case 'error':
        throw streamedError(firstString(data, 'message', 'error', 'detail') ?? whole.message ?? 'an error');
      case 'agent_end': {
        // An agent that sends its answer only at the end (no llm_chunk) still shows it.
        const output = this.answered ? undefined : firstString(data, 'output', 'answer', 'final_answer', 'result');
        return { parts: output ? this.text(output).parts : [], done: true };
      }
      default:
        return { parts: [] }; // agent_start and events this widget does not know
    }
  }
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function firstString(d: Data, ...keys: string[]): string | undefined {
  for (const key of keys) if (typeof d[key] === 'string') return d[key] as string;
  return undefined;
}

function firstNumber(d: Data, ...keys: string[]): number | undefined {
  for (const key of keys) if (typeof d[key] === 'number' && Number.isFinite(d[key])) return d[key] as number;
  return undefined;
}

/** An OpenAI chunk relayed as it is (`choices[0].delta.content`). */
function openAiDelta(d: Data): string | undefined {
  const choice = Array.isArray(d.choices) ? (d.choices[0] as Data | undefined) : undefined;
  const content = isObject(choice?.delta) ? (choice!.delta as Data).content : undefined;
  return typeof content === 'string' ? content : undefined;
}
