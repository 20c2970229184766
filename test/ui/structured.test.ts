import { assert } from 'chai';
import { html } from 'lit';
import * as z from 'zod';
import { chat, cleanup, idle, part, say, waitFor } from './helpers.js';

const recipe = z.object({
  title: z.string(),
  minutes: z.number(),
  ingredients: z.array(z.string()),
});

describe('<stream-chat> structured output and usage', () => {
  afterEach(cleanup);

  it('shows the live object with the default view', async () => {
    const el = await chat('dev;rate=0', (e) => (e.schema = recipe));
    const objects: unknown[] = [];
    el.addEventListener('stream-chat-object', (e) => objects.push((e as CustomEvent).detail));
    await say(el, 'A recipe please');
    await idle(el);
    const view = await waitFor(() => part(el, 'object'), 'the object view');
    await waitFor(() => view.querySelector('.ov-complete'), 'the complete view');
    const result = JSON.parse(el.messages.at(-1)!.content!);
    assert.isString(result.title);
    assert.include(view.textContent, result.title, 'the value is shown');
    assert.include(view.textContent, 'Ingredients', 'fields are labelled');
    assert.notExists(part(el, 'markdown'), 'the raw JSON text is not shown');
    assert.isAbove(objects.length, 0);
  });

  it('renders the object with the host renderObject (a Lit template)', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.schema = recipe;
      e.renderObject = (value, state) =>
        html`<p class="mine" data-complete=${String(state.complete)}>${(value as { title?: string })?.title ?? ''}</p>`;
    });
    await say(el, 'A recipe please');
    await idle(el);
    const mine = await waitFor(() => part(el, 'object')?.querySelector('.mine[data-complete="true"]'), 'the host view');
    assert.equal(mine.textContent, JSON.parse(el.messages.at(-1)!.content!).title);
  });

  it('renders the object with renderObject returning a string, as text', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.schema = recipe;
      e.renderObject = (value) => `<b>${(value as { minutes?: number })?.minutes ?? ''}</b>`;
    });
    await say(el, 'A recipe please');
    await idle(el);
    const view = part(el, 'object')!;
    await waitFor(() => view.textContent?.includes('</b>'), 'the string');
    assert.notExists(view.querySelector('b'), 'a string is text, never markup');
  });

  it('a stopped answer shows the fields that never came as missing, not as still coming', async () => {
    const el = await chat('dev;rate=150', (e) => (e.schema = recipe));
    await say(el, 'A recipe please');
    const view = await waitFor(() => part(el, 'object'), 'the object view');
    await waitFor(() => view.querySelector('.ov-pending'), 'a field still to come');
    el.stop();
    await idle(el);
    await waitFor(() => view.querySelector('.ov-missing'), 'a missing field after the stop');
    assert.notExists(view.querySelector('.ov-pending'), 'nothing is shown as still coming');
  });

  it('asks again when the value breaks the schema, without an error banner', async () => {
    const key = Math.random().toString(36).slice(2);
    const el = await chat(`dev;rate=0;scenario=invalid-json;invalid=schema;failures=1;key=${key}`, (e) => (e.schema = recipe));
    const errors: { retrying?: boolean }[] = [];
    el.addEventListener('stream-chat-error', (e) => errors.push((e as CustomEvent).detail));
    await say(el, 'A recipe please');
    await idle(el);
    assert.isTrue(errors.length > 0 && errors.every((e) => e.retrying), 'the failure was reported as a re-ask');
    assert.notExists(part(el, 'error'));
    await waitFor(() => part(el, 'object')?.querySelector('.ov-complete'), 'the valid value');
  });

  it('shows a validation error when the value never fits', async () => {
    const el = await chat('dev;rate=0;scenario=invalid-json;invalid=schema', (e) => (e.schema = recipe));
    const result = await el.send('A recipe please');
    await el.updateComplete;
    assert.equal(result.error?.kind, 'validation');
    assert.exists(part(el, 'error'));
    assert.exists(part(el, 'object'), 'what arrived is still shown');
  });

  it('shows tokens and cost under an answer with show-usage', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.showUsage = true;
      e.prices = { 'dev;rate=0': { input: 1, output: 2 } };
    });
    const usage = new Promise<CustomEvent>((resolve) => el.addEventListener('stream-chat-usage', (e) => resolve(e as CustomEvent), { once: true }));
    await say(el, 'Hello');
    await idle(el);
    const total = (await usage).detail.total as { totalTokens: number; cost?: number };
    const line = await waitFor(() => part(el, 'usage'), 'the usage line');
    assert.include(line.textContent, `${total.totalTokens} tokens`);
    assert.isNumber(total.cost, 'a price is known for this model');
    assert.match(line.textContent!, /\$0\.0+\d/, 'the cost, in dollars');
  });

  it('has no usage line without show-usage', async () => {
    const el = await chat();
    await say(el, 'Hello');
    await idle(el);
    assert.notExists(part(el, 'usage'));
  });
});
