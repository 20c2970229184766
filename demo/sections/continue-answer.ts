/**
 * Continue in place: this chat's model stops at a short length limit; Continue extends the same
 * answer, with no message of the user's in between.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'continue-answer',
  title: 'Continue a cut answer in place',
  chapter: 'Failures',
  order: 56,
  description:
    'An answer cut by the model\'s length limit, a stop or a dropped connection can be continued: <code>continue()</code> (or the Continue button) asks for the rest and streams it into the same bubble, stored as one answer. <code>continuation-mode="prefix"</code> sends the cut text as an assistant prefix for servers that take one (DeepSeek, Mistral, vLLM, llama.cpp).',
  mount(container, settings) {
    const chat = demoChat(settings, 'Stops at its limit');
    // The dev model's `length` scenario stops halfway with finish_reason "length", as a real limit does.
    if (settings.usingDevModel) chat.model = 'dev;scenario=length';
    chat.welcome = 'Ask for something long (say, how HTTP caching works); press Continue when it stops, or Stop and then Continue.';
    container.append(chat);
  },
};

export default section;
