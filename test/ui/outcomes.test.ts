// Outcomes a user must not mistake for a whole answer, and failures inside the element itself: what
// the widget says, what it fires, and that nothing rejects or reaches the page as an uncaught error.
import { assert } from 'chai';
import * as z from 'zod';
import type { ChatError, ChatResult, EndEvent } from '../../src/core/index.js';
import { MarkdownStream } from '../../src/render/index.js';
import { TextBody } from '../../src/ui/text-body.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { answers, chat, cleanup, idle, nextEvent, part, say, waitFor } from './helpers.js';

describe('<stream-chat> answers that ended early', function () {
  // The first test loads the element's modules on a shared machine: slow, not stuck.
  this.timeout(45_000);
  afterEach(cleanup);

  it('cut at the length limit: says so under the answer and offers Continue', async () => {
    const el = await chat('dev;rate=0;words=120;scenario=length');
    const end = nextEvent<EndEvent>(el, 'stream-chat-end');
    await say(el, 'Tell me everything about lighthouses');
    assert.equal((await end).detail.finishReason, 'length');
    await idle(el);
    const note = await waitFor(() => part(el, 'cut-note'), 'the cut note');
    assert.include(note.textContent, 'cut off at the model’s length limit');
    assert.notExists(part(el, 'error'), 'not an error');
    const text = el.messages[1].content!;
    assert.isAbove(text.length, 0, 'the answer so far is kept');

    // Continue extends the same answer in place: no message of the user's, one bubble, the note gone.
    el.model = 'dev;rate=0;words=120';
    (part(el, 'continue-cut-button') as HTMLButtonElement).click();
    await waitFor(() => el.busy, 'the continuation');
    await idle(el);
    assert.deepEqual(el.messages.map((m) => m.role), ['user', 'assistant']);
    assert.equal(el.messages[0].content, 'Tell me everything about lighthouses');
    const whole = el.messages[1].content!;
    assert.isTrue(whole.startsWith(text), 'the cut text goes on');
    assert.isAbove(whole.length, text.length);
    assert.lengthOf(answers(el), 1);
    assert.notExists(part(el, 'cut-note'), 'no longer cut');
  });

  it('filtered by the provider: says so, no Continue', async () => {
    const el = await chat('dev;rate=0;words=120;scenario=content-filter');
    await say(el, 'Tell me a story');
    await idle(el);
    const note = await waitFor(() => part(el, 'filtered-note'), 'the filtered note');
    assert.include(note.textContent, 'content filter');
    assert.notExists(part(el, 'continue-cut-button'));
    assert.notExists(part(el, 'cut-note'));
  });

  it('a complete answer carries no such note', async () => {
    const el = await chat('dev;rate=0;words=20');
    await say(el, 'Hi');
    await idle(el);
    assert.notExists(part(el, 'cut-note'));
    assert.notExists(part(el, 'filtered-note'));
  });

  it('a 400 and a key echoed by the server: the banner shows the server text, redacted', async () => {
    const key = 'sk-live-7d3f9a2b8c1e4f6a0b5d';
    const el = await chat('dev;rate=0;scenario=echo-auth', (e) => (e.apiKey = key));
    const error = nextEvent<{ error: ChatError }>(el, 'stream-chat-error');
    await say(el, 'Hello');
    await idle(el);
    const banner = await waitFor(() => part(el, 'error'), 'the banner');
    assert.include(banner.textContent, 'Bearer [redacted]');
    assert.notInclude(banner.textContent, key);
    assert.notInclude((await error).detail.error.message, key);
    assert.notInclude(el.shadowRoot!.innerHTML, key);
  });
});

/** Errors and rejections that reach the page while `run` runs (none should). */
async function pageErrorsDuring<T>(run: () => Promise<T>): Promise<{ value: T; errors: unknown[] }> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const value = await run();
    // A rejection is reported a task after it happens: let it come.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { value, errors };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

/** Events of these types, as the host sees them. */
function recorded(el: HTMLElement, ...types: string[]) {
  const events: { type: string; detail: any }[] = [];
  for (const type of types) el.addEventListener(`stream-chat-${type}`, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  return events;
}

describe('<stream-chat> when showing an answer fails', function () {
  this.timeout(45_000);
  afterEach(cleanup);

  /** What every render failure must end with: a resolved send, one error, the banner, the text kept. */
  function assertEndedWithRenderError(el: StreamChat, result: ChatResult, events: { type: string; detail: any }[], errors: unknown[]) {
    assert.deepEqual(errors, [], 'nothing reached the page');
    assert.equal(result.finishReason, 'error');
    assert.equal(result.error?.kind, 'render');
    assert.match(result.error!.message, /could not be shown/);
    const failures = events.filter((e) => e.type === 'error');
    assert.lengthOf(failures, 1, 'one error event');
    assert.equal(failures[0].detail.error.kind, 'render');
    const end = events.find((e) => e.type === 'end');
    assert.equal(end?.detail.finishReason, 'error');
    assert.equal(end?.detail.error?.kind, 'render');
    assert.include(part(el, 'error')?.textContent, 'could not be shown');
    assert.equal(el.messages.at(-1)?.role, 'assistant');
    assert.isAbove(el.messages.at(-1)!.content!.length, 0, 'the answer so far is kept');
    assert.isFalse(el.busy);
  }

  it('a renderObject that overflows the stack', async () => {
    let armed = true;
    const el = await chat('dev;rate=300', (e) => {
      e.schema = z.object({ title: z.string(), steps: z.array(z.string()) });
      e.renderObject = (value) => {
        const deep = (n: number): number => deep(n + 1) + 1; // a real RangeError, as absurd nesting gives
        if (armed && (value as { title?: string })?.title) return deep(0);
        return JSON.stringify(value ?? null);
      };
    });
    const events = recorded(el, 'error', 'end');
    const { value: result, errors } = await pageErrorsDuring(() => el.send('Plan a trip to Lisbon'));
    assertEndedWithRenderError(el, result, events, errors);
    assert.match(result.error!.message, /RangeError/);
    assert.equal(result.message.content, el.messages.at(-1)!.content);

    armed = false;
    const again = await el.send('And to Porto?');
    assert.equal(again.finishReason, 'stop', 'the next turn is shown normally');
    assert.isUndefined(again.error);
  });

  it('the markdown renderer throwing mid-answer: the text so far is shown as plain text', async () => {
    const original = MarkdownStream.prototype.flush;
    let calls = 0;
    MarkdownStream.prototype.flush = function (this: MarkdownStream) {
      if (++calls === 3) throw new RangeError('Maximum call stack size exceeded');
      return original.call(this);
    };
    try {
      const el = await chat('dev;rate=400;words=150');
      const events = recorded(el, 'error', 'end');
      const { value: result, errors } = await pageErrorsDuring(() => el.send('Tell me about lighthouses'));
      assertEndedWithRenderError(el, result, events, errors);
      await el.updateComplete;
      const body = answers(el)[0].querySelector<HTMLElement>('[part~="markdown"]')!;
      assert.isTrue(body.hasAttribute('data-plain'), 'shown as plain text');
      assert.equal(body.textContent, el.messages[1].content, 'everything that arrived is on screen');
    } finally {
      MarkdownStream.prototype.flush = original;
    }
    const el = await chat('dev;rate=0;words=20');
    assert.equal((await el.send('Again')).finishReason, 'stop');
  });

  it('a part of the template throwing while the answer streams', async () => {
    const original = TextBody.prototype.attach;
    TextBody.prototype.attach = function () {
      throw new TypeError('cannot attach');
    };
    try {
      const el = await chat('dev;rate=300;words=80');
      const events = recorded(el, 'error', 'end');
      const { value: result, errors } = await pageErrorsDuring(() => el.send('Hello'));
      assertEndedWithRenderError(el, result, events, errors);
      assert.match(result.error!.message, /cannot attach/);
    } finally {
      TextBody.prototype.attach = original;
    }
  });

  it('the engine failing to start (a property that throws) still resolves send() with an error', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.tools = new Proxy([], { get: () => { throw new Error('tools are broken'); } }) as never;
    });
    const { value: result, errors } = await pageErrorsDuring(() => el.send('Hi'));
    assert.deepEqual(errors, []);
    assert.equal(result.finishReason, 'error');
    assert.match(result.error!.message, /tools are broken/);
    await el.updateComplete;
    assert.include(part(el, 'error')?.textContent, 'tools are broken');
    assert.isFalse(el.busy);
  });
});
