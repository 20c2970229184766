/** Token counts per step and per turn, and their cost when the host told us the model's price. */
import type { Usage } from './events.js';
import type { ModelPrice } from './options.js';

export const ZERO_USAGE: Usage = Object.freeze({ promptTokens: 0, completionTokens: 0, totalTokens: 0 }) as Usage;

export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
  if (a.cost !== undefined || b.cost !== undefined) sum.cost = (a.cost ?? 0) + (b.cost ?? 0);
  if (a.estimated || b.estimated) sum.estimated = true;
  return sum;
}

/** Prices are per million tokens, as providers publish them. */
export function withCost(usage: Usage, price: ModelPrice | undefined): Usage {
  if (!price) return usage;
  const cost = (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
  return { ...usage, cost };
}

/** Characters per token in English prose and code, the usual rule of thumb for GPT-style tokenizers. */
const CHARS_PER_TOKEN = 4;

/**
 * The usage of a step that ended without the provider's count: stopped, or cut by an error. Providers
 * report usage at the end of a stream (OpenAI's `include_usage` chunk comes last), so a stream cut short
 * has none; the model was still billed for what it read and wrote. Estimated from the characters sent and
 * received, and marked `estimated`, rather than shown as zero. Undefined when nothing was received.
 */
export function estimatedUsage(sent: readonly (string | { content: unknown } | null | undefined)[], received: string): Usage | undefined {
  if (!received) return undefined;
  let chars = 0;
  for (const part of sent) {
    const content = typeof part === 'string' ? part : part?.content;
    chars += typeof content === 'string' ? content.length : content ? JSON.stringify(content).length : 0;
  }
  const promptTokens = Math.ceil(chars / CHARS_PER_TOKEN);
  const completionTokens = Math.ceil(received.length / CHARS_PER_TOKEN);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, estimated: true };
}
