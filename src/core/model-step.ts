/**
 * One model call of a turn ("step"), with the engine's retries: stream the provider's parts into
 * events, watch for a silent server, and retry failures that happen before anything arrived.
 */
import type { ArgsParser } from './args-parser.js';
import { backoffDelay, sleep } from './backoff.js';
import { ChatFailure, droppedMidAnswer, isAbortLike, retryAfterOf, timeoutError, toChatError, truncatedError } from './errors.js';
import type { ChatError, ChatEvent, FinishReason, Usage } from './events.js';
import { IdleWatchdog } from './idle-watchdog.js';
import type { ChatMessage, ChatSource, ToolCall } from './messages.js';
import { explainNetworkFailure } from './network-failure.js';
import { redactError, secretsOf } from './redact.js';
import { streamedJsonPart } from './streamed-json-part.js';
import type { RunChatOptions } from './options.js';
import type { Connection, Sampling } from './providers/connection.js';
import type { OutputFormat, Provider, ProviderPart, ProviderRequest, ToolSpec } from './providers/provider.js';
import { TimeSlicer } from './time-slice.js';
import { now } from './now.js';

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export interface StepInput {
  provider: Provider;
  /** The engine's settings (retries, idle timeout); providers get only the connection. */
  options: RunChatOptions;
  connection: Connection;
  sampling: Sampling;
  messages: ChatMessage[];
  tools: ToolSpec[];
  output?: OutputFormat;
  step: number;
  /** The run's signal: the user's stop. */
  signal: AbortSignal;
  emit(event: ChatEvent): void;
  /** Structured output listens to the text as it grows. */
  onText?(delta: string, text: string): void;
  /** A background response, or one read on from a checkpoint (see resume.ts). */
  background?: ProviderRequest['background'];
}

export interface StreamedCall {
  id: string;
  name: string;
  argsText: string;
  args: unknown;
}

export interface StepOutcome {
  text: string;
  /** Complete calls only (the step finished); empty when it failed or was stopped. */
  toolCalls: ToolCall[];
  calls: StreamedCall[];
  usage?: Usage;
  finishReason: FinishReason;
  error?: ChatError;
  /** Something besides text and page tool calls was shown (reasoning, a remote tool). */
  shown?: boolean;
  /** What the reader sees besides the text: the step's reasoning, how long it took, its sources (see ChatMessage). */
  read: { reasoning?: string; reasoningMs?: number; sources?: ChatSource[] };
  /**
   * The backend's own tool calls that it reported done, as history: an assistant message with the
   * calls, then one tool message each. The backend reads them back on its next run (AG-UI, useChat).
   */
  remote: ChatMessage[];
}

export async function runModelStep(input: StepInput): Promise<StepOutcome> {
  const maxRetries = input.options.maxRetries ?? DEFAULT_MAX_RETRIES;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(input);
    const error = outcome.error;
    const received = outcome.text !== '' || outcome.calls.length > 0 || outcome.shown;
    if (!error || received || !error.retryable || attempt >= maxRetries || input.signal.aborted) return outcome;
    const delayMs = backoffDelay(attempt + 1, retryAfterOf(error));
    input.emit({ type: 'retry', attempt: attempt + 1, delayMs, error });
    try {
      await sleep(delayMs, input.signal);
    } catch {
      return { ...outcome, error: undefined, finishReason: 'aborted' };
    }
  }
}

async function attemptOnce(input: StepInput): Promise<StepOutcome> {
  const { options, step, emit } = input;
  const controller = new AbortController();
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const watchdog = new IdleWatchdog(idleMs, () => controller.abort(timeoutError(idleMs)));
  const onStop = () => controller.abort(input.signal.reason);
  if (input.signal.aborted) onStop();
  else input.signal.addEventListener('abort', onStop, { once: true });

  let text = '';
  let reasoning = '';
  /** Time spent reasoning: from a reasoning part to the next text or tool call (or the step's end). */
  let thinkingMs = 0;
  let thinkingSince: number | undefined;
  const stopThinking = () => {
    if (thinkingSince !== undefined) thinkingMs += now() - thinkingSince;
    thinkingSince = undefined;
  };
  const sources = new Map<string, ChatSource>();
  /** Something was shown besides text (a remote tool, reasoning): a retry would show it twice. */
  let shown = false;
  const slots: { id?: string; name?: string; parser: ArgsParser }[] = [];
  const remote = new RemoteTools(step, emit);
  let usage: Usage | undefined;
  let finish: FinishReason | undefined;
  let error: ChatError | undefined;
  watchdog.touch();
  try {
    const parts = input.provider({
      connection: input.connection,
      sampling: input.sampling,
      messages: input.messages,
      tools: input.tools,
      output: input.output,
      signal: controller.signal,
      onActivity: watchdog.touch,
      ...(input.background ? { background: input.background } : {}),
    });
    const slicer = new TimeSlicer();
    for await (const part of parts) {
      // A burst of parts (one read holding thousands) is handled a slice at a time.
      const pause = slicer.pause();
      if (pause) await pause;
      watchdog.touch();
      if (controller.signal.aborted) break;
      // Tool-call arguments are read as they stream: the reader comes with the first call (a turn with
      // tools has it already; a backend's own tool may be the first JSON this page sees).
      if ((part.type === 'tool-call' || part.type === 'remote-tool') && !streamedJsonPart.loaded) await streamedJsonPart.load();
      switch (part.type) {
        case 'text':
          stopThinking();
          text += part.delta;
          emit({ type: 'text', delta: part.delta, text, step });
          input.onText?.(part.delta, text);
          break;
        case 'tool-call': {
          stopThinking();
          const slot = (slots[part.slot] ??= { parser: newArgsParser() });
          if (part.id && !slot.id) slot.id = part.id;
          if (part.name) slot.name = (slot.name && slot.name !== part.name ? slot.name : '') + part.name;
          const args = slot.parser.push(part.argsDelta);
          emit({ type: 'tool-call', id: slot.id ?? `call_${step}_${part.slot}`, name: slot.name ?? '', argsText: slot.parser.text, args, step });
          break;
        }
        case 'usage':
          usage = part.usage;
          break;
        case 'reasoning':
          thinkingSince ??= now();
          reasoning += part.delta;
          shown = true;
          emit({ type: 'reasoning', delta: part.delta, text: reasoning, step });
          break;
        case 'source': {
          // The same citation comes back for every sentence that rests on it: one source per URL.
          if (sources.has(part.url)) break;
          const source = { url: part.url, ...(part.title ? { title: part.title } : {}) };
          sources.set(part.url, source);
          emit({ type: 'source', ...source, step });
          break;
        }
        case 'state':
          emit({ type: 'state', value: part.value });
          break;
        case 'progress': {
          const { type: _type, ...progress } = part;
          emit({ type: 'progress', ...progress });
          break;
        }
        case 'remote-tool':
          shown = true;
          remote.apply(part);
          break;
        case 'checkpoint':
          emit({ type: 'checkpoint', responseId: part.responseId, sequence: part.sequence, text, step });
          break;
        case 'finish':
          finish = part.reason;
          break;
      }
    }
    if (!controller.signal.aborted && !finish) throw truncatedError(text);
  } catch (e) {
    if (!controller.signal.aborted || !isAbortLike(e)) error = toChatError(e);
  } finally {
    watchdog.stop();
    stopThinking();
    input.signal.removeEventListener('abort', onStop);
  }
  remote.close(controller.signal.aborted && !error ? 'The turn was stopped.' : error ? error.message : undefined);
  // An abort wins over whatever the aborted request threw: it tells why the stream ended.
  if (controller.signal.aborted) {
    const reason = controller.signal.reason;
    if (reason instanceof ChatFailure) error = reason.chatError;
    else error = undefined;
  }
  const calls = slots
    .filter(Boolean)
    .map((s, i) => ({ id: s.id ?? `call_${step}_${i}`, name: s.name ?? '', argsText: s.parser.text, args: s.parser.value }));
  if (error?.kind === 'network') {
    error = text !== '' || calls.length > 0 ? droppedMidAnswer(error) : explainNetworkFailure(error, requestUrl(options));
  }
  // Server-supplied text (an error body, a streamed error) may repeat the request's credentials.
  if (error) error = redactError(error, secretsOf(options));
  const stopped = controller.signal.aborted && !error;
  const finishReason: FinishReason = stopped ? 'aborted' : error ? 'error' : finish!;
  const toolCalls: ToolCall[] =
    finishReason === 'tool_calls' || (finishReason === 'stop' && calls.length > 0)
      ? calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.argsText || '{}' } }))
      : [];
  const read: StepOutcome['read'] = reasoning ? { reasoning, reasoningMs: Math.round(thinkingMs) } : {};
  if (sources.size) read.sources = [...sources.values()];
  return { text, toolCalls, calls, usage, finishReason: toolCalls.length ? 'tool_calls' : finishReason, error, shown, remote: remote.messages(), read };
}

/** A reader of one call's streamed arguments; the part is loaded before the first call is read. */
const newArgsParser = (): ArgsParser => new streamedJsonPart.loaded!.ArgsParser();

/** Where the request went, for telling a blocked request from an unreachable server. */
function requestUrl(options: RunChatOptions): string | undefined {
  const provider = options.provider ?? 'openai';
  if (provider === 'openai' || provider === 'openai-responses') return options.baseURL ?? 'https://api.openai.com/v1';
  return options.endpoint;
}

/** Tools that run on the backend: their calls, starts and ends as events marked `remote`. */
class RemoteTools {
  private calls = new Map<string, { name: string; parser: ArgsParser; startedAt?: number; ended?: boolean; content?: string }>();

  constructor(
    private readonly step: number,
    private readonly emit: (event: ChatEvent) => void,
  ) {}

  apply(part: Extract<ProviderPart, { type: 'remote-tool' }>): void {
    const { id, step } = { id: part.id, step: this.step };
    let call = this.calls.get(id);
    if (!call) this.calls.set(id, (call = { name: part.name ?? '', parser: newArgsParser() }));
    if (part.name) call.name = part.name;
    const args = () => (part.args !== undefined ? part.args : call.parser.value);
    if (part.phase === 'call') {
      const parsed = call.parser.push(part.argsDelta ?? '');
      this.emit({ type: 'tool-call', id, name: call.name, argsText: call.parser.text, args: part.args ?? parsed, step, remote: true });
    } else if (part.phase === 'start') {
      call.startedAt = now();
      this.emit({ type: 'tool-start', id, name: call.name, args: args(), step, remote: true });
    } else {
      call.content = part.error ? JSON.stringify({ error: part.error }) : typeof part.result === 'string' ? part.result : safeJson(part.result);
      if (!call.parser.text && part.args !== undefined) call.parser.push(safeJson(part.args));
      this.end(id, call, part.error, part.result, args());
    }
  }

  /** The calls the backend finished, in the OpenAI history shape. */
  messages(): ChatMessage[] {
    const done = [...this.calls].filter(([, call]) => call.content !== undefined);
    if (!done.length) return [];
    return [
      { role: 'assistant', content: null, tool_calls: done.map(([id, call]) => ({ id, type: 'function' as const, function: { name: call.name, arguments: call.parser.text || '{}' } })) },
      ...done.map(([id, call]): ChatMessage => ({ role: 'tool', tool_call_id: id, name: call.name, content: call.content! })),
    ];
  }

  /** Calls still open when the step ends: a result that never came (or the reason the step ended). */
  close(reason: string | undefined): void {
    for (const [id, call] of this.calls) {
      if (!call.ended) this.end(id, call, reason ?? 'The backend did not report a result for this tool.', undefined, call.parser.value);
    }
  }

  private end(id: string, call: { name: string; startedAt?: number; ended?: boolean }, error: string | undefined, result: unknown, args: unknown): void {
    call.ended = true;
    const durationMs = call.startedAt === undefined ? 0 : now() - call.startedAt;
    const outcome = error ? { error: { kind: 'tool' as const, message: error, retryable: false } } : { result };
    this.emit({ type: 'tool-end', id, name: call.name, args, ...outcome, durationMs, step: this.step, remote: true });
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return String(value);
  }
}
