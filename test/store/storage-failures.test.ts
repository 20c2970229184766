/// <reference types="mocha" />
import { assert, expect } from 'chai';
import { createStore, set } from 'idb-keyval';
import { HistoryStore, databaseName } from '../../src/store/index.js';
import { assistant, domError, failingFactory, freshKey, openStore, user } from './helpers.js';

describe('history store: when IndexedDB fails', () => {
  it('IndexedDB unavailable (open throws): works in memory, with a notice', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw domError('SecurityError', 'The operation is insecure.');
    };
    try {
      const { store, problems } = openStore(freshKey('unavailable'));
      await store.append('c', [user('still works')]);
      await store.append('c', [assistant('yes')]);
      assert.deepEqual((await store.loadMessages('c')).map((m) => m.content), ['still works', 'yes']);
      assert.equal(store.backendKind, 'memory');
      assert.equal(problems.length, 1, 'reported once');
      expect(problems[0]).to.include({ kind: 'storage', reason: 'unavailable', fallback: true });
      assert.match(problems[0].message, /kept until the page closes/);
      assert.deepEqual(store.problem, problems[0], 'the notice stays readable');
      store.close();
    } finally {
      IDBFactory.prototype.open = open;
    }
  });

  it('IndexedDB open errors asynchronously: works in memory, with a notice', async () => {
    const { factory } = failingFactory(() => true, () => domError('UnknownError', 'Internal error opening backing store'));
    const { store, problems } = openStore(freshKey('open-error'), { storeFactory: factory });
    assert.deepEqual(await store.listConversations(), []);
    await store.append('c', [user('hello')]);
    assert.equal((await store.listConversations())[0].title, 'hello');
    assert.deepEqual(problems.map((p) => p.reason), ['unavailable']);
    store.close();
  });

  it('quota exceeded on a write: the conversation so far is kept, in memory, with a notice', async () => {
    let full = false;
    const { factory } = failingFactory((mode) => full && mode === 'readwrite', () => domError('QuotaExceededError', 'The quota has been exceeded.'));
    const key = freshKey('quota');
    const { store, problems } = openStore(key, { storeFactory: factory });
    await store.append('other', [user('an older conversation')]);
    await store.append('c', [user('one'), assistant('two')]);
    assert.equal(store.backendKind, 'indexeddb');
    full = true;
    const [draft] = await store.append('c', [assistant('')], { status: 'draft' });
    await store.saveMessage({ ...draft, content: 'three, while full' });
    assert.equal(store.backendKind, 'memory');
    assert.deepEqual(
      (await store.loadMessages('c')).map((m) => m.content),
      ['one', 'two', 'three, while full'],
      'nothing on screen is lost',
    );
    assert.deepEqual((await store.listConversations()).map((c) => c.id).sort(), ['c', 'other']);
    assert.deepEqual(problems.map((p) => p.reason), ['quota']);
    assert.match(problems[0].message, /Storage is full/);
    store.close();
    // What was written before the quota hit is still in IndexedDB for the next visit.
    const later = openStore(key).store;
    assert.deepEqual((await later.loadMessages('c')).map((m) => m.content), ['one', 'two']);
    later.close();
  });

  it('connection closed by the browser: reopens and retries once, staying on IndexedDB', async () => {
    // The first connection dies on its second use, like Safari closing a background tab's connection.
    const { factory, state } = failingFactory(
      (_mode, call, opened) => opened === 1 && call === 2,
      () => domError('InvalidStateError', "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing."),
    );
    const key = freshKey('closing');
    const { store, problems } = openStore(key, { storeFactory: factory });
    await store.append('c', [user('before')]);
    await store.append('c', [user('after the connection closed')]);
    assert.equal(state.opened, 2, 'a fresh connection was opened');
    assert.equal(store.backendKind, 'indexeddb');
    assert.deepEqual(problems, []);
    const fresh = openStore(key).store;
    assert.deepEqual((await fresh.loadMessages('c')).map((m) => m.content), ['before', 'after the connection closed']);
    store.close();
    fresh.close();
  });

  it('connection keeps closing: falls back to memory after one retry', async () => {
    const { factory, state } = failingFactory(
      (_mode, call) => call >= 2,
      () => domError('InvalidStateError', 'The database connection is closing.'),
    );
    const { store, problems } = openStore(freshKey('closing-twice'), { storeFactory: factory });
    await store.append('c', [user('first')]);
    await store.append('c', [user('second')]);
    assert.equal(state.opened, 2, 'reopened once, not more');
    assert.equal(store.backendKind, 'memory');
    assert.deepEqual((await store.loadMessages('c')).map((m) => m.content), ['first', 'second']);
    assert.deepEqual(problems.map((p) => p.reason), ['closed']);
    store.close();
  });
});

describe('history store: bad stored data', () => {
  it('skips a corrupt message and reports it; the rest loads', async () => {
    const key = freshKey('corrupt');
    const { store, problems } = openStore(key);
    await store.append('c', [user('good 1'), assistant('good 2'), user('good 3')]);
    const raw = createStore(databaseName(key), 'kv');
    await set(['m', 'c', 1], { v: 1, conversationId: 'c', seq: 1, role: 'robot', content: 42, status: 'final', createdAt: 1, updatedAt: 1 }, raw);
    await set(['m', 'c', 3], 'not even an object', raw);
    const messages = await store.loadMessages('c');
    assert.deepEqual(messages.map((m) => m.content), ['good 1', 'good 3']);
    assert.equal(problems.length, 2);
    assert.deepEqual(problems.map((p) => p.reason), ['corrupt', 'corrupt']);
    assert.match(problems[0].message, /role must be user, assistant, system or tool/);
    assert.match(problems[0].message, /content must be a string or null/);
    assert.deepEqual(problems[0].key, ['m', 'c', 1]);
    store.close();
  });

  it('skips a corrupt conversation record in the list', async () => {
    const key = freshKey('corrupt-list');
    const { store, problems } = openStore(key);
    await store.append('ok', [user('fine')]);
    await set(['c', 'bad'], { v: 1, id: 'bad', title: 7, createdAt: 'yesterday', updatedAt: 1, count: -1 }, createStore(databaseName(key), 'kv'));
    assert.deepEqual((await store.listConversations()).map((c) => c.id), ['ok']);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /title must be a string/);
    store.close();
  });

  it('reads records of an older schema through migrate(), and leaves newer ones alone', async () => {
    const key = freshKey('migrate');
    const { store, problems } = openStore(key);
    const raw = createStore(databaseName(key), 'kv');
    // Version 0: no `v`, a bare chat message and a bare conversation (hand-made or from another tool).
    await set(['c', 'legacy'], { id: 'legacy', title: 'Old one', createdAt: 5, updatedAt: 5, count: 2 }, raw);
    await set(['m', 'legacy', 0], { conversationId: 'legacy', seq: 0, role: 'user', text: 'old text field', ts: 5 }, raw);
    await set(['m', 'legacy', 1], { conversationId: 'legacy', seq: 1, role: 'assistant', content: 'from the future', v: 99 }, raw);
    const messages = await store.loadMessages('legacy');
    assert.deepEqual(messages.map((m) => [m.content, m.status, m.v, m.createdAt]), [['old text field', 'final', 1, 5]]);
    assert.match(problems[0].message, /newer version \(schema 99/);
    assert.equal((await store.listConversations())[0].title, 'Old one');
    store.close();
  });
});

describe('history store: secrets', () => {
  it('never writes the API key into history or exports', async () => {
    const { exportJSON, exportMarkdown, createKeyStore } = await import('../../src/store/index.js');
    const secret = 'sk-test-DO-NOT-STORE-1234567890';
    const key = freshKey('secret');
    const { store } = openStore(key);
    // A message object that carries more than the chat shape (as a careless caller might pass it).
    const leaky = { ...user('hello'), apiKey: secret, headers: { Authorization: `Bearer ${secret}` }, options: { apiKey: secret } };
    await store.append('c', [leaky as never], { model: 'dev' });
    const [draft] = await store.append('c', [assistant('')], { status: 'draft' });
    await store.saveMessage({ ...draft, content: 'partial', apiKey: secret } as never);
    await store.finish(draft, [{ ...assistant('done'), headers: { Authorization: secret } } as never]);
    const keys = createKeyStore(key);
    await keys.set(secret);
    const everything = JSON.stringify(await store.rawEntries());
    assert.include(everything, 'hello', 'the scan sees the stored history');
    assert.notInclude(everything, secret);
    assert.notInclude(await exportJSON(store), secret);
    assert.notInclude(await exportMarkdown(store), secret);
    // Clearing the history keeps the remembered key, and clearing the key keeps the history.
    await store.append('d', [user('another')]);
    await store.clearAll();
    assert.equal(await keys.get(), secret);
    await store.append('e', [user('after')]);
    await keys.clear();
    assert.isUndefined(await keys.get());
    assert.equal((await store.listConversations()).length, 1);
    store.close();
  });
});

describe('history store: import and export', () => {
  it('exports and imports a conversation (JSON) and reads as Markdown', async () => {
    const { exportJSON, exportMarkdown, importJSON } = await import('../../src/store/index.js');
    const source = openStore(freshKey('export')).store;
    await source.append('c', [user('What is **2+2**?'), assistant('It is `4`.')], { model: 'dev' });
    await source.append('d', [user('Not exported')]);
    const json = await exportJSON(source, ['c']);
    const target = openStore(freshKey('import')).store;
    const result = await importJSON(target, json);
    assert.isTrue(result.ok);
    const [imported] = await target.listConversations();
    assert.equal(imported.title, 'What is **2+2**?');
    assert.deepEqual((await target.loadMessages(imported.id)).map((m) => [m.role, m.content]), [['user', 'What is **2+2**?'], ['assistant', 'It is `4`.']]);
    const markdown = await exportMarkdown(source, ['c']);
    assert.include(markdown, '# What is **2+2**?');
    assert.include(markdown, '**You**\n\nWhat is **2+2**?');
    assert.include(markdown, '**Assistant**\n\nIt is `4`.');
    assert.notInclude(markdown, 'Not exported');
    // Importing twice never overwrites: the second copy gets its own id.
    await importJSON(target, json);
    assert.equal((await target.listConversations()).length, 2);
    source.close();
    target.close();
  });

  it('carries attachments: their bytes as data: URLs in the JSON, Blobs again after import, removed with the conversation', async () => {
    const { exportJSON, exportMarkdown, importJSON } = await import('../../src/store/index.js');
    const source = openStore(freshKey('export-files')).store;
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256); // every byte value, past one encoding chunk
    const image = new Blob([bytes], { type: 'image/png' });
    const pdf = new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' });
    const hostile = '<img src=x onerror="window.__pwned=1">.txt';
    await source.append('c', [
      {
        role: 'user',
        content: 'Look',
        attachments: [
          { id: 'img', name: 'photo.png', type: 'image/png', size: image.size },
          { id: 'doc', name: 'report.pdf', type: 'application/pdf', size: pdf.size },
          { id: 'txt', name: hostile, type: 'text/plain', size: 20, text: '<script>x()</script>' },
          { id: 'lost', name: 'gone.pdf', type: 'application/pdf', size: 3 },
        ],
      },
      assistant('Seen.'),
    ]);
    await source.saveFiles('c', [{ id: 'img', blob: image }, { id: 'doc', blob: pdf }]);
    const json = await exportJSON(source, ['c']);
    const [exported] = JSON.parse(json).conversations[0].messages[0].attachments;
    assert.match(exported.data, /^data:image\/png;base64,/);
    const markdown = await exportMarkdown(source, ['c']);
    assert.include(markdown, 'Look\n\n_Attached: `photo.png`, `report.pdf`');
    assert.notInclude(markdown, 'base64', 'a Markdown export names files, without their bytes');

    const target = openStore(freshKey('import-files')).store;
    const result = await importJSON(target, json);
    assert.isTrue(result.ok);
    const [conversation] = await target.listConversations();
    const [message] = await target.loadMessages(conversation.id);
    assert.deepEqual(message.attachments!.map((a) => [a.name, 'data' in a]), [['photo.png', false], ['report.pdf', false], [hostile, false], ['gone.pdf', false]], 'the records hold no bytes');
    assert.equal(message.attachments![2].text, '<script>x()</script>');
    const back = await target.loadFile(conversation.id, 'img');
    assert.instanceOf(back, Blob);
    assert.equal(back!.type, 'image/png');
    assert.deepEqual(new Uint8Array(await back!.arrayBuffer()), bytes);
    assert.equal(await (await target.loadFile(conversation.id, 'doc'))!.text(), '%PDF-1.4\n%%EOF\n');
    assert.equal(await (await target.loadFile(conversation.id, 'txt'))!.text(), '<script>x()</script>');
    assert.isUndefined(await target.loadFile(conversation.id, 'lost'));

    await target.deleteConversation(conversation.id);
    assert.isFalse((await target.rawEntries()).some(([key]) => key[0] === 'f'), 'the Blobs went with the conversation');
    source.close();
    target.close();
  });

  it('refuses attachments that are not files, naming the field', async () => {
    const { importJSON } = await import('../../src/store/index.js');
    const { store } = openStore(freshKey('bad-files'));
    const file = {
      format: 'stream-chat-history',
      version: 1,
      conversations: [
        {
          title: 'files',
          messages: [
            { role: 'user', content: 'a', attachments: [{ id: 'x', name: 'a.png', type: 'image/png', size: 3, data: 'javascript:alert(1)' }] },
            { role: 'user', content: 'b', attachments: [{ id: '', name: 7, type: 'image/png', size: -1 }] },
            { role: 'user', content: 'c', attachments: [{ id: 'y', name: 'b.png', type: 'image/png', size: 3, data: 'data:image/png;base64,@@@' }] },
            { role: 'user', content: 'd', attachments: 'all of them' },
          ],
        },
      ],
    };
    const result = await importJSON(store, JSON.stringify(file));
    assert.isFalse(result.ok);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    assert.includeMembers(paths, [
      'conversations[0].messages[0].attachments[0].data',
      'conversations[0].messages[1].attachments[0].id',
      'conversations[0].messages[1].attachments[0].name',
      'conversations[0].messages[1].attachments[0].size',
      'conversations[0].messages[2].attachments[0].data',
      'conversations[0].messages[3].attachments',
    ]);
    assert.deepEqual(await store.listConversations(), [], 'nothing half-imported');
    store.close();
  });

  it('rejects a malformed file with messages naming what is wrong, and writes nothing', async () => {
    const { importJSON } = await import('../../src/store/index.js');
    const { store } = openStore(freshKey('bad-import'));
    const file = {
      format: 'stream-chat-history',
      version: 1,
      conversations: [
        { title: 'fine', messages: [{ role: 'user', content: 'ok' }] },
        {
          title: 'broken',
          messages: [
            { role: 'user', content: 'a' },
            { role: 'assistant', content: 'b' },
            { role: 'user', content: 'c' },
            { role: 'robot', content: 'd' },
            { role: 'assistant', content: null, tool_calls: [{ id: 'x', type: 'function', function: { name: 'f' } }] },
          ],
        },
      ],
    };
    const result = await importJSON(store, JSON.stringify(file));
    assert.isFalse(result.ok);
    if (result.ok) return;
    assert.include(result.message, 'conversations[1].messages[3].role must be user, assistant, system or tool');
    assert.include(result.message, 'conversations[1].messages[4].tool_calls[0].function.arguments must be a string');
    assert.deepEqual(await store.listConversations(), [], 'nothing half-imported');

    const notJson = await importJSON(store, '{"format": "stream-chat-history", ');
    assert.isFalse(notJson.ok);
    assert.match((notJson as { message: string }).message, /not valid JSON/);
    const wrongFormat = await importJSON(store, JSON.stringify({ format: 'other', version: 7, conversations: {} }));
    assert.match((wrongFormat as { message: string }).message, /format must be "stream-chat-history"; version is 7, newer than this page reads \(1\); conversations must be an array/);
    store.close();
  });
});
