// <stream-chat> on each backend shape, reached by relative URLs on the page's origin (the dev
// model's routes): text, page and remote tool cards, progress and errors, on screen and as DOM events.
import { assert } from 'chai';
import * as z from 'zod';
import type { ChatEvent } from '../../src/core/events.js';
import { collect, runChat } from '../../src/core/index.js';
import type { Tool } from '../../src/core/options.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { chat, cleanup, idle, lastAnswerText, part, parts, say, waitFor } from './helpers.js';

function weatherTool(ran: string[]): Tool {
  return { name: 'get_weather', description: 'Weather in a city', parameters: z.object({ city: z.string() }), execute: ({ city }) => (ran.push(city), { city, sky: 'clear' }) };
}

/** Every `stream-chat-*` event the element fires, in order. */
function record(el: StreamChat, types: string[]): ChatEvent[] {
  const seen: ChatEvent[] = [];
  for (const type of types) el.addEventListener(`stream-chat-${type}`, (e) => seen.push((e as CustomEvent<ChatEvent>).detail));
  return seen;
}

const cards = (el: StreamChat) => parts(el, 'tool-call').map((c) => `${c.dataset.tool}${c.dataset.remote ? ' (remote)' : ''}: ${c.dataset.status}`);

async function agentTurn(setup: (el: StreamChat) => void) {
  const ran: string[] = [];
  const el = await chat('dev;rate=0', (e) => {
    e.baseUrl = undefined;
    e.tools = [weatherTool(ran)];
    setup(e);
  });
  const events = record(el, ['tool-end', 'progress', 'state', 'error']);
  await say(el, 'Use search_docs for streaming, then get_weather for Paris.');
  await idle(el);
  return { el, ran, events };
}

describe('<stream-chat> backends', () => {
  afterEach(cleanup);

  for (const provider of ['ag-ui', 'ai-sdk'] as const) {
    it(`${provider}: a remote tool card, the page tool run in the page, progress, the answer`, async () => {
      const { el, ran, events } = await agentTurn((e) => {
        e.provider = provider;
        e.endpoint = `/${provider}`;
      });
      assert.isNull(part(el, 'error'), 'no error');
      assert.deepEqual(ran, ['Paris']);
      assert.deepEqual(cards(el), ['search_docs (remote): done', 'get_weather: done']);
      assert.match(part(el, 'tool-remote')!.textContent!, /on the server/);
      assert.match(lastAnswerText(el), /get_weather/);
      assert.match(part(el, 'progress')!.textContent!, provider === 'ag-ui' ? /answering/ : /tokens/);
      const ends = events.filter((e) => e.type === 'tool-end') as Extract<ChatEvent, { type: 'tool-end' }>[];
      assert.deepEqual(ends.map((e) => [e.name, e.remote ?? false]), [['search_docs', true], ['get_weather', false]]);
      assert.isTrue(events.some((e) => e.type === 'progress'));
      if (provider === 'ag-ui') assert.isTrue(events.some((e) => e.type === 'state'));
    });
  }

  it('sse with a request hook: ?query= on a relative endpoint, closed without [DONE]', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.baseUrl = undefined;
      e.provider = 'sse';
      e.endpoint = '/recipes/stream';
      e.request = ({ prompt }) => ({ url: `/recipes/stream?query=${encodeURIComponent(prompt)}&model=dev;rate=0` });
    });
    const ends = record(el, ['end']);
    await say(el, 'Tell me about rivers');
    await idle(el);
    assert.isAbove(lastAnswerText(el).length, 40);
    assert.equal((ends[0] as Extract<ChatEvent, { type: 'end' }>).finishReason, 'stop');
    assert.isNull(part(el, 'error'));
  });

  it('sse agent events: a remote tool card and the progress line', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.baseUrl = undefined;
      e.provider = 'sse';
      e.endpoint = '/recipes/agent?model=dev;rate=0';
      e.request = ({ prompt }) => ({ body: { query: prompt } });
    });
    await say(el, 'search_docs for rivers');
    await idle(el);
    assert.deepEqual(cards(el), ['search_docs (remote): done']);
    assert.match(part(el, 'progress')!.textContent!, /iteration 2 · \d+ tokens · ≈ \$/);
  });

  it('websocket: {"query"} as the first message on a relative ws endpoint; the close ends the answer', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.baseUrl = undefined;
      e.provider = 'websocket';
      e.endpoint = '/ws/query';
      e.request = ({ prompt }) => ({ body: { query: prompt, model: 'dev;rate=0' } });
    });
    const ends = record(el, ['end']);
    await say(el, 'Tell me about rivers');
    await idle(el);
    assert.isAbove(lastAnswerText(el).length, 40);
    assert.equal((ends[0] as Extract<ChatEvent, { type: 'end' }>).finishReason, 'stop');
  });

  it('an agent error event shows the server\'s words, the partial answer kept', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.baseUrl = undefined;
      e.provider = 'sse';
      e.endpoint = '/recipes/agent?model=dev;rate=0;scenario=error-mid-stream';
      e.request = ({ prompt }) => ({ body: { query: prompt } });
    });
    const errors = record(el, ['error']);
    await say(el, 'Tell me about rivers');
    await idle(el);
    await waitFor(() => part(el, 'error'), 'the error banner');
    assert.match(part(el, 'error')!.textContent!, /server/i);
    assert.isAbove(lastAnswerText(el).length, 0);
    assert.equal(errors.length, 1);
  });

  it('base-url="/v1" reaches a same-origin OpenAI-compatible server, in the element and in runChat', async () => {
    const el = await chat('dev;rate=0;words=30', (e) => e.setAttribute('base-url', '/v1'));
    await say(el, 'Hello');
    await idle(el);
    assert.isAbove(lastAnswerText(el).length, 10);
    for (const provider of ['openai', 'openai-responses'] as const) {
      const { result } = await collect(runChat({ provider, baseURL: '/v1', model: 'dev;rate=0;words=30', messages: [{ role: 'user', content: 'Hi' }] }));
      assert.isUndefined(result.error, `${provider}: ${result.error?.message}`);
    }
  });

  it('a configuration mistake is a config error naming the option, shown and fired, with no request', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.baseUrl = undefined;
      e.provider = 'ai-sdk';
    });
    const errors = record(el, ['error', 'retry']);
    await say(el, 'Hello');
    await idle(el);
    const error = errors.find((e) => e.type === 'error') as Extract<ChatEvent, { type: 'error' }>;
    assert.equal(error.error.kind, 'config');
    assert.equal(error.error.option, 'endpoint');
    assert.isFalse(errors.some((e) => e.type === 'retry'));
    assert.match(part(el, 'error')!.textContent!, /endpoint/);
  });
});
