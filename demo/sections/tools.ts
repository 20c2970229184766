/**
 * Page tools: functions written in JavaScript on this page that the model may call. Each call shows
 * its arguments as they stream, a running timer, then its result; one tool asks before it runs.
 */
import * as z from 'zod';
import type { Tool } from '../../src/index.js';
import { demoChat, type DemoSection } from '../section.js';

/** A made-up but stable forecast per city, so the same question gives the same answer. */
function forecast(city: string) {
  let seed = 0;
  for (const ch of city.toLowerCase()) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  const skies = ['sunny', 'partly cloudy', 'overcast', 'light rain', 'windy'];
  return { city, temperatureC: 5 + (seed % 25), sky: skies[seed % skies.length], humidity: 30 + (seed % 60) };
}

/** + - * / and parentheses over numbers: a tiny recursive-descent parser (never eval). */
export function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const primary = (): number => {
    const token = next();
    if (token === '(') {
      const value = sum();
      if (next() !== ')') throw new Error('missing )');
      return value;
    }
    if (token === '-') return -primary();
    const value = Number(token);
    if (!Number.isFinite(value)) throw new Error(`unexpected "${token ?? 'end'}"`);
    return value;
  };
  const product = (): number => {
    let value = primary();
    while (peek() === '*' || peek() === '/') value = next() === '*' ? value * primary() : value / primary();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = next() === '+' ? value + product() : value - product();
    return value;
  };
  const value = sum();
  if (i < tokens.length) throw new Error(`unexpected "${tokens[i]}"`);
  return value;
}

function pageTools(log: (line: string) => void): Tool[] {
  return [
    {
      name: 'get_weather',
      description: 'The current weather in a city.',
      parameters: z.object({ city: z.string().describe('City name, e.g. Paris') }),
      async execute({ city }, { signal }) {
        // A pretend network call, long enough to see the running state.
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 1200);
          signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('stopped'))));
        });
        return forecast(city);
      },
    },
    {
      name: 'get_time',
      description: 'The current local time in an IANA time zone.',
      parameters: z.object({ timezone: z.string().describe('e.g. Europe/Paris') }),
      execute({ timezone }) {
        try {
          return { timezone, time: new Date().toLocaleTimeString('en-GB', { timeZone: timezone }) };
        } catch {
          throw new Error(`unknown time zone "${timezone}"`);
        }
      },
    },
    {
      name: 'calculator',
      description: 'Evaluates an arithmetic expression with + - * / and parentheses.',
      parameters: z.object({ expression: z.string() }),
      execute: ({ expression }) => ({ expression, result: calculate(expression) }),
    },
    {
      name: 'send_email',
      description: 'Sends an email (asks the user first).',
      parameters: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
      needsApproval: () => true,
      execute({ to, subject }) {
        log(`(pretend) email to ${to}: “${subject}”`);
        return { sent: true };
      },
    },
  ];
}

const section: DemoSection = {
  id: 'tools',
  title: 'Page tools, with approval',
  order: 40,
  chapter: 'Tools',
  description:
    'Four JavaScript functions on this page: <code>get_weather</code>, <code>get_time</code>, <code>calculator</code> and <code>send_email</code>, which asks before it runs. Name tools in your message (the dev model calls the tools it sees named; “then” makes a second step).',
  mount(container, settings) {
    const chat = demoChat(settings, 'Tools');
    const log = document.createElement('p');
    log.style.cssText = 'margin:0;font-size:0.85rem;opacity:0.8';
    log.textContent = 'Tool activity appears here.';
    chat.tools = pageTools((line) => (log.textContent = line));
    chat.starterPrompts = [
      'Use get_weather for Paris then get_time for Europe/Paris',
      'Call get_weather for Oslo and get_weather for Rome',
      'Use calculator to work out (12.5 * 4) + 7',
      'Draft a note to the team and call send_email',
    ];
    chat.addEventListener('stream-chat-tool-end', (event) => {
      const detail = (event as CustomEvent).detail;
      log.textContent = `${detail.name} finished in ${Math.round(detail.durationMs)} ms${detail.error ? ` — ${detail.error.message}` : ''}`;
    });
    container.append(chat, log);
  },
};

export default section;
