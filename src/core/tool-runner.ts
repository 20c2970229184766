/**
 * Runs the tools a model asked for: approval when the tool wants it, arguments checked against
 * the tool's zod schema, a timeout, and the run's stop reaching the tool through its signal.
 * Every outcome becomes a tool message the model can read; a failure is an answer it can correct.
 */
import { failure } from './errors.js';
import type { ChatError, ChatEvent } from './events.js';
import type { ChatMessage, ToolCall } from './messages.js';
import type { Tool } from './options.js';
import { now } from './now.js';

export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;

export interface ToolRunInput {
  calls: ToolCall[];
  tools: Tool[];
  context: unknown;
  step: number;
  signal: AbortSignal;
  emit(event: ChatEvent): void;
}

/** Runs all calls concurrently; resolves with one tool message per call, in the calls' order. */
export function runTools(input: ToolRunInput): Promise<ChatMessage[]> {
  return Promise.all(input.calls.map((call) => runOne(call, input)));
}

async function runOne(call: ToolCall, input: ToolRunInput): Promise<ChatMessage> {
  const { step, emit } = input;
  const { id } = call;
  const name = call.function.name;
  const tool = input.tools.find((t) => t.name === name);
  const startedAt = now();
  let args: unknown;
  const end = (outcome: { result?: unknown; error?: ChatError }): ChatMessage => {
    emit({ type: 'tool-end', id, name, args, ...outcome, durationMs: now() - startedAt, step, ...sourceOf(tool) });
    return toolMessage(call, outcome);
  };

  try {
    args = JSON.parse(call.function.arguments || '{}');
  } catch {
    args = call.function.arguments;
    return end({ error: toolError(`The arguments for "${name}" are not valid JSON. Send a JSON object that fits the tool's schema.`) });
  }
  if (!tool) {
    return end({ error: toolError(`There is no tool named "${name}". Available: ${input.tools.map((t) => t.name).join(', ') || 'none'}.`) });
  }
  let parsed: ReturnType<Tool['parameters']['safeParse']>;
  try {
    parsed = tool.parameters.safeParse(args);
  } catch (e) {
    // A refinement that throws is the tool's bug, but the model still deserves an answer.
    return end({ error: toolError(`Checking the arguments for "${name}" failed: ${e instanceof Error ? e.message : String(e)}`) });
  }
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.filter(isKey), message: i.message, code: i.code }));
    const list = issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return end({ error: { ...toolError(`Invalid arguments for "${name}": ${list}`), issues } });
  }
  args = parsed.data;

  if (tool.needsApproval) {
    const decision = await askApproval(tool, call, args, input);
    if (decision !== true) {
      const why = decision === 'stopped' ? 'The turn was stopped before the user decided.' : `The user declined this call${decision ? `: ${decision}` : '.'}`;
      return end({ error: { ...toolError(why), kind: decision === 'stopped' ? 'abort' : 'tool' } });
    }
  }
  emit({ type: 'tool-start', id, name, args, step, ...sourceOf(tool) });
  return end(await execute(tool, call, args, input));
}

/** Where a tool comes from, for the UI (an MCP server's tools say which server). */
const sourceOf = (tool: Tool | undefined) => (tool?.source ? { source: tool.source } : {});

/** Resolves true (approved), a reason string (denied; '' without reason), or 'stopped'. */
async function askApproval(tool: Tool, call: ToolCall, args: unknown, input: ToolRunInput): Promise<true | string> {
  let needs: boolean;
  try {
    needs = await tool.needsApproval!(args, input.context);
  } catch {
    needs = true; // when unsure, ask
  }
  if (!needs) return true;
  if (input.signal.aborted) return 'stopped';
  return new Promise<true | string>((resolve) => {
    const onAbort = () => resolve('stopped');
    input.signal.addEventListener('abort', onAbort, { once: true });
    const settle = (value: true | string) => {
      input.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    input.emit({
      type: 'tool-approval',
      id: call.id,
      name: tool.name,
      args,
      step: input.step,
      ...sourceOf(tool),
      approve: () => settle(true),
      deny: (reason?: string) => settle(reason ?? ''),
    });
  });
}

async function execute(tool: Tool, call: ToolCall, args: unknown, input: ToolRunInput): Promise<{ result?: unknown; error?: ChatError }> {
  const controller = new AbortController();
  const timeoutMs = tool.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const onStop = () => controller.abort(input.signal.reason);
  if (input.signal.aborted) onStop();
  else input.signal.addEventListener('abort', onStop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The tool may ignore its signal; the run does not wait for it past a stop or the timeout.
  const cut = new Promise<{ error: ChatError }>((resolve) => {
    const settle = () =>
      resolve({
        error: input.signal.aborted
          ? failure('abort', `"${tool.name}" was stopped.`).chatError
          : failure('timeout', `"${tool.name}" took longer than ${timeoutMs / 1000} s and was stopped.`, { retryable: true }).chatError,
      });
    controller.signal.addEventListener('abort', settle, { once: true });
    timer = setTimeout(() => controller.abort(new DOMException('Tool timed out', 'TimeoutError')), timeoutMs);
  });
  try {
    const run = (async () => ({ result: await tool.execute(args, { signal: controller.signal, context: input.context, callId: call.id }) }))();
    return await Promise.race([run, cut]);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: { ...toolError(`"${tool.name}" failed: ${message}`), cause: e } };
  } finally {
    clearTimeout(timer);
    input.signal.removeEventListener('abort', onStop);
  }
}

function toolError(message: string): ChatError {
  return { kind: 'tool', message, retryable: false };
}

/** What the model reads: the result as JSON (strings as they are), or the error for it to correct. */
function toolMessage(call: ToolCall, outcome: { result?: unknown; error?: ChatError }): ChatMessage {
  let content: string;
  if (outcome.error) content = JSON.stringify({ error: outcome.error.message });
  else if (typeof outcome.result === 'string') content = outcome.result;
  else content = safeJson(outcome.result);
  return { role: 'tool', tool_call_id: call.id, name: call.function.name, content };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return String(value);
  }
}

function isKey(k: PropertyKey): k is string | number {
  return typeof k !== 'symbol';
}
