import { assert } from 'chai';
import * as z from 'zod';
import {
  answers,
  axeViolations,
  chat,
  cleanup,
  describeViolations,
  idle,
  input,
  lastAnswerText,
  part,
  parts,
  say,
  shownAs,
  waitFor,
} from './helpers.js';

async function noViolations(el: Element, state: string): Promise<void> {
  const violations = await axeViolations(el);
  assert.deepEqual(violations, [], `${state}:\n${describeViolations(violations)}`);
}

describe('<stream-chat>', () => {
  afterEach(cleanup);

  it('is accessible when empty, streaming, running a tool, failed, and as an open popup', async () => {
    const empty = await chat('dev;rate=0', (e) => {
      e.welcome = 'Hello! Ask me anything.';
      e.starterPrompts = ['Tell me a joke', 'Show me a table'];
    });
    await noViolations(empty, 'empty');

    const streaming = await chat('dev;rate=200;words=300');
    await say(streaming, 'Tell me about markdown tables and code');
    await waitFor(() => lastAnswerText(streaming).length > 30, 'streaming text');
    await noViolations(streaming, 'streaming');
    streaming.stop();
    await idle(streaming);
    await noViolations(streaming, 'stopped');

    let release!: () => void;
    const tool = await chat('dev;rate=0', (e) => {
      e.tools = [
        {
          name: 'lookup',
          parameters: z.object({ query: z.string() }),
          execute: () => new Promise((resolve) => (release = () => resolve('ok'))),
        },
      ];
    });
    await say(tool, 'Please call lookup');
    await waitFor(() => parts(tool, 'tool-call').some((c) => c.dataset.status === 'running'), 'a running tool');
    await noViolations(tool, 'tool running');
    release();
    await idle(tool);

    const failed = await chat('dev;rate=0;scenario=http-401');
    await failed.send('Hello');
    await failed.updateComplete;
    assert.exists(part(failed, 'error'));
    await noViolations(failed, 'error');

    const popup = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
    await noViolations(popup, 'popup closed');
    popup.open();
    await popup.updateComplete;
    await say(popup, 'Hi');
    await idle(popup);
    await noViolations(popup, 'popup open');
  });

  it('sends what the user typed and shows the streamed answer', async () => {
    const el = await chat();
    await say(el, 'Hello');
    assert.isTrue(el.busy, 'busy while the answer streams');
    assert.equal(input(el).value, '', 'the message box is emptied');
    await idle(el);
    const user = part(el, 'user-message');
    assert.include(user?.textContent, 'Hello');
    assert.lengthOf(answers(el), 1);
    assert.isAbove(lastAnswerText(el).length, 0);
    assert.deepEqual(el.messages.map((m) => m.role), ['user', 'assistant']);
  });

  it('announces a finished answer once, through a polite live region, not per token', async () => {
    const el = await chat('dev;rate=400;words=80');
    const region = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const log = part(el, 'transcript')!;
    assert.equal(log.getAttribute('role'), 'log');
    assert.equal(log.getAttribute('aria-live'), 'off', 'the log itself does not speak every token');
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(region.textContent!.trim()));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    await say(el, 'Hello');
    await idle(el);
    observer.disconnect();
    const announced = [...seen].filter(Boolean);
    assert.lengthOf(announced, 1, 'one announcement');
    assert.equal(announced[0], shownAs(el.messages[1].content), 'the rendered answer, read once');
  });
});
