/**
 * Tool calls. The last user message decides: every offered tool named there (by its exact name) is
 * called; names joined by "then" are called in successive steps, the others in parallel in one step.
 * Arguments are generated to fit each tool's JSON schema, taking values from the prompt where it gives
 * them. Once every step has its results, the answer quotes them.
 */
import type { ToolCall, ToolSpec, Turn } from './conversation.js';
import { topicOf } from './content.js';
import { generateJson } from './json-from-schema.js';
import { hintsFrom, messageFrom } from './prompt-values.js';
import { makeId, random } from './random.js';

interface Mention {
  tool: ToolSpec;
  at: number;
  /** The words about this call: from its name to the next mention. */
  text: string;
}

const NAME_CHAR = '[\\p{L}\\p{N}_$.-]';
/** After a name: a dot or dash ends a sentence ("call get_time.") unless a name character follows it. */
const NAME_GOES_ON = '[\\p{L}\\p{N}_$]|[.-][\\p{L}\\p{N}_$]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every mention of an offered tool in the prompt, in order (a tool may be named twice: two calls). */
function mentions(prompt: string, tools: ToolSpec[]): Mention[] {
  const found: { tool: ToolSpec; at: number; end: number }[] = [];
  for (const tool of tools) {
    const re = new RegExp(`(?<!${NAME_CHAR})${escape(tool.name)}(?!${NAME_GOES_ON})`, 'gu');
    for (const m of prompt.matchAll(re)) found.push({ tool, at: m.index!, end: m.index! + m[0].length });
  }
  // A longer name that contains a shorter one (`get_weather_v2` vs `get_weather`) wins at that spot.
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept = found.filter((f, i) => !found.slice(0, i).some((g) => f.at < g.end && g.at <= f.at));
  return kept.map((f, i) => ({ tool: f.tool, at: f.at, text: prompt.slice(f.at, kept[i + 1]?.at ?? prompt.length) }));
}

/** Groups mentions into steps: a "then" between two mentions starts a new step. */
export function toolSteps(prompt: string, tools: ToolSpec[]): Mention[][] {
  const list = mentions(prompt, tools);
  const steps: Mention[][] = [];
  list.forEach((m, i) => {
    const between = i === 0 ? '' : prompt.slice(list[i - 1].at + list[i - 1].tool.name.length, m.at);
    if (i === 0 || /\bthen\b|\bafter that\b|\bafterwards\b/i.test(between)) steps.push([m]);
    else steps[steps.length - 1].push(m);
  });
  return steps;
}

/** Index of the last user turn, and the tool-call steps the model took since. */
function progress(turns: Turn[]): { userIndex: number; stepsDone: number; results: Turn[]; calls: ToolCall[] } {
  let userIndex = -1;
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i].role === 'user') { userIndex = i; break; }
  const after = turns.slice(userIndex + 1);
  return {
    userIndex,
    stepsDone: after.filter((t) => t.role === 'assistant' && t.toolCalls?.length).length,
    results: after.filter((t) => t.role === 'tool'),
    calls: after.flatMap((t) => t.toolCalls ?? []),
  };
}

/** The calls to make now, or undefined when it is time to answer in text. */
/**
 * `tool_choice`: `none` never calls; `required` or a named function makes the first step call (the named
 * tool, or the first offered) even when the prompt names none. Only the first step: a model forced on
 * every step would loop until the client's step budget runs out.
 */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export function toolChoiceOf(value: any): ToolChoice {
  if (value === 'none' || value === 'required') return value;
  const name = value?.function?.name ?? value?.name;
  return typeof name === 'string' && name ? { name } : 'auto';
}

export function nextToolCalls(turns: Turn[], tools: ToolSpec[], seed: string, choice: ToolChoice = 'auto'): ToolCall[] | undefined {
  if (!tools.length || choice === 'none') return undefined;
  const { userIndex, stepsDone } = progress(turns);
  const prompt = userIndex >= 0 ? turns[userIndex].text : '';
  const steps = toolSteps(prompt, tools);
  if (stepsDone === 0 && choice !== 'auto') {
    const forced = typeof choice === 'object' ? tools.find((t) => t.name === choice.name) : tools[0];
    const named = typeof choice === 'object' ? steps[0]?.filter((m) => m.tool === forced) : steps[0];
    if (forced && !named?.length) steps.splice(0, steps.length, [{ tool: forced, at: 0, text: prompt }]);
    else if (named?.length) steps[0] = named;
  }
  const step = steps[stepsDone];
  if (!step) return undefined;
  const names = tools.map((t) => t.name);
  // A later step in a "then" chain carries the earlier results forward, as a real model would.
  const earlier = progress(turns).results.map((r) => r.text.trim()).filter(Boolean).join('; ');
  const carried = (name: string) => (earlier && /body|message|text|content|summary|note|input|data/i.test(name) ? earlier : undefined);
  return step.map((m, index) => {
    const rng = random(`${seed}:${stepsDone}:${index}:${m.tool.name}`);
    const schema = m.tool.parameters ?? { type: 'object', properties: {} };
    // Values near the call's own mention win ("weather in Paris and in Tokyo" gives two cities).
    const near = hintsFrom(m.text, names);
    const anywhere = hintsFrom(prompt, names);
    const args = generateJson(schema, {
      rng,
      root: schema,
      hint: (name, s, types) =>
        near(name, s, types) ??
        anywhere(name, s, types) ??
        (types.includes('string') ? (carried(name) ?? (/^(body|message|text|content)$/i.test(name) ? messageFrom(prompt) : undefined)) : undefined),
      sparseness: 0.1,
    });
    return { id: makeId('call_', `${seed}:${stepsDone}:${index}`, 24), name: m.tool.name, arguments: JSON.stringify(args ?? {}) };
  });
}

/** True when the conversation since the last user message holds tool results to answer with. */
export function hasToolResults(turns: Turn[]): boolean {
  return progress(turns).results.length > 0;
}

function describe(result: string): string {
  let value: unknown;
  try {
    value = JSON.parse(result);
  } catch {
    return result.trim() ? `> ${result.trim().split('\n').join('\n> ')}` : '_(an empty result)_';
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).slice(0, 6);
    const lines = entries.map(([k, v]) => `- **${k}**: ${typeof v === 'object' ? '`' + JSON.stringify(v) + '`' : String(v)}`);
    return `${lines.join('\n')}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;
  }
  return '`' + JSON.stringify(value) + '`';
}

/** The text answer after tool results: each result quoted, then a sentence tying them to the question. */
export function answerFromResults(turns: Turn[]): string {
  const { userIndex, results, calls } = progress(turns);
  const topic = topicOf(userIndex >= 0 ? turns[userIndex].text : '');
  const parts = [`Here is what the tools returned${topic ? ` for “${topic}”` : ''}:`];
  for (const result of results) {
    const call = calls.find((c) => c.id === result.toolCallId);
    const name = call?.name ?? 'tool';
    const failed = /^\s*\{?\s*"?error"?\s*[:=]/i.test(result.text) || /^error\b/i.test(result.text);
    parts.push(`### \`${name}\`${failed ? ' (failed)' : ''}`, describe(result.text));
  }
  parts.push(`In short: ${results.map((r) => summary(r, calls)).join('; ')}.`);
  return parts.join('\n\n');
}

/** One result in a few words, quoted, so the closing sentence visibly uses every result. */
function summary(result: Turn, calls: ToolCall[]): string {
  const name = calls.find((c) => c.id === result.toolCallId)?.name ?? 'the tool';
  // A calculation reads as one: "(12.5 * 4) + 7 = 57".
  try {
    const value = JSON.parse(result.text);
    if (value && typeof value.expression === 'string' && typeof value.result === 'number') return `\`${value.expression.replace(/`/g, "'")}\` = **${value.result}**`;
  } catch {
    // Not JSON: quoted as text below.
  }
  const text = result.text.trim().replace(/\s+/g, ' ').replace(/`/g, "'");
  const short = text.length > 100 ? `${text.slice(0, 97)}…` : text;
  return short ? `\`${name}\` returned \`${short}\`` : `\`${name}\` returned nothing`;
}
