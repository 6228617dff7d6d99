import { idRecord } from '../../domain/ids';
import type { EngineStateView, SavedAudienceRef } from '../../activities/compile-types';
import type { DuckConnection } from '../duckdb/connection';
import { duckErrorMessage } from '../duckdb/connection';
import { hash64 } from '../compile/hash';
import { quoteIdent, sqlLiteral } from '../sql/quote';
import { dialectOf } from '../sql/dialect';
import { tableToRows } from '../rows';
import { describeDataset } from './dataset-label';
import { keysToIPC } from './keys-ipc';
import type { DatasetStateRecord, PersistedAudience, StateStorage } from './state-storage';

import { AUDIENCE_SCHEMA, STATE_SCHEMA, createEntryTables, deleteAudienceEntry, deleteRunEntries, inSchema, readEntries, writeAudienceEntry, writeRunEntry } from './state-tables';

export { AUDIENCE_SCHEMA, STATE_SCHEMA } from './state-tables';

/** A saved audience, as listed by the engine. */
export interface SavedAudienceInfo extends SavedAudienceRef {
  /** Records saved. */
  count: number;
  /** ISO date-time of the last write. */
  savedAt: string;
}

/** One recorded run of a campaign. */
export interface RunRecord {
  campaignId: string;
  /** ISO date-time of the run. */
  runAt: string;
  /** High-water mark per activity that keeps one (Incremental query), ISO text; null when it has none yet. */
  marks: Record<string, string | null>;
  /** Dataset the campaign ran on: its marks are dates of that data. */
  datasetId?: string;
}

/** What restoring a dataset's kept state found. */
export interface RestoreOutcome {
  audiences: number;
  runs: number;
  /** Audiences that could not be restored, with the reason (their entries stay in storage). */
  problems: string[];
}

interface StoredAudience extends SavedAudienceInfo {
  keyColumn: string;
  /** Content fingerprint: an unchanged audience is not rewritten, so its readers keep their tables. */
  fingerprint: string;
}

/** A write the storage has not finished by then counts as failed, so that later writes still happen. */
const STORAGE_TIMEOUT_MS = 15_000;

function withTimeout<T>(write: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the browser storage did not answer within ${ms / 1000} s`)),
      ms,
    );
    write.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

const byDataset = (datasetId: string, name: string) => `${datasetId}\u0000${name}`;
const markKey = (datasetId: string, campaignId: string, activityId: string) =>
  `${datasetId}\u0000${campaignId}\u0000${activityId}`;

/**
 * What the engine keeps between computations: saved audiences and the run history, filed by
 * dataset because keys and dates are only meaningful for the data they came from. Both live in
 * DuckDB tables and are mirrored in memory, because compiling a campaign is synchronous and must
 * read them without a query. With a `StateStorage`, every change is also written there (keys as
 * Arrow IPC bytes), and `restore` brings a dataset's state back after a reload.
 */
export class EngineStore {
  private readonly audiences = new Map<string, StoredAudience>();
  private readonly marks = new Map<string, string>();
  private readonly runs: RunRecord[] = [];
  private readonly labels = new Map<string, string>();
  private created = false;
  /** Position of the next run in the database's run entries. */
  private nextRun = 0;
  private storage: StateStorage | undefined;
  private writes: Promise<void> = Promise.resolve();
  private writeProblem: string | undefined;

  /** Keeps every later change in `storage` too. */
  useStorage(storage: StateStorage): void {
    this.storage = storage;
  }

  /** How the dataset `id` is named in lists of audiences (defaults to one derived from its id). */
  setDatasetLabel(datasetId: string, label: string): void {
    this.labels.set(datasetId, label);
  }

  datasetLabel(datasetId: string): string {
    return this.labels.get(datasetId) ?? describeDataset(datasetId);
  }

  /** The read-only view handed to the compiler: the audiences and marks of `datasetId`. */
  view(datasetId: string): EngineStateView {
    return {
      datasetId,
      audience: (name) => {
        const a = this.audiences.get(byDataset(datasetId, name));
        return (
          a && {
            name: a.name,
            dimension: a.dimension,
            relation: a.relation,
            campaignId: a.campaignId,
            activityId: a.activityId,
            datasetId: a.datasetId,
          }
        );
      },
      runMark: (campaignId, activityId) => this.marks.get(markKey(datasetId, campaignId, activityId)),
    };
  }

  /** Saved audiences held by the engine (of `datasetId` only, when given), by name. */
  listAudiences(datasetId?: string): SavedAudienceInfo[] {
    return [...this.audiences.values()]
      .filter((a) => datasetId === undefined || a.datasetId === datasetId)
      .map(({ fingerprint: _f, keyColumn: _k, ...a }) => a)
      .sort((a, b) => a.name.localeCompare(b.name) || a.datasetId.localeCompare(b.datasetId));
  }

  /** Runs recorded for a campaign (on `datasetId` only, when given), oldest first. */
  listRuns(campaignId: string, datasetId?: string): RunRecord[] {
    return this.runs.filter(
      (r) => r.campaignId === campaignId && (datasetId === undefined || r.datasetId === datasetId),
    );
  }

  /** Resolves once every change so far reached the storage; the last failure, if any. */
  async written(): Promise<string | undefined> {
    await this.writes;
    return this.writeProblem;
  }

  /**
   * Queues a storage write; writes happen in order, a failure is kept for `written`. The promise
   * returned settles with this write (callers that must know it reached the storage await it).
   */
  private persist<T>(write: (storage: StateStorage) => Promise<T>): Promise<T | undefined> {
    const storage = this.storage;
    if (!storage) return Promise.resolve(undefined);
    const done = this.writes.then(() => withTimeout(write(storage), STORAGE_TIMEOUT_MS));
    this.writes = done.then(
      () => {
        this.writeProblem = undefined;
      },
      (e: unknown) => {
        this.writeProblem = `This browser could not keep the saved audiences and runs: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
    return done;
  }

  private async ensureTables(conn: DuckConnection): Promise<void> {
    if (this.created) return;
    await conn.query(dialectOf(conn).createSchema(inSchema(conn, AUDIENCE_SCHEMA), { ifNotExists: true }));
    await conn.query(
      dialectOf(conn).createTable(`${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.catalogue`, 'dataset_id VARCHAR, name VARCHAR, dimension VARCHAR, table_name VARCHAR, campaign_id VARCHAR, activity_id VARCHAR, record_count BIGINT, saved_at TIMESTAMP', ['dataset_id', 'name']),
    );
    await conn.query(dialectOf(conn).createSchema(inSchema(conn, STATE_SCHEMA), { ifNotExists: true }));
    await conn.query(
      dialectOf(conn).createTable(`${quoteIdent(inSchema(conn, STATE_SCHEMA))}.run_history`, 'dataset_id VARCHAR, campaign_id VARCHAR, activity_id VARCHAR, run_at TIMESTAMP, mark VARCHAR'),
    );
    await createEntryTables(conn);
    this.created = true;
  }

  /**
   * Reads back what the database keeps from earlier engines on it (a server restarted on the same
   * `--db` file or warehouse): its saved audiences whose records are still there, and its runs with
   * their high-water marks. Audiences and runs already held are left as they are.
   */
  async load(conn: DuckConnection): Promise<RestoreOutcome> {
    await this.ensureTables(conn);
    const kept = await readEntries(conn);
    const outcome: RestoreOutcome = { audiences: 0, runs: 0, problems: kept.problems };
    for (const a of kept.audiences) {
      if (this.audiences.has(byDataset(a.datasetId, a.name))) continue;
      this.audiences.set(byDataset(a.datasetId, a.name), a);
      outcome.audiences++;
    }
    for (const run of kept.runs) {
      this.remember(run);
      outcome.runs++;
    }
    this.nextRun = Math.max(this.nextRun, kept.nextPosition);
    return outcome;
  }

  /** Records an audience in the catalogue table and in memory. */
  private async catalogue(conn: DuckConnection, a: StoredAudience, tableName: string): Promise<void> {
    const catalogue = `${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.catalogue`;
    await conn.query(
      `DELETE FROM ${catalogue} WHERE dataset_id = ${sqlLiteral(a.datasetId)} AND name = ${sqlLiteral(a.name)}`,
    );
    await conn.query(
      `INSERT INTO ${catalogue} VALUES (${[a.datasetId, a.name, a.dimension, tableName, a.campaignId, a.activityId].map(sqlLiteral).join(', ')}, ${a.count}, ${dialectOf(conn).timestamp(a.savedAt.slice(0, 19))})`,
    );
    await writeAudienceEntry(conn, a);
    this.audiences.set(byDataset(a.datasetId, a.name), a);
  }

  /**
   * Overwrites the audience `name` of the dataset with the distinct keys of `sourceTable`. Its table
   * is named by the content's fingerprint: when the content did not change nothing is written, so
   * campaigns reading the audience keep their working tables.
   */
  async saveAudience(
    conn: DuckConnection,
    a: {
      name: string;
      dimension: string;
      keyColumn: string;
      sourceTable: string;
      campaignId: string;
      activityId: string;
      datasetId: string;
    },
  ): Promise<void> {
    await this.ensureTables(conn);
    const key = quoteIdent(a.keyColumn);
    const source = quoteIdent(a.sourceTable);
    // One pass over the distinct keys (about twice as fast as two DISTINCT aggregates, same values).
    const fp = await conn.query(
      `SELECT count(*)::DOUBLE AS n, CAST(coalesce(${dialectOf(conn).xorHash(key)}, 0) AS VARCHAR) AS h FROM (SELECT DISTINCT ${key} FROM ${source})`,
    );
    const row = tableToRows(fp)[0]!;
    const fingerprint = `${a.dimension}:${String(row.n)}:${String(row.h)}:${a.datasetId}`;
    const previous = this.audiences.get(byDataset(a.datasetId, a.name));
    const label = this.datasetLabel(a.datasetId);
    if (previous && previous.fingerprint === fingerprint) {
      if (previous.campaignId === a.campaignId && previous.activityId === a.activityId) return;
      const moved = { ...previous, campaignId: a.campaignId, activityId: a.activityId };
      await writeAudienceEntry(conn, moved);
      this.audiences.set(byDataset(a.datasetId, a.name), moved);
      void this.persist((s) => s.putAudience(a.datasetId, label, persisted(moved), undefined));
      return;
    }
    const tableName = `a_${hash64(`${a.datasetId}\u0000${a.name}`)}_${hash64(fingerprint)}`;
    const relation = `${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.${quoteIdent(tableName)}`;
    await conn.query(dialectOf(conn).createTableAs(relation, `SELECT DISTINCT ${key} FROM ${source}`, { replace: true }));
    if (previous && previous.relation !== relation)
      await conn.query(`DROP TABLE IF EXISTS ${previous.relation}`);
    const stored: StoredAudience = {
      name: a.name,
      dimension: a.dimension,
      relation,
      campaignId: a.campaignId,
      activityId: a.activityId,
      datasetId: a.datasetId,
      count: Number(row.n),
      savedAt: new Date().toISOString(),
      keyColumn: a.keyColumn,
      fingerprint,
    };
    await this.catalogue(conn, stored, tableName);
    if (this.storage) {
      // One column of keys as Arrow IPC: 4 or 8 bytes a record for numeric keys.
      const keys = keysToIPC(await conn.query(`SELECT ${key} FROM ${relation}`), a.keyColumn);
      void this.persist((s) => s.putAudience(a.datasetId, label, persisted(stored), keys));
    }
  }

  /**
   * Records a run of a campaign on a dataset. An activity whose mark is null (it returned nothing)
   * keeps the mark of its previous run, so that records are never skipped.
   */
  async recordRun(
    conn: DuckConnection,
    campaignId: string,
    runAt: string,
    marks: Record<string, string | null>,
    datasetId = '',
  ): Promise<RunRecord> {
    await this.ensureTables(conn);
    const kept = idRecord<string | null>();
    for (const [activityId, mark] of Object.entries(marks))
      kept[activityId] = mark ?? this.marks.get(markKey(datasetId, campaignId, activityId)) ?? null;
    const record: RunRecord = { campaignId, runAt, marks: kept, datasetId };
    await this.insertRun(conn, record);
    void this.persist((s) => s.putRun(datasetId, this.datasetLabel(datasetId), record));
    return record;
  }

  /**
   * Deletes the saved audience `name` of a dataset: its table and catalogue entry, and what the
   * storage keeps of it (also when this engine never held it: saved from other data, or by another
   * tab). Resolves once the storage no longer has it, and throws when it could not be removed there.
   * Returns whether there was such an audience.
   */
  async deleteAudience(conn: DuckConnection, datasetId: string, name: string): Promise<boolean> {
    const held = this.audiences.get(byDataset(datasetId, name));
    if (held) {
      await this.ensureTables(conn);
      this.audiences.delete(byDataset(datasetId, name));
      await conn.query(
        `DELETE FROM ${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.catalogue WHERE dataset_id = ${sqlLiteral(datasetId)} AND name = ${sqlLiteral(name)}`,
      );
      await deleteAudienceEntry(conn, datasetId, name);
      await conn.query(`DROP TABLE IF EXISTS ${held.relation}`);
    }
    const stored = await this.persist((s) => s.deleteAudience(datasetId, name));
    return held !== undefined || stored === true;
  }

  /**
   * Clears the run history of a campaign on a dataset: its runs and the high-water marks they left,
   * so that its incremental queries count every matching record again. Resolves once the storage no
   * longer has them (throws when they could not be removed there); returns how many runs there were.
   */
  async clearRuns(conn: DuckConnection, datasetId: string, campaignId: string): Promise<number> {
    await this.ensureTables(conn);
    const held = this.runs.filter((r) => r.campaignId === campaignId && (r.datasetId ?? '') === datasetId).length;
    for (let i = this.runs.length - 1; i >= 0; i--) {
      const r = this.runs[i]!;
      if (r.campaignId === campaignId && (r.datasetId ?? '') === datasetId) this.runs.splice(i, 1);
    }
    const prefix = markKey(datasetId, campaignId, '');
    for (const key of [...this.marks.keys()]) if (key.startsWith(prefix)) this.marks.delete(key);
    await conn.query(
      `DELETE FROM ${quoteIdent(inSchema(conn, STATE_SCHEMA))}.run_history WHERE dataset_id = ${sqlLiteral(datasetId)} AND campaign_id = ${sqlLiteral(campaignId)}`,
    );
    await deleteRunEntries(conn, datasetId, campaignId);
    const stored = await this.persist((s) => s.clearRuns(datasetId, campaignId));
    return Math.max(held, stored ?? 0);
  }

  private async insertRun(conn: DuckConnection, run: RunRecord): Promise<void> {
    const datasetId = run.datasetId ?? '';
    const at = dialectOf(conn).timestamp(run.runAt.slice(0, 19));
    const rows = Object.entries(run.marks).map(
      ([activityId, mark]) =>
        `(${[datasetId, run.campaignId, activityId].map(sqlLiteral).join(', ')}, ${at}, ${sqlLiteral(mark)})`,
    );
    if (rows.length === 0)
      rows.push(`(${sqlLiteral(datasetId)}, ${sqlLiteral(run.campaignId)}, NULL, ${at}, NULL)`);
    await conn.query(`INSERT INTO ${quoteIdent(inSchema(conn, STATE_SCHEMA))}.run_history VALUES ${rows.join(', ')}`);
    await writeRunEntry(conn, this.nextRun++, run);
    this.remember(run);
  }

  /** Holds a run and the high-water marks it left. */
  private remember(run: RunRecord): void {
    for (const [activityId, mark] of Object.entries(run.marks))
      if (mark !== null) this.marks.set(markKey(run.datasetId ?? '', run.campaignId, activityId), mark);
    this.runs.push(run);
  }

  /** What the storage keeps for `datasetId`, read once the writes already queued are done. */
  async storedRecord(datasetId: string): Promise<DatasetStateRecord | undefined> {
    const storage = this.storage;
    if (!storage) return undefined;
    await this.writes;
    return storage.record(datasetId);
  }

  /**
   * Brings back `record`, what the storage keeps for `datasetId` (see storedRecord): its saved
   * audiences (their keys into DuckDB tables) and its run history. Audiences and runs already held
   * are left as they are. An audience whose keys cannot be read is reported and stays in storage,
   * untouched.
   */
  async restore(conn: DuckConnection, datasetId: string, record: DatasetStateRecord): Promise<RestoreOutcome> {
    const outcome: RestoreOutcome = { audiences: 0, runs: 0, problems: [] };
    if (!this.storage) return outcome;
    await this.ensureTables(conn);
    if (!this.labels.has(datasetId)) this.labels.set(datasetId, record.datasetLabel);
    for (const a of record.audiences) {
      if (this.audiences.has(byDataset(datasetId, a.name))) continue;
      try {
        const bytes = await this.storage.audienceKeys(datasetId, a.name);
        if (!bytes) throw new Error('its records are missing from this browser’s storage');
        const tableName = `a_${hash64(`${datasetId}\u0000${a.name}`)}_${hash64(a.fingerprint)}`;
        await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.${quoteIdent(tableName)}`);
        await conn.insertArrowIPC(bytes, { schema: inSchema(conn, AUDIENCE_SCHEMA), name: tableName, create: true });
        await this.catalogue(
          conn,
          { ...a, relation: `${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.${quoteIdent(tableName)}` },
          tableName,
        );
        outcome.audiences++;
      } catch (e) {
        outcome.problems.push(`The saved audience "${a.name}" could not be restored: ${duckErrorMessage(e)}`);
      }
    }
    const known = new Set(this.runs.map((r) => `${r.datasetId ?? ''}\u0000${r.campaignId}\u0000${r.runAt}`));
    for (const run of record.runs) {
      if (known.has(`${datasetId}\u0000${run.campaignId}\u0000${run.runAt}`)) continue;
      await this.insertRun(conn, { ...run, datasetId });
      outcome.runs++;
    }
    return outcome;
  }
}

function persisted(a: StoredAudience): PersistedAudience {
  const { relation: _relation, ...rest } = a;
  return rest;
}
