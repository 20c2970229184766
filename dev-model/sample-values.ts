/**
 * Plausible values for a JSON property from its name alone (`title`, `year`, `done`, `priority`…), so
 * generated objects read like data rather than `"string"`. Strings deliberately include characters a
 * client's JSON handling must get right: quotes, backslashes, newlines, accents, CJK and an emoji.
 */
import type { Random } from './random.js';

export const TITLES = [
  'The Quiet Garden', 'Streaming at Scale', 'Café Notes from 東京', 'A Field Guide to "Tiny" Functions',
  'Night Train to Lisbon', 'Learning Rust 🦀', 'The Art of Small Commits', 'Ünder the Northern Lights',
];
export const NAMES = ['Ada Lovelace', 'Grace Hopper', 'José Martínez', 'Zoë Müller', '山田 太郎', 'Amara Okafor', 'Linus Nyström'];
export const CITIES = ['Paris', 'Tokyo', 'Lisbon', 'São Paulo', 'Reykjavík', 'Nairobi', 'Montréal', 'Zürich'];
export const COUNTRIES = ['France', 'Japan', 'Portugal', 'Brazil', 'Iceland', 'Kenya', 'Canada', 'Switzerland'];
export const SUMMARIES = [
  'A short, "practical" guide to streaming answers — with café-style examples from 東京 ✨.',
  'Covers retries, back-off and the path C:\\temp\\logs that every Windows user knows.',
  'First line of the summary.\nSecond line, after a newline, with a tab\there.',
  'Explains why small functions win: easier to test, easier to name, easier to delete 🚀.',
  'Notes on the "quiet" parts of a UI: focus rings, live regions and reduced motion.',
];
export const REASONS = [
  'It matches what you asked for, and people who try it tend to come back to it.',
  'Well made, easy to get into, and it rewards a second look.',
  'A safe choice with a few surprises: most people who start it finish it.',
];
export const POINTS = [
  'Stream text as soon as it arrives', 'Validate while parsing, not after', 'Keep secrets out of attributes',
  'Retry 429 and 5xx with jittered back-off', 'Store drafts so a reload loses nothing', 'Say "why" in comments, not "what"',
  'Prefer one file per concept', 'Test in a real browser 🧪',
];
export const TASKS = ['Write the parser', 'Review the "smoother" PR', 'Ship v1.0 🚢', 'Fix the café encoding bug', 'Update the docs', 'Measure bundle size'];
const WORDS = ['alpha', 'streaming', 'café', 'delta', 'schema', 'token', '東京', 'widget', 'render', 'ocean'];
const COLORS = ['indigo', 'teal', 'crimson', 'amber', 'slate'];
const STATUSES = ['open', 'in progress', 'done', 'blocked'];
const GENRES = ['mystery', 'science fiction', 'poetry', 'biography', 'history'];
const LANGUAGES = ['TypeScript', 'Python', 'Rust', 'Go', 'Français', '日本語'];
const CATEGORIES = ['books', 'travel', 'music', 'software', 'food'];
const CONDITIONS = ['sunny', 'partly cloudy', 'light rain', 'windy', 'snow'];

/** Singular of a plural property name (`tasks` -> `task`), for naming the items of an array. */
export function singular(name: string): string {
  if (/ies$/i.test(name)) return name.slice(0, -3) + 'y';
  if (/(ss|us)$/i.test(name)) return name;
  return name.replace(/s$/i, '');
}

export const GOALS = [
  'Launch the new website before spring', 'Cut the bundle size in half', 'Move the office without losing a day',
  'Learn enough Japanese to order at a café in 東京', 'Ship the "quiet mode" feature', 'Run a 10 km race 🏃',
];
const ROLES = ['lead', 'detective', 'narrator', 'engineer', 'reviewer', 'designer'];

/**
 * A string for a property name, or undefined when the name says nothing useful. `parent` is the name of
 * the object or list holding it: a `title` inside `tasks` is a task, a `name` inside `cast` a person.
 */
export function stringFor(name: string, rng: Random, parent = ''): string | undefined {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  const p = parent.toLowerCase();
  if (!n) return undefined;
  if (/^(title|name|label|text)$/.test(n) && /task|todo|step|action|chore|item/.test(p)) return rng.pick(TASKS);
  if (/^(name|title)$/.test(n) && /cast|actor|member|person|people|author|user|speaker|attendee|guest|contact/.test(p)) return rng.pick(NAMES);
  if (/^(name|city)$/.test(n) && /city|cities|place|destination|location/.test(p)) return rng.pick(CITIES);
  if (/title|headline|subject/.test(n)) return rng.pick(TITLES);
  if (/goal|objective|purpose|mission|aim/.test(n)) return rng.pick(GOALS);
  if (/role|character|job|position/.test(n)) return rng.pick(ROLES);
  if (/^(first)?name$|author|person|owner|assignee|user(name)?$|fullname|artist|director/.test(n)) return rng.pick(NAMES);
  if (/city|town|location|place|destination/.test(n)) return rng.pick(CITIES);
  if (/country|nation/.test(n)) return rng.pick(COUNTRIES);
  if (/^(to|cc|bcc|recipients?|from|sender)$/.test(n)) return rng.pick(['team@example.com', 'ada.lovelace@example.com', 'support@example.com']);
  if (/why|reason|because|pitch/.test(n)) return rng.pick(REASONS);
  if (/summary|description|abstract|bio|overview|content|body|text|message|notes?|comment|explanation|answer|details/.test(n)) return rng.pick(SUMMARIES);
  if (/point|tip|takeaway|idea|step|highlight|pro|con|lesson/.test(n)) return rng.pick(POINTS);
  if (/task|todo|action|chore/.test(n)) return rng.pick(TASKS);
  if (/email|mail/.test(n)) return 'ada.lovelace@example.com';
  if (/url|link|website|href|homepage/.test(n)) return `https://example.com/${rng.pick(WORDS.slice(0, 6))}`;
  if (/phone|tel/.test(n)) return '+33 1 23 45 67 89';
  if (/color|colour/.test(n)) return rng.pick(COLORS);
  if (/status|state/.test(n)) return rng.pick(STATUSES);
  if (/priority|severity|level/.test(n)) return rng.pick(['high', 'medium', 'low']);
  if (/genre/.test(n)) return rng.pick(GENRES);
  if (/lang/.test(n)) return rng.pick(LANGUAGES);
  if (/category|kind|type|topic|tag|label|keyword/.test(n)) return rng.pick(CATEGORIES);
  if (/condition|weather|forecast/.test(n)) return rng.pick(CONDITIONS);
  if (/unit/.test(n)) return rng.pick(['celsius', 'fahrenheit']);
  if (/currency/.test(n)) return rng.pick(['EUR', 'USD', 'JPY']);
  if (/query|search|term|prompt|question/.test(n)) return rng.pick(['streaming markdown', 'café near the station', 'best practices for retries']);
  if (/timezone|^tz$|zone/.test(n)) return rng.pick(['Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'UTC']);
  if (/^id$|uuid|identifier/.test(n)) return uuid(rng);
  if (/date|day|deadline|due/.test(n)) return date(rng);
  if (/time|timestamp|at$/.test(n)) return dateTime(rng);
  if (/word|slug|code|key|handle/.test(n)) return rng.pick(WORDS);
  return undefined;
}

/** A number for a property name, or undefined. */
export function numberFor(name: string, rng: Random): number | undefined {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  if (/year/.test(n)) return rng.int(1950, 2025);
  if (/age/.test(n)) return rng.int(18, 90);
  if (/price|cost|amount|total|salary/.test(n)) return Math.round(rng.next() * 20000) / 100;
  if (/rating|score|stars/.test(n)) return rng.int(1, 5);
  if (/priority|rank|level/.test(n)) return rng.int(1, 5);
  if (/temp/.test(n)) return rng.int(-5, 32);
  if (/lat/.test(n)) return Math.round((rng.next() * 180 - 90) * 1e4) / 1e4;
  if (/lon|lng/.test(n)) return Math.round((rng.next() * 360 - 180) * 1e4) / 1e4;
  if (/percent|confidence|probability|ratio/.test(n)) return Math.round(rng.next() * 100) / 100;
  if (/runtime|duration|minutes/.test(n)) return rng.int(85, 180);
  if (/count|quantity|number|qty|pages|days|hours|size|length|limit/.test(n)) return rng.int(1, 12);
  return undefined;
}

/** A boolean for a property name (done/completed lean true half the time, flags vary). */
export function booleanFor(_name: string, rng: Random): boolean {
  return rng.chance(0.5);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function date(rng: Random): string {
  return `${rng.int(2019, 2026)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

export function dateTime(rng: Random): string {
  return `${date(rng)}T${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}Z`;
}

export function time(rng: Random): string {
  return `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
}

export function uuid(rng: Random): string {
  const hex = () => rng.int(0, 15).toString(16);
  const run = (k: number) => Array.from({ length: k }, hex).join('');
  return `${run(8)}-${run(4)}-4${run(3)}-${'89ab'[rng.int(0, 3)]}${run(3)}-${run(12)}`;
}

/** A string in a JSON Schema `format`, or undefined for formats we do not know. */
export function stringInFormat(format: string, rng: Random): string | undefined {
  switch (format) {
    case 'date-time':
      return dateTime(rng);
    case 'date':
      return date(rng);
    case 'time':
      return time(rng);
    case 'email':
    case 'idn-email':
      return `${rng.pick(['ada', 'grace', 'jose', 'zoe'])}@example.com`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/${rng.pick(WORDS.slice(0, 6))}`;
    case 'uuid':
      return uuid(rng);
    case 'hostname':
      return 'api.example.com';
    case 'ipv4':
      return `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    case 'ipv6':
      return `2001:db8::${rng.int(1, 0xffff).toString(16)}`;
    case 'duration':
      return `PT${rng.int(1, 59)}M`;
    default:
      return undefined;
  }
}

/** A short generic phrase, for strings whose name says nothing. */
export function genericString(rng: Random): string {
  return `${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
}
