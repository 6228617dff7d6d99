import type { DatabaseFiles, DuckConnection } from '../duckdb/connection';
import { duckErrorMessage } from '../duckdb/connection';
import { quoteIdent, sqlLiteral } from '../sql/quote';
import { ENGINE_BUILD, KEPT_BUDGET, KEPT_FORMAT, keptFileName, type KeptStatus } from './kept-keys';
import type { KeptStorage } from './kept-storage';

/** The attached kept database (one at a time: the data in use). */
export const KEPT_DB = 'cc_kept';
const db = quoteIdent(KEPT_DB);

/**
 * A table written to after every checkpoint, so that the write-ahead log is never left empty:
 * DuckDB-WASM 1.32 opens an empty log file read-only when it attaches a database, and every later
 * write then fails ("File is not opened in write mode").
 */
const KEPT_LOG = `${db}.main.cc_log`;

/** A working table or facts table kept with the data, or a count the engine keeps without a table. */
export interface KeptWorkingTable {
  name: string;
  kind: 'working' | 'facts' | 'count';
  rows: number;
}

/** What a kept database holds for the dataset it was opened for. */
export interface KeptDataset {
  /** Rows per entity, as loaded. */
  rowCounts: Record<string, number>;
  /** The load sequence the data had when kept (its schema `ds_<n>` and version `<id>#<n>`). */
  seq: number;
  /** Working tables and facts kept, valid when the engine's names for them match. */
  working: KeptWorkingTable[];
}

/** Whether `storage` holds a kept file of the dataset (read before the database opens: no statement runs). */
export async function isKept(storage: KeptStorage, datasetId: string, build: string = ENGINE_BUILD): Promise<boolean> {
  try {
    return (await storage.list()).includes(keptFileName(datasetId, build));
  } catch {
    return false;
  }
}

/** Rows copied per statement, so that counts run between the parts of a large table. */
const ROWS_PER_STEP = 1_000_000;

/**
 * Keeps the data in use in a DuckDB database of the browser's storage, so that the next visit with
 * the same data opens it instead of generating and loading it. One file per dataset and build
 * (keptFileName), the least recently used removed beyond KEPT_BUDGET. The data is loaded in memory
 * as always, then copied to the file in the background, table by table in steps (`run` orders
 * them with the engine's statements); a file is only read if its catalogue says it is complete.
 * Any failure (no room, a write refused, the file system missing) leaves the data in memory,
 * removes what was half written and says why in `status`.
 */
/**
 * Data with fewer rows than this, in all tables together, is not kept. Generating and loading the
 * 10,000-profile sample (about 180,000 rows) takes under a second, while copying it into the
 * storage costs about 5 s of CPU on a background thread of the page; from the 100,000-profile
 * sample (about 1.8 million rows, several seconds to load) on, keeping pays.
 */
export const KEEP_MIN_ROWS = 500_000;

export class KeptData {
  status: KeptStatus | undefined;
  /** The file attached and the dataset it holds (or is being written for). */
  private attached: { file: string; datasetId: string } | undefined;
  /** Working tables already in the file. */
  private readonly keptWorking = new Set<string>();
  private writing: Promise<void> = Promise.resolve();
  /** Other data is being loaded: a copy in progress stops at its next step. */
  private abandoned = false;

  constructor(
    private readonly conn: DuckConnection,
    private readonly files: DatabaseFiles | undefined,
    private readonly storage: KeptStorage,
    private readonly build: string = ENGINE_BUILD,
    /** Data with fewer rows in all is not kept (KEEP_MIN_ROWS). */
    readonly minRows: number = KEEP_MIN_ROWS,
  ) {}

  /** Whether a file for this dataset is there. */
  has(datasetId: string): Promise<boolean> {
    return isKept(this.storage, datasetId, this.build);
  }

  /**
   * Attaches the dataset's kept database and reads its catalogue. Undefined when there is none or
   * it is not complete (the file is then removed and the data loads as on a first visit).
   */
  async reopen(datasetId: string): Promise<KeptDataset | undefined> {
    const file = keptFileName(datasetId, this.build);
    if (!(await this.has(datasetId))) return undefined;
    try {
      await this.attach(file, datasetId);
      const meta = await this.meta();
      const valid = meta.format === String(KEPT_FORMAT) && meta.build === this.build && meta.dataset === datasetId && meta.complete === 'yes';
      if (!valid) throw new Error('the kept data is incomplete');
      const working = (await this.conn.query(`SELECT name, kind, rows FROM ${db}.main.cc_working`)).toArray().map((r: { name: string; kind: KeptWorkingTable['kind']; rows: number }) => ({ name: String(r.name), kind: r.kind, rows: Number(r.rows) }));
      working.forEach((w) => this.keptWorking.add(w.name));
      await this.storage.touch(file);
      this.status = { status: 'opened' };
      return { rowCounts: JSON.parse(meta.rows ?? '{}') as Record<string, number>, seq: Number(meta.seq), working };
    } catch {
      await this.discard();
      return undefined;
    }
  }

  /** The data just loaded will be kept once it is all in and the engine is quiet: said at once. */
  willKeep(): void {
    this.status = { status: 'keeping' };
  }

  /**
   * Copies the tables of the loaded dataset (schema `schema`, load sequence `seq`) into a new kept
   * file, in the background. `run` runs each statement in the engine's order.
   */
  keep(datasetId: string, schema: string, seq: number, rowCounts: Record<string, number>, run: <T>(fn: () => Promise<T>) => Promise<T>): Promise<void> {
    this.status = { status: 'keeping' };
    const file = keptFileName(datasetId, this.build);
    const write = async () => {
      try {
        if (!this.files) throw new Error('this browser cannot keep data in its storage (no origin-private file system)');
        const rows = Object.values(rowCounts).reduce((a, b) => a + b, 0);
        // About 12 bytes a row once compressed on the sample data; twice that, to be safe.
        const needed = rows * 24;
        const room = await this.storage.room();
        if (room !== undefined && room < needed)
          throw new Error(`the browser's storage has room for ${Math.round(room / 2 ** 20)} MB and the data needs about ${Math.round(needed / 2 ** 20)} MB`);
        await this.removeBeyondBudget(file);
        await this.files.create(this.storage.path(file));
        await this.storage.touch(file);
        await run(() => this.attach(file, datasetId));
        await run(() => this.conn.query(`CREATE TABLE IF NOT EXISTS ${KEPT_LOG} (written TIMESTAMP)`));
        await run(() => this.conn.query(`CREATE TABLE ${db}.main.cc_meta (key VARCHAR, value VARCHAR)`));
        await run(() => this.conn.query(`CREATE TABLE ${db}.main.cc_working (name VARCHAR, kind VARCHAR, rows DOUBLE)`));
        let first = true;
        for (const entity of Object.keys(rowCounts)) {
          const source = `${quoteIdent(schema)}.${quoteIdent(entity)}`;
          const target = `${db}.main.${quoteIdent(entity)}`;
          await run(() => this.conn.query(`CREATE TABLE ${target} AS SELECT * FROM ${source} LIMIT 0`));
          for (let from = 0; from < rowCounts[entity]!; from += ROWS_PER_STEP) {
            if (this.abandoned) throw new Error('other data was loaded');
            if (!first && (await this.storage.fullDisk?.())) throw new Error('QuotaExceededError: the disk is full');
            await run(() => this.conn.query(`INSERT INTO ${target} SELECT * FROM ${source} LIMIT ${ROWS_PER_STEP} OFFSET ${from}`));
            first = false;
          }
          // Written out table by table, so that memory holds one table's blocks at a time.
          await run(() => this.checkpoint());
        }
        const meta: Record<string, string> = { format: String(KEPT_FORMAT), build: this.build, dataset: datasetId, seq: String(seq), rows: JSON.stringify(rowCounts), complete: 'yes' };
        const values = Object.entries(meta).map(([k, v]) => `(${sqlLiteral(k)}, ${sqlLiteral(v)})`).join(', ');
        // The catalogue last, in one statement: a file cut short before it is never read.
        await run(() => this.conn.query(`INSERT INTO ${db}.main.cc_meta VALUES ${values}`));
        await run(() => this.checkpoint());
        this.status = { status: 'kept' };
      } catch (e) {
        await run(() => this.discard()).catch(() => undefined);
        this.status = { status: 'not-kept', reason: reasonOf(e) };
      }
    };
    this.writing = this.writing.then(write);
    return this.writing;
  }

  /**
   * Copies the working tables and facts of the latest counts into the kept file (those not there
   * yet), so that the next visit finds them. Only while the data in use is kept or opened.
   */
  keepWorking(datasetId: string, tables: KeptWorkingTable[], run: <T>(fn: () => Promise<T>) => Promise<T>): Promise<void> {
    const write = async () => {
      const state = this.status?.status;
      if ((state !== 'kept' && state !== 'opened') || this.attached?.datasetId !== datasetId) return;
      const fresh = tables.filter((t) => !this.keptWorking.has(t.name));
      if (fresh.length === 0) return;
      for (const t of fresh) {
        try {
          // A newer computation may have dropped the table meanwhile: it is then not kept.
          if (t.kind !== 'count') await run(() => this.conn.query(`CREATE OR REPLACE TABLE ${db}.main.${quoteIdent(t.name)} AS SELECT * FROM ${quoteIdent(t.name)}`));
          await run(() => this.conn.query(`INSERT INTO ${db}.main.cc_working VALUES (${sqlLiteral(t.name)}, ${sqlLiteral(t.kind)}, ${t.rows})`));
          this.keptWorking.add(t.name);
        } catch {
          // A table that could not be kept is computed again at the next visit: nothing is lost.
        }
      }
      await run(() => this.checkpoint()).catch(() => undefined);
    };
    this.writing = this.writing.then(write);
    return this.writing;
  }

  /** Resolves once what was asked to be written is written (or given up). */
  written(): Promise<void> {
    return this.writing;
  }

  /** Lets go of the file in use (other data is loaded); it stays kept for a later visit. */
  async release(): Promise<void> {
    this.abandoned = true;
    await this.writing;
    this.abandoned = false;
    await this.detach();
  }

  /** Detaches the file in use, if any, and lets go of it. */
  private async detach(): Promise<void> {
    if (!this.attached) return;
    const { file } = this.attached;
    this.attached = undefined;
    this.keptWorking.clear();
    this.status = undefined;
    await this.conn.query(`DETACH DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await this.files?.release(this.storage.path(file));
  }

  private async attach(file: string, datasetId: string): Promise<void> {
    await this.detach();
    const path = this.storage.path(file);
    await this.files?.register(path);
    await this.conn.query(`ATTACH ${sqlLiteral(path)} AS ${db}`);
    this.attached = { file, datasetId };
  }

  /** Writes the kept database out, leaving a line in its log (see KEPT_LOG). */
  private async checkpoint(): Promise<void> {
    await this.conn.query(`CHECKPOINT ${db}`);
    await this.conn.query(`INSERT INTO ${KEPT_LOG} VALUES (now())`);
  }

  private async meta(): Promise<Record<string, string>> {
    const rows = (await this.conn.query(`SELECT key, value FROM ${db}.main.cc_meta`)).toArray() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]));
  }

  /** Detaches and removes the file in use (half written, incomplete or refused). */
  private async discard(): Promise<void> {
    const file = this.attached?.file;
    this.attached = undefined;
    this.keptWorking.clear();
    await this.conn.query(`DETACH DATABASE IF EXISTS ${db}`).catch(() => undefined);
    if (file === undefined) return;
    await this.files?.release(this.storage.path(file));
    await this.storage.remove(file).catch(() => undefined);
  }

  /** Removes the least recently used kept files so that, with `file`, at most KEPT_BUDGET remain. */
  private async removeBeyondBudget(file: string): Promise<void> {
    const others = (await this.storage.list()).filter((f) => f !== file);
    for (const old of others.slice(KEPT_BUDGET - 1)) await this.storage.remove(old);
  }
}

/** A person's reason for data not kept: the storage's own words where it gave some. */
function reasonOf(e: unknown): string {
  const message = duckErrorMessage(e);
  if (/quota|full|no space|not enough space/i.test(message) || (e instanceof DOMException && e.name === 'QuotaExceededError'))
    return "the browser's storage is full";
  if (/NoModificationAllowed|locked|access handle/i.test(message)) return 'the kept data is in use in another tab of this app';
  if (/SecurityError|not allowed|denied/i.test(message)) return 'the browser refuses its storage to this page (private browsing, or site data blocked)';
  return message.replace(/^Error: /, '');
}
