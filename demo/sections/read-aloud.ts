/**
 * Read aloud: a button on each answer that speaks it with the browser's speech synthesis.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'read-aloud',
  title: 'Read answers aloud',
  chapter: 'Voice',
  order: 47,
  description:
    'With <code>read-aloud</code>, each answer has a speaker button: it reads the answer as you see it (no markdown syntax, code blocks skipped) and, pressed again, stops. Reading also stops when you send, stop the answer, or read another one.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Read aloud');
    chat.readAloud = true;
    chat.welcome = 'Ask something, then press the speaker under the answer.';
    chat.starterPrompts = ['Explain HTTP caching with a short code example'];
    container.append(chat);
  },
};

export default section;
