/**
 * The raw material answers are assembled from: prose, code in several languages, tables, links.
 * Kept apart from the assembly logic so adding a sample never touches how answers are chosen.
 */

export const SENTENCES = [
  'Streaming the answer as it is produced lets the reader start long before the last token arrives.',
  'A small, well-named function is easier to test than a clever one that does three things.',
  'Server-sent events keep one HTTP response open and push each piece as a `data:` line.',
  'The browser parses markdown incrementally, so finished blocks never need to be rendered twice.',
  'Retries with exponential backoff and jitter keep a busy server from being hammered in lockstep.',
  'Every conversation is stored locally, so a reload brings the whole history back.',
  'Validating structured output while it streams catches a wrong field before the answer is complete.',
  'An abort signal threads through every layer, so pressing stop really stops the network request.',
  'Keyboard users should reach every control, and screen readers should hear new messages politely.',
  'Caching the parsed result of an unchanged prefix turns quadratic work into linear work.',
  'A tool call carries its arguments as JSON text that arrives in fragments, a few characters at a time.',
  'Content Security Policy and a strict sanitizer together keep injected markup harmless.',
  'Measuring before optimising avoids spending a day on code that was never the bottleneck.',
  'Idle timeouts catch a stream that stopped sending without ever closing the connection.',
  'The same event vocabulary serves the headless engine and the custom element alike.',
  'A deterministic test server makes a flaky network scenario reproducible on every run.',
  'Large lists stay smooth when only the visible rows are rendered.',
  'Typed events make it obvious which fields a listener can rely on.',
  'Reading the specification first often saves an afternoon of guessing.',
  'Small commits with clear messages make a history that explains itself.',
];

export const HEADINGS = [
  'Overview', 'How it works', 'Getting started', 'Details', 'Trade-offs', 'Example', 'Things to watch',
  'Performance', 'Next steps', 'Summary', 'Background', 'In practice',
];

export const LINKS = [
  ['MDN Web Docs', 'https://developer.mozilla.org/'],
  ['the HTML Living Standard', 'https://html.spec.whatwg.org/'],
  ['the Lit documentation', 'https://lit.dev/docs/'],
  ['the OpenAI API reference', 'https://platform.openai.com/docs/api-reference'],
  ['JSON Schema', 'https://json-schema.org/'],
  ['web.dev', 'https://web.dev/'],
  ['the TypeScript handbook', 'https://www.typescriptlang.org/docs/handbook/intro.html'],
] as const;

export const INLINE_CODE = [
  '`fetch()`', '`AbortController`', '`for await`', '`JSON.parse`', '`ReadableStream`', '`requestAnimationFrame`',
  '`indexedDB.open`', '`customElements.define`', '`TextDecoder`', '`structuredClone`',
];

export const LIST_ITEMS = [
  'Keep the first paint fast', 'Stream text as it arrives', 'Sanitize every rendered fragment',
  'Store drafts while streaming', 'Retry only what is safe to retry', 'Show errors with a way forward',
  'Respect reduced motion', 'Label every button', 'Test against a real browser', 'Measure the bundle size',
  'Handle offline gracefully', 'Cancel work the user no longer needs',
];

export interface CodeSample {
  lang: string;
  /** Words in a prompt that ask for this language. */
  names: string[];
  code: string;
}

export const CODE: CodeSample[] = [
  {
    lang: 'ts',
    names: ['typescript', 'ts'],
    code: `interface Message {
  role: 'user' | 'assistant';
  content: string;
}

export async function* streamText(response: Response): AsyncGenerator<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    yield value;
  }
}`,
  },
  {
    lang: 'js',
    names: ['javascript', 'js', 'node'],
    code: `const controller = new AbortController();
const timer = setTimeout(() => controller.abort(), 10_000);

const response = await fetch('/v1/chat/completions', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'dev', stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
  signal: controller.signal,
});
clearTimeout(timer);
console.log(response.status);`,
  },
  {
    lang: 'python',
    names: ['python', 'py'],
    code: `from dataclasses import dataclass


@dataclass
class Task:
    title: str
    done: bool = False


def pending(tasks: list[Task]) -> list[str]:
    """Titles of the tasks still to do, in order."""
    return [t.title for t in tasks if not t.done]


print(pending([Task("write tests"), Task("ship", done=True)]))`,
  },
  {
    lang: 'bash',
    names: ['bash', 'shell', 'sh', 'curl', 'terminal'],
    code: `curl -N http://localhost:8787/v1/chat/completions \\
  -H 'content-type: application/json' \\
  -d '{"model":"dev;rate=200","stream":true,"messages":[{"role":"user","content":"hello"}]}'`,
  },
  {
    lang: 'json',
    names: ['json'],
    code: `{
  "name": "stream-chat-element",
  "version": "1.0.0",
  "keywords": ["chat", "streaming", "web-component"],
  "settings": { "rate": 450, "burst": 0.35, "emoji": "✨" }
}`,
  },
  {
    lang: 'css',
    names: ['css', 'style', 'styles'],
    code: `stream-chat {
  --stream-chat-accent: #4f46e5;
  --stream-chat-radius: 12px;
  max-inline-size: 42rem;
}

stream-chat::part(message) {
  line-height: 1.55;
}

@media (prefers-reduced-motion: reduce) {
  stream-chat { --stream-chat-caret-blink: none; }
}`,
  },
  {
    lang: 'html',
    names: ['html', 'markup'],
    code: `<script type="module" src="https://unpkg.com/stream-chat-element/dist/stream-chat.js"></script>

<stream-chat
  base-url="http://localhost:8787/v1"
  model="dev"
  heading="Ask me anything"
></stream-chat>`,
  },
  {
    lang: 'rust',
    names: ['rust', 'rs'],
    code: `fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn main() {
    let answer = "streaming one token at a time";
    println!("{} words", word_count(answer));
}`,
  },
  {
    lang: 'go',
    names: ['go', 'golang'],
    code: `package main

import (
\t"fmt"
\t"strings"
)

func main() {
\tparts := strings.Fields("data: hello world")
\tfmt.Println(len(parts), parts[1:])
}`,
  },
  {
    lang: 'sql',
    names: ['sql', 'query', 'database'],
    code: `SELECT c.title, COUNT(m.id) AS messages
FROM conversations AS c
JOIN messages AS m ON m.conversation_id = c.id
WHERE c.updated_at > now() - interval '7 days'
GROUP BY c.title
ORDER BY messages DESC
LIMIT 10;`,
  },
];

export interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

export const TABLES: Table[] = [
  {
    caption: 'Transports compared',
    head: ['Transport', 'Direction', 'Reconnects', 'Best for'],
    rows: [
      ['Server-sent events', 'server → client', 'built in', 'token streams'],
      ['WebSocket', 'both ways', 'by hand', 'two-way chats'],
      ['Long polling', 'server → client', 'each request', 'old proxies'],
      ['`fetch` + `ReadableStream`', 'server → client', 'by hand', 'POST bodies'],
    ],
  },
  {
    caption: 'HTTP status codes a chat client meets',
    head: ['Status', 'Meaning', 'Retry?'],
    rows: [
      ['`401`', 'Bad or missing key', 'No'],
      ['`429`', 'Rate limited', 'Yes, after `Retry-After`'],
      ['`500`', 'Server error', 'Yes, with backoff'],
      ['`503`', 'Overloaded', 'Yes, with backoff'],
    ],
  },
  {
    caption: 'What a chat widget should survive',
    head: ['Failure', 'What the user sees', 'What is kept'],
    rows: [
      ['Connection drops', 'The answer marked interrupted', 'Everything that arrived'],
      ['Server stalls', 'A timeout message with Retry', 'The partial answer'],
      ['Bad key', 'What to check', 'The question'],
      ['Tab closed', 'The draft on the next visit', 'The whole conversation'],
    ],
  },
  {
    caption: 'Keyboard shortcuts',
    head: ['Keys', 'Action'],
    rows: [
      ['<kbd>Enter</kbd>', 'Send'],
      ['<kbd>Shift</kbd>+<kbd>Enter</kbd>', 'New line'],
      ['<kbd>Esc</kbd>', 'Stop the answer'],
      ['<kbd>↑</kbd>', 'Edit the last message'],
    ],
  },
  {
    caption: 'Bundle sizes (gzip)',
    head: ['Package', 'Size', 'Tree-shakes'],
    rows: [
      ['lit', '5.7 KB', 'yes'],
      ['marked', '15.1 KB', 'partly'],
      ['DOMPurify', '11.5 KB', 'no'],
      ['idb-keyval', '0.4 KB', 'yes'],
    ],
  },
];

export const GREETINGS = [
  'Hello! 👋 How can I help you today?',
  'Hi there! What would you like to talk about?',
  'Hey! I am the local development model. Ask me for a table, some code, a list, or a long answer.',
  'Hello! I can answer with markdown, call tools, or stream structured JSON. What shall we try?',
];
