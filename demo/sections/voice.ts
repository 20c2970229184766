/**
 * Voice input: a microphone in the composer for dictation, where the browser can transcribe speech.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'voice',
  title: 'Voice: dictate a message',
  chapter: 'Voice',
  order: 46,
  description:
    'The <code>voice</code> attribute adds a microphone to the composer. Words appear in the message box as you speak (the browser revises the last ones as it goes); edit them, then send, which stops listening. The button appears only in browsers with speech recognition (Chrome, Edge, Safari); a refused microphone or silence is said in plain words.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Dictate');
    chat.voice = true;
    const w = window as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown };
    chat.welcome =
      w.SpeechRecognition || w.webkitSpeechRecognition
        ? 'Press the microphone and ask a question out loud; press it again, or send, to stop.'
        : 'This browser has no speech recognition, so there is no microphone here: try Chrome, Edge or Safari.';
    container.append(chat);
  },
};

export default section;
