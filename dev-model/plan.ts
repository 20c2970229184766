/**
 * What the model does this turn, decided once from the conversation and then written by whichever
 * API asked: some text, some JSON (structured output), or a step of tool calls.
 */
import { answerText, conversationSeed } from './content.js';
import { continuationOf, remainder } from './continuation.js';
import { lastUserText, type FileSeen, type OutputFormat, type ToolCall, type ToolSpec, type Turn } from './conversation.js';
import type { DevOptions } from './options.js';
import { structuredText } from './structured.js';
import { withThoughts, type Thoughts } from './reasoning.js';
import { answerFromResults, hasToolResults, nextToolCalls, type ToolChoice } from './tools.js';

export type Plan =
  | ({
      kind: 'text' | 'json';
      text: string;
      /** Cut short by the request's token limit (or the `length` scenario). */
      truncated?: boolean;
      /** Cut short by the provider's content filter (the `content-filter` scenario). */
      filtered?: boolean;
    } & Thoughts)
  | { kind: 'tools'; calls: ToolCall[] };

export interface TurnRequest {
  turns: Turn[];
  tools: ToolSpec[];
  format: OutputFormat;
  options: DevOptions;
  /** `max_tokens` / `max_completion_tokens` / `max_output_tokens`: the answer stops there. */
  maxTokens?: number;
  toolChoice?: ToolChoice;
  /** The request's `seed`: another seed, another answer to the same conversation. */
  seed?: number | string;
}

/** Four characters a token: the same estimate as the usage counts, so a limit and the usage agree. */
const CHARS_PER_TOKEN = 4;

/**
 * Tools first (a step of calls while the prompt names tools not yet called), then the answer: JSON when
 * a format asks for it, text quoting the tool results when there are some, else markdown.
 */
export function planTurn(request: TurnRequest): Plan {
  const plan = withThoughts(request.turns, decide(request));
  if (plan.kind === 'tools') return plan;
  // The scenarios that end an answer early stop it halfway, as a limit or a filter would.
  const half = () => Array.from(plan.text).slice(0, Math.ceil(Array.from(plan.text).length / 2)).join('');
  if (request.options.scenario === 'length') return { ...plan, text: half(), truncated: true };
  if (request.options.scenario === 'content-filter') return { ...plan, text: half(), filtered: true };
  const limit = request.maxTokens;
  if (!limit || limit <= 0) return plan;
  const chars = Array.from(plan.text);
  if (chars.length <= limit * CHARS_PER_TOKEN) return plan;
  return { ...plan, text: chars.slice(0, limit * CHARS_PER_TOKEN).join(''), truncated: true };
}

function decide(request: TurnRequest): Plan {
  const going = continuationOf(request.turns);
  if (going) {
    const whole = decide({ ...request, turns: going.before });
    if (whole.kind !== 'tools') return { ...whole, text: remainder(whole.text, going.partial) };
  }
  const { turns, tools, format, options } = request;
  const seed = seedOf(request);
  const calls = nextToolCalls(turns, tools, seed, request.toolChoice);
  if (calls?.length) return { kind: 'tools', calls };
  if (format.type !== 'text') {
    const invalid = options.scenario === 'invalid-json' ? options.invalid : undefined;
    return { kind: 'json', text: structuredText(turns, format, seed, invalid) };
  }
  if (hasToolResults(turns)) return { kind: 'text', text: answerFromResults(turns) };
  const files = lastUserFiles(turns) ?? [];
  if (files.length || lastUserText(turns).search(INLINE_FILE) >= 0) return { kind: 'text', text: describeFiles(files, turns) };
  return { kind: 'text', text: answerText(turns, options.words, request.seed) };
}

/** A token limit from whichever field the API uses. */
export function tokenLimit(body: any): number | undefined {
  const value = body?.max_completion_tokens ?? body?.max_tokens ?? body?.max_output_tokens;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Rough token counts (four characters a token), enough for a usage display to show plausible numbers. */
export function usageOf(request: TurnRequest, plan: Plan) {
  const input = request.turns.reduce((n, t) => n + t.text.length + 4, 0) + JSON.stringify(request.tools).length;
  const output = plan.kind === 'tools' ? plan.calls.reduce((n, c) => n + c.name.length + c.arguments.length, 0) : Array.from(plan.text).length;
  const prompt = Math.max(1, Math.ceil(input / CHARS_PER_TOKEN));
  const completion = Math.max(1, Math.ceil(output / CHARS_PER_TOKEN));
  return { prompt, completion, total: prompt + completion };
}

/** The seed for ids and pacing of this turn. */
export function seedOf(request: TurnRequest): string {
  // The scenario part of the model name is left out: a retry after a failure gets the same answer.
  return String(conversationSeed(request.turns, request.seed));
}

/** How a text file arrives inline: its name on a line, then its text fenced. */
const INLINE_FILE = /File: ([^\n]+)\n`{3,}/g;

/** The files of the last user turn, if it has any. */
function lastUserFiles(turns: Turn[]): FileSeen[] | undefined {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i].role === 'user') return turns[i].files;
  return undefined;
}

/** What a vision model would say, made deterministic: each file's kind, name, media type and size. */
function describeFiles(files: FileSeen[], turns: Turn[]): string {
  const lines = files.map((f) => `- ${f.kind === 'image' ? 'an image' : 'a file'}${f.name ? ` named ${f.name}` : ''} (${f.type || 'unknown type'}, ${f.bytes} bytes)`);
  const inline = Array.from(lastUserText(turns).matchAll(INLINE_FILE), (m) => `- a text file inline: ${m[1]}`);
  return [`I received ${files.length + inline.length} attachment${files.length + inline.length === 1 ? '' : 's'}:`, ...lines, ...inline].join('\n');
}
