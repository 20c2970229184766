/**
 * Reasoning and citations on demand. A prompt that says "think" or "reason" gets the model's reasoning
 * streamed before its answer (it restates the question, as reasoning models do, so whatever the prompt
 * holds shows up in the reasoning too); one that says "sources", "cite" or "citations" gets the answer's
 * citations. Each API says them in its own words: Chat Completions `reasoning_content` and OpenRouter's
 * `annotations`, Responses reasoning summary events and `url_citation` annotations, AG-UI reasoning
 * messages and a `source` custom event, the AI SDK's `reasoning-*` and `source-url` parts.
 */
import { lastUserText, type Turn } from './conversation.js';
import type { DevOptions } from './options.js';
import { splitChunks } from './pacing.js';
import type { Random } from './random.js';
import type { Step } from './scenarios.js';

export interface DevSource {
  url: string;
  title: string;
}

export interface Thoughts {
  reasoning?: string;
  sources?: DevSource[];
}

const REASONS = /\b(think|thinking|reason|reasoning)\b/i;
const CITES = /\b(sources?|cite|citations?)\b/i;

/** Addresses the dev model cites: real pages about what the project does, never fetched. */
const SOURCES: DevSource[] = [
  { url: 'https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events', title: 'Server-sent events – MDN' },
  { url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html', title: 'HTML Standard: server-sent events' },
  { url: 'https://platform.openai.com/docs/guides/streaming-responses', title: 'Streaming API responses' },
];

/** What the last user message asks for besides the answer. */
export function thoughtsFor(turns: Turn[]): Thoughts {
  const prompt = lastUserText(turns);
  const out: Thoughts = {};
  if (REASONS.test(prompt)) out.reasoning = reasoningAbout(prompt);
  if (CITES.test(prompt)) out.sources = SOURCES;
  return out;
}

/** A plan with the thoughts its prompt asks for (text answers only: a step of tool calls just calls). */
export function withThoughts<P extends { kind: string }>(turns: Turn[], plan: P): P & Thoughts {
  return plan.kind === 'text' ? { ...plan, ...thoughtsFor(turns) } : plan;
}

function reasoningAbout(prompt: string): string {
  const question = prompt.trim().replace(/\s+/g, ' ').slice(0, 160);
  return [
    `The user asks: "${question}". Let me think about what they really want to know before I answer.`,
    'A good answer starts with the short version, then gives the details in the order a reader needs them, with an example where one helps.',
    'I should keep it accurate and say where the limits are. Markdown with a heading and a list reads best here.',
  ].join('\n\n');
}

// ——— Chat Completions ———

/** `reasoning_content` deltas (DeepSeek's and vLLM's field) before the answer's content. */
export function chatReasoningSteps(plan: Thoughts, options: DevOptions, rng: Random, send: (delta: object) => void): Step[] {
  if (!plan.reasoning) return [];
  return splitChunks(plan.reasoning, options, rng).map((piece) => ({ length: piece.length, write: () => send({ content: null, reasoning_content: piece }) }));
}

/** Citations as OpenRouter streams them: `annotations` with `url_citation` in a delta after the text. */
export function chatCitationSteps(plan: Thoughts, text: string, send: (delta: object) => void): Step[] {
  if (!plan.sources) return [];
  return [{ length: 0, write: () => send({ annotations: chatAnnotations(plan, text) }) }];
}

/** The same on a whole (non-streaming) message. */
export function chatMessageThoughts(plan: Thoughts, text: string): object {
  return {
    ...(plan.reasoning ? { reasoning_content: plan.reasoning } : {}),
    ...(plan.sources ? { annotations: chatAnnotations(plan, text) } : {}),
  };
}

function chatAnnotations(plan: Thoughts, text: string) {
  return (plan.sources ?? []).map((s) => ({ type: 'url_citation', url_citation: { ...s, start_index: 0, end_index: text.length } }));
}

// ——— Responses ———

/** The reasoning item that comes before the message, with its summary (one part per paragraph). */
export function responsesReasoningItem(plan: Thoughts, id: string): Record<string, unknown> & { id: string; type: string } {
  const summary = (plan.reasoning ?? '').split('\n\n').map((text) => ({ type: 'summary_text', text }));
  return { id, type: 'reasoning', summary };
}

/** `url_citation` annotations of the message's text. */
export function responsesAnnotations(plan: Thoughts, text: string): object[] {
  return (plan.sources ?? []).map((s) => ({ type: 'url_citation', start_index: 0, end_index: text.length, url: s.url, title: s.title }));
}

type Emit = (type: string, fields: object) => void;

/** A reasoning item streamed as OpenAI does: added, each summary part with its text deltas, done. */
export function responsesReasoningSteps(item: { id: string; summary?: unknown }, output_index: number, options: DevOptions, rng: Random, emit: Emit): Step[] {
  const parts = item.summary as { text: string }[];
  const steps: Step[] = [{ length: 0, write: () => emit('response.output_item.added', { output_index, item: { ...item, summary: [] } }) }];
  parts.forEach(({ text }, summary_index) => {
    const at = { item_id: item.id, output_index, summary_index };
    steps.push({ length: 0, write: () => emit('response.reasoning_summary_part.added', { ...at, part: { type: 'summary_text', text: '' } }) });
    for (const delta of splitChunks(text, options, rng)) {
      steps.push({ length: delta.length, write: () => emit('response.reasoning_summary_text.delta', { ...at, delta }) });
    }
    steps.push({
      length: 0,
      write: () => {
        emit('response.reasoning_summary_text.done', { ...at, text });
        emit('response.reasoning_summary_part.done', { ...at, part: { type: 'summary_text', text } });
      },
    });
  });
  steps.push({ length: 0, write: () => emit('response.output_item.done', { output_index, item }) });
  return steps;
}

/** `response.output_text.annotation.added` for each citation, after the text's deltas. */
export function responsesAnnotationSteps(annotations: unknown, at: object, emit: Emit): Step[] {
  return (Array.isArray(annotations) ? annotations : []).map((annotation, annotation_index) => ({
    length: 0,
    write: () => emit('response.output_text.annotation.added', { ...at, annotation_index, annotation }),
  }));
}

// ——— the agent protocols ———

export interface ThoughtWriter {
  reasoningStart(): void;
  reasoning(delta: string): void;
  reasoningEnd(): void;
  source(source: DevSource, index: number): void;
}

/** AG-UI: a reasoning message (REASONING_* events, AG-UI 1.0), sources as `source` custom events. */
export function agUiThoughts(send: (event: object) => void, messageId: string): ThoughtWriter {
  const id = `${messageId}_reasoning`;
  return {
    reasoningStart() {
      send({ type: 'REASONING_START', messageId: id });
      send({ type: 'REASONING_MESSAGE_START', messageId: id, role: 'reasoning' });
    },
    reasoning: (delta) => send({ type: 'REASONING_MESSAGE_CONTENT', messageId: id, delta }),
    reasoningEnd() {
      send({ type: 'REASONING_MESSAGE_END', messageId: id });
      send({ type: 'REASONING_END', messageId: id });
    },
    source: (source) => send({ type: 'CUSTOM', name: 'source', value: source }),
  };
}

/** The AI SDK UI message stream: `reasoning-start` / `-delta` / `-end`, and `source-url` parts. */
export function aiSdkThoughts(send: (chunk: object) => void, id: string): ThoughtWriter {
  return {
    reasoningStart: () => send({ type: 'reasoning-start', id: `${id}_r` }),
    reasoning: (delta) => send({ type: 'reasoning-delta', id: `${id}_r`, delta }),
    reasoningEnd: () => send({ type: 'reasoning-end', id: `${id}_r` }),
    source: (source, index) => send({ type: 'source-url', sourceId: `${id}_s${index}`, url: source.url, title: source.title }),
  };
}

/** The reasoning as steps for `play` (paced like text), before an agent's answer. */
export function thoughtSteps(thoughts: Thoughts, writer: ThoughtWriter, options: DevOptions, rng: Random): Step[] {
  if (!thoughts.reasoning) return [];
  return [
    { length: 0, write: () => writer.reasoningStart() },
    ...splitChunks(thoughts.reasoning, options, rng).map((delta) => ({ length: delta.length, write: () => writer.reasoning(delta) })),
    { length: 0, write: () => writer.reasoningEnd() },
  ];
}

/** The citations, after an agent's answer. */
export function sourceSteps(thoughts: Thoughts, writer: ThoughtWriter): Step[] {
  return (thoughts.sources ?? []).map((source, index) => ({ length: 0, write: () => writer.source(source, index) }));
}
