import type { DuckConnection } from '../duckdb/connection';
import { dialectOf } from '../sql/dialect';
import { quoteIdent } from '../sql/quote';
import { tableToRows } from '../rows';
import type { RunRecord, SavedAudienceInfo } from './engine-store';

/**
 * The saved audiences and the run history as the database keeps them, whole, so that an engine
 * opened again on the same database (a server's `--db` file, a warehouse) finds them: one row per
 * audience (`audiences.entries`) and one per run (`campaign_state.runs`), each entry as JSON text.
 * The catalogue and run_history tables beside them are the same facts in columns, for people who
 * query the database; these are the ones read back.
 */

/** Schema of the saved audiences: one table of keys per audience, plus a catalogue. */
export const AUDIENCE_SCHEMA = 'audiences';
/** Schema of the run history. */
export const STATE_SCHEMA = 'campaign_state';

/**
 * A schema of the store on this connection. Where the state outlives the engine it has a prefix
 * of its own (`stateSchemaPrefix`: on a warehouse, that of the data); else that of the engine's
 * schemas, where engines share the database.
 */
export function inSchema(conn: DuckConnection, schema: string): string {
  return `${conn.stateSchemaPrefix ?? conn.schemaPrefix ?? ''}${schema}`;
}

/** A saved audience with what its entry keeps beside the listing. */
export interface KeptAudienceEntry extends SavedAudienceInfo {
  keyColumn: string;
  fingerprint: string;
}

const entries = (conn: DuckConnection) => `${quoteIdent(inSchema(conn, AUDIENCE_SCHEMA))}.entries`;
const runs = (conn: DuckConnection) => `${quoteIdent(inSchema(conn, STATE_SCHEMA))}.runs`;

/** Creates the entry tables (their schemas exist). */
export async function createEntryTables(conn: DuckConnection): Promise<void> {
  const d = dialectOf(conn);
  await conn.query(d.createTable(entries(conn), `dataset_id ${d.sqlType('string')}, name ${d.sqlType('string')}, entry ${d.sqlType('string')}`));
  await conn.query(d.createTable(runs(conn), `dataset_id ${d.sqlType('string')}, campaign_id ${d.sqlType('string')}, position ${d.sqlType('integer')}, entry ${d.sqlType('string')}`));
}

/** Writes (replaces) the entry of an audience. */
export async function writeAudienceEntry(conn: DuckConnection, a: KeptAudienceEntry): Promise<void> {
  const d = dialectOf(conn);
  await deleteAudienceEntry(conn, a.datasetId, a.name);
  await conn.query(`INSERT INTO ${entries(conn)} (dataset_id, name, entry) VALUES (${d.literal(a.datasetId)}, ${d.literal(a.name)}, ${d.literal(JSON.stringify(a))})`);
}

export async function deleteAudienceEntry(conn: DuckConnection, datasetId: string, name: string): Promise<void> {
  const d = dialectOf(conn);
  await conn.query(`DELETE FROM ${entries(conn)} WHERE dataset_id = ${d.literal(datasetId)} AND name = ${d.literal(name)}`);
}

/** Appends a run at `position` (runs are read back in that order). */
export async function writeRunEntry(conn: DuckConnection, position: number, run: RunRecord): Promise<void> {
  const d = dialectOf(conn);
  await conn.query(
    `INSERT INTO ${runs(conn)} (dataset_id, campaign_id, position, entry) VALUES (${d.literal(run.datasetId ?? '')}, ${d.literal(run.campaignId)}, ${position}, ${d.literal(JSON.stringify(run))})`,
  );
}

export async function deleteRunEntries(conn: DuckConnection, datasetId: string, campaignId: string): Promise<void> {
  const d = dialectOf(conn);
  await conn.query(`DELETE FROM ${runs(conn)} WHERE dataset_id = ${d.literal(datasetId)} AND campaign_id = ${d.literal(campaignId)}`);
}

/** What the database keeps: the audiences whose table of keys is still there, and the runs in order. */
export async function readEntries(conn: DuckConnection): Promise<{ audiences: KeptAudienceEntry[]; runs: RunRecord[]; nextPosition: number; problems: string[] }> {
  const audiences: KeptAudienceEntry[] = [];
  const problems: string[] = [];
  for (const row of tableToRows(await conn.query(`SELECT entry FROM ${entries(conn)} ORDER BY dataset_id, name`))) {
    const a = JSON.parse(String(row.entry)) as KeptAudienceEntry;
    try {
      await conn.query(`SELECT 1 FROM ${a.relation} LIMIT 0`);
      audiences.push(a);
    } catch {
      problems.push(`The saved audience "${a.name}" lost its records (${a.relation} is gone).`);
    }
  }
  const rows = tableToRows(await conn.query(`SELECT position, entry FROM ${runs(conn)} ORDER BY position`));
  const last = rows.length ? Number(rows[rows.length - 1]!.position) : -1;
  return { audiences, runs: rows.map((r) => JSON.parse(String(r.entry)) as RunRecord), nextPosition: last + 1, problems };
}
