/**
 * How the widget tells a user something went wrong: one button per failure, each switching the model
 * string to a dev-model scenario. The partial answer always stays, and Retry sends again.
 */
import { demoChat, type DemoSection } from '../section.js';

let counter = 0;
/** Failures that happen once then succeed need a fresh key each time. */
const once = (scenario: string) => `dev;rate=200;scenario=${scenario};failures=1;key=errors-demo-${Date.now()}-${++counter}`;

/** The dev model's routes on the other loopback name: the same server, seen from this page as another origin. */
function otherOrigin(path: string): string {
  const url = new URL(path, location.origin);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
}

interface Case {
  label: string;
  model: () => string;
  note: string;
  /** Another base URL for this case (the CORS one); the settings' otherwise. */
  baseUrl?: () => string;
  /** A key for this case (the dev model takes any): the one the server repeats in `echo-auth`. */
  apiKey?: string;
}

const CASES: Case[] = [
  { label: 'Connection drops', model: () => 'dev;rate=200;words=200;scenario=cut', note: 'The socket closes mid-answer: what arrived stays, marked interrupted.' },
  { label: 'Bad key (401)', model: () => 'dev;scenario=http-401', note: 'The server refuses the key: not retried, a message saying what to check.' },
  { label: 'Rate limited (429)', model: () => 'dev;scenario=http-429', note: 'Too many requests: retried after Retry-After, then reported.' },
  { label: 'Stalls (idle timeout)', model: () => 'dev;rate=200;scenario=stall;stallMs=20000', note: 'No byte for 4 s: the idle watchdog gives up (the element has idle-timeout-ms=4000).' },
  { label: 'Malformed stream', model: () => 'dev;rate=200;scenario=malformed', note: 'A broken line in the middle of the stream.' },
  { label: 'Error mid-stream', model: () => 'dev;rate=200;scenario=error-mid-stream', note: 'The server sends an error object after some text.' },
  { label: 'Server error once, then OK', model: () => once('http-500'), note: 'A 500 is retried on its own; the notice above the box says so.' },
  { label: 'Cut at the token limit', model: () => 'dev;rate=200;words=200;scenario=length', note: 'finish_reason "length": the answer says it was cut at the model’s limit and offers Continue.' },
  { label: 'Filtered by the provider', model: () => 'dev;rate=200;words=200;scenario=content-filter', note: 'finish_reason "content_filter": the answer says the provider filtered it.' },
  { label: '400 with a JSON body', model: () => 'dev;scenario=http-400', note: 'The server’s own message is shown (vLLM’s body shape, which the SDK alone reports as “no body”).' },
  {
    label: 'Server repeats the key',
    model: () => 'dev;scenario=echo-auth',
    apiKey: 'sk-demo-3f9a7c1e5b2d8f4a6c0e',
    note: 'A gateway lists the request’s headers in its error: the banner shows Bearer [redacted], never the key.',
  },
  {
    label: 'Blocked by CORS',
    model: () => 'dev',
    baseUrl: () => otherOrigin('/no-cors/v1'),
    note: 'The same dev model on another origin, without CORS headers: the browser blocks it and the message says CORS is the likely cause.',
  },
];

const section: DemoSection = {
  id: 'errors',
  title: 'Errors, in plain language',
  order: 55,
  chapter: 'Failures',
  description:
    'Pick a failure, then send a message. The banner says what happened and offers Retry; nothing you typed or received is lost. The element also fires <code>stream-chat-error</code>.',
  mount(container, settings) {
    if (!settings.usingDevModel) {
      container.textContent = 'These buttons use the dev model’s failure scenarios: switch the settings back to the dev model.';
      return;
    }
    const chat = demoChat(settings, 'Failure lab');
    chat.setAttribute('idle-timeout-ms', '4000');
    const bar = document.createElement('div');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Failure to simulate');
    bar.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem';
    const note = document.createElement('p');
    note.style.cssText = 'margin:0;font-size:0.9rem';
    note.textContent = 'No failure selected: answers arrive normally.';
    for (const item of CASES) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = item.label;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', () => {
        chat.model = item.model();
        chat.baseUrl = item.baseUrl?.() ?? settings.baseURL;
        chat.apiKey = item.apiKey ?? (settings.apiKey || undefined);
        note.textContent = `${item.label}: ${item.note} Now send a message.`;
        for (const b of bar.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
        chat.focus();
      });
      bar.append(button);
    }
    chat.starterPrompts = ['Tell me a story about a lighthouse'];
    const events = document.createElement('p');
    events.style.cssText = 'margin:0;font-size:0.85rem;opacity:0.8';
    chat.addEventListener('stream-chat-error', (event) => {
      const { error } = (event as CustomEvent).detail;
      events.textContent = `stream-chat-error: kind “${error.kind}”${error.status ? `, status ${error.status}` : ''}, retryable ${error.retryable}`;
    });
    chat.addEventListener('stream-chat-retry', (event) => {
      const { attempt, delayMs } = (event as CustomEvent).detail;
      events.textContent = `stream-chat-retry: attempt ${attempt} in ${delayMs} ms`;
    });
    container.append(bar, note, chat, events);
  },
};

export default section;
