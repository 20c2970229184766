/**
 * The dev model itself: a chat whose pace and failures the visitor picks, with the model string and the
 * matching curl command, so the same scenario can be reproduced outside the page.
 */
import { applySettings, type DemoSection, type DemoSettings } from '../section.js';

const SCENARIOS: [string, string][] = [
  ['normal', 'Normal answer'],
  ['cut', 'Connection drops mid-answer'],
  ['stall', 'Stalls for 5 s mid-answer'],
  ['error-mid-stream', 'Server error mid-answer'],
  ['malformed', 'Malformed line mid-answer'],
  ['no-done', 'Ends without finishing'],
  ['http-401', 'HTTP 401 (bad key)'],
  ['http-429', 'HTTP 429 (rate limited) — once, then OK'],
  ['http-500', 'HTTP 500 — once, then OK'],
  ['http-503', 'HTTP 503 (overloaded)'],
  ['http-400', 'HTTP 400 with a JSON body (vLLM shape)'],
  ['length', 'Cut at the token limit (finish_reason length)'],
  ['content-filter', 'Filtered (finish_reason content_filter)'],
];

const PACES: [string, string][] = [
  ['450', 'Fast hosted model (450 chars/s)'],
  ['120', 'Slow model (120 chars/s)'],
  ['40', 'Very slow (40 chars/s)'],
  ['0', 'Instant'],
];

function select(label: string, options: [string, string][]): { wrapper: HTMLLabelElement; input: HTMLSelectElement } {
  const wrapper = document.createElement('label');
  wrapper.textContent = label;
  const input = document.createElement('select');
  for (const [value, text] of options) input.append(new Option(text, value));
  wrapper.append(input);
  return { wrapper, input };
}

/** A fresh key per change, so "once, then OK" fails exactly once each time it is picked. */
let keyCounter = 0;

function modelString(scenario: string, rate: string, burst: string): string {
  const parts = ['dev', `rate=${rate}`, `burst=${burst}`];
  if (scenario === 'stall') parts.push('scenario=stall', 'stallMs=5000');
  else if (scenario === 'http-429' || scenario === 'http-500') parts.push(`scenario=${scenario}`, 'failures=1', `key=demo-${Date.now().toString(36)}-${++keyCounter}`);
  else if (scenario !== 'normal') parts.push(`scenario=${scenario}`);
  return parts.join(';');
}

const section: DemoSection = {
  id: 'dev-model',
  title: 'The local dev model: pace and failures on demand',
  order: 95,
  chapter: 'Dev model',
  description:
    'Everything on this page runs against a model served by the dev server itself: deterministic markdown, tool calls and structured output, with no key. Pick a pace or a failure and send a message; the model string below reproduces it anywhere (see <code>dev-model/README.md</code>).',
  mount(container: HTMLElement, settings: DemoSettings) {
    if (!settings.usingDevModel) {
      container.textContent = 'Switch the settings back to the dev model to try its scenarios.';
      return;
    }
    const controls = document.createElement('div');
    controls.className = 'settings';
    const scenario = select('Scenario', SCENARIOS);
    const pace = select('Pace', PACES);
    const burst = select('Burstiness', [['0.35', 'Natural'], ['0', 'Even'], ['0.9', 'Very bursty']]);
    controls.append(scenario.wrapper, pace.wrapper, burst.wrapper);

    const model = document.createElement('code');
    const curl = document.createElement('pre');
    curl.style.whiteSpace = 'pre-wrap';
    curl.style.fontSize = '0.85rem';
    const chat = document.createElement('stream-chat');
    chat.setAttribute('storage', 'memory');
    chat.setAttribute('heading', 'Dev model');
    chat.setAttribute('starter-prompts', 'Show me a table | Write some python and bash | Give me a long markdown answer | hello');
    chat.setAttribute('show-usage', '');
    chat.maxRetries = 2;

    const update = () => {
      const name = modelString(scenario.input.value, pace.input.value, burst.input.value);
      applySettings(chat, settings);
      chat.model = name;
      if (settings.provider === 'websocket') {
        const url = new URL('/ws/chat', location.origin);
        url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
        url.searchParams.set('model', name);
        chat.endpoint = url.href;
      }
      model.textContent = name;
      const body = JSON.stringify({ model: name, stream: true, messages: [{ role: 'user', content: 'Show me a table' }] });
      curl.textContent = `curl -N ${location.origin}/v1/chat/completions -H 'content-type: application/json' \\\n  -d '${body}'`;
    };
    for (const s of [scenario, pace, burst]) s.input.addEventListener('change', update);
    update();

    const label = document.createElement('p');
    label.append('Model string: ', model);
    container.append(controls, label, curl, chat);
  },
};

export default section;
