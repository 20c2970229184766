/**
 * Turns Chat Completions stream chunks into provider parts, tolerating what OpenAI-compatible
 * servers really send: tool-call deltas without `index` (matched by id, else by order), no
 * `role`, chunks with empty `choices`, a usage-only last chunk, and an error object mid-stream.
 * Reasoning comes as `reasoning_content` (DeepSeek, vLLM) or `reasoning` (OpenRouter, Ollama), web
 * search citations as `annotations` (OpenAI's search models, OpenRouter).
 */
import { streamedError } from './errors.js';
import type { FinishReason, Usage } from './events.js';
import type { ProviderPart } from './providers/provider.js';

interface ToolDelta {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

export class ChatAccumulator {
  /** Slot of each tool call by its `index`, and by its `id`, as first seen. */
  private byIndex = new Map<number, number>();
  private byId = new Map<string, number>();
  private slots = 0;
  /** The slot that received the last id-less, index-less fragment: its continuation goes there. */
  private lastSlot = -1;
  finishReason: FinishReason | undefined;

  /** The parts carried by one parsed chunk (a `data:` line's JSON). Throws on an error object. */
  push(chunk: unknown): ProviderPart[] {
    const parts: ProviderPart[] = [];
    if (!chunk || typeof chunk !== 'object') return parts;
    const c = chunk as { error?: unknown; choices?: unknown; usage?: unknown };
    if (c.error) throw streamedError(c.error);
    const usage = toUsage(c.usage);
    if (Array.isArray(c.choices)) {
      for (const choice of c.choices) {
        // n > 1 is never asked for; a server that sends other choices anyway is ignored.
        if (!choice || (choice.index !== undefined && choice.index !== 0)) continue;
        const delta = choice.delta ?? choice.message ?? {};
        const thought = typeof delta.reasoning_content === 'string' ? delta.reasoning_content : delta.reasoning;
        if (typeof thought === 'string' && thought) parts.push({ type: 'reasoning', delta: thought });
        if (typeof delta.content === 'string' && delta.content) parts.push({ type: 'text', delta: delta.content });
        if (Array.isArray(delta.tool_calls)) {
          for (const call of delta.tool_calls as ToolDelta[]) parts.push(this.toolPart(call));
        }
        // Read here rather than through reasoning-sources.ts: the default provider's part stays one file.
        for (const a of Array.isArray(delta.annotations) ? delta.annotations : []) {
          const c = a?.type === 'url_citation' ? (a.url_citation ?? a) : undefined;
          if (typeof c?.url === 'string' && c.url.trim()) parts.push({ type: 'source', url: c.url.trim(), ...(typeof c.title === 'string' && c.title ? { title: c.title } : {}) });
        }
        if (choice.finish_reason) {
          this.finishReason = FINISH_REASONS[choice.finish_reason] ?? 'stop';
        }
      }
    }
    if (usage) parts.push({ type: 'usage', usage });
    return parts;
  }

  private toolPart(call: ToolDelta): ProviderPart {
    const slot = this.slotFor(call);
    this.lastSlot = slot;
    return {
      type: 'tool-call',
      slot,
      id: call.id || undefined,
      name: call.function?.name || undefined,
      argsDelta: call.function?.arguments ?? '',
    };
  }

  private slotFor(call: ToolDelta): number {
    if (typeof call.index === 'number') {
      let slot = this.byIndex.get(call.index);
      if (slot === undefined) {
        slot = (call.id ? this.byId.get(call.id) : undefined) ?? this.slots++;
        this.byIndex.set(call.index, slot);
      }
      if (call.id) this.byId.set(call.id, slot);
      return slot;
    }
    if (call.id) {
      let slot = this.byId.get(call.id);
      if (slot === undefined) {
        slot = this.slots++;
        this.byId.set(call.id, slot);
      }
      return slot;
    }
    // Neither index nor id: a continuation of the call that was streaming (servers send the id
    // on the first fragment only). A fragment before any call starts a new one.
    return this.lastSlot >= 0 ? this.lastSlot : this.slots++;
  }

  /** Parts to emit when the stream has ended: the finish, or nothing when it never came. */
  end(): ProviderPart[] {
    return this.finishReason ? [{ type: 'finish', reason: this.finishReason }] : [];
  }
}

export function toUsage(u: unknown): Usage | undefined {
  if (!u || typeof u !== 'object') return undefined;
  const x = u as Record<string, unknown>;
  const prompt = num(x.prompt_tokens ?? x.input_tokens);
  const completion = num(x.completion_tokens ?? x.output_tokens);
  const total = num(x.total_tokens) || prompt + completion;
  return { promptTokens: prompt, completionTokens: completion, totalTokens: total };
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
