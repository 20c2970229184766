/// <reference types="mocha" />
// An answer's reasoning and sources in the store: kept as written, exported as JSON and as Markdown
// (sources as links only when they are http(s)), imported back, and a malformed field refused by name.
import { assert } from 'chai';
import type { ChatMessage } from '../../src/core/index.js';
import { exportJSON, exportMarkdown, importJSON } from '../../src/store/index.js';
import { openStore, freshKey } from './helpers.js';

const answer: ChatMessage = {
  role: 'assistant',
  content: 'Caches keep copies.',
  reasoning: 'First line.\nSecond <b>line</b>.',
  reasoningMs: 4200,
  sources: [
    { url: 'https://mdn.example/cache', title: 'HTTP caching [MDN]' },
    { url: 'javascript:alert(1)', title: 'Evil' },
    { url: 'https://plain.example/' },
  ],
};

describe('reasoning and sources in the store and its exports', () => {
  it('are stored, exported and imported back as they were', async () => {
    const { store } = openStore(freshKey('reasoning-export'));
    const c = await store.importConversation({ title: 'Caching' }, [{ role: 'user', content: 'How?' }, answer]);
    const [, stored] = await store.loadMessages(c.id);
    assert.equal(stored.reasoning, answer.reasoning);
    assert.equal(stored.reasoningMs, 4200);
    assert.deepEqual(stored.sources, answer.sources);

    const json = await exportJSON(store);
    const exported = JSON.parse(json).conversations[0].messages[1];
    assert.equal(exported.reasoning, answer.reasoning);
    assert.deepEqual(exported.sources, answer.sources);

    const md = await exportMarkdown(store);
    assert.include(md, '> _Reasoning (4 s)_\n> First line.\n> Second <b>line</b>.');
    assert.include(md, 'Sources:\n\n1. [HTTP caching \\[MDN\\]](<https://mdn.example/cache>)\n2. Evil (`javascript:alert(1)`)\n3. [https://plain.example/](<https://plain.example/>)');
    assert.notInclude(md, '](javascript:');
    assert.isBelow(md.indexOf('Reasoning'), md.indexOf('Caches keep copies.'), 'the reasoning comes before the answer');

    const other = openStore(freshKey('reasoning-import')).store;
    const result = await importJSON(other, json);
    assert.isTrue(result.ok);
    const [back] = await other.listConversations();
    const [, again] = await other.loadMessages(back.id);
    assert.equal(again.reasoning, answer.reasoning);
    assert.deepEqual(again.sources, answer.sources);
  });

  it('an import with malformed reasoning or sources is refused, naming the field', async () => {
    const { store } = openStore(freshKey('reasoning-bad-import'));
    const file = (m: object) => JSON.stringify({ format: 'stream-chat-history', version: 1, conversations: [{ title: 'x', messages: [{ role: 'assistant', content: 'a', ...m }] }] });
    const bad = await importJSON(store, file({ reasoning: 42, reasoningMs: -1, sources: [{ title: 'no url' }, 'https://x.example'] }));
    assert.isFalse(bad.ok);
    if (!bad.ok) {
      const paths = bad.problems.map((p) => p.path);
      assert.includeMembers(paths, ['conversations[0].messages[0].reasoning', 'conversations[0].messages[0].reasoningMs', 'conversations[0].messages[0].sources[0].url', 'conversations[0].messages[0].sources[1]']);
    }
    assert.lengthOf(await store.listConversations(), 0);
  });
});
