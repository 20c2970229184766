/**
 * The engine without the element: `runChat` driven by a few lines of page script, every event it
 * yields shown as it arrives, the final result below. With the dev model, a visitor can pick a
 * failure and watch the retry, timeout or error events the element builds its UI from.
 */
import * as z from 'zod';
import { runChat, type ChatEvent, type ChatRun, type RunChatOptions, type Tool } from '../../src/core/index.js';
import type { DemoSection, DemoSettings } from '../section.js';

const PROMPTS: [string, string, string][] = [
  // label, prompt, dev-model options (only used with the dev model)
  ['A short answer', 'Explain streaming in a few sentences.', 'words=60'],
  ['Two tools in parallel, then a third', 'Use get_weather and get_time for Lisbon then send_note please', ''],
  ['HTTP 503 once: retried, then answered', 'Say hello.', 'scenario=http-503;failures=1'],
  ['Stalls mid-answer: idle timeout after 1.5 s', 'Explain streaming in detail.', 'scenario=stall;stallMs=8000'],
  ['Connection cut mid-answer', 'Explain streaming in detail.', 'scenario=cut'],
  ['Rejected key (401)', 'Say hello.', 'scenario=http-401'],
];

const TOOLS: Tool[] = [
  { name: 'get_weather', description: 'Weather now', parameters: z.object({ city: z.string() }), execute: async ({ city }) => ({ city, sky: 'sunny', celsius: 23 }) },
  { name: 'get_time', description: 'Local time', parameters: z.object({ city: z.string() }), execute: async ({ city }) => `16:20 in ${city}` },
  { name: 'send_note', description: 'Sends a note', parameters: z.object({ text: z.string() }), execute: async ({ text }) => ({ sent: true, chars: text.length }) },
];

/** One line per event: what a host would log. Text events are folded into the text panel. */
function describe(event: ChatEvent): string | undefined {
  switch (event.type) {
    case 'start':
      return `start   provider=${event.provider} model=${event.model ?? ''}`;
    case 'text':
      return undefined;
    case 'tool-call':
      return `tool-call  ${event.name} ${event.argsText}`;
    case 'tool-approval':
      return `tool-approval  ${event.name}`;
    case 'tool-start':
      return `tool-start ${event.name} ${JSON.stringify(event.args)}`;
    case 'tool-end':
      return `tool-end   ${event.name} ${event.error ? `error: ${event.error.message}` : JSON.stringify(event.result)} (${Math.round(event.durationMs)} ms)`;
    case 'object':
      return `object  complete=${event.complete}`;
    case 'usage':
      return `usage   step ${event.step}: ${event.usage.totalTokens} tokens (turn: ${event.total.totalTokens})`;
    case 'retry':
      return `retry   #${event.attempt} in ${event.delayMs} ms: ${event.error.message}`;
    case 'error':
      return `error   ${event.error.kind}: ${event.error.message}`;
    case 'end':
      return `end     ${event.finishReason} after ${Math.round(event.durationMs)} ms`;
  }
}

const section: DemoSection = {
  id: 'headless-engine',
  title: 'The engine alone: runChat and its events',
  order: 90,
  chapter: 'The engine',
  description:
    'No element here: <code>for await (const event of runChat(options))</code> in a page script. Each event appears as it arrives (text goes to the right), the result at the end. Pick a failure to see retries, the idle watchdog and the error messages a user would read.',
  mount(container: HTMLElement, settings: DemoSettings) {
    const form = document.createElement('form');
    form.className = 'settings';
    const pick = document.createElement('select');
    pick.setAttribute('aria-label', 'Example');
    PROMPTS.forEach(([label], i) => pick.append(new Option(label, String(i))));
    const run = document.createElement('button');
    run.type = 'submit';
    run.textContent = 'Run';
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.textContent = 'Stop';
    stop.disabled = true;
    form.append(pick, run, stop);

    const grid = document.createElement('div');
    grid.style.cssText = 'display:grid;grid-template-columns:1fr 1fr;gap:1rem;align-items:start';
    const log = document.createElement('pre');
    log.setAttribute('aria-label', 'Events');
    log.style.cssText = 'white-space:pre-wrap;max-height:22rem;overflow:auto;font-size:.8rem';
    const text = document.createElement('pre');
    text.setAttribute('aria-label', 'Streamed text');
    text.setAttribute('aria-live', 'off');
    text.style.cssText = 'white-space:pre-wrap;max-height:22rem;overflow:auto';
    const result = document.createElement('pre');
    result.setAttribute('aria-label', 'Result');
    result.style.cssText = 'white-space:pre-wrap;max-height:16rem;overflow:auto;font-size:.8rem;grid-column:1/-1';
    grid.append(log, text, result);
    container.append(form, grid);

    let current: ChatRun | undefined;
    stop.addEventListener('click', () => current?.abort());
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const [, prompt, dev] = PROMPTS[Number(pick.value)];
      const options: RunChatOptions = {
        provider: settings.provider as RunChatOptions['provider'],
        baseURL: settings.baseURL,
        endpoint: settings.endpoint,
        apiKey: settings.apiKey || undefined,
        model: settings.usingDevModel ? ['dev;rate=300', dev, `key=demo-${Date.now()}`].filter(Boolean).join(';') : settings.model,
        messages: [{ role: 'user', content: prompt }],
        tools: TOOLS,
        idleTimeoutMs: settings.usingDevModel ? 1500 : undefined,
      };
      log.textContent = '';
      text.textContent = '';
      result.textContent = '';
      run.disabled = true;
      stop.disabled = false;
      current = runChat(options);
      for await (const event of current) {
        if (event.type === 'text') text.textContent += event.delta;
        const line = describe(event);
        if (line) log.textContent += `${line}\n`;
        log.scrollTop = log.scrollHeight;
      }
      const { messages, ...rest } = await current.result;
      result.textContent = `result = ${JSON.stringify({ ...rest, messages: `${messages.length} messages` }, null, 2)}`;
      run.disabled = false;
      stop.disabled = true;
    });
  },
};

export default section;
