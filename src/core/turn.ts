/**
 * The turn: steps of model calls and tool runs until the model answers without tools, the step
 * budget is spent, the user stops, or something fails. Owns the history and the final result.
 */
import * as z from 'zod';
import { toChatError } from './errors.js';
import type { ChatError, ChatEvent, FinishReason, Usage } from './events.js';
import type { ChatMessage } from './messages.js';
import { runModelStep } from './model-step.js';
import { redactError, secretsOf } from './redact.js';
import { correctionMessages, ObjectStream, planOutput } from './object-stream.js';
import type { ChatResult, RunChatOptions, Tool } from './options.js';
import type { ToolSpec } from './providers/provider.js';
import { providerFor } from './providers/registry.js';
import { runTools } from './tool-runner.js';
import { addUsage, withCost, ZERO_USAGE } from './usage.js';

export const DEFAULT_MAX_STEPS = 8;
export const DEFAULT_MAX_VALIDATION_RETRIES = 1;

export async function runTurn(options: RunChatOptions, signal: AbortSignal, emit: (e: ChatEvent) => void): Promise<ChatResult> {
  const startedAt = now();
  options ??= { messages: [] };
  const providerName = options.provider ?? 'openai';
  emit({ type: 'start', runId: newRunId(), model: options.model, provider: providerName });

  const history: ChatMessage[] = [...(options.messages ?? [])];
  let total: Usage = { ...ZERO_USAGE };
  let message: ChatMessage = { role: 'assistant', content: '' };
  let finishReason: FinishReason = 'stop';
  let error: ChatError | undefined;
  let object: unknown;
  let pushed = false;

  try {
    const provider = providerFor(providerName);
    const tools = options.tools ?? [];
    const specs = toolSpecs(tools);
    const maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);
    const maxValidationRetries = Math.max(0, options.maxValidationRetries ?? DEFAULT_MAX_VALIDATION_RETRIES);
    const price = options.model ? options.prices?.[options.model] : undefined;
    const output = options.schema ? planOutput(options.schema, providerName, options.structuredMode) : undefined;
    const system = [await resolveSystem(options), output?.instructions].filter(Boolean).join('\n\n');
    /** A failed JSON answer and the note on what was wrong: sent, but not part of the history. */
    let correction: ChatMessage[] = [];
    let validationRetries = 0;

    for (let step = 1; ; step++) {
      if (signal.aborted) {
        finishReason = 'aborted';
        break;
      }
      const objects = options.schema ? new ObjectStream(options.schema, emit) : undefined;
      const outcome = await runModelStep({
        provider,
        options,
        messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...history, ...correction],
        tools: specs,
        output: output?.format,
        step,
        signal,
        emit,
        onText: objects?.push,
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
        objects?.dispose();
        error = outcome.error;
        emit({ type: 'error', error, text: outcome.text });
        break;
      }
      if (finishReason === 'aborted') {
        objects?.dispose();
        break;
      }

      if (outcome.toolCalls.length) {
        objects?.dispose();
        const results = await runTools({ calls: outcome.toolCalls, tools, context: options.context, step, signal, emit });
        history.push(...results);
        emit({ type: 'step-end', step, messages: [message, ...results] });
        if (signal.aborted) {
          finishReason = 'aborted';
          break;
        }
        if (step - validationRetries >= maxSteps) break;
        continue;
      }

      if (objects) {
        const checked = objects.finish(finishReason);
        if (checked.ok) {
          object = checked.value;
          correction = [];
          break;
        }
        const truncated = finishReason === 'length';
        error = {
          kind: truncated ? 'protocol' : 'validation',
          message: checked.message,
          retryable: !truncated,
          issues: checked.issues,
          raw: checked.raw,
        };
        const retrying = !truncated && validationRetries < maxValidationRetries && !signal.aborted;
        emit({ type: 'error', error, text: outcome.text, ...(retrying ? { retrying } : {}) });
        if (!retrying) {
          finishReason = 'error';
          break;
        }
        // Ask again, showing what was wrong; the failed answer leaves the history.
        validationRetries++;
        history.pop();
        correction = correctionMessages(checked.raw, checked);
        error = undefined;
        continue;
      }
      break;
    }
  } catch (e) {
    error = redactError(toChatError(e), secretsOf(options));
    finishReason = 'error';
    emit({ type: 'error', error, text: typeof message.content === 'string' ? message.content : '' });
  }
  if (!pushed) history.push(message);

  const durationMs = now() - startedAt;
  const extra = { ...(object !== undefined ? { object } : {}), ...(error ? { error } : {}) };
  emit({ type: 'end', message, finishReason, usage: total, durationMs, ...extra });
  return { message, messages: history, usage: total, finishReason, ...extra };
}

async function resolveSystem(options: RunChatOptions): Promise<string | undefined> {
  const { system } = options;
  if (typeof system === 'function') return (await system(options.context)) || undefined;
  return system || undefined;
}

/** Tools as the model sees them: the zod schema of the arguments as JSON Schema. */
function toolSpecs(tools: Tool[]): ToolSpec[] {
  return tools.map((t) => {
    const schema = z.toJSONSchema(t.parameters, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    return { name: t.name, description: t.description, parameters: schema };
  });
}

function newRunId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
