/**
 * Answers about a known topic (content-topics.ts), and the general answer for anything else. The form
 * the prompt asks for (a table, a list, code, a long answer) is filled with the topic's own material
 * where it has some, so "HTTP caching, with a table" gets a table of Cache-Control directives.
 */
import { GENERAL_STEPS, TOPICS, type Topic } from './content-topics.js';
import type { Random } from './random.js';

/** True when `phrase` appears in `text` as whole words, whatever the case. */
export function mentions(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}([^\\p{L}\\p{N}]|$)`, 'iu').test(text);
}

/** The topic the prompt is about: the one with the most keys mentioned (the first on a tie), if any. */
export function topicFor(prompt: string): Topic | undefined {
  let best: Topic | undefined;
  let bestScore = 0;
  for (const topic of TOPICS) {
    const score = topic.keys.filter((key) => mentions(prompt, key)).length;
    if (score > bestScore) [best, bestScore] = [topic, score];
  }
  return best;
}

/** Every sentence the topic has, to draw more prose from when a long answer runs out of sections. */
export function sentencesOf(topic: Topic): string[] {
  const text = [topic.summary, ...topic.sections.map((s) => s.body)].join(' ');
  return text.match(/[^.!?]+[.!?]+(?=\s|$)/g)?.map((s) => s.trim()) ?? [text];
}

export function tableMarkdown(t: { caption: string; head: string[]; rows: string[][] }): string {
  const head = `| ${t.head.join(' | ')} |\n|${t.head.map(() => ' --- ').join('|')}|`;
  return `**${t.caption}**\n\n${head}\n${t.rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`;
}

export interface Asked {
  table: boolean;
  list: boolean;
  code: boolean;
  /** A checklist reads best as task items. */
  checklist: boolean;
  long: boolean;
}

/**
 * The parts of an answer about `topic`, before any padding to a word count. `fallback` supplies what
 * the topic lacks (a table for a topic without one) from the general library.
 */
export function topicParts(topic: Topic, asked: Asked, rng: Random, fallback: { table(): string; list(): string; code(): string }): string[] {
  if (topic.story) return [topic.summary, ...topic.sections.map((s) => s.body)];
  const parts = [topic.summary];
  const sectionCount = asked.long ? topic.sections.length : Math.min(topic.sections.length, rng.int(1, 2));
  const sections = topic.sections.slice(0, sectionCount).map((s) => `## ${s.heading}\n\n${s.body}`);
  const list = topic.list
    ? asked.checklist
      ? topic.list.map((item) => `- [ ] ${item}`).join('\n')
      : topic.list.map((item, i) => `${i + 1}. ${item}`).join('\n')
    : undefined;
  parts.push(...sections.slice(0, 1));
  if (asked.table) parts.push(topic.table ? tableMarkdown(topic.table) : fallback.table());
  if (asked.list) parts.push(list ?? fallback.list());
  if (asked.code) parts.push(topic.code ? '```' + topic.code.lang + '\n' + topic.code.code + '\n```' : fallback.code());
  parts.push(...sections.slice(1));
  // Nothing particular asked: the topic's own table, list or code, when it has one, shows what it is.
  if (!asked.table && !asked.list && !asked.code) {
    const own = [topic.table && tableMarkdown(topic.table), list, topic.code && '```' + topic.code.lang + '\n' + topic.code.code + '\n```'].filter(
      (p): p is string => Boolean(p),
    );
    if (own.length) parts.push(rng.pick(own));
  }
  return parts;
}

/** The answer to a question outside every topic: useful in general, and honest about where it comes from. */
export function generalParts(quotedTopic: string, rng: Random): string[] {
  const about = quotedTopic ? ` about “${quotedTopic}”` : '';
  const parts = [
    rng.pick([
      `I am the offline development model, so I have no real knowledge${about} — but here is how I would approach it.`,
      `This answer comes from the offline development model, which knows only a few topics. For a question${about}, a general approach:`,
      `I am the built-in offline model and cannot look this up. Here is a general way to think${about}:`,
    ]),
  ];
  const steps = rng.sample(GENERAL_STEPS, rng.int(3, 4));
  const shapes = [
    () => steps.map((s) => `- ${s}`).join('\n'),
    () => steps.map((s, i) => `${i + 1}. **${s}.**`).join('\n'),
    () => tableMarkdown({ caption: 'A way to decide', head: ['Step', 'Why it helps'], rows: steps.map((s, i) => [`${i + 1}. ${s}`, rng.pick(['Saves a wrong turn', 'Makes the choice visible', 'Cheap to try', 'Others have paid for the lesson'])]) }),
    () => `> ${steps[0]}.\n> — ${rng.pick(['an old rule of thumb', 'most good engineers', 'every good teacher'])}`,
  ];
  for (const shape of rng.sample(shapes, rng.int(1, 2))) parts.push(shape());
  parts.push('Connect a real model in the settings (an OpenAI key, or any OpenAI-compatible server) for a real answer.');
  return parts;
}
