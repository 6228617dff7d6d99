import { tableToIPC } from 'apache-arrow';
import type { DuckConnection } from '../duckdb/connection';
import type { TableSource } from './dataset';
import type { DataModel } from '../../domain/data-model';
import { quoteIdent } from '../sql/quote';

/** The attached database that holds the background tables of the dataset in `schema`. */
export function storeOf(schema: string): string {
  return `${schema}_store`;
}

/** Attaches `name`, an in-memory database whose tables DuckDB keeps compressed. */
export async function attachCompressedStore(conn: DuckConnection, name: string): Promise<void> {
  await conn.query(`ATTACH ':memory:' AS ${quoteIdent(name)} (COMPRESS)`);
}

/**
 * Loads the large tables of a dataset after the engine is ready, one batch at a time, each batch
 * through `exclusive` so that counts can run between batches. Queries that read one of these
 * tables wait for it (`whenReady`); the others do not.
 *
 * The tables go into `store`, an in-memory database that DuckDB compresses as rows arrive
 * (see attachCompressedStore), and the dataset's schema gets a view of each: queries name the table as
 * any other and DuckDB reads through the view as if it were the table. Compressed, the large
 * tables of the 1M-profile dataset take about 100 MB instead of about 900 MB, and scans of them
 * are faster; appending costs more CPU, which is why the tables loaded before the engine is
 * ready (profiles and the small ones) are not compressed.
 */
export class BackgroundLoad {
  private readonly ready = new Map<string, Promise<void>>();
  private readonly done = new Set<string>();
  private cancelled = false;

  constructor(
    private readonly conn: DuckConnection,
    private readonly model: DataModel,
    private readonly schema: string,
    private readonly store: string,
    private readonly exclusive: <T>(fn: () => Promise<T>) => Promise<T>,
    private readonly onLoaded: (entity: string, rows: number) => void,
  ) {}

  /** Starts loading `sources` in order; returns at once. */
  start(sources: readonly TableSource[]): void {
    let previous: Promise<void> = Promise.resolve();
    for (const source of sources) {
      const p = previous.then(() => this.loadTable(source));
      // Rejections are reported to whoever waits for the table; none is left unhandled.
      p.catch(() => undefined);
      this.ready.set(source.entity, p);
      previous = p.catch(() => undefined);
    }
  }

  private async loadTable(source: TableSource): Promise<void> {
    const entity = this.model.entities.find((e) => e.name === source.entity);
    if (!entity) throw new Error(`table ${source.entity} is not an entity of the data model`);
    let rows = 0;
    let create = true;
    try {
      for (const batch of source.batches()) {
        if (this.cancelled) throw new Error('other data was loaded');
        const missing = entity.fields.filter((f) => !batch.schema.fields.some((c) => c.name === f.name));
        if (missing.length > 0) throw new Error(`table ${source.entity} lacks fields ${missing.map((f) => f.name).join(', ')}`);
        const bytes = tableToIPC(batch, 'stream');
        const first = create;
        await this.exclusive(() => this.conn.insertArrowIPC(bytes, { schema: this.store, name: source.entity, create: first }));
        create = false;
        rows += batch.numRows;
      }
      if (create) throw new Error(`table ${source.entity} has no batches`);
      const name = quoteIdent(source.entity);
      // Full row groups are compressed as they are appended; the checkpoint compresses the last one.
      await this.exclusive(() => this.conn.query(`CHECKPOINT ${quoteIdent(this.store)}`));
      await this.exclusive(() => this.conn.query(`CREATE VIEW ${quoteIdent(this.schema)}.${name} AS SELECT * FROM ${quoteIdent(this.store)}.${name}`));
    } catch (e) {
      throw new Error(`Loading ${entity.label || entity.name} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    this.done.add(source.entity);
    this.onLoaded(source.entity, rows);
  }

  /** Resolves when every one of `entities` that loads in the background is in; rejects if one failed. */
  async whenReady(entities: Iterable<string>): Promise<void> {
    await Promise.all([...entities].map((e) => this.ready.get(e)));
  }

  /** Entities still loading. */
  get loading(): string[] {
    return [...this.ready.keys()].filter((e) => !this.done.has(e));
  }

  /** Stops loading (other data replaces this dataset); the schema is dropped by the caller. */
  cancel(): void {
    this.cancelled = true;
  }
}
