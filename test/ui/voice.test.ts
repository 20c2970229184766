// Voice: dictation into the message box and reading answers aloud, as a user meets them. The browser's
// speech recogniser cannot run headless (no microphone, no speech service), so a scripted recogniser is
// installed where the page finds one (`window.SpeechRecognition`): it emits what a recogniser emits
// (interim and final results, errors, `end`) and the tests assert what the user sees. Speech synthesis is
// the browser's own object, watched through its `speak` / `cancel`.
import { assert } from 'chai';
import type { VoiceErrorDetail } from '../../src/ui/dictation.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { answers, axeViolations, chat, cleanup, describeViolations, idle, input, nextEvent, part, say, type, waitFor } from './helpers.js';

type Heard = [transcript: string, isFinal: boolean];

/** A recogniser driven by the test: what the page gets from `new SpeechRecognition()`. */
class ScriptedRecognition extends EventTarget {
  static last: ScriptedRecognition | undefined;
  continuous = false;
  interimResults = false;
  lang = '';
  state: 'new' | 'listening' | 'stopping' | 'aborted' | 'ended' = 'new';

  constructor() {
    super();
    ScriptedRecognition.last = this;
  }

  start(): void {
    if (this.state !== 'new') throw new DOMException('recognition has already started', 'InvalidStateError');
    this.state = 'listening';
    queueMicrotask(() => this.dispatchEvent(new Event('start')));
  }

  /** As the browser does: what is being recognised still arrives, then `end`. */
  stop(): void {
    if (this.state === 'listening') this.state = 'stopping';
  }

  abort(): void {
    if (this.state === 'ended' || this.state === 'aborted') return;
    this.state = 'aborted';
    this.dispatchEvent(Object.assign(new Event('error'), { error: 'aborted' }));
    this.end();
  }

  /** The session's results so far (each event carries all of them). */
  hear(...results: Heard[]): void {
    const list = results.map(([transcript, isFinal]) => Object.assign([{ transcript, confidence: 0.9 }], { isFinal }));
    this.dispatchEvent(Object.assign(new Event('result'), { resultIndex: 0, results: list }));
  }

  fail(error: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { error }));
    this.end();
  }

  end(): void {
    if (this.state !== 'aborted') this.state = 'ended';
    this.dispatchEvent(new Event('end'));
  }
}

const globals = window as unknown as Record<'SpeechRecognition' | 'webkitSpeechRecognition', unknown>;
const original = { SpeechRecognition: globals.SpeechRecognition, webkitSpeechRecognition: globals.webkitSpeechRecognition };

function recogniser(value: unknown): void {
  globals.SpeechRecognition = value;
  globals.webkitSpeechRecognition = value;
}

const mic = (el: StreamChat) => part(el, 'voice-button') as HTMLButtonElement | null;
const pressed = (button: Element | null | undefined) => button?.getAttribute('aria-pressed') === 'true';

/** Clicks the microphone and waits for the page to start the scripted recogniser. */
async function listen(el: StreamChat): Promise<ScriptedRecognition> {
  ScriptedRecognition.last = undefined;
  mic(el)!.click();
  await waitFor(() => ScriptedRecognition.last?.state === 'listening', 'the recogniser started');
  return ScriptedRecognition.last!;
}

describe('<stream-chat> voice: dictation', () => {
  beforeEach(() => recogniser(ScriptedRecognition));
  afterEach(() => {
    cleanup();
    recogniser(undefined);
    Object.assign(globals, original);
  });

  it('has a microphone only with voice, and only where the browser can transcribe', async () => {
    const plain = await chat();
    assert.isNull(mic(plain), 'no voice attribute: no microphone');
    const voiced = await chat('dev;rate=0', (e) => e.setAttribute('voice', ''));
    assert.exists(mic(voiced));
    assert.equal(mic(voiced)!.getAttribute('aria-label'), 'Dictate');
    cleanup();
    recogniser(undefined); // Firefox: neither SpeechRecognition nor webkitSpeechRecognition
    const firefox = await chat('dev;rate=0', (e) => e.setAttribute('voice', ''));
    assert.isNull(mic(firefox));
    globals.webkitSpeechRecognition = ScriptedRecognition; // Safari and older Chrome: the prefixed name only
    const safari = await chat('dev;rate=0', (e) => e.setAttribute('voice', ''));
    assert.exists(mic(safari));
    const french = await chat('dev;rate=0', (e) => {
      e.voice = true;
      e.strings = { dictate: 'Dicter', stopDictation: 'Arrêter la dictée' };
    });
    assert.equal(mic(french)!.getAttribute('aria-label'), 'Dicter', 'labelled from the strings');
    await listen(french);
    await waitFor(() => mic(french)!.getAttribute('aria-label') === 'Arrêter la dictée', 'the pressed label from the strings');
  });

  it('shows interim words as they come, keeps the final ones, lets the user edit, and stops when the message is sent', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.voice = true;
      e.setAttribute('lang', 'en-GB');
    });
    type(input(el), 'Question:');
    const recognition = await listen(el);
    assert.isTrue(recognition.continuous);
    assert.isTrue(recognition.interimResults);
    assert.equal(recognition.lang, 'en-GB');
    await waitFor(() => pressed(mic(el)), 'the microphone pressed');
    assert.equal(mic(el)!.getAttribute('aria-label'), 'Stop dictation');

    recognition.hear(['what is', false]);
    assert.equal(input(el).value, 'Question: what is', 'interim words at once');
    recognition.hear(['what is HTTP', true], [' cash', false]);
    assert.equal(input(el).value, 'Question: what is HTTP cash');
    recognition.hear(['what is HTTP', true], [' caching', true]);
    assert.equal(input(el).value, 'Question: what is HTTP caching', 'the interim word revised, then final');
    await el.updateComplete;
    assert.isFalse((part(el, 'send-button') as HTMLButtonElement).disabled, 'dictated text can be sent');

    // The user fixes the text while the microphone is still on; what is said next follows their text.
    type(input(el), 'Question: what is HTTP caching?');
    recognition.hear(['what is HTTP', true], [' caching', true], [' in short', false]);
    assert.equal(input(el).value, 'Question: what is HTTP caching? in short');

    const sent = nextEvent<{ text: string }>(el, 'stream-chat-send');
    (part(el, 'send-button') as HTMLButtonElement).click();
    assert.equal((await sent).detail.text, 'Question: what is HTTP caching? in short');
    assert.equal(recognition.state, 'aborted', 'sending stops the recogniser');
    await el.updateComplete;
    assert.isFalse(pressed(mic(el)));
    recognition.hear(['late words', true]);
    assert.equal(input(el).value, '', 'nothing reaches the box after the message left');
    await idle(el);
    assert.equal(el.messages[0].content, 'Question: what is HTTP caching? in short');
  });

  it('pressed again, stops listening and keeps the words still being recognised', async () => {
    const el = await chat('dev;rate=0', (e) => (e.voice = true));
    const recognition = await listen(el);
    recognition.hear(['hello wor', false]);
    mic(el)!.click();
    assert.equal(recognition.state, 'stopping');
    recognition.hear(['hello world', true]);
    recognition.end();
    await el.updateComplete;
    assert.equal(input(el).value, 'hello world');
    assert.isFalse(pressed(mic(el)));
    assert.equal(mic(el)!.getAttribute('aria-label'), 'Dictate');
    assert.isNull(part(el, 'voice-notice'));
  });

  const failures: [code: string, said: RegExp][] = [
    ['not-allowed', /Microphone access was denied/],
    ['service-not-allowed', /Microphone access was denied/],
    ['no-speech', /No speech was heard/],
    ['network', /speech recognition service could not be reached/],
    ['audio-capture', /No microphone was found/],
    ['language-not-supported', /Dictation stopped \(language-not-supported\)/],
  ];
  for (const [code, said] of failures) {
    it(`says so in plain words when the recogniser fails with ${code}`, async () => {
      const el = await chat('dev;rate=0', (e) => (e.voice = true));
      type(input(el), 'kept');
      const recognition = await listen(el);
      recognition.hear(['and more', false]);
      const event = nextEvent<VoiceErrorDetail>(el, 'stream-chat-voice-error');
      recognition.fail(code);
      const { detail } = await event;
      assert.deepEqual([detail.source, detail.error], ['dictation', code]);
      assert.match(detail.message, said);
      await el.updateComplete;
      const notice = part(el, 'voice-notice');
      assert.match(notice?.textContent ?? '', said);
      assert.equal(notice!.getAttribute('role'), 'alert');
      if (code === 'not-allowed') {
        const violations = await axeViolations(el);
        assert.deepEqual(violations, [], describeViolations(violations));
      }
      assert.isFalse(pressed(mic(el)));
      assert.equal(input(el).value, 'kept and more', 'what was shown stays, to edit or send');
      // Pressed again, the notice goes and a new recogniser listens.
      const again = await listen(el);
      assert.notStrictEqual(again, recognition);
      await el.updateComplete;
      assert.isNull(part(el, 'voice-notice'));
    });
  }
});

/** Watches the page's real speechSynthesis: every `speak` and `cancel`, forwarded to it or not. */
function watchSpeech(forward: boolean) {
  const synth = window.speechSynthesis;
  const spoken: SpeechSynthesisUtterance[] = [];
  let cancels = 0;
  const { speak, cancel } = synth;
  synth.speak = (utterance) => {
    spoken.push(utterance);
    if (forward) speak.call(synth, utterance);
  };
  synth.cancel = () => {
    cancels++;
    cancel.call(synth);
  };
  return {
    spoken,
    get cancels() {
      return cancels;
    },
    text: () => spoken.map((u) => u.text).join('\n'),
    /** What the synthesiser fires when it has spoken the last utterance. */
    finish: () => spoken.at(-1)!.dispatchEvent(new SpeechSynthesisEvent('end', { utterance: spoken.at(-1)! })),
    restore() {
      delete (synth as Partial<SpeechSynthesis>).speak;
      delete (synth as Partial<SpeechSynthesis>).cancel;
    },
  };
}

const readButton = (answer: HTMLElement | undefined) => answer?.querySelector<HTMLButtonElement>('[part~="read-aloud-button"]') ?? null;

async function answered(el: StreamChat, prompt: string): Promise<HTMLElement> {
  await say(el, prompt);
  await idle(el);
  return answers(el).at(-1)!;
}

describe('<stream-chat> voice: read aloud', () => {
  let speech: ReturnType<typeof watchSpeech> | undefined;
  afterEach(() => {
    cleanup();
    speech?.restore();
    speech = undefined;
  });

  it('has a button on answers only with read-aloud', async () => {
    const plain = await chat();
    assert.isNull(readButton(await answered(plain, 'Hello')));
    cleanup();
    const el = await chat('dev;rate=0', (e) => e.setAttribute('read-aloud', ''));
    const button = readButton(await answered(el, 'Hello'));
    assert.exists(button);
    assert.equal(button!.getAttribute('aria-label'), 'Read aloud');
    assert.isNull(part(el, 'read-aloud-button')!.closest('.message.user'), 'never on the user’s messages');
  });

  it('speaks the plain text of the answer, without markdown syntax or code, and toggles to stop', async () => {
    speech = watchSpeech(false);
    const el = await chat('dev;rate=0', (e) => (e.readAloud = true));
    const answer = await answered(el, 'Show a short JavaScript example');
    assert.exists(answer.querySelector('pre'), 'the answer has a code block');
    readButton(answer)!.click();
    await waitFor(() => speech!.spoken.length > 0, 'the answer spoken');
    const text = speech.text().replace(/\s+/g, ' ');
    const source = el.messages.at(-1)!.content!;
    // Every paragraph and list item is heard as the reader sees it; no code, no markdown syntax.
    const prose = [...answer.querySelectorAll('.markdown p, .markdown li')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    assert.isAbove(prose.length, 1);
    for (const line of prose) assert.include(text, line);
    assert.match(source, /\*\*|`[^`]/, 'the answer has markdown emphasis or inline code');
    for (const markup of ['```', '**', '`', '](']) assert.notInclude(text, markup);
    for (const code of answer.querySelectorAll('pre code')) {
      for (const line of code.textContent!.split('\n').filter((l) => l.trim().length > 8)) assert.notInclude(text, line.trim());
    }
    assert.notInclude(text, 'Copy', 'the code block\'s button is not read');
    assert.isTrue(speech.spoken.every((u) => u.text.length <= 200), 'sentence-sized utterances');
    await el.updateComplete;
    assert.isTrue(pressed(readButton(answer)));
    assert.equal(readButton(answer)!.getAttribute('aria-label'), 'Stop reading');
    const violations = await axeViolations(el);
    assert.deepEqual(violations, [], describeViolations(violations));

    // The synthesiser finishes: the button is back.
    speech.finish();
    await el.updateComplete;
    assert.isFalse(pressed(readButton(answer)));

    // Pressed twice: reading, then stopped.
    readButton(answer)!.click();
    await waitFor(() => pressed(readButton(answer)), 'reading again');
    const cancels = speech.cancels;
    readButton(answer)!.click();
    await el.updateComplete;
    assert.isAbove(speech.cancels, cancels, 'the speech cancelled');
    assert.isFalse(pressed(readButton(answer)));
  });

  it('stops when another answer is read, when the user sends, and when the answer is stopped', async () => {
    speech = watchSpeech(false);
    const el = await chat('dev;rate=0', (e) => (e.readAloud = true));
    const first = await answered(el, 'Hello');
    const second = await answered(el, 'Tell me about HTTP caching');
    readButton(first)!.click();
    await waitFor(() => pressed(readButton(first)), 'the first answer read');
    let cancels = speech.cancels;
    const before = speech.spoken.length;
    readButton(second)!.click();
    await waitFor(() => pressed(readButton(second)), 'the second answer read');
    assert.isFalse(pressed(readButton(first)), 'only one answer is read at a time');
    assert.isAbove(speech.cancels, cancels);
    await waitFor(() => speech!.spoken.length > before, 'the second answer spoken');
    assert.match(speech.spoken.slice(before).map((u) => u.text).join(' '), /cach/i);

    cancels = speech.cancels;
    await say(el, 'Thanks');
    assert.isAbove(speech.cancels, cancels, 'sending stops the reading');
    assert.isFalse(pressed(readButton(second)));
    await idle(el);

    readButton(second)!.click();
    await waitFor(() => pressed(readButton(second)), 'read again');
    cancels = speech.cancels;
    el.stop();
    await el.updateComplete;
    assert.isAbove(speech.cancels, cancels, 'stop() stops the reading');
    assert.isFalse(pressed(readButton(second)));

    readButton(second)!.click();
    await waitFor(() => pressed(readButton(second)), 'read once more');
    cancels = speech.cancels;
    await el.regenerate();
    assert.isAbove(speech.cancels, cancels, 'a new turn (regenerate) stops the reading');
  });

  it('with the real synthesiser: the button comes back when it has spoken or failed, and a failure is said', async () => {
    speech = watchSpeech(true);
    const el = await chat('dev;rate=0', (e) => (e.readAloud = true));
    const answer = await answered(el, 'Hello');
    const failures: VoiceErrorDetail[] = [];
    el.addEventListener('stream-chat-voice-error', (e) => failures.push((e as CustomEvent<VoiceErrorDetail>).detail));
    readButton(answer)!.click();
    await waitFor(() => speech!.spoken.length > 0, 'the answer handed to the synthesiser');
    // Headless Chromium has no voices and fails with `synthesis-failed`; a browser with voices speaks.
    await waitFor(() => !pressed(readButton(answer)), 'the reading over', 15000);
    if (failures.length) {
      assert.equal(failures[0].source, 'read-aloud');
      await el.updateComplete;
      assert.include(part(el, 'voice-notice')?.textContent ?? '', `could not be read aloud (${failures[0].error})`);
      await say(el, 'Hello again');
      assert.isNull(part(el, 'voice-notice'), 'sending clears the notice');
    } else {
      assert.isNull(part(el, 'voice-notice'));
    }
  });
});
