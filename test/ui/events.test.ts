import { assert } from 'chai';
import * as z from 'zod';
import { runChat } from '../../src/core/index.js';
import type { ChatEvent } from '../../src/core/events.js';
import { baseURL, chat, cleanup, idle, input, part, say } from './helpers.js';

const TYPES = ['start', 'text', 'tool-call', 'tool-approval', 'tool-start', 'tool-end', 'step-end', 'object', 'usage', 'retry', 'error', 'end'];

function record(el: HTMLElement): CustomEvent<ChatEvent>[] {
  const seen: CustomEvent<ChatEvent>[] = [];
  for (const type of TYPES) el.addEventListener(`stream-chat-${type}`, (e) => seen.push(e as CustomEvent<ChatEvent>));
  return seen;
}

/** What two runs of the same deterministic conversation must share. */
function shape(events: ChatEvent[]) {
  return events.map((e) => {
    switch (e.type) {
      case 'text':
        return [e.type, e.step, e.text.length];
      case 'tool-start':
      case 'tool-end':
        return [e.type, e.name, JSON.stringify(e.args)];
      case 'end':
        return [e.type, e.finishReason, e.message.content];
      default:
        return [e.type];
    }
  });
}

describe('<stream-chat> DOM events', () => {
  afterEach(cleanup);

  it('re-dispatches every engine event with the same detail runChat yields', async () => {
    const tools = [
      { name: 'get_time', parameters: z.object({ timezone: z.string() }), execute: () => ({ time: '12:00' }) },
    ];
    const prompt = 'Please call get_time for Tokyo';
    const el = await chat('dev;rate=0;chunk=9', (e) => (e.tools = tools));
    const seen = record(el);
    let bubbled = 0;
    document.body.addEventListener('stream-chat-end', () => bubbled++, { once: true });
    await say(el, prompt);
    await idle(el);

    const direct: ChatEvent[] = [];
    const run = runChat({ baseURL, model: 'dev;rate=0;chunk=9', messages: [{ role: 'user', content: prompt }], tools });
    for await (const event of run) direct.push(event);

    for (const event of seen) {
      assert.equal(event.type, `stream-chat-${event.detail.type}`);
      assert.isTrue(event.bubbles && event.composed, 'bubbles out of the shadow root');
    }
    assert.deepEqual(shape(seen.map((e) => e.detail)), shape(direct));
    assert.includeMembers(seen.map((e) => e.detail.type), ['start', 'text', 'tool-call', 'tool-start', 'tool-end', 'end']);
    assert.equal(bubbled, 1, 'the host page hears it');
  });

  it('stream-chat-send fires first; cancelling it keeps the text in the box', async () => {
    const el = await chat();
    const sent: string[] = [];
    el.addEventListener('stream-chat-send', (e) => {
      const detail = (e as CustomEvent<{ text: string }>).detail;
      sent.push(detail.text);
      if (detail.text.includes('secret')) e.preventDefault();
    });
    await say(el, 'my secret plan');
    await el.updateComplete;
    assert.isFalse(el.busy);
    assert.equal(input(el).value, 'my secret plan');
    assert.notExists(part(el, 'user-message'));
    const refused = await el.send('another secret');
    assert.equal(refused.finishReason, 'aborted');
    await say(el, 'a fine message');
    await idle(el);
    assert.deepEqual(sent, ['my secret plan', 'another secret', 'a fine message']);
    assert.lengthOf(el.messages, 2);
  });

  it('reflects busy while a turn runs', async () => {
    const el = await chat();
    const busyAtStart = new Promise<boolean>((resolve) =>
      el.addEventListener('stream-chat-start', () => resolve(el.hasAttribute('busy')), { once: true }),
    );
    const done = el.send('Hello');
    assert.isTrue(await busyAtStart);
    await done;
    assert.isFalse(el.hasAttribute('busy'));
  });
});
