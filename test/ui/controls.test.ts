import { assert } from 'chai';
import {
  answers,
  chat,
  cleanup,
  idle,
  input,
  lastAnswerText,
  part,
  parts,
  press,
  say,
  shownAs,
  type,
  waitFor,
} from './helpers.js';

describe('<stream-chat> controls', () => {
  afterEach(cleanup);

  it('Enter sends, Shift+Enter does not', async () => {
    const el = await chat();
    type(input(el), 'line one');
    const shifted = press(input(el), 'Enter', { shiftKey: true });
    assert.isFalse(shifted.defaultPrevented, 'Shift+Enter is left to the textarea (a new line)');
    assert.isFalse(el.busy);
    assert.lengthOf(parts(el, 'user-message'), 0);
    const enter = press(input(el), 'Enter');
    assert.isTrue(enter.defaultPrevented);
    await idle(el);
    assert.lengthOf(parts(el, 'user-message'), 1);
  });

  it('never sends while an input method is composing', async () => {
    const el = await chat();
    type(input(el), 'にほんご');
    press(input(el), 'Enter', { isComposing: true });
    press(input(el), 'Enter', { keyCode: 229 });
    await el.updateComplete;
    assert.isFalse(el.busy);
    assert.lengthOf(parts(el, 'user-message'), 0);
    assert.equal(input(el).value, 'にほんご', 'the text stays in the box');
  });

  it('the send button sends; an empty box sends nothing', async () => {
    const el = await chat();
    const button = part(el, 'send-button') as HTMLButtonElement;
    assert.isTrue(button.disabled, 'nothing to send yet');
    type(input(el), '   ');
    await el.updateComplete;
    assert.isTrue((part(el, 'send-button') as HTMLButtonElement).disabled);
    type(input(el), 'Hello there');
    await el.updateComplete;
    (part(el, 'send-button') as HTMLButtonElement).click();
    await idle(el);
    assert.include(part(el, 'user-message')!.textContent, 'Hello there');
  });

  it('stop cuts the answer off and keeps what arrived', async () => {
    const el = await chat('dev;rate=150;words=400');
    await say(el, 'Tell me something long');
    await waitFor(() => lastAnswerText(el).length > 20, 'some text');
    const stopButton = await waitFor(() => part(el, 'stop-button') as HTMLButtonElement | null, 'the stop button');
    stopButton.click();
    await idle(el);
    const shown = lastAnswerText(el);
    assert.isAbove(shown.length, 0, 'the partial answer is kept');
    assert.equal(answers(el)[0].dataset.status, 'stopped');
    assert.exists(part(el, 'send-button'), 'the send button is back');
    const last = el.messages.at(-1)!;
    assert.equal(last.role, 'assistant');
    assert.equal(shownAs(last.content), shown, 'the history holds the partial answer shown');
    // Nothing more arrives after a stop.
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(lastAnswerText(el), shown);
  });

  it('Escape in the message box stops a streaming answer', async () => {
    const el = await chat('dev;rate=150;words=400');
    await say(el, 'Tell me something long');
    await waitFor(() => el.busy && lastAnswerText(el).length > 10, 'some text');
    press(input(el), 'Escape');
    await idle(el);
    assert.equal(answers(el)[0].dataset.status, 'stopped');
  });

  it('regenerates the last answer in place', async () => {
    const el = await chat();
    await say(el, 'Hello');
    await idle(el);
    assert.lengthOf(answers(el), 1);
    (part(el, 'regenerate-button') as HTMLButtonElement).click();
    await waitFor(() => el.busy, 'the new turn');
    await idle(el);
    assert.lengthOf(answers(el), 1, 'the old answer is replaced');
    assert.deepEqual(el.messages.map((m) => m.role), ['user', 'assistant']);
    assert.isAbove(lastAnswerText(el).length, 0);
  });

  it('edits a user message and resends it, dropping what followed', async () => {
    const el = await chat();
    await say(el, 'First question');
    await idle(el);
    await say(el, 'Second question');
    await idle(el);
    assert.lengthOf(answers(el), 2);
    (parts(el, 'edit-button')[0] as HTMLButtonElement).click();
    await el.updateComplete;
    const editor = part(el, 'edit-input') as HTMLTextAreaElement;
    assert.equal(editor.value, 'First question');
    editor.value = 'Changed question';
    press(editor, 'Enter');
    await waitFor(() => el.busy, 'the resend');
    await idle(el);
    assert.deepEqual(
      el.messages.map((m) => [m.role, m.role === 'user' ? m.content : '']),
      [['user', 'Changed question'], ['assistant', '']],
    );
    assert.lengthOf(parts(el, 'user-message'), 1);
    assert.include(part(el, 'user-message')!.textContent, 'Changed question');
    assert.lengthOf(answers(el), 1);
  });

  it('Escape cancels an edit and keeps the message', async () => {
    const el = await chat();
    await say(el, 'Keep me');
    await idle(el);
    (part(el, 'edit-button') as HTMLButtonElement).click();
    await el.updateComplete;
    press(part(el, 'edit-input')!, 'Escape');
    await el.updateComplete;
    assert.notExists(part(el, 'edit-input'));
    assert.include(part(el, 'user-message')!.textContent, 'Keep me');
    assert.lengthOf(el.messages, 2);
  });

  it('copies a message as its text', async () => {
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      const el = await chat();
      await say(el, 'Copy this please');
      await idle(el);
      const [userCopy, answerCopy] = parts(el, 'copy-button') as HTMLButtonElement[];
      userCopy.click();
      await waitFor(() => copied.length === 1, 'the first copy');
      answerCopy.click();
      await waitFor(() => copied.length === 2, 'the second copy');
      assert.equal(copied[0], 'Copy this please');
      assert.equal(copied[1], el.messages[1].content);
      await waitFor(() => part(el, 'copy-button')?.getAttribute('aria-label') === 'Copied' || parts(el, 'copy-button')[1]?.getAttribute('aria-label') === 'Copied', 'the copied state');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('copies a code block with its own button', async () => {
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      const el = await chat('dev;rate=0', (e) => (e.strings = { copyCode: 'Copier' }));
      await say(el, 'Show me some code in TypeScript');
      await idle(el);
      const button = part(el, 'markdown')!.querySelector<HTMLButtonElement>('.md-copy');
      assert.exists(button, 'the answer has a code block with a copy button');
      assert.equal(button!.textContent, 'Copier', 'labelled from the strings');
      const code = button!.closest('.md-code')!.querySelector('pre code')!.textContent;
      button!.click();
      await waitFor(() => copied.length === 1, 'the copy');
      assert.equal(copied[0], code);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('focus() puts the caret in the message box', async () => {
    const el = await chat();
    el.focus();
    await el.updateComplete;
    assert.equal(el.shadowRoot!.activeElement, input(el));
  });

  it('shows the welcome and starter prompts; a starter prompt sends itself', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.welcome = 'Welcome aboard';
      e.starterPrompts = ['What can you do?', 'Show me a table'];
    });
    assert.include(part(el, 'welcome')!.textContent, 'Welcome aboard');
    const starters = parts(el, 'starter-prompt') as HTMLButtonElement[];
    assert.deepEqual(starters.map((b) => b.textContent!.trim()), ['What can you do?', 'Show me a table']);
    starters[1].click();
    await idle(el);
    assert.include(part(el, 'user-message')!.textContent, 'Show me a table');
    assert.notExists(part(el, 'starter-prompt'), 'the prompts leave once the conversation starts');
  });

  it('reads starter prompts from the attribute', async () => {
    const el = await chat('dev;rate=0', (e) => e.setAttribute('starter-prompts', 'One | Two'));
    assert.deepEqual(parts(el, 'starter-prompt').map((b) => b.textContent!.trim()), ['One', 'Two']);
  });

  it('send() resolves with the result when the turn ends', async () => {
    const el = await chat();
    const result = await el.send('Hello from code');
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.message.role, 'assistant');
    assert.equal(result.message.content, el.messages[1].content);
    assert.include(part(el, 'user-message')!.textContent, 'Hello from code');
  });

  it('new conversation empties the transcript and open goes back to the old one', async () => {
    const el = await chat();
    await el.send('Remember this');
    const first = el.conversationId;
    (part(el, 'new-button') as HTMLButtonElement).click();
    await waitFor(() => el.conversationId !== first, 'a new conversation');
    await el.updateComplete;
    assert.lengthOf(el.messages, 0);
    assert.lengthOf(parts(el, 'message'), 0);
    await el.openConversation(first);
    await el.updateComplete;
    assert.lengthOf(el.messages, 2);
    assert.include(part(el, 'user-message')!.textContent, 'Remember this');
    await el.clear();
    await el.updateComplete;
    assert.lengthOf(parts(el, 'message'), 0);
  });
});
