import { setViewport, sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { chat, cleanup, idle, input, nextEvent, part, press, say } from './helpers.js';

const active = (el: Element) => el.shadowRoot!.activeElement;

describe('<stream-chat> popup mode', () => {
  afterEach(cleanup);

  it('opens from the launcher, focuses the box, closes on Escape and gives focus back', async () => {
    const el = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
    const launcher = part(el, 'launcher') as HTMLButtonElement;
    const panel = part(el, 'panel')!;
    assert.isTrue(panel.hidden, 'closed at first');
    assert.equal(launcher.getAttribute('aria-expanded'), 'false');
    launcher.click();
    await el.updateComplete;
    await el.updateComplete;
    assert.isFalse(panel.hidden);
    assert.isTrue(el.opened);
    assert.isTrue(el.hasAttribute('open'));
    assert.equal(launcher.getAttribute('aria-expanded'), 'true');
    assert.equal(active(el), input(el), 'focus moves into the message box');
    assert.notEqual(panel.getAttribute('aria-modal'), 'true', 'not modal: no keyboard trap');
    press(input(el), 'Escape');
    await el.updateComplete;
    await el.updateComplete;
    assert.isTrue(panel.hidden);
    assert.equal(active(el), launcher, 'focus returns to the launcher');
  });

  it('renders the panel\'s contents only once it first opens, and keeps them when it closes', async () => {
    const el = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
    const panel = part(el, 'panel')!;
    assert.equal(panel.childElementCount, 0, 'a closed popup is its launcher and an empty frame');
    assert.isNull(part(el, 'input'));
    el.open();
    await el.updateComplete;
    assert.strictEqual(part(el, 'panel'), panel, 'the same frame');
    input(el).value = 'a draft';
    el.close();
    await el.updateComplete;
    assert.equal(input(el).value, 'a draft', 'closing keeps the contents (and the draft)');
  });

  it('answers a send() made before the popup ever opened, and shows it once opened', async () => {
    const el = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
    const ended = nextEvent<{ message: { content: string }; error?: unknown }>(el, 'stream-chat-end');
    void el.send('Sent while closed');
    const { detail } = await ended;
    assert.isUndefined(detail.error);
    assert.isNotEmpty(detail.message.content, 'answered while closed');
    el.open();
    await idle(el);
    assert.include(part(el, 'user-message')!.textContent, 'Sent while closed');
    assert.ok(part(el, 'assistant-message')?.textContent?.trim(), 'the answer is shown');
  });

  it('open() and close() work, and chatting in the popup works', async () => {
    const events: string[] = [];
    const el = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
    el.addEventListener('stream-chat-open', () => events.push('open'));
    el.addEventListener('stream-chat-close', () => events.push('close'));
    el.open();
    await el.updateComplete;
    await say(el, 'Hi from the popup');
    await idle(el);
    assert.include(part(el, 'user-message')!.textContent, 'Hi from the popup');
    (part(el, 'close-button') as HTMLButtonElement).click();
    await el.updateComplete;
    assert.isTrue(part(el, 'panel')!.hidden);
    assert.deepEqual(events, ['open', 'close']);
  });

  it('starts open with the open attribute', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.mode = 'popup';
      e.setAttribute('open', '');
    });
    assert.isFalse(part(el, 'panel')!.hidden);
  });

  it('fills the screen on a small viewport', async () => {
    await setViewport({ width: 390, height: 700 });
    try {
      const el = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
      el.open();
      await el.updateComplete;
      const box = part(el, 'panel')!.getBoundingClientRect();
      assert.deepEqual([box.left, box.top, box.width, box.height], [0, 0, 390, 700]);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('does not trap the keyboard: Tab leaves the open panel', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    const after = document.createElement('button');
    after.textContent = 'after';
    try {
      const el = await chat('dev;rate=0', (e) => (e.mode = 'popup'));
      document.body.append(after);
      el.open();
      await el.updateComplete;
      await el.updateComplete;
      assert.equal(el.shadowRoot!.activeElement, input(el));
      for (let i = 0; i < 6 && document.activeElement === el; i++) await sendKeys({ press: 'Tab' });
      assert.notEqual(document.activeElement, el, 'focus moved on past the panel');
    } finally {
      before.remove();
      after.remove();
    }
  });

  it('has no launcher in inline mode', async () => {
    const el = await chat();
    assert.notExists(part(el, 'launcher'));
    assert.isFalse(part(el, 'panel')!.hidden);
  });
});

describe('<stream-chat> language and direction', () => {
  afterEach(cleanup);

  it('lays out right to left with dir="rtl"', async () => {
    const ltr = await chat();
    await say(ltr, 'Hello');
    await idle(ltr);
    const rtl = await chat('dev;rate=0', (e) => {
      e.setAttribute('dir', 'rtl');
      e.setAttribute('lang', 'ar');
    });
    await say(rtl, 'مرحبا');
    await idle(rtl);
    const side = (el: HTMLElement) => {
      const bubble = part(el as never, 'user-bubble')!.getBoundingClientRect();
      const box = part(el as never, 'transcript')!.getBoundingClientRect();
      return bubble.left + bubble.width / 2 > box.left + box.width / 2 ? 'right' : 'left';
    };
    assert.equal(side(ltr), 'right', 'the user speaks from the end side (right in LTR)');
    assert.equal(side(rtl), 'left', 'and from the left in RTL');
    assert.equal(getComputedStyle(input(rtl)).direction, 'rtl');
  });

  it('uses the strings given for every label', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.strings = { send: 'Envoyer', placeholder: 'Écrivez ici', inputLabel: 'Votre message', heading: 'Discussion' };
    });
    assert.equal(part(el, 'send-button')!.getAttribute('aria-label'), 'Envoyer');
    assert.equal(input(el).placeholder, 'Écrivez ici');
    assert.equal(input(el).getAttribute('aria-label'), 'Votre message');
    assert.equal(part(el, 'heading')!.textContent, 'Discussion');
    assert.equal(part(el, 'new-button')!.getAttribute('aria-label'), 'New conversation', 'missing keys fall back to English');
    el.strings = { stop: 'Arrêter' };
    el.model = 'dev;rate=100;words=200';
    await say(el, 'Bonjour');
    await el.updateComplete;
    assert.equal(part(el, 'stop-button')!.getAttribute('aria-label'), 'Arrêter');
  });

  it('the heading and placeholder attributes win over the strings', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.setAttribute('heading', 'Support');
      e.setAttribute('placeholder', 'Ask support');
    });
    assert.equal(part(el, 'heading')!.textContent, 'Support');
    assert.equal(input(el).placeholder, 'Ask support');
  });
});
