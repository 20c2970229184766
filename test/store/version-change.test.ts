/// <reference types="mocha" />
/**
 * Another tab deletes or upgrades the history database while `<stream-chat>` has it open (a site's
 * "sign out and wipe", a newer page): the delete goes through at once, this tab says so and carries
 * on in memory, and the database is not created again behind the other tab's back.
 */
import { assert } from 'chai';
import '../../src/define.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { databaseName, type StorageProblem } from '../../src/store/index.js';
import { KEY_DATABASE, createKeyStore } from '../../src/store/key-store.js';
import { freshKey } from './helpers.js';

const baseURL = new URL('/v1', location.origin).href;

async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs `request` (a delete or an open with a higher version) in a same-origin frame, as another tab
 * would, and reports how it ended: `success`, or `blocked` when a connection here did not let go.
 */
async function inOtherTab(script: string): Promise<string> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<script>
    const request = ${script};
    request.onblocked = () => parent.postMessage({ idb: 'blocked' }, '*');
    request.onsuccess = () => { try { request.result?.close?.(); } catch {} parent.postMessage({ idb: 'success' }, '*'); };
    request.onerror = () => parent.postMessage({ idb: 'error' }, '*');
  </script>`;
  const outcome = new Promise<string>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || !event.data?.idb) return;
      // "blocked" may be followed by "success" once the connection closes: only a final word counts.
      if (event.data.idb === 'blocked') return void (blocked = true);
      window.removeEventListener('message', onMessage);
      resolve(blocked ? `blocked, then ${event.data.idb}` : event.data.idb);
    };
    let blocked = false;
    window.addEventListener('message', onMessage);
  });
  document.body.append(frame);
  try {
    return await outcome;
  } finally {
    frame.remove();
  }
}

async function mounted(storageKey: string): Promise<StreamChat> {
  const el = document.createElement('stream-chat');
  el.baseUrl = baseURL;
  el.model = 'dev;rate=0;words=8';
  el.storageKey = storageKey;
  el.style.blockSize = '420px';
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: StreamChat, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const databases = async () => (await indexedDB.databases()).map((d) => d.name);

describe('another tab deletes or upgrades the database', function () {
  // Each test sends through the dev model twice and loads a frame: slow on a busy machine, not stuck.
  this.timeout(60_000);
  afterEach(() => document.querySelectorAll('stream-chat').forEach((el) => (el.stop(), el.remove())));

  it('a delete goes through at once; the chat carries on in memory with a notice', async () => {
    const key = freshKey('wipe');
    const el = await mounted(key);
    const problems: StorageProblem[] = [];
    el.addEventListener('stream-chat-storage-error', (e) => problems.push((e as CustomEvent).detail));
    assert.equal((await el.send('Before the wipe')).finishReason, 'stop');
    assert.include(await databases(), databaseName(key), 'the history was stored');

    assert.equal(await inOtherTab(`indexedDB.deleteDatabase(${JSON.stringify(databaseName(key))})`), 'success');

    await waitFor(() => part(el, 'storage-notice'), 'the storage notice');
    assert.match(part(el, 'storage-notice')!.textContent!, /Another tab deleted or replaced the saved history/);
    assert.deepEqual(problems.map((p) => [p.reason, p.fallback]), [['versionchange', true]]);

    // The conversation on screen stays, and the chat goes on.
    const after = await el.send('After the wipe');
    assert.equal(after.finishReason, 'stop');
    assert.deepEqual(el.messages.filter((m) => m.role === 'user').map((m) => m.content), ['Before the wipe', 'After the wipe']);
    assert.notInclude(await databases(), databaseName(key), 'the wiped database is not created again');
  });

  it('an upgrade by a newer page goes through as well', async () => {
    const key = freshKey('upgrade');
    const el = await mounted(key);
    assert.equal((await el.send('Hello')).finishReason, 'stop');
    const name = JSON.stringify(databaseName(key));
    assert.equal(await inOtherTab(`indexedDB.open(${name}, 2)`), 'success');
    await waitFor(() => part(el, 'storage-notice'), 'the storage notice');
    assert.equal((await el.send('Still here?')).finishReason, 'stop');
  });

  it('the remembered-key database does not block a wipe either', async () => {
    const keys = createKeyStore(freshKey('keys'));
    await keys.set('sk-remembered');
    assert.equal(await keys.get(), 'sk-remembered');
    assert.equal(await inOtherTab(`indexedDB.deleteDatabase(${JSON.stringify(KEY_DATABASE)})`), 'success');
    assert.isUndefined(await keys.get(), 'the wiped key is gone here too');
    assert.notInclude(await databases(), KEY_DATABASE);
  });
});
