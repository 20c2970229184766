import { assert } from 'chai';
import { chat, cleanup, idle, lastAnswerText, part, parts, say, waitFor } from './helpers.js';

describe('<stream-chat> rendering', () => {
  afterEach(cleanup);

  it('streams into one stable body without re-rendering the transcript per token', async () => {
    const el = await chat('dev;rate=0;chunk=2;words=400');
    let updates = 0;
    const instance = el as unknown as { update(changed: unknown): void };
    const update = instance.update;
    instance.update = function (this: unknown, changed: unknown) {
      updates++;
      return update.call(this, changed);
    };
    let deltas = 0;
    el.addEventListener('stream-chat-text', () => deltas++);
    await say(el, 'Write something long');
    const body = await waitFor(() => part(el, 'markdown'), 'the answer body');
    await idle(el);
    assert.isTrue(body.isConnected && part(el, 'markdown') === body, 'the same container from first token to last');
    assert.isAbove(deltas, 200, 'many small deltas arrived');
    // (One of them when the messages' templates, a lazily loaded part, arrive for this first message.)
    assert.isBelow(updates, 16, `the element's template updated ${updates} times for ${deltas} deltas`);
    assert.isAbove(lastAnswerText(el).length, 1000);
  });

  it('leaves earlier answers untouched while a new one streams', async () => {
    const el = await chat('dev;rate=0');
    await say(el, 'First');
    await idle(el);
    const [firstUser] = parts(el, 'user-message');
    const firstBody = part(el, 'markdown')!;
    const html = firstBody.innerHTML;
    const observer = new MutationObserver(() => {});
    for (const node of [firstUser, firstBody]) {
      observer.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    el.model = 'dev;rate=0;chunk=3;words=200';
    await say(el, 'Second');
    await idle(el);
    const changes = observer.takeRecords().filter((r) => !(r.type === 'attributes' && r.attributeName === 'disabled'));
    observer.disconnect();
    assert.deepEqual(changes.map((r) => `${r.type} on ${r.target.nodeName}`), [], 'no DOM change in the first exchange');
    assert.equal(firstBody.innerHTML, html);
    assert.strictEqual(parts(el, 'markdown')[0], firstBody);
  });

  it('is light by default, dark with theme="dark", and takes custom properties', async () => {
    const light = await chat('dev;rate=0', (e) => e.setAttribute('theme', 'light'));
    const dark = await chat('dev;rate=0', (e) => e.setAttribute('theme', 'dark'));
    const custom = await chat('dev;rate=0', (e) => e.style.setProperty('--stream-chat-bg', 'rgb(1, 2, 3)'));
    const bg = (e: Element) => getComputedStyle(part(e as never, 'panel')!).backgroundColor;
    assert.equal(bg(light), 'rgb(255, 255, 255)');
    assert.equal(bg(dark), 'rgb(27, 28, 31)');
    assert.equal(bg(custom), 'rgb(1, 2, 3)');
    assert.equal(dark.theme, 'dark');
  });
});
