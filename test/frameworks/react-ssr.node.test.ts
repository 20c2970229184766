// Server rendering with React (what Next.js does with a page): the package imports in Node, the wrapper
// writes none of the element's properties into the HTML (they are set on the client), and a bare
// <stream-chat> writes them as meaningless attributes, which is why the README says to use the wrapper,
// the attribute names, or a client-only component.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { z } from 'zod';

/**
 * The wrapper as a user imports it: the built package (npm run build comes first). The name is held in a
 * variable so the type check, which runs before the build, takes the types from the source instead.
 */
const WRAPPER = 'stream-chat-element/react';
const wrapper = () => import(WRAPPER) as Promise<typeof import('../../src/react.js')>;

const tools = [{ name: 'get_weather', description: 'Weather', parameters: z.object({ city: z.string() }), execute: () => 'sunny' }];

test('the React wrapper renders on the server without the element properties', async () => {
  const { StreamChat } = await wrapper();
  const html = renderToString(
    createElement(StreamChat, { id: 'chat', className: 'wide', model: 'dev', systemPrompt: 'Be brief', tools, onEnd: () => {} }),
  );
  assert.equal(html, '<stream-chat id="chat" class="wide"></stream-chat>');
});

test('a bare <stream-chat> rendered by React on the server: attribute names survive, camelCase props do not', () => {
  const html = renderToString(createElement('stream-chat', { systemPrompt: 'Be brief', 'system-prompt': 'Be brief', 'base-url': '/v1', tools }));
  // React writes a camelCase string prop as-is; HTML lowercases it to `systemprompt`, which the element ignores.
  assert.match(html, /systemPrompt="Be brief"/);
  // The attribute names are what the element reads when it upgrades.
  assert.match(html, /system-prompt="Be brief"/);
  assert.match(html, /base-url="\/v1"/);
  // Arrays and functions never reach server HTML.
  assert.doesNotMatch(html, /tools/);
});

test('every event of the element has an on<Type> prop in the React wrapper', async () => {
  const { streamChatEvents } = await wrapper();
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const element = manifest.modules.flatMap((m: any) => m.declarations ?? []).find((d: any) => d.tagName === 'stream-chat');
  const fired = new Set<string>(element.events.map((e: any) => e.name).filter(Boolean));
  assert.ok(fired.size >= 10, 'the manifest lists the events');
  assert.deepEqual(new Set(Object.values(streamChatEvents)), fired);
  for (const [prop, event] of Object.entries(streamChatEvents)) {
    const type = (event as string).replace(/^stream-chat-/, '');
    assert.equal(prop, `on${type.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`);
  }
});
