/**
 * Model choice and fallback: a picker in the header, and a chosen model that does not exist, so the
 * next of `fallbackModels` answers and the answer says so.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'models',
  title: 'Models: a picker, and fallback when one fails',
  order: 57,
  chapter: 'Models',
  description:
    '<code>chat.models = [{ id, label }]</code> puts a model picker in the header; the choice is kept with the conversation. <code>chat.fallbackModels</code> lists models tried in turn when the chosen one fails for good (not found, a server that keeps failing): here the first model does not exist, so the dev model answers and the note under the answer says which.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Pick a model');
    if (settings.usingDevModel) {
      chat.models = [
        { id: 'dev;scenario=http-404', label: 'Preview model (unavailable)' },
        { id: 'dev', label: 'Dev model' },
        { id: 'dev;seed=2', label: 'Dev model, another seed' },
      ];
      chat.model = 'dev;scenario=http-404';
      chat.fallbackModels = ['dev'];
      chat.maxRetries = 0;
    }
    // No suggestion button: the first model's 404 is the point of this section, not a page failure.
    chat.welcome = 'Ask anything: the preview model does not exist, so the fallback answers and says so.';
    container.append(chat);
  },
};

export default section;
