/**
 * The history in IndexedDB, through idb-keyval: one database per namespace, one object store `kv`,
 * array keys (see records.ts). idb-keyval's get/set helpers cover single values; range reads, range
 * deletes and the append (read the last seq, write after it, in one transaction) go through its store
 * function `(mode, callback)`, which hands us the raw IDBObjectStore.
 */
import { createStore, del, delMany, entries, get, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import { byteSize, type AppendPlan, type Backend, type Entry, type RangeOptions, type WriteStats } from './backend.js';
import type { StoreKey } from './records.js';
import { closedForAnotherTab, closingOnVersionChange } from './version-change.js';

export const OBJECT_STORE = 'kv';

/** Makes the store function; tests pass one that fails on purpose. */
export type StoreFactory = (dbName: string, storeName: string) => UseStore;

export class IdbBackend implements Backend {
  readonly kind = 'indexeddb' as const;
  stats?: WriteStats;
  #use!: UseStore;
  /** The connection last seen, so reopen() can close it: Safari may leave a dead one behind. */
  #db: IDBDatabase | undefined;
  /** Another tab deleted or upgraded the database: it is never opened again from here (that would recreate it). */
  #released = false;
  /**
   * True once the database is known to exist (seen in the list, or written to here). Until then a read
   * asks the list first: a visitor who never chatted has no database, and reading none is no reason to
   * open (and so create) one at page load. The first write creates it.
   */
  #present = false;
  readonly #onVersionChange?: () => void;

  constructor(
    readonly dbName: string,
    readonly factory: StoreFactory = createStore,
    options: { stats?: boolean; onVersionChange?: () => void } = {},
  ) {
    if (options.stats) this.stats = { transactions: 0, bytes: 0 };
    this.#onVersionChange = options.onVersionChange;
    this.reopen();
  }

  /** True once the connection was closed for another tab's delete or upgrade. */
  get released(): boolean {
    return this.#released;
  }

  reopen(): void {
    this.close();
    if (this.#released) {
      this.#use = closedForAnotherTab;
      return;
    }
    const use = closingOnVersionChange(this.factory(this.dbName, OBJECT_STORE), () => {
      this.#released = true;
      this.#db = undefined;
      this.#use = closedForAnotherTab;
      this.#onVersionChange?.();
    });
    this.#use = (mode, callback) =>
      use(mode, (store) => {
        this.#db = store.transaction.db;
        return callback(store);
      });
  }

  close(): void {
    try {
      this.#db?.close();
    } catch {
      // Already closed: nothing to release.
    }
    this.#db = undefined;
  }

  /** Whether the database exists; where the browser cannot list databases, it is opened as before. */
  async #exists(): Promise<boolean> {
    if (this.#present || this.#released) return true;
    try {
      const list = await indexedDB.databases();
      this.#present ||= list.some((db) => db.name === this.dbName);
    } catch {
      this.#present = true; // no databases() (or it failed): open, and let a failure surface there
    }
    return this.#present;
  }

  /** A write opens the database, creating it if it is not there yet. */
  #writing(): void {
    this.#present = true;
  }

  #count(values: unknown[]): void {
    if (!this.stats) return;
    this.stats.transactions++;
    for (const v of values) this.stats.bytes += byteSize(v);
  }

  async get(key: StoreKey): Promise<unknown> {
    return (await this.#exists()) ? get(key as IDBValidKey, this.#use) : undefined;
  }

  async range(lower: StoreKey, upper: StoreKey, options: RangeOptions = {}): Promise<unknown[]> {
    return (await this.#exists()) ? this.#range(lower, upper, options) : [];
  }

  #range(lower: StoreKey, upper: StoreKey, options: RangeOptions): Promise<unknown[]> {
    const bounds = IDBKeyRange.bound(lower, upper);
    if (!options.reverse) {
      return this.#use('readonly', (store) => promisifyRequest(store.getAll(bounds, options.limit)));
    }
    // getAll() only reads forwards: the last N (the screen a user sees first) need a cursor.
    return this.#use('readonly', (store) => {
      const found: unknown[] = [];
      const request = store.openCursor(bounds, 'prev');
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor || (options.limit !== undefined && found.length >= options.limit)) return;
        found.push(cursor.value);
        cursor.continue();
      };
      return promisifyRequest(store.transaction).then(() => found);
    });
  }

  put(list: Entry[]): Promise<void> {
    this.#writing();
    this.#count(list.map(([, v]) => v));
    return setMany(list as [IDBValidKey, unknown][], this.#use);
  }

  delete(keys: StoreKey[]): Promise<void> {
    this.#writing();
    if (keys.length === 1) return del(keys[0] as IDBValidKey, this.#use);
    return delMany(keys as IDBValidKey[], this.#use);
  }

  deleteRange(bounds: [StoreKey, StoreKey][], entries: Entry[] = []): Promise<void> {
    this.#writing();
    return this.#use('readwrite', (store) => {
      for (const [lower, upper] of bounds) store.delete(IDBKeyRange.bound(lower, upper));
      for (const [key, value] of entries) store.put(value, key as IDBValidKey);
      return promisifyRequest(store.transaction);
    });
  }

  append(conversationKey: StoreKey, messages: [StoreKey, StoreKey], plan: AppendPlan): Promise<Entry[]> {
    this.#writing();
    // Two tabs appending at once get two transactions that IndexedDB runs one after the other (both
    // are readwrite on the same store), so each sees the other's last seq: no duplicate, no overwrite.
    return this.#use('readwrite', (store) => {
      let planned: Entry[] = [];
      const last = store.openKeyCursor(IDBKeyRange.bound(...messages), 'prev');
      last.onsuccess = () => {
        const lastSeq = last.result ? ((last.result.key as unknown[])[2] as number) : -1;
        const conversation = store.get(conversationKey as IDBValidKey);
        conversation.onsuccess = () => {
          planned = plan(lastSeq, conversation.result);
          for (const [key, value] of planned) store.put(value, key as IDBValidKey);
          this.#count(planned.map(([, v]) => v));
        };
      };
      return promisifyRequest(store.transaction).then(() => planned);
    });
  }

  async entries(): Promise<Entry[]> {
    return (await this.#exists()) ? ((await entries(this.#use)) as Entry[]) : [];
  }
}
