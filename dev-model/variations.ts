/**
 * `dev;vary`: the same conversation asked again gets another answer, as a real model's would (the dev
 * model is otherwise deterministic). Regenerating an answer then shows a new version to flip to. The
 * first ask of a conversation answers as without `vary`; each later ask mixes its count in as the seed.
 */
import { hash } from './random.js';

/** Conversations remembered; the oldest are forgotten first, so a long-running server stays small. */
const REMEMBERED = 1000;
const asked = new Map<number, number>();

/** Whether the model name (or `x-dev-model` header) asks for `vary`. */
function wantsVariation(spec: unknown): boolean {
  return typeof spec === 'string' && /(^|[;&])\s*vary\s*(=\s*(1|true|yes)?\s*)?($|[;&])/i.test(spec);
}

/** The seed of this ask of the conversation under `vary` (undefined on the first ask, or without `vary`). */
export function variationSeed(body: { model?: unknown; messages?: unknown }, header?: string): number | undefined {
  if (!wantsVariation(body.model) && !wantsVariation(header)) return undefined;
  const key = hash(JSON.stringify(Array.isArray(body.messages) ? body.messages.map((m) => [m?.role, m?.content]) : []));
  const count = asked.get(key) ?? 0;
  asked.delete(key);
  asked.set(key, count + 1);
  if (asked.size > REMEMBERED) asked.delete(asked.keys().next().value!);
  return count === 0 ? undefined : count;
}
