/** Shared by the store tests: fresh namespaces, failing store functions, and a scan of a database. */
import { createStore, type UseStore } from 'idb-keyval';
import { HistoryStore, type HistoryStoreOptions } from '../../src/store/index.js';
import type { StorageProblem } from '../../src/store/index.js';

let counter = 0;
/** A namespace no other test uses, so every test starts from an empty database. */
export function freshKey(label: string): string {
  return `test-${label}-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 7)}`;
}

export function openStore(storageKey: string, options: HistoryStoreOptions = {}) {
  const problems: StorageProblem[] = [];
  const store = new HistoryStore({ storageKey, onProblem: (p) => problems.push(p), ...options });
  return { store, problems };
}

/** A DOMException like the browser's (name and message). */
export function domError(name: string, message = name): DOMException {
  return new DOMException(message, name);
}

/**
 * A store factory whose store function throws `error` on the calls `failWhen` picks, and otherwise
 * uses idb-keyval's real store. Counts how many times a connection was (re)made.
 */
export function failingFactory(failWhen: (mode: IDBTransactionMode, call: number, opened: number) => boolean, error: () => unknown) {
  const state = { opened: 0, calls: 0 };
  const factory = (dbName: string, storeName: string): UseStore => {
    state.opened++;
    const opened = state.opened;
    const real = createStore(dbName, storeName);
    return (mode, callback) => {
      state.calls++;
      if (failWhen(mode, state.calls, opened)) return Promise.reject(error());
      return real(mode, callback);
    };
  };
  return { factory, state };
}

export const user = (content: string) => ({ role: 'user' as const, content });
export const assistant = (content: string) => ({ role: 'assistant' as const, content });

export { axeViolations } from '../helpers/axe.js';
