/** Small ways to consume a run for callers who want less than every event. */
import type { ChatEvent } from './events.js';
import type { ChatResult, ChatRun } from './options.js';

/**
 * The answer's text as it streams: each delta (`delta: true`, the default) or the text so far
 * (`delta: false`). Tool-loop steps each start a new text; in cumulative mode that text restarts.
 */
export async function* streamText(run: ChatRun, { delta = true }: { delta?: boolean } = {}): AsyncGenerator<string> {
  for await (const event of run) {
    if (event.type === 'text') yield delta ? event.delta : event.text;
  }
}

/** Waits for the whole turn: its result and every event it produced, in order. */
export async function collect(run: ChatRun): Promise<{ result: ChatResult; events: ChatEvent[] }> {
  const events: ChatEvent[] = [];
  for await (const event of run) events.push(event);
  return { result: await run.result, events };
}
