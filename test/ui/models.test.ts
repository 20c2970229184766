// The model picker and fallback models in the element, on the dev model (whose model names carry
// scenarios: `dev;scenario=http-404` is a model that does not exist).
import { assert } from 'chai';
import { freshKey } from '../store/helpers.js';
import { axeViolations, chat, cleanup, idle, lastAnswerText, part, say, waitFor } from './helpers.js';

const MODELS = [
  { id: 'dev;rate=0', label: 'Dev fast' },
  { id: 'dev;rate=0;seed=2', label: 'Dev other' },
];

describe('<stream-chat> models', () => {
  afterEach(cleanup);

  it('a picker in the header chooses the model the next request is sent to', async () => {
    const el = await chat('dev;rate=0', (e) => (e.models = MODELS));
    const picker = part(el, 'model-picker') as HTMLSelectElement;
    assert.ok(picker, 'shown when there are models to choose from');
    assert.deepEqual([...picker.options].map((o) => o.textContent), ['Dev fast', 'Dev other']);
    assert.equal(picker.value, 'dev;rate=0');
    picker.value = 'dev;rate=0;seed=2';
    picker.dispatchEvent(new Event('change'));
    assert.equal(el.model, 'dev;rate=0;seed=2');
    const started = new Promise<CustomEvent>((resolve) => el.addEventListener('stream-chat-start', (e) => resolve(e as CustomEvent), { once: true }));
    await say(el, 'Hello');
    assert.equal((await started).detail.model, 'dev;rate=0;seed=2');
    await idle(el);
  });

  it('the picker is accessible', async function () {
    this.timeout(60_000); // axe-core itself loads on first use
    const el = await chat('dev;rate=0', (e) => (e.models = MODELS));
    assert.deepEqual(await axeViolations(el), []);
  });

  it('no picker without a choice', async () => {
    const el = await chat('dev;rate=0', (e) => (e.models = [MODELS[0]]));
    assert.isNull(part(el, 'model-picker'));
  });

  it('the chosen model comes back with its conversation', async () => {
    const key = freshKey('models');
    const el = await chat('dev;rate=0;seed=2', (e) => {
      e.models = MODELS;
      e.storage = 'indexeddb';
      e.storageKey = key;
    });
    await say(el, 'Hello');
    await idle(el);
    const id = el.conversationId;
    await el.newConversation();
    el.model = 'dev;rate=0';
    await el.openConversation(id);
    assert.equal(el.model, 'dev;rate=0;seed=2');
    await el.updateComplete;
    assert.equal((part(el, 'model-picker') as HTMLSelectElement).value, 'dev;rate=0;seed=2');
  });

  it('when the model fails for good, the next fallback answers and the answer says which', async () => {
    const el = await chat('dev;scenario=http-404', (e) => {
      e.models = [{ id: 'dev;scenario=http-404', label: 'Preview model' }, ...MODELS];
      e.fallbackModels = ['dev;rate=0'];
      e.maxRetries = 0;
    });
    const fallback = new Promise<CustomEvent>((resolve) => el.addEventListener('stream-chat-fallback', (e) => resolve(e as CustomEvent), { once: true }));
    await say(el, 'Hello');
    const { detail } = await fallback;
    assert.equal(detail.to, 'dev;rate=0');
    await idle(el);
    assert.isAbove(lastAnswerText(el).length, 0);
    assert.isNull(part(el, 'error'), 'no error: the turn was answered');
    const note = await waitFor(() => part(el, 'notice'), 'the fallback note');
    assert.equal(note.textContent, 'Preview model could not answer (404); Dev fast answered instead.');
  });
});
