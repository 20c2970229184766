/**
 * The turn: steps of model calls and tool runs until the model answers without tools, the step
 * budget is spent, the user stops, or something fails. Owns the history and the final result.
 */
import { continuationMessages, partialAnswer } from './continuation.js';
import { configError, toChatError } from './errors.js';
import { modelQueue, worthAnotherModel } from './fallback.js';
import type { ChatError, ChatEvent, FinishReason, Usage } from './events.js';
import { forModel, type ChatMessage } from './messages.js';
import { runModelStep } from './model-step.js';
import { redactError, secretsOf } from './redact.js';
import type { ChatResult, RunChatOptions, Tool } from './options.js';
import type { ToolSpec } from './providers/provider.js';
import { connect } from './providers/connection.js';
import { loadProvider } from './providers/registry.js';
import { jsonSchemaPart, type JsonSchemaModule } from './json-schema-part.js';
import { streamedJsonPart } from './streamed-json-part.js';
import { runTools } from './tool-runner.js';
import { toRaw } from './unwrap.js';
import { addUsage, estimatedUsage, withCost, ZERO_USAGE } from './usage.js';
import { backgroundPart } from './background-part.js';
import type { BackgroundTurn } from './resume.js';
import { now } from './now.js';

export const DEFAULT_MAX_STEPS = 8;
export const DEFAULT_MAX_VALIDATION_RETRIES = 1;

export async function runTurn(options: RunChatOptions, signal: AbortSignal, emit: (e: ChatEvent) => void): Promise<ChatResult> {
  const startedAt = now();
  options ??= { messages: [] };
  const providerName = options.provider ?? 'openai';
  emit({ type: 'start', runId: newRunId(), model: options.model, provider: providerName });

  const history: ChatMessage[] = [...(options.messages ?? [])];
  /** Continuing a cut answer: its text, joined to what the first step writes (see continuation.ts). */
  let prefix = options.continueAnswer ? (partialAnswer(history) ?? '') : (options.resume?.text ?? '');
  let total: Usage = { ...ZERO_USAGE };
  let message: ChatMessage = { role: 'assistant', content: options.continueAnswer ? '' : prefix };
  if (prefix && options.continueAnswer) message = history.pop()!; // kept as it was should the turn fail before any step
  let finishReason: FinishReason = 'stop';
  let error: ChatError | undefined;
  let object: unknown;
  let pushed = false;
  let answeredBy = options.model;
  let background: BackgroundTurn | undefined;

  try {
    // Everything that can be wrong in the options is found here, before any request.
    const connection = connect(options);
    const sampling = { temperature: options.temperature, maxTokens: options.maxTokens };
    const schema = options.schema === undefined ? undefined : toRaw(options.schema);
    const tools = [...readTools(options.tools), ...(await serverTools(options, emit))];
    if (options.background || options.resume) {
      background = (await backgroundPart.load()).backgroundTurn(options, connection, emit);
      emit = background.emit;
    }
    // The provider's code, zod's JSON Schema export and the streamed JSON readers are downloaded now, at
    // the first request that needs them.
    const [provider, jsonSchema, json] = await Promise.all([
      background?.provider ?? loadProvider(providerName),
      tools.length || schema ? jsonSchemaPart.load() : undefined,
      tools.length || schema ? streamedJsonPart.load() : undefined,
    ]);
    const specs = jsonSchema ? toolSpecs(tools, jsonSchema) : [];
    const maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);
    const maxValidationRetries = Math.max(0, options.maxValidationRetries ?? DEFAULT_MAX_VALIDATION_RETRIES);
    const output = schema && jsonSchema && json ? readOutput(() => json.planOutput(schema, providerName, jsonSchema, options.structuredMode)) : undefined;
    const system = [await resolveSystem(options), output?.instructions].filter(Boolean).join('\n\n');
    /** The turn's model first, then its fallbacks; the head is the model asked now. */
    const models = modelQueue(options.model, options.fallbackModels);
    /** A failed JSON answer and the note on what was wrong: sent, but not part of the history. */
    let correction: ChatMessage[] = [];
    let validationRetries = 0;

    for (let step = 1; ; step++) {
      if (signal.aborted) {
        finishReason = 'aborted';
        break;
      }
      const objects = schema && json ? new json.ObjectStream(schema, emit) : undefined;
      answeredBy = models[0];
      const outcome = await runModelStep({
        provider,
        options: answeredBy === options.model ? options : { ...options, model: answeredBy },
        connection: answeredBy === connection.model ? connection : { ...connection, model: answeredBy },
        sampling,
        messages: [
          ...(system ? [{ role: 'system' as const, content: system }] : []),
          ...history.map(forModel),
          ...(prefix && options.continueAnswer ? continuationMessages(prefix, options.continuationMode) : []),
          ...correction,
        ],
        tools: specs,
        output: output?.format,
        step,
        signal,
        emit: prefix ? joinedText(emit, prefix) : emit,
        onText: objects?.push,
        // The first step of a resumed turn reads on the response; the next ones are new background responses.
        background: background && (step === 1 && background.resume ? { resume: background.resume } : {}),
      });
      const nothingYet = outcome.text === '' && outcome.calls.length === 0;
      if (outcome.error && nothingYet && models.length > 1 && worthAnotherModel(outcome.error) && !signal.aborted) {
        const from = models.shift();
        emit({ type: 'fallback', from, to: models[0], error: outcome.error, step });
        objects?.dispose();
        step--; // the same step, asked of the next model
        continue;
      }
      const counted = outcome.usage ?? (outcome.error || outcome.finishReason === 'aborted' ? estimatedUsage([system, ...history], outcome.text) : undefined);
      if (counted) {
        const usage = withCost(counted, answeredBy ? options.prices?.[answeredBy] : undefined);
        total = addUsage(total, usage);
        emit({ type: 'usage', usage, total, step });
      }
      // The backend's own tools ran before this answer's text went on: they come first in the history.
      history.push(...outcome.remote);
      const text = prefix + outcome.text;
      // Kept for the reader (stored, exported, shown); forModel() leaves them out of every request. A
      // continued answer keeps the cut one's reasoning and sources unless this step brings its own.
      message = { ...(prefix && message), ...outcome.read, role: 'assistant', content: text || (outcome.toolCalls.length ? null : '') };
      prefix = '';
      if (outcome.toolCalls.length) message.tool_calls = outcome.toolCalls;
      history.push(message);
      pushed = true;
      finishReason = outcome.finishReason;
      if (outcome.error) {
        objects?.dispose();
        error = outcome.error;
        emit({ type: 'error', error, text });
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
        emit({ type: 'step-end', step, messages: [...outcome.remote, message, ...results] });
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
        correction = json?.correctionMessages(checked.raw, checked) ?? [];
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
  await background?.settle(finishReason);

  const durationMs = now() - startedAt;
  const extra = {
    ...(answeredBy !== undefined ? { model: answeredBy } : {}),
    ...(object !== undefined ? { object } : {}),
    ...(error ? { error } : {}),
  };
  emit({ type: 'end', message, finishReason, usage: total, durationMs, ...extra });
  return { message, messages: history, usage: total, finishReason, ...extra };
}

/** Text events of a continued answer carry the whole answer so far, the cut part included. */
function joinedText(emit: (e: ChatEvent) => void, prefix: string): (e: ChatEvent) => void {
  return (event) => emit(event.type === 'text' || event.type === 'checkpoint' ? { ...event, text: prefix + event.text } : event);
}

async function resolveSystem(options: RunChatOptions): Promise<string | undefined> {
  const { system } = options;
  if (typeof system === 'function') return (await system(options.context)) || undefined;
  return system || undefined;
}

/** The tools of the turn's MCP servers; a server that fails is a notice, and the turn goes on without it. */
async function serverTools(options: RunChatOptions, emit: (e: ChatEvent) => void): Promise<Tool[]> {
  if (!options.mcpServers?.length) return [];
  let mcpTools: typeof import('./mcp-tools.js').mcpTools;
  try {
    ({ mcpTools } = await import('./mcp-tools.js'));
  } catch (e) {
    // A lazy part that did not arrive (offline, a CDN hiccup) costs the MCP tools, not the answer.
    emit({ type: 'notice', source: 'mcp', message: `The MCP client could not be loaded (${e instanceof Error ? e.message : String(e)}); MCP tools are not available in this answer.` });
    return [];
  }
  const taken = (options.tools ?? []).map((t) => t.name);
  const { tools, problems } = await mcpTools(options.mcpServers, { fetch: options.fetch, taken });
  for (const p of problems) emit({ type: 'notice', source: `mcp:${p.server}`, message: `The MCP server "${p.server}" ${p.message}; its tools are not available in this answer.` });
  return tools;
}

/** The host's tools, out of any framework proxy, each checked for what the engine will call. */
function readTools(value: unknown): Tool[] {
  if (value == null) return [];
  const list = toRaw(value);
  if (!Array.isArray(list)) throw configError('tools', 'The tools option must be an array of { name, description, parameters, execute }.');
  return list.map((item, index) => {
    const tool = toRaw(item) as Tool | undefined;
    const label = typeof tool?.name === 'string' && tool.name ? `"${tool.name}"` : `#${index + 1}`;
    if (!tool || typeof tool !== 'object' || typeof tool.name !== 'string' || !tool.name) {
      throw configError('tools', `Tool ${label} has no name.`);
    }
    if (typeof tool.execute !== 'function') throw configError('tools', `Tool ${label} has no execute function.`);
    const parameters = toRaw(tool.parameters);
    if (!parameters || typeof (parameters as { safeParse?: unknown }).safeParse !== 'function') {
      throw configError('tools', `Tool ${label}: parameters must be a zod schema (z.object({...})).`);
    }
    return parameters === tool.parameters && tool === item ? tool : { ...tool, parameters };
  });
}

/** Tools as the model sees them: the zod schema of the arguments as JSON Schema. */
function toolSpecs(tools: Tool[], { jsonSchemaOf }: JsonSchemaModule): ToolSpec[] {
  // A tool that came with its JSON Schema (MCP) is sent that schema as the server wrote it.
  return tools.map((t) => {
    try {
      return { name: t.name, description: t.description, parameters: t.jsonSchema ?? jsonSchemaOf(t.parameters) };
    } catch (e) {
      throw configError('tools', `The parameters of tool "${t.name}" cannot be read as a zod schema: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  });
}

function readOutput<T>(plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    throw configError('schema', `The schema cannot be read as a zod schema: ${e instanceof Error ? e.message : String(e)}`, e);
  }
}

function newRunId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
