/**
 * "Remember my key": the API key, only when the user asks, kept in its own database. Clearing the
 * history never clears the key and clearing the key never clears the history; no export reads it.
 * When IndexedDB is not usable the key is kept in memory only, for the life of the page.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { closingOnVersionChange } from './version-change.js';

export interface KeyStore {
  get(): Promise<string | undefined>;
  set(key: string): Promise<void>;
  clear(): Promise<void>;
}

export const KEY_DATABASE = 'stream-chat-keys';

export function createKeyStore(storageKey = '', storage: 'indexeddb' | 'memory' | 'none' = 'indexeddb'): KeyStore {
  let memory: string | undefined;
  let db: UseStore | undefined;
  let broken = storage !== 'indexeddb';
  // Another tab wiping the keys (signing out) is never blocked by this one: the connection closes, and
  // the key lives on in memory only if it was set here after that.
  const use = () => (db ??= closingOnVersionChange(createStore(KEY_DATABASE, 'keys'), () => (broken = true)));
  const name = storageKey || 'default';
  const guarded = async <T>(op: () => Promise<T>, fallback: () => T): Promise<T> => {
    if (broken) return fallback();
    try {
      return await op();
    } catch {
      broken = true;
      return fallback();
    }
  };
  return {
    get: () => guarded(async () => (await get<string>(name, use())) ?? memory, () => memory),
    set: (key) =>
      guarded(
        () => set(name, key, use()),
        () => {
          memory = key;
        },
      ),
    clear: () => {
      memory = undefined;
      return guarded(
        () => del(name, use()),
        () => undefined,
      );
    },
  };
}
