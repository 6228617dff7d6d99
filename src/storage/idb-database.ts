import { promisifyRequest } from 'idb-keyval';

/**
 * Opens an IndexedDB database on first use, creating the object stores it lacks; later calls get
 * the same connection. Several stores in one database let a write span them in one transaction
 * (idb-keyval's createStore makes one database per store).
 */
export function lazyDatabase(name: string, version: number, stores: readonly string[]): () => Promise<IDBDatabase> {
  let db: Promise<IDBDatabase> | undefined;
  return () =>
    (db ??= (() => {
      const request = indexedDB.open(name, version);
      request.onupgradeneeded = () => {
        for (const store of stores) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      };
      return promisifyRequest(request);
    })());
}
