/**
 * A page that runs a tool loop in a `<stream-chat>`: loaded in a frame by the history tests, so that
 * removing the frame ends the page mid-loop as a reload would.
 */
import * as z from 'zod';
import '../../src/define.js';
import type { Tool } from '../../src/core/options.js';

export const loopTools: Tool[] = [
  {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: z.object({ city: z.string() }),
    execute: ({ city }) => ({ city, temperature: 21, sky: 'clear' }),
  },
  {
    name: 'get_time',
    description: 'Current time in a time zone',
    parameters: z.object({ timezone: z.string() }),
    execute: ({ timezone }) => ({ timezone, time: '12:00' }),
  },
];

/** Mounts the element on `storageKey` and sends `prompt` (the answer is left running). */
export async function start(baseUrl: string, storageKey: string, model: string, prompt: string): Promise<void> {
  const el = document.createElement('stream-chat');
  el.baseUrl = baseUrl;
  el.model = model;
  el.storageKey = storageKey;
  el.tools = loopTools;
  document.body.append(el);
  await el.updateComplete;
  void el.send(prompt);
}
