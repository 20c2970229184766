/**
 * Another tab deleting or upgrading a database (a site's "sign out and wipe", a newer version of the
 * page) waits until every open connection to it is closed: a connection that ignores `versionchange`
 * leaves that tab stuck on `blocked`, silently, for as long as this page is open. The connections
 * made here close themselves at once and tell their owner, which then stops using the database.
 */
import type { UseStore } from 'idb-keyval';

/** The same store function, whose connection closes on `versionchange` and then calls `onClosed`. */
export function closingOnVersionChange(use: UseStore, onClosed: () => void): UseStore {
  const watched = new WeakSet<IDBDatabase>();
  return (mode, callback) =>
    use(mode, (store) => {
      // The first transaction runs as soon as the connection opens: no versionchange can come between.
      const db = store.transaction.db;
      if (!watched.has(db)) {
        watched.add(db);
        db.addEventListener('versionchange', () => {
          db.close();
          onClosed();
        });
      }
      return callback(store);
    });
}

/** What a store function does once its database was closed for another tab: refuse, never reopen. */
export function closedForAnotherTab(): Promise<never> {
  return Promise.reject(new DOMException('Another tab deleted or upgraded the database.', 'InvalidStateError'));
}
