// Continue in place: a cut answer and what the model writes next become one message, asked for as a
// hidden instruction or as an assistant prefix; the dev model continues its own answer, so the joined
// text must be exactly the answer it gives uncut.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collect, runChat, type ChatMessage } from '../../src/core/index.js';
import { startDevModel } from './dev-server.js';

let dev: Awaited<ReturnType<typeof startDevModel>>;
before(async () => {
  dev = await startDevModel();
});
after(() => dev.close());

const question: ChatMessage = { role: 'user', content: 'Explain how HTTP caching works.' };

/** Every request body the engine sends, to see what left for the server. */
function recordingFetch(bodies: any[]): typeof fetch {
  return async (input, init) => {
    if (typeof init?.body === 'string') bodies.push(JSON.parse(init.body));
    return fetch(input, init);
  };
}

describe('continuing a cut answer', () => {
  for (const mode of ['instruction', 'prefix'] as const) {
    it(`joins the rest to the partial answer (${mode})`, async () => {
      const whole = await collect(runChat({ baseURL: dev.baseURL, model: 'dev;rate=0', messages: [question] }));
      const full = String(whole.result.message.content);
      const partial = full.slice(0, Math.floor(full.length / 3));
      const bodies: any[] = [];
      const { events, result } = await collect(
        runChat({
          baseURL: dev.baseURL,
          model: 'dev;rate=0',
          messages: [question, { role: 'assistant', content: partial }],
          continueAnswer: true,
          continuationMode: mode,
          fetch: recordingFetch(bodies),
        }),
      );
      assert.equal(result.message.content, full, 'the joined text is the whole answer');
      assert.deepEqual(result.messages, [question, { role: 'assistant', content: full }], 'one answer in the history, no instruction');
      const texts = events.filter((e) => e.type === 'text');
      assert.ok(texts.length > 0);
      assert.ok(texts.every((e) => e.type === 'text' && e.text.startsWith(partial)), 'text so far includes the cut part');
      assert.equal(texts.map((e) => (e.type === 'text' ? e.delta : '')).join(''), full.slice(partial.length), 'deltas are only the new text');
      const sent = bodies[0].messages.slice(-2);
      if (mode === 'prefix') {
        assert.deepEqual(sent.at(-1), { role: 'assistant', content: partial, prefix: true });
      } else {
        assert.equal(sent[0].content, partial);
        assert.equal(sent[1].role, 'user');
        assert.match(sent[1].content, /^Continue exactly where/);
      }
    });
  }

  it('a continuation that fails before any text keeps the partial answer', async () => {
    const partial = 'HTTP caching lets a';
    const { result } = await collect(
      runChat({
        baseURL: dev.baseURL,
        model: 'dev;scenario=http-500;rate=0',
        maxRetries: 0,
        messages: [question, { role: 'assistant', content: partial }],
        continueAnswer: true,
      }),
    );
    assert.ok(result.error);
    assert.equal(result.message.content, partial);
    assert.deepEqual(result.messages.at(-1), { role: 'assistant', content: partial });
  });

  it('without continueAnswer a trailing assistant message is sent as it is', async () => {
    const bodies: any[] = [];
    await collect(
      runChat({
        baseURL: dev.baseURL,
        model: 'dev;rate=0',
        messages: [question, { role: 'assistant', content: 'Earlier.' }, { role: 'user', content: 'And now?' }],
        fetch: recordingFetch(bodies),
      }),
    );
    assert.equal(bodies[0].messages.at(-1).content, 'And now?');
  });
});
