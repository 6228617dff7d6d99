import type { EngineStateView, SavedAudienceRef } from '../../activities/compile-types';
import type { DuckConnection } from '../duckdb/connection';
import { hash64 } from '../compile/hash';
import { quoteIdent, sqlLiteral } from '../sql/quote';
import { tableToRows } from '../rows';

/** Schema of the saved audiences: one table of keys per audience, plus a catalogue. */
export const AUDIENCE_SCHEMA = 'audiences';
/** Schema of the run history. */
export const STATE_SCHEMA = 'campaign_state';

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
}

interface StoredAudience extends SavedAudienceInfo {
  /** Content fingerprint: an unchanged audience is not rewritten, so its readers keep their tables. */
  fingerprint: string;
}

/**
 * What the engine keeps between computations: saved audiences and the run history. Both live in
 * DuckDB tables (so a later persistence layer can export them) and are mirrored in memory, because
 * compiling a campaign is synchronous and must read them without a query.
 */
export class EngineStore {
  private readonly audiences = new Map<string, StoredAudience>();
  private readonly marks = new Map<string, string>();
  private readonly runs: RunRecord[] = [];
  private created = false;

  /** The read-only view handed to the compiler. */
  view(datasetId: string): EngineStateView {
    return {
      datasetId,
      audience: (name) => {
        const a = this.audiences.get(name);
        return a && { name: a.name, dimension: a.dimension, relation: a.relation, campaignId: a.campaignId, activityId: a.activityId, datasetId: a.datasetId };
      },
      runMark: (campaignId, activityId) => this.marks.get(markKey(campaignId, activityId)),
    };
  }

  /** Every saved audience, by name. */
  listAudiences(): SavedAudienceInfo[] {
    return [...this.audiences.values()]
      .map(({ fingerprint: _f, ...a }) => a)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Runs recorded for a campaign, oldest first. */
  listRuns(campaignId: string): RunRecord[] {
    return this.runs.filter((r) => r.campaignId === campaignId);
  }

  private async ensureTables(conn: DuckConnection): Promise<void> {
    if (this.created) return;
    await conn.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(AUDIENCE_SCHEMA)}`);
    await conn.query(
      `CREATE TABLE IF NOT EXISTS ${quoteIdent(AUDIENCE_SCHEMA)}.catalogue (name VARCHAR PRIMARY KEY, dimension VARCHAR, table_name VARCHAR, campaign_id VARCHAR, activity_id VARCHAR, dataset_id VARCHAR, record_count BIGINT, saved_at TIMESTAMP)`,
    );
    await conn.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(STATE_SCHEMA)}`);
    await conn.query(
      `CREATE TABLE IF NOT EXISTS ${quoteIdent(STATE_SCHEMA)}.run_history (campaign_id VARCHAR, activity_id VARCHAR, run_at TIMESTAMP, mark VARCHAR)`,
    );
    this.created = true;
  }

  /**
   * Overwrites the audience `name` with the distinct keys of `sourceTable`. Its table is named by
   * the content's fingerprint: when the content did not change nothing is written, so campaigns
   * reading the audience keep their working tables.
   */
  async saveAudience(
    conn: DuckConnection,
    a: { name: string; dimension: string; keyColumn: string; sourceTable: string; campaignId: string; activityId: string; datasetId: string },
  ): Promise<void> {
    await this.ensureTables(conn);
    const key = quoteIdent(a.keyColumn);
    const source = quoteIdent(a.sourceTable);
    const fp = await conn.query(`SELECT count(DISTINCT ${key})::DOUBLE AS n, coalesce(bit_xor(DISTINCT hash(${key})), 0)::VARCHAR AS h FROM ${source}`);
    const row = tableToRows(fp)[0]!;
    const fingerprint = `${a.dimension}:${String(row.n)}:${String(row.h)}:${a.datasetId}`;
    const previous = this.audiences.get(a.name);
    const savedAt = new Date().toISOString();
    if (previous && previous.fingerprint === fingerprint) {
      this.audiences.set(a.name, { ...previous, campaignId: a.campaignId, activityId: a.activityId });
      return;
    }
    const tableName = `a_${hash64(a.name)}_${hash64(fingerprint)}`;
    const relation = `${quoteIdent(AUDIENCE_SCHEMA)}.${quoteIdent(tableName)}`;
    await conn.query(`CREATE OR REPLACE TABLE ${relation} AS SELECT DISTINCT ${key} FROM ${source}`);
    if (previous && previous.relation !== relation) await conn.query(`DROP TABLE IF EXISTS ${previous.relation}`);
    const catalogue = `${quoteIdent(AUDIENCE_SCHEMA)}.catalogue`;
    await conn.query(`DELETE FROM ${catalogue} WHERE name = ${sqlLiteral(a.name)}`);
    await conn.query(
      `INSERT INTO ${catalogue} VALUES (${[a.name, a.dimension, tableName, a.campaignId, a.activityId, a.datasetId].map(sqlLiteral).join(', ')}, ${Number(row.n)}, ${sqlLiteral(savedAt.slice(0, 19))}::TIMESTAMP)`,
    );
    this.audiences.set(a.name, {
      name: a.name,
      dimension: a.dimension,
      relation,
      campaignId: a.campaignId,
      activityId: a.activityId,
      datasetId: a.datasetId,
      count: Number(row.n),
      savedAt,
      fingerprint,
    });
  }

  /**
   * Records a run of a campaign. An activity whose mark is null (it returned nothing) keeps the mark
   * of its previous run, so that records are never skipped.
   */
  async recordRun(conn: DuckConnection, campaignId: string, runAt: string, marks: Record<string, string | null>): Promise<RunRecord> {
    await this.ensureTables(conn);
    const kept: Record<string, string | null> = {};
    for (const [activityId, mark] of Object.entries(marks)) {
      const value = mark ?? this.marks.get(markKey(campaignId, activityId)) ?? null;
      kept[activityId] = value;
      if (value !== null) this.marks.set(markKey(campaignId, activityId), value);
    }
    const rows = Object.entries(kept).map(([activityId, mark]) => `(${[campaignId, activityId].map(sqlLiteral).join(', ')}, ${sqlLiteral(runAt.slice(0, 19))}::TIMESTAMP, ${sqlLiteral(mark)})`);
    if (rows.length === 0) rows.push(`(${sqlLiteral(campaignId)}, NULL, ${sqlLiteral(runAt.slice(0, 19))}::TIMESTAMP, NULL)`);
    await conn.query(`INSERT INTO ${quoteIdent(STATE_SCHEMA)}.run_history VALUES ${rows.join(', ')}`);
    const record = { campaignId, runAt, marks: kept };
    this.runs.push(record);
    return record;
  }
}

function markKey(campaignId: string, activityId: string): string {
  return `${campaignId}\u0000${activityId}`;
}
