/**
 * Text answers: markdown chosen from the prompt's words, varied by a hash of the conversation, so the
 * same conversation always gets the same answer and different ones look different.
 *
 * Triggers (in the last user message, case-insensitive):
 *   hello / hi / hey          a short greeting
 *   table                     a markdown table
 *   code, or a language name  fenced code (typescript, python, bash, json, css, html, rust, go, sql…)
 *   list                      bulleted, numbered, nested and task lists
 *   markdown                  a tour of everything: headings, emphasis, lists, table, quote, links, code
 *   long                      a long answer (~900 words); `words=N` in the model name gives exactly N words
 * A prompt about a known topic (content-topics.ts: HTTP caching, sourdough, promises…) is answered on that
 * topic, in the form asked for; anything else gets a general answer that says it is the offline model.
 */
import { CODE, GREETINGS, HEADINGS, INLINE_CODE, LINKS, LIST_ITEMS, SENTENCES, TABLES, type CodeSample } from './content-library.js';
import { lastUserText, type Turn } from './conversation.js';
import { mathAnswer } from './math.js';
import { hash, random, type Random } from './random.js';
import { generalParts, sentencesOf, tableMarkdown, topicFor, topicParts } from './topic-answer.js';

const LONG_WORDS = 900;

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The seed of a conversation: every turn's role and text, plus the request's own `seed` when it sends
 * one, so a client that wants another answer to the same conversation (regenerate) can ask for it.
 */
export function conversationSeed(turns: Turn[], requestSeed?: number | string): number {
  const base = turns.map((t) => `${t.role}:${t.text}`).join('\u0000');
  return hash(requestSeed === undefined ? base : `${base}\u0000seed:${requestSeed}`);
}

/** The question, short and safe to put inside markdown. */
export function topicOf(prompt: string): string {
  const first = prompt.trim().split('\n')[0] ?? '';
  // Cut at a word boundary: half a word in a quote looks like a bug.
  const short = first.length > 80 ? `${first.slice(0, 78).replace(/\s+\S*$/, '')}…` : first;
  return short.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

const STOPWORDS = new Set(
  'about above after again also another because been before being below between both cannot could does doing down during each every from further give have having here into just like make many more most much must need only other over please really same should show some such tell than that their them then there these they thing this those through under until very want what when where which while with would write your explain answer'.split(' '),
);

/** The most telling word of the prompt (the longest that is not filler), to echo in headings. */
export function keywordOf(prompt: string): string | undefined {
  const candidates = prompt.match(/[\p{L}][\p{L}\p{N}'-]{3,}/gu) ?? [];
  const best = candidates
    .filter((w) => !STOPWORDS.has(w.toLowerCase()))
    .reduce<string | undefined>((a, w) => (!a || w.length > a.length ? w : a), undefined);
  return best && best[0].toUpperCase() + best.slice(1);
}

function words(prompt: string, ...names: string[]): boolean {
  return names.some((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${n}([^\\p{L}\\p{N}]|$)`, 'iu').test(prompt));
}

/** Exactly `count` words of prose (from `pool`, sentences on one subject), ending with a full stop. */
export function prose(rng: Random, count: number, pool: readonly string[] = SENTENCES): string {
  const out: string[] = [];
  while (out.length < count) out.push(...rng.pick(pool).split(' '));
  const cut = out.slice(0, count);
  // A cut that ends on "a" or "the" reads as broken; end on a noun instead, keeping the count.
  if (count > 1 && /^(a|an|the|and|or|of|to|with|as|is|by|for|in|on|it|that|each|every|one|few|its|before|after|when|than)$/i.test(cut[count - 1].replace(/[.,;:!?]+$/, ''))) {
    cut[count - 1] = rng.pick(['streams', 'tests', 'users', 'answers', 'events', 'tokens']);
  }
  cut[cut.length - 1] = cut[cut.length - 1].replace(/[.,;:!?]*$/, '.');
  return cut.join(' ');
}

function paragraph(rng: Random, pool: readonly string[] = SENTENCES): string {
  return rng.sample(pool, Math.min(pool.length, rng.int(2, 4))).join(' ');
}

function link(rng: Random): string {
  const [label, url] = rng.pick(LINKS);
  return `[${label}](${url})`;
}

function inlineCodeParagraph(rng: Random): string {
  const [a, b] = rng.sample(INLINE_CODE, 2);
  return `Use ${a} together with ${b}; ${rng.pick(SENTENCES).replace(/^./, (c) => c.toLowerCase())} See ${link(rng)} for details.`;
}

function bulletList(rng: Random): string {
  return rng.sample(LIST_ITEMS, rng.int(3, 5)).map((i) => `- ${i}`).join('\n');
}

function numberedList(rng: Random): string {
  return rng.sample(LIST_ITEMS, rng.int(3, 5)).map((item, i) => `${i + 1}. **${item}** — ${rng.pick(SENTENCES)}`).join('\n');
}

function nestedList(rng: Random): string {
  const [a, b] = rng.sample(LIST_ITEMS, 2);
  const sub = rng.sample(LIST_ITEMS, 4);
  return `- ${a}\n  - ${sub[0]}\n  - ${sub[1]}\n- ${b}\n  - ${sub[2]}\n    - ${sub[3]}`;
}

function taskList(rng: Random): string {
  return rng.sample(LIST_ITEMS, 4).map((item, i) => `- [${i < 2 ? 'x' : ' '}] ${item}`).join('\n');
}

function table(rng: Random): string {
  return tableMarkdown(rng.pick(TABLES));
}

function code(sample: CodeSample): string {
  return '```' + sample.lang + '\n' + sample.code + '\n```';
}

function quote(rng: Random): string {
  return `> ${rng.pick(SENTENCES)}\n> — ${rng.pick(['a tired engineer', 'the style guide', 'an old README', 'every code review'])}`;
}

/** A section with a heading; half the headings echo the prompt's keyword, so they speak of what was asked. */
function section(rng: Random, body: string, keyword?: string): string {
  const heading = rng.pick(HEADINGS);
  const title = keyword && rng.chance(0.5) ? `${keyword}: ${heading.toLowerCase()}` : heading;
  return `## ${title}\n\n${body}`;
}

/** Languages named in the prompt, in the library's order. */
function languagesAsked(prompt: string): CodeSample[] {
  return CODE.filter((c) => c.names.some((n) => words(prompt, n)));
}

const FILLERS: ((rng: Random) => string)[] = [
  paragraph,
  bulletList,
  numberedList,
  table,
  (rng) => code(rng.pick(CODE)),
  inlineCodeParagraph,
  quote,
  nestedList,
];

function intro(rng: Random, topic: string): string {
  if (!topic) return rng.pick(['Here is an answer.', 'Sure.', 'Here you go.']);
  return rng.pick([
    `You asked “${topic}” — here is what I can tell you.`,
    `Good question: “${topic}” Let me walk through it.`.replace(/([^.?!…])” Let/, '$1.” Let'),
    `About “${topic}”: here is a short answer.`,
    `Let's look at “${topic}” together.`,
    `“${topic}” — sure, here goes.`,
  ]);
}

/** Sections until the answer has about `target` words; on a topic, drawn from its own sentences. */
function growTo(rng: Random, parts: string[], target: number, keyword?: string, pool?: readonly string[]): void {
  let count = countWords(parts.join('\n\n'));
  while (count < target) {
    const body = pool ? `${paragraph(rng, pool)} ${paragraph(rng, pool)}` : `${paragraph(rng)}\n\n${rng.pick(FILLERS)(rng)}`;
    const part = section(rng, body, keyword);
    parts.push(part);
    count += countWords(part);
  }
}

/** Exactly `target` words: whole sections while they fit, then prose to make up the rest. */
function exactly(rng: Random, parts: string[], target: number, keyword?: string, pool?: readonly string[]): string {
  const kept: string[] = [];
  let used = 0;
  for (const part of parts) {
    const n = countWords(part);
    if (used + n + 8 > target) break;
    kept.push(part);
    used += n;
  }
  while (target - used > 60) {
    const extra = section(rng, paragraph(rng, pool), keyword);
    const n = countWords(extra);
    if (used + n + 8 > target) break;
    kept.push(extra);
    used += n;
  }
  if (target > used) kept.push(prose(rng, target - used, pool));
  return kept.join('\n\n');
}

/** The text answer to a conversation. */
export function answerText(turns: Turn[], wordsWanted?: number, requestSeed?: number | string): string {
  const prompt = lastUserText(turns);
  const special = mathAnswer(prompt, conversationSeed(turns, requestSeed));
  if (special) return special;
  const rng = random(conversationSeed(turns, requestSeed));
  const quoted = topicOf(prompt);
  const subject = topicFor(prompt);
  const keyword = subject?.name ?? keywordOf(prompt);
  const pool = subject ? sentencesOf(subject) : undefined;
  const parts: string[] = [];

  const greeting = words(prompt, 'hello', 'hi', 'hey', 'hallo', 'bonjour', 'good morning', 'good evening');
  const asksTable = words(prompt, 'table', 'tables', 'compare', 'comparison');
  const asksChecklist = words(prompt, 'checklist', 'todo');
  const asksList = asksChecklist || words(prompt, 'list', 'lists', 'steps');
  const asksMarkdown = words(prompt, 'markdown', 'formatting', 'everything');
  const langs = languagesAsked(prompt);
  const asksCode = langs.length > 0 || words(prompt, 'code', 'snippet', 'snippets', 'example', 'examples', 'function', 'program', 'samples');
  const asksLong = words(prompt, 'long', 'essay', 'detailed', 'in depth', 'in detail', 'guide');
  const asksForm = asksTable || asksList || asksMarkdown || asksCode;

  if (greeting && !subject && !asksForm && !asksLong && !wordsWanted) {
    return `${rng.pick(GREETINGS)}${quoted.length > 12 ? ` You said: “${quoted}”.` : ''}`;
  }

  if (subject && !asksMarkdown) {
    if (!subject.story) parts.push(intro(rng, quoted));
    // Code in a language the topic's own sample is not in comes from the library.
    const ownCode = asksCode && (!langs.length || langs.some((l) => l.lang === subject.code?.lang));
    parts.push(
      ...topicParts(subject, { table: asksTable, list: asksList, code: ownCode, checklist: asksChecklist, long: asksLong || Boolean(wordsWanted) }, rng, {
        table: () => table(rng),
        list: () => bulletList(rng),
        code: () => code(rng.pick(CODE)),
      }),
    );
    if (asksCode && !ownCode) for (const s of langs) parts.push(`Here is an example in **${s.lang}**:`, code(s));
  } else if (!subject && !asksForm) {
    parts.push(...generalParts(quoted, rng));
  } else {
    parts.push(intro(rng, quoted));
    if (asksMarkdown) {
      parts.push(
        `# ${rng.pick(HEADINGS)}`,
        `Some **bold**, some *italic*, some ~~struck~~ text, ${rng.pick(INLINE_CODE)} inline, and a link to ${link(rng)}.`,
        section(rng, bulletList(rng), keyword),
        numberedList(rng),
        taskList(rng),
        table(rng),
        quote(rng),
        `### Code\n\n${code(langs[0] ?? rng.pick(CODE))}`,
        '---',
        `That is the whole tour. ${rng.pick(SENTENCES)}`,
      );
    } else {
      if (asksTable) parts.push(section(rng, `${paragraph(rng)}\n\n${table(rng)}`, keyword));
      if (asksList) parts.push(bulletList(rng), numberedList(rng), nestedList(rng));
      if (asksCode) {
        const samples = langs.length ? langs : rng.sample(CODE, rng.int(1, 2));
        for (const s of samples) parts.push(`Here is an example in **${s.lang}**:`, code(s));
        parts.push(inlineCodeParagraph(rng));
      }
    }
  }
  if (asksLong || wordsWanted) growTo(rng, parts, wordsWanted ?? LONG_WORDS, keyword, pool);
  if (wordsWanted) return exactly(rng, parts, wordsWanted, keyword, pool);
  if (subject?.story) parts.push('The end.');
  else if (subject) parts.push(rng.pick(['Anything else?', `Want me to go deeper on any part of this?`, 'Hope that helps!']));
  else if (asksForm) parts.push(rng.pick(['Anything else?', 'Want me to go deeper on any part?', 'Hope that helps!']));
  return parts.join('\n\n');
}
