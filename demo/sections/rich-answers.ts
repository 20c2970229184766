/**
 * Rich answers: math typeset by KaTeX (loaded the first time a formula shows), a fence renderer that
 * draws ```nomnoml blocks as diagrams (nomnoml is loaded by this demo only, never by the element), and
 * the rating under each answer, whose `stream-chat-feedback` events are listed below the chat.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'rich-answers',
  title: 'Math, diagrams and ratings',
  chapter: 'Streaming',
  order: 24,
  description:
    'Formulas in <code>$…$</code>, <code>\\(…\\)</code>, <code>$$…$$</code> and <code>\\[…\\]</code> are typeset (prices like $5 stay text). ' +
    'The <code>renderers</code> property turns a closed fence of a language into a node: here <code>nomnoml</code> diagrams, drawn by a library this page loads. ' +
    'Under each answer: copy as markdown or as text, and a rating with an optional comment, fired as <code>stream-chat-feedback</code> and kept with the message.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Math and diagrams');
    chat.welcome = 'Ask for a formula or a diagram, then rate the answer.';
    chat.starterPrompts = ['Show me some math', 'Draw a diagram of how a message travels'];
    chat.renderers = {
      nomnoml: async (code) => {
        const { renderSvg } = await import('nomnoml');
        return new DOMParser().parseFromString(renderSvg(code), 'image/svg+xml').documentElement;
      },
    };
    const log = document.createElement('pre');
    log.style.cssText = 'white-space: pre-wrap; font-size: 0.8rem; max-height: 10rem; overflow: auto';
    log.textContent = 'stream-chat-feedback events appear here.';
    chat.addEventListener('stream-chat-feedback', (event) => {
      const line = JSON.stringify((event as CustomEvent).detail);
      log.textContent = log.textContent?.startsWith('stream-chat') ? line : `${log.textContent}\n${line}`;
    });
    container.append(chat, log);
  },
};

export default section;
