/**
 * Values the user already gave: "weather in Paris" means `city: "Paris"`, "for 3 days" means
 * `days: 3`, "in celsius" picks that enum value. A tool call that ignores them would feel broken.
 */
import type { JsonSchema } from './json-schema.js';

/** Looks up a value for a property in the prompt; undefined when the prompt does not say. */
export type Hint = (name: string, schema: JsonSchema, types: string[]) => unknown;

const CAPITALIZED = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The property name as the user might write it: `max_results` -> `max results`, `dueDate` -> `due date`. */
const spoken = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();

function enumFrom(prompt: string, values: unknown[]): unknown {
  const lower = prompt.toLowerCase();
  return values.find((v) => typeof v === 'string' && v && new RegExp(`(^|[^\\p{L}\\p{N}])${escape(v.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u').test(lower));
}

function numberFrom(prompt: string, name: string): number | undefined {
  const n = escape(spoken(name));
  const singular = n.replace(/s$/, '');
  const patterns = [
    new RegExp(`${n}\\s*(?:=|:|of|is|to)?\\s*(-?\\d+(?:\\.\\d+)?)`, 'i'),
    new RegExp(`(-?\\d+(?:\\.\\d+)?)\\s*${singular}`, 'i'),
  ];
  for (const p of patterns) {
    const m = prompt.match(p);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The longest run of arithmetic in the prompt (`(12.5 * 4) + 7`), when it has an operator. */
export function arithmeticIn(prompt: string): string | undefined {
  const runs = prompt.match(/[-+*/×÷^%().\d\s]*\d[-+*/×÷^%().\d\s]*/g) ?? [];
  const candidates = runs.map((r) => r.trim()).filter((r) => /\d\s*[-+*/×÷^%]\s*[\d(]/.test(r));
  return candidates.sort((a, b) => b.length - a.length)[0]?.replace(/×/g, '*').replace(/÷/g, '/');
}

/** A short message body about what the prompt asks, for a tool that sends one. */
export function messageFrom(prompt: string): string | undefined {
  const subject = subjectFrom(prompt);
  if (!subject) return undefined;
  const who = prompt.match(/\bto\s+(?:the\s+|my\s+|our\s+)?([\p{L}][\p{L}\p{N}-]*)/u)?.[1];
  return `Hello${who ? ` ${who}` : ''},\n\nThis is a short note drafted from the chat: ${subject[0].toLowerCase()}${subject.slice(1)}. I will follow up with the details soon; reply here with any questions.\n\nBest regards`;
}

/** The prompt as the subject of a message: "Draft a note to the team" -> "Note to the team". */
function subjectFrom(prompt: string): string | undefined {
  const clause = prompt.split(/\b(?:and|then)\s+(?:call|use|run)\b|[.!?\n]/i)[0]?.trim() ?? '';
  const core = clause.replace(/^(?:please\s+)?(?:draft|write|send|compose|prepare|create|make)\s+(?:me\s+)?(?:an?\s+|the\s+)?/i, '');
  if (core.split(/\s+/).length < 2) return undefined;
  return core[0].toUpperCase() + core.slice(1);
}

function stringFrom(prompt: string, name: string, format = ''): string | undefined {
  const n = escape(spoken(name));
  const explicit = prompt.match(new RegExp(`${n}\\s*(?:=|:)\\s*(?:"([^"]*)"|“([^”]*)”|'([^']*)'|([^\\s,;]+))`, 'i'));
  if (explicit) return explicit[1] ?? explicit[2] ?? explicit[3] ?? explicit[4];
  if (/^(expression|expr|formula|equation|calculation|math|input)$/i.test(name)) return arithmeticIn(prompt);
  if (/timezone|time_zone|^tz$|^zone$/i.test(name)) return prompt.match(/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?\b|\bUTC\b/)?.[0];
  if (/^(to|cc|recipients?)$/i.test(name)) {
    const address = prompt.match(/[\w.+-]+@[\w-]+\.[\w.]+/)?.[0];
    if (address) return address;
    const who = prompt.match(/\bto\s+(?:the\s+|my\s+|our\s+)?([\p{L}][\p{L}\p{N}-]*)/u)?.[1];
    return who ? `${who.toLowerCase()}@example.com` : undefined;
  }
  if (/^subject$/i.test(name)) return subjectFrom(prompt);
  // The format says more than the name: `to` with format email is an address.
  const lower = `${name} ${format}`.toLowerCase();
  if (/city|location|place|town|destination|where/.test(lower)) {
    const m = prompt.match(new RegExp(`(?:\\bin|\\bfor|\\bat|\\bto|\\bfrom|\\bnear|\\babout|\\bof)\\s+(${CAPITALIZED})`, 'u'));
    if (m) return m[1];
  }
  if (/email/.test(lower)) return prompt.match(/[\w.+-]+@[\w-]+\.[\w.]+/)?.[0];
  if (/url|uri|link|website/.test(lower)) return prompt.match(/https?:\/\/\S+/)?.[0];
  if (/date|day|deadline/.test(lower)) return prompt.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (/query|search|term|text|topic|question|prompt|keyword|message/.test(lower)) {
    const quoted = prompt.match(/"([^"]+)"|“([^”]+)”/);
    if (quoted) return quoted[1] ?? quoted[2];
    const about = prompt.match(/\b(?:about|for|on)\s+([^.,;!?\n]+)/i);
    if (about) return about[1].trim();
  }
  return undefined;
}

/** A hint function reading values from `prompt`; `exclude` lists words (tool names) never taken as values. */
export function hintsFrom(prompt: string, exclude: string[] = []): Hint {
  let text = prompt;
  for (const word of exclude) text = text.split(word).join(' ');
  return (name, schema, types) => {
    if (Array.isArray(schema.enum)) return enumFrom(text, schema.enum);
    if (types.includes('integer') || types.includes('number')) {
      const n = numberFrom(text, name);
      if (n === undefined) return undefined;
      return types.includes('integer') ? Math.round(n) : n;
    }
    if (types.includes('string') || types.length === 0) return stringFrom(text, name, typeof schema.format === 'string' ? schema.format : '');
    if (types.includes('boolean')) {
      const m = text.match(new RegExp(`${escape(spoken(name))}\\s*(?:=|:)?\\s*(true|false|yes|no)\\b`, 'i'));
      if (m) return /true|yes/i.test(m[1]);
    }
    return undefined;
  };
}
