import { KEPT_FILE_PREFIX } from './kept-keys';

/**
 * Where kept database files live, as the engine needs it: which files there are (most recently
 * used first, for the budget), removing one, and how much room is left. The browser's is the
 * origin-private file system (`createOpfsKeptStorage`); tests use `createMemoryKeptStorage`.
 */
export interface KeptStorage {
  /** Kept database files, most recently used first. */
  list(): Promise<string[]>;
  /** Marks a file as used now. */
  touch(name: string): Promise<void>;
  /** Removes a file and its write-ahead log. */
  remove(name: string): Promise<void>;
  /** Bytes this origin may still write, when the browser says. */
  room(): Promise<number | undefined>;
  /** How DuckDB names the file. */
  path(name: string): string;
  /**
   * A disk that fills up while the data is written (the end-to-end build only, see
   * `simulateFullDisk`): writing fails after the first table, as a real full disk would.
   */
  fullDisk?(): Promise<boolean>;
}

/** The file (in the storage) that lists kept files by last use. */
const USE_FILE = `${KEPT_FILE_PREFIX}use.json`;
/** The file whose presence makes the end-to-end build's storage full. */
export const FULL_DISK_MARKER = 'cc-e2e-full-disk';

type Used = Record<string, number>;

/** Kept files in the origin-private file system's root, where DuckDB-WASM opens `opfs://` paths. */
export function createOpfsKeptStorage(options: { faults?: boolean } = {}): KeptStorage {
  const root = () => navigator.storage.getDirectory();
  const readUse = async (): Promise<Used> => {
    try {
      const file = await (await (await root()).getFileHandle(USE_FILE)).getFile();
      const parsed: unknown = JSON.parse(await file.text());
      return parsed && typeof parsed === 'object' ? (parsed as Used) : {};
    } catch {
      return {};
    }
  };
  const writeUse = async (used: Used) => {
    const handle = await (await root()).getFileHandle(USE_FILE, { create: true });
    const writable = await handle.createWritable();
    await writable.write(JSON.stringify(used));
    await writable.close();
  };
  return {
    async list() {
      const names: string[] = [];
      // `entries()` is in every browser with the file system, not yet in TypeScript's DOM types.
      const dir = (await root()) as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };
      for await (const name of dir.keys()) if (name.startsWith(KEPT_FILE_PREFIX) && name.endsWith('.db')) names.push(name);
      const used = await readUse();
      return names.sort((a, b) => (used[b] ?? 0) - (used[a] ?? 0));
    },
    async touch(name) {
      await writeUse({ ...(await readUse()), [name]: Date.now() });
    },
    async remove(name) {
      const dir = await root();
      for (const file of [name, `${name}.wal`]) await dir.removeEntry(file).catch(() => undefined);
      const used = await readUse();
      delete used[name];
      await writeUse(used).catch(() => undefined);
    },
    async room() {
      const estimate = await navigator.storage.estimate?.();
      if (!estimate || estimate.quota === undefined) return undefined;
      return estimate.quota - (estimate.usage ?? 0);
    },
    path: (name) => `opfs://${name}`,
    ...(options.faults
      ? {
          fullDisk: async () => {
            try {
              await (await root()).getFileHandle(FULL_DISK_MARKER);
              return true;
            } catch {
              return false;
            }
          },
        }
      : {}),
  };
}

/** Kept files in memory (tests): `path` names an in-memory database. */
export function createMemoryKeptStorage(options: { room?: number; fullDisk?: boolean } = {}): KeptStorage & { files: Set<string> } {
  const files = new Set<string>();
  const used = new Map<string, number>();
  let clock = 0;
  return {
    files,
    list: async () => [...files].sort((a, b) => (used.get(b) ?? 0) - (used.get(a) ?? 0)),
    touch: async (name) => {
      files.add(name);
      used.set(name, ++clock);
    },
    remove: async (name) => {
      files.delete(name);
      used.delete(name);
    },
    room: async () => options.room,
    path: () => ':memory:',
    fullDisk: async () => options.fullDisk === true,
  };
}
