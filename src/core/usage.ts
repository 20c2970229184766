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
  return sum;
}

/** Prices are per million tokens, as providers publish them. */
export function withCost(usage: Usage, price: ModelPrice | undefined): Usage {
  if (!price) return usage;
  const cost = (usage.promptTokens * price.input + usage.completionTokens * price.output) / 1_000_000;
  return { ...usage, cost };
}
