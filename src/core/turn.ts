/**
 * The turn: steps of model calls and tool runs until the model answers without tools, the step
 * budget is spent, the user stops, or something fails. Owns the history and the final result.
 */
import * as z from 'zod';
import { toChatError } from './errors.js';
import type { ChatError, ChatEvent, FinishReason, Usage } from './events.js';
import type { ChatMessage } from './messages.js';
import { runModelStep } from './model-step.js';
import type { ChatResult, RunChatOptions, Tool } from './options.js';
import type { ToolSpec } from './providers/provider.js';
import { providerFor } from './providers/registry.js';
import { runTools } from './tool-runner.js';
import { addUsage, withCost, ZERO_USAGE } from './usage.js';

export const DEFAULT_MAX_STEPS = 8;

export async function runTurn(options: RunChatOptions, signal: AbortSignal, emit: (e: ChatEvent) => void): Promise<ChatResult> {
  const startedAt = now();
  const providerName = options.provider ?? 'openai';
  emit({ type: 'start', runId: newRunId(), model: options.model, provider: providerName });

  const history: ChatMessage[] = [...(options.messages ?? [])];
  let total: Usage = { ...ZERO_USAGE };
  let message: ChatMessage = { role: 'assistant', content: '' };
  let finishReason: FinishReason = 'stop';
  let error: ChatError | undefined;
  let pushed = false;

  try {
    const provider = providerFor(providerName);
    const system = await resolveSystem(options);
    const tools = options.tools ?? [];
    const specs = toolSpecs(tools);
    const maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);
    const price = options.model ? options.prices?.[options.model] : undefined;

    for (let step = 1; step <= maxSteps; step++) {
      if (signal.aborted) {
        finishReason = 'aborted';
        break;
      }
      const outcome = await runModelStep({
        provider,
        options,
        messages: system ? [{ role: 'system', content: system }, ...history] : history,
        tools: specs,
        step,
        signal,
        emit,
      });
      if (outcome.usage) {
        const usage = withCost(outcome.usage, price);
        total = addUsage(total, usage);
        emit({ type: 'usage', usage, total, step });
      }
      message = { role: 'assistant', content: outcome.text || (outcome.toolCalls.length ? null : '') };
      if (outcome.toolCalls.length) message.tool_calls = outcome.toolCalls;
      history.push(message);
      pushed = true;
      finishReason = outcome.finishReason;
      if (outcome.error) {
        error = outcome.error;
        emit({ type: 'error', error, text: outcome.text });
        break;
      }
      if (finishReason === 'aborted' || !outcome.toolCalls.length) break;

      history.push(...(await runTools({ calls: outcome.toolCalls, tools, context: options.context, step, signal, emit })));
      if (signal.aborted) {
        finishReason = 'aborted';
        break;
      }
    }
  } catch (e) {
    error = toChatError(e);
    finishReason = 'error';
    emit({ type: 'error', error, text: typeof message.content === 'string' ? message.content : '' });
  }
  if (!pushed) history.push(message);

  const durationMs = now() - startedAt;
  emit({ type: 'end', message, finishReason, usage: total, durationMs, ...(error ? { error } : {}) });
  return { message, messages: history, usage: total, finishReason, ...(error ? { error } : {}) };
}

async function resolveSystem(options: RunChatOptions): Promise<string | undefined> {
  const { system } = options;
  if (typeof system === 'function') return (await system(options.context)) || undefined;
  return system || undefined;
}

/** Tools as the model sees them: the zod schema of the arguments as JSON Schema. */
function toolSpecs(tools: Tool[]): ToolSpec[] {
  return tools.map((t) => {
    const schema = z.toJSONSchema(t.parameters, { unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    return { name: t.name, description: t.description, parameters: schema };
  });
}

function newRunId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
