import type { CampaignDoc } from '../domain/campaign';
import type { DataModel } from '../domain/data-model';
import { findEntity, findField } from '../domain/data-model';
import { indexGraph, upstreamOf } from '../domain/graph';
import type { DuckConnection } from './duckdb/connection';
import { duckErrorMessage } from './duckdb/connection';
import type { Dataset } from './data/dataset';
import { loadDatasetInto } from './data/load-dataset';
import { BackgroundLoad, attachCompressedStore, storeOf } from './data/background-load';
import { activitySql, compileCampaign } from './compile/compile-campaign';
import type { CampaignPlan, PlannedActivity, SkipReason } from './compile/compile-campaign';
import { quoteIdent } from './sql/quote';
import { dialectOf, type SqlDialect } from './sql/dialect';
import { recipientValuesSql } from './compile/recipient-values-sql';
import { tableToRows } from './rows';
import type { PlainRow } from './rows';
import { EngineStore } from './state/engine-store';
import { LEFT_OUT_OUTPUT, isAuxOutput } from '../activities/compile-types';
import type { SqlValue } from '../activities/compile-types';
import { idRecord } from '../domain/ids';
import type { RestoreOutcome, RunRecord, SavedAudienceInfo } from './state/engine-store';
import type { StateStorage } from './state/state-storage';
import type { ReportParams, ReportResult } from '../domain/report';
import { buildReport, ReportInputError, type ReportEnv } from './report/build-report';
import { reportStructure } from './report/report-relations';
import { linkedProbes, traceProbe, type ActivityProbe } from './trace/trace-probes';
import { traceRecord } from './trace/trace-record';
import { keyValue, searchSql, traceDimension } from './trace/trace-target';
import type { RecordMatch, RecordTrace } from './trace/trace-types';
import { channelEventTables, channelEventsSql, eventTableNames, rowsToCsv, stepColumns, stepRows, type EventTableName } from './simulation/event-tables';
import { docAtLaunch, runDrawSeed, runLog, runSignals, runTableName, runTotals, type KeptRun, type SimulatedRunResult } from './runs/simulated-run';
import { runReportPlan } from './runs/run-events';
import { KEPT_DB, type KeptData, type KeptDataset, type KeptWorkingTable } from './kept/kept-data';
import type { KeptStatus } from './kept/kept-keys';

/** The loaded data, as the engine describes it. */
export interface DatasetInfo {
  id: string;
  /** Changes with every load; part of every working table's hash. */
  version: string;
  model: DataModel;
  /** Rows per entity; an entity still loading in the background has none yet. */
  rowCounts: Record<string, number>;
  /** Entities still loading in the background (queries that read them wait). */
  loading?: string[];
  /** The model set no reference date: "today" is the day the data was imported (UTC). */
  referenceDateIsImportDay?: boolean;
  /** Whether the data is kept in the browser between visits (only where the engine can keep it). */
  kept?: KeptStatus;
}

/** Counts of every transition of a campaign, and the problems met on the way. */
export interface CountsResult {
  /** Exact record count per transition id; transitions that carry nothing are absent. */
  counts: Record<string, number>;
  /** Per activity id: why it could not compute (bad rule, failed query). */
  errors: Record<string, string>;
  /** Per activity id: why it produced nothing without being wrong (disabled, upstream...). */
  skipped: Record<string, SkipReason>;
  /** True when a newer counts request replaced this one before it finished. */
  superseded: boolean;
  /**
   * Records per output port of each computed activity, transition or not (e.g. the rejected lines
   * of a Load file). An output that emits nothing when empty shows 0 here and no transition count.
   * Under LEFT_OUT_OUTPUT: the records the activity leaves out, where it compiles that count.
   */
  outputs?: Record<string, Record<string, number>>;
  /**
   * Figures per activity id, by name (CompiledOutput.figures): a channel's targeted, excluded by
   * reason and to send while editing; with a simulation, also sent, delivered, opened, clicked...
   */
  figures?: Record<string, Record<string, number>>;
  /** Whether these counts come with a delivery simulation. */
  simulated?: boolean;
  elapsedMs: number;
}

/** Values of token paths for a channel's recipients (see Engine.recipientValues). */
export interface RecipientValues {
  /** One row per record, ordered by key: `__key`, then one column per path that names something. */
  rows: PlainRow[];
  /** Records the channel receives. */
  total: number;
  /** Offset of the first row (the one asked for, kept within the records). */
  offset: number;
}

/** A page of an event table of the simulation (Engine.events). */
export interface EventPage {
  columns: string[];
  rows: PlainRow[];
  total: number;
  /** The whole table as CSV, when asked for. */
  csv?: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface PreviewResult {
  columns: ColumnInfo[];
  rows: PlainRow[];
  /** Records in the working table (the rows are its first ones, by key). */
  total: number;
}

/** Thrown when the data asked for is not there (no dataset, unknown transition...). */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * Evaluates campaigns on DuckDB. Each activity output is materialised once as a temporary table
 * named by its content hash, so an edit recomputes only what is downstream of it; tables no
 * longer used by the latest campaign are dropped. DuckDB statements run one at a time (a single
 * connection), and a newer `counts` call makes an older one stop at its next statement.
 */
export class Engine {
  /** The data in use; `external` when it was loaded before and elsewhere (a warehouse), never dropped here. */
  private data: (DatasetInfo & { schema: string; external?: boolean }) | undefined;
  private background: BackgroundLoad | undefined;
  private loads = 0;
  private readonly rowCount = new Map<string, number>();
  /** Figures of activities (CompiledOutput.figures), by table and figures SQL; dropped with the table. */
  private readonly figuresCache = new Map<string, { table: string; values: Record<string, number> }>();
  /** Facts tables created (see SqlToolkit.facts); they live as long as a campaign reads them. */
  private readonly facts = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();
  private countsGeneration = 0;
  private readonly store = new EngineStore();
  /** Runs over a simulated schedule (see simulateRun), by run id, each with the tables it keeps. */
  private readonly keptRuns = new Map<string, KeptRun>();
  /** Per dataset and audience name: the working table, campaign and activity it was last saved from. */
  private readonly audienceSources = new Map<string, string>();

  /** Where the data in use is kept between visits (the browser's storage), when it can be. */
  private kept: KeptData | undefined;
  /** Working tables and facts read from the kept data: views, dropped as views. */
  private readonly keptViews = new Set<string>();
  /** The plan of the latest counts, whose tables are kept once the data is. */
  private lastPlan: CampaignPlan | undefined;
  /** The SQL dialect of the connection: the engine's own statements are written in it. */
  private readonly dialect: SqlDialect;

  constructor(private readonly conn: DuckConnection) {
    this.dialect = dialectOf(conn);
  }

  /** The loaded dataset, if any. */
  get dataset(): DatasetInfo | undefined {
    if (!this.data) return undefined;
    const { schema: _schema, external: _external, ...info } = this.data;
    const kept = this.kept?.status;
    return { ...info, rowCounts: { ...info.rowCounts }, loading: this.background?.loading ?? [], ...(kept ? { kept } : {}) };
  }

  /** Keeps the data loaded from now on, and the working tables of its counts, in `kept` (see kept/kept-data.ts). */
  keepDataIn(kept: KeptData): void {
    this.kept = kept;
  }

  /** Resolves once the kept data (tables, working tables) is written or given up. */
  keptWritten(): Promise<void> {
    return this.kept?.written() ?? Promise.resolve();
  }

  /** Drops a working table or facts table, which is a view when it was read from the kept data. */
  private async dropRelation(name: string): Promise<void> {
    const view = this.keptViews.delete(name);
    await this.conn.query(`DROP ${view ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteIdent(name)}`);
  }

  /** Runs `fn` alone on the connection: DuckDB statements never interleave. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined).finally(() => (this.lastStatementAt = performance.now()));
    return run;
  }

  /** When the last statement ended (see whenQuiet). */
  private lastStatementAt = 0;

  /**
   * Resolves once no statement has run for `quietMs`: the kept data is written when the counts of
   * the first visit are done, so that it never slows them.
   */
  private async whenQuiet(quietMs = 1500): Promise<void> {
    for (;;) {
      await this.tail;
      const quiet = performance.now() - this.lastStatementAt;
      if (quiet >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, quietMs - quiet));
    }
  }

  /**
   * Loads a dataset into a new schema and switches to it only once every table loaded; on failure
   * the data in use stays as it was and the error is rethrown. Tables marked `deferred` load after
   * the switch, in the background: queries that read them wait, the others run at once.
   */
  async loadDataset(dataset: Dataset, options: { keep?: boolean } = {}): Promise<DatasetInfo> {
    await this.kept?.release();
    const info = await this.exclusive(async () => {
      const seq = ++this.loads;
      const schema = `${this.conn.schemaPrefix ?? ''}ds_${seq}`;
      // A warehouse loads every table at once: the compressed background store is DuckDB's.
      const deferred = (t: Dataset['tables'][number]) => t.deferred === true && this.dialect.name === 'duckdb';
      const later = dataset.tables.filter(deferred);
      const now = { ...dataset, tables: dataset.tables.filter((t) => !deferred(t)) };
      const rowCounts = await loadDatasetInto(this.conn, now, schema, later.map((t) => t.entity));
      await this.switchTo(dataset, seq, schema, rowCounts);
      if (later.length > 0) {
        const store = storeOf(schema);
        await attachCompressedStore(this.conn, store);
        const background = new BackgroundLoad(this.conn, dataset.model, schema, store, (fn) => this.exclusive(fn), (entity, rows) => {
          if (this.data?.schema === schema) this.data.rowCounts[entity] = rows;
        });
        this.background = background;
        background.start(later);
      }
      return this.dataset!;
    });
    const kept = this.kept;
    if (!kept || options.keep === false) return info;
    const seq = Number(info.version.slice(info.version.lastIndexOf('#') + 1));
    const small = (rowCounts: Record<string, number>) => Object.values(rowCounts).reduce((a, b) => a + b, 0) < kept.minRows;
    if (!this.background && small(info.rowCounts)) {
      kept.status = { status: 'small' };
      return this.dataset!;
    }
    // Said in the answer: the Data screen follows it until it is kept.
    kept.willKeep();
    const keep = async () => {
      await this.whenQuiet();
      const data = this.data;
      if (data?.version !== info.version) return;
      if (small(data.rowCounts)) {
        kept.status = { status: 'small' };
        return;
      }
      // The working tables of counts computed while the data was being kept follow it.
      void kept.keep(dataset.id, data.schema, seq, { ...data.rowCounts }, (fn) => this.exclusive(fn)).then(() => {
        if (this.lastPlan && this.data?.version === info.version) this.keepWorking(this.lastPlan);
      });
    };
    // Kept once every table is in, in steps between the statements of the counts that ask meanwhile.
    const notLoaded = () => (kept.status = { status: 'not-kept', reason: 'a table of the data could not be loaded' });
    if (this.background) void this.background.whenReady(dataset.model.entities.map((e) => e.name)).then(keep, notLoaded);
    else void keep();
    return this.dataset!;
  }

  /**
   * Opens the data kept in the browser for `dataset` (kept/kept-data.ts): its schema's tables are
   * views of the kept tables, nothing is generated or loaded. The kept working tables and facts
   * come back as views under their names when the load sequence matches the one they were made in
   * (their names hash the dataset's version and schema): a name that matches is valid.
   */
  async reopenDataset(dataset: Dataset, kept: KeptDataset): Promise<DatasetInfo> {
    return this.exclusive(async () => {
      if (kept.seq > this.loads) this.loads = kept.seq - 1;
      const seq = ++this.loads;
      const schema = `ds_${seq}`;
      await this.conn.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
      for (const entity of dataset.model.entities)
        await this.conn.query(`CREATE VIEW ${quoteIdent(schema)}.${quoteIdent(entity.name)} AS SELECT * FROM ${quoteIdent(KEPT_DB)}.main.${quoteIdent(entity.name)}`);
      await this.switchTo(dataset, seq, schema, { ...kept.rowCounts });
      if (seq === kept.seq)
        for (const w of kept.working) {
          if (w.kind !== 'count') {
            await this.conn.query(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(w.name)} AS SELECT * FROM ${quoteIdent(KEPT_DB)}.main.${quoteIdent(w.name)}`);
            this.keptViews.add(w.name);
          }
          if (w.kind === 'facts') this.facts.add(w.name);
          else this.rowCount.set(w.name, w.rows);
        }
      return this.dataset!;
    });
  }

  /** Makes `schema` the data in use, then drops the previous data and every working table. */
  private async switchTo(dataset: Dataset, seq: number, schema: string, rowCounts: Record<string, number>): Promise<void> {
    const previous = this.data;
    this.data = {
      id: dataset.id,
      version: `${dataset.id}#${seq}`,
      model: dataset.model,
      rowCounts,
      schema,
      ...(dataset.referenceDateIsImportDay ? { referenceDateIsImportDay: true } : {}),
    };
    this.background?.cancel();
    this.background = undefined;
    for (const table of [...this.rowCount.keys(), ...this.facts]) await this.dropRelation(table);
    this.rowCount.clear();
    this.facts.clear();
    this.lastPlan = undefined;
    if (previous && !previous.external) {
      // The old schema's views first, then the store they read (when its data had one).
      await this.conn.query(this.dialect.dropSchema(previous.schema));
      if (this.dialect.name === 'duckdb') await this.conn.query(`DETACH DATABASE IF EXISTS ${quoteIdent(storeOf(previous.schema))}`);
    }
  }

  /**
   * Computes on data already in the database (a data model's tables that `campaign load` wrote
   * into a warehouse, in `schema`): nothing is loaded, and the tables are never dropped.
   */
  async useLoadedData(data: { id: string; model: DataModel; schema: string }): Promise<DatasetInfo> {
    return this.exclusive(async () => {
      const rowCounts = Object.create(null) as Record<string, number>;
      for (const e of data.model.entities) {
        const t = await this.conn.query(`SELECT count(*) AS n FROM ${quoteIdent(data.schema)}.${quoteIdent(e.name)}`);
        rowCounts[e.name] = Number(tableToRows(t)[0]?.n ?? 0);
      }
      this.background?.cancel();
      this.background = undefined;
      for (const table of [...this.rowCount.keys(), ...this.facts]) await this.dropRelation(table);
      this.rowCount.clear();
        this.facts.clear();
      this.lastPlan = undefined;
      this.data = { id: data.id, version: `${data.id}#${++this.loads}`, model: data.model, rowCounts, schema: data.schema, external: true };
      return this.dataset!;
    });
  }

  private requireData(): DatasetInfo & { schema: string } {
    if (!this.data) throw new EngineError('No data is loaded yet.');
    return this.data;
  }

  /** Compiles a campaign against the loaded data (no query runs); `simulate` plans delivery too. */
  compile(doc: CampaignDoc, options: { simulate?: boolean } = {}): CampaignPlan {
    const data = this.requireData();
    return compileCampaign(doc, { model: data.model, dataSchema: data.schema, dialect: this.dialect, dataVersion: data.version, state: this.store.view(data.id), simulate: options.simulate === true });
  }

  /** The SQL of every activity that compiles, by activity id (the code view). */
  sql(doc: CampaignDoc): { sql: Record<string, string>; errors: Record<string, string> } {
    const plan = this.compile(doc);
    const sql = idRecord<string>();
    for (const step of plan.steps) sql[step.activityId] = activitySql(plan, step.activityId, this.dialect) ?? '';
    return { sql, errors: idRecord(plan.errors) };
  }

  /**
   * Materialises the given steps (all when `only` is absent), reusing tables already there.
   * Returns false when `stillWanted` turned false before the end.
   */
  private async materialise(plan: CampaignPlan, errors: Record<string, string>, skipped: Record<string, SkipReason>, stillWanted: () => boolean, only?: Set<string>): Promise<boolean> {
    const failed = new Set<string>();
    const notEmitted = this.notEmitted(plan);
    // Activities that did not run: what follows them does not run either, also when it shares
    // their input's table (an And-join whose other branch is not emitted passes nothing on).
    const stopped = new Set<string>();
    const steps = plan.steps.filter((step) => !only || only.has(step.activityId));
    // First the steps whose data is loaded, while the large tables still load in the background;
    // then, in order, those that read a table still loading and what follows them. The engine
    // computes instead of waiting, and every count is the same as in one pass in order.
    const loading = new Set(this.background?.loading ?? []);
    const waiting = new Set<string>();
    const later: PlannedActivity[] = [];
    for (const step of steps) {
      if (step.tables.some((e) => loading.has(e)) || step.inputs.some((t) => waiting.has(t))) {
        later.push(step);
        step.outputs.forEach((o) => waiting.add(o.table));
        continue;
      }
      if (!(await this.materialiseStep(step, { failed, stopped, notEmitted }, errors, skipped, stillWanted))) return false;
    }
    for (const step of later) if (!(await this.materialiseStep(step, { failed, stopped, notEmitted }, errors, skipped, stillWanted))) return false;
    return true;
  }

  /** Materialises one step, or records why it cannot run; false when `stillWanted` turned false. */
  private async materialiseStep(
    step: PlannedActivity,
    { failed, stopped, notEmitted }: { failed: Set<string>; stopped: Set<string>; notEmitted: (table: string) => boolean },
    errors: Record<string, string>,
    skipped: Record<string, SkipReason>,
    stillWanted: () => boolean,
  ): Promise<boolean> {
    if (!stillWanted()) return false;
    // An activity with several inputs runs only when every input has records to carry.
    if (step.sources.some((a) => stopped.has(a)) || step.inputs.some((t) => failed.has(t) || !this.rowCount.has(t) || notEmitted(t))) {
      skipped[step.activityId] = 'upstream';
      stopped.add(step.activityId);
      step.outputs.forEach((o) => failed.add(o.table));
      return true;
    }
    if (this.background && step.tables.length > 0) {
      try {
        await this.background.whenReady(step.tables);
      } catch (e) {
        errors[step.activityId] = e instanceof Error ? e.message : String(e);
        stopped.add(step.activityId);
        step.outputs.forEach((o) => failed.add(o.table));
        return true;
      }
      if (!stillWanted()) return false;
    }
    const error = await this.exclusive(() => this.runStep(step));
    if (error !== undefined) {
      errors[step.activityId] = error;
      stopped.add(step.activityId);
      step.outputs.forEach((o) => failed.add(o.table));
    }
    return true;
  }

  /** Whether a table is an empty output that emits no transition (a Split subset that skips when empty). */
  private notEmitted(plan: CampaignPlan): (table: string) => boolean {
    const skipping = new Set(plan.steps.flatMap((s) => s.outputs.filter((o) => o.skipWhenEmpty).map((o) => o.table)));
    return (table) => skipping.has(table) && this.rowCount.get(table) === 0;
  }

  /** Creates and counts the step's tables; returns DuckDB's message when a query fails. */
  private async runStep(step: PlannedActivity): Promise<string | undefined> {
    const created: string[] = [];
    try {
      for (const f of step.facts) {
        if (this.facts.has(f.table)) continue;
        await this.conn.query(this.dialect.createTableAs(quoteIdent(f.table), f.sql, { replace: true, temporary: true }));
        this.facts.add(f.table);
      }
      for (const out of step.outputs) {
        if (out.sameAs || this.rowCount.has(out.table)) continue;
        if (out.countOnly) {
          // Records the activity leaves out: only their number is wanted, no table is kept.
          const left = (await this.conn.query(`SELECT count(*)::DOUBLE AS n FROM (\n${out.sql}\n) AS left_out`)).toArray()[0]!.n;
          this.rowCount.set(out.table, Number(left));
          created.push(out.table);
          continue;
        }
        // CREATE TABLE AS answers with the number of rows it wrote: no second scan to count them.
        const made = await this.conn.query(this.dialect.createTableAs(quoteIdent(out.table), out.sql, { replace: true, temporary: true }));
        created.push(out.table);
        let count: unknown = made.toArray()[0]?.Count;
        if (count === undefined) count = (await this.conn.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(out.table)}`)).toArray()[0]!.n;
        this.rowCount.set(out.table, Number(count));
      }
      return undefined;
    } catch (e) {
      for (const t of created) {
        this.rowCount.delete(t);
        await this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(t)}`).catch(() => undefined);
      }
      return duckErrorMessage(e);
    }
  }

  /**
   * Exact counts of every transition. A bad rule or a failing query is reported on its activity;
   * everything that does not depend on it is still counted.
   */
  async counts(doc: CampaignDoc, options: { simulate?: boolean } = {}): Promise<CountsResult> {
    return this.compute(doc, false, options.simulate === true);
  }

  /**
   * Computes the campaign's counts; with `run`, also writes the audiences its Save audience
   * activities save. Counting a campaign being edited changes no saved state: only a run writes.
   */
  private async compute(doc: CampaignDoc, run: boolean, simulate = false): Promise<CountsResult> {
    const started = performance.now();
    const generation = ++this.countsGeneration;
    const plan = this.compile(doc, { simulate });
    const errors = idRecord(plan.errors);
    const skipped = idRecord(plan.skipped);
    const done = await this.materialise(plan, errors, skipped, () => generation === this.countsGeneration);
    const counts = idRecord<number>();
    const outputs = idRecord<Record<string, number>>();
    const figures = idRecord<Record<string, number>>();
    if (done) {
      const notEmitted = this.notEmitted(plan);
      // A pass-through that did not run shares a table that has a count: it still carries nothing.
      const ran = (activityId: string) => !errors[activityId] && !skipped[activityId];
      const sourceOf = new Map(doc.transitions.map((t) => [t.id, t.source.activityId]));
      for (const [transitionId, table] of Object.entries(plan.transitions)) {
        const n = this.rowCount.get(table);
        if (n !== undefined && !notEmitted(table) && ran(sourceOf.get(transitionId)!)) counts[transitionId] = n;
      }
      for (const step of plan.steps)
        for (const o of step.outputs) {
          const n = this.rowCount.get(o.table);
          if (n !== undefined && ran(step.activityId) && (!isAuxOutput(o.port) || o.port === LEFT_OUT_OUTPUT)) (outputs[step.activityId] ??= idRecord())[o.port] = n;
        }
      for (const step of plan.steps) {
        if (errors[step.activityId] || skipped[step.activityId]) continue;
        for (const o of step.outputs) {
          if (o.figures === undefined || !this.rowCount.has(o.table)) continue;
          const values = await this.exclusive(() => this.figuresOf(o.table, o.figures!));
          if (typeof values === 'string') errors[step.activityId] = values;
          else Object.assign((figures[step.activityId] ??= idRecord()), values);
        }
      }
      if (run) await this.exclusive(() => this.saveAudiences(doc, plan, errors));
      // Only the latest computation clears what it does not use: a newer one that started while
      // this one finished may already have made tables this plan does not know (another variable
      // of a Test), which would be dropped under it, leaving its activities without counts.
      if (generation === this.countsGeneration) await this.exclusive(() => this.dropUnused(plan));
      if (generation === this.countsGeneration && !simulate) {
        this.lastPlan = plan;
        this.keepWorking(plan);
      }
    }
    return { counts, errors, skipped, superseded: !done, elapsedMs: performance.now() - started, outputs, figures, simulated: plan.simulated };
  }

  /**
   * Writes the audiences the campaign saves, when it runs (recordRun); counts alone only say how
   * many records each would hold. See docs/activities.md (Save audience).
   */
  private async saveAudiences(doc: CampaignDoc, plan: CampaignPlan, errors: Record<string, string>): Promise<void> {
    const data = this.requireData();
    for (const step of plan.steps)
      for (const o of step.outputs) {
        if (o.saveAudience === undefined || !this.rowCount.has(o.table)) continue;
        const entity = findEntity(data.model, o.dimension);
        if (!entity) continue;
        // The audience was last written from this very working table: it already holds it.
        const written = `${data.id}\u0000${o.saveAudience}`;
        if (this.audienceSources.get(written) === `${o.table}\u0000${doc.id}\u0000${step.activityId}`) continue;
        try {
          await this.store.saveAudience(this.conn, {
            name: o.saveAudience,
            dimension: o.dimension,
            keyColumn: entity.primaryKey,
            sourceTable: o.table,
            campaignId: doc.id,
            activityId: step.activityId,
            datasetId: data.id,
          });
          this.audienceSources.set(written, `${o.table}\u0000${doc.id}\u0000${step.activityId}`);
        } catch (e) {
          this.audienceSources.delete(written);
          errors[step.activityId] = `Could not save the audience: ${duckErrorMessage(e)}`;
        }
      }
  }

  /**
   * Records a run of the campaign: computes it and writes its saved audiences, then stores
   * in the run history the high-water mark of each activity that keeps one, so that an Incremental
   * query returns only newer records at the next run. `runAt` is an ISO date-time (now by default).
   */
  async recordRun(doc: CampaignDoc, runAt: string = new Date().toISOString()): Promise<RunRecord & { result: CountsResult }> {
    // A counts request arriving meanwhile supersedes this computation; the run needs a complete one.
    let result = await this.compute(doc, true);
    for (let attempt = 0; result.superseded && attempt < 3; attempt++) result = await this.compute(doc, true);
    if (result.superseded) throw new EngineError('The campaign was being recomputed: record the run again.');
    const plan = this.compile(doc);
    const marks = idRecord<string | null>();
    for (const step of plan.steps)
      for (const o of step.outputs) {
        // The mark reads the data, not the working table, which a concurrent computation may have dropped.
        if (o.runMark === undefined || result.errors[step.activityId] || result.skipped[step.activityId]) continue;
        const t = await this.exclusive(() => this.conn.query(o.runMark!));
        const mark = tableToRows(t)[0]?.mark;
        marks[step.activityId] = mark === null || mark === undefined ? null : String(mark);
      }
    const datasetId = this.requireData().id;
    const record = await this.exclusive(() => this.store.recordRun(this.conn, doc.id, runAt, marks, datasetId));
    return { ...record, result };
  }

  /**
   * Runs the campaign at a simulated launch (`YYYY-MM-DD HH:MM`), as one run `runId` of its
   * schedule (docs/lifecycle.md#runs): the same compiler, SQL and simulator as the live simulation,
   * carrying over what the runs of the same campaign launched before it left (in launch order): an
   * Incremental query reads the records dated after the previous launch, capping and fatigue count
   * their sends, the denylist holds what their feedback taught; Save audience overwrites its
   * audience. Its event tables are copied into tables of the run's own; the working tables it made
   * are dropped, the draft's are left as they were. Running an id again replaces that run.
   */
  async simulateRun(doc: CampaignDoc, runId: string, launch: string): Promise<SimulatedRunResult> {
    const started = performance.now();
    const data = this.requireData();
    const stamp = `${launch.trim().replace('T', ' ').slice(0, 16)}:00`;
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/.test(stamp)) throw new EngineError(`The launch "${launch}" is not a date and time (YYYY-MM-DD HH:MM).`);
    await this.removeSimulatedRun(runId);
    const earlier = [...this.keptRuns.values()].filter((r) => r.campaignId === doc.id && r.launch < stamp).sort((a, b) => a.launch.localeCompare(b.launch));
    const runDoc = docAtLaunch(doc, stamp);
    const previous = earlier.at(-1);
    const plan = compileCampaign(runDoc, {
      model: data.model,
      dataSchema: data.schema,
      dialect: this.dialect,
      dataVersion: data.version,
      state: this.store.view(data.id),
      simulate: true,
      run: { priorChannels: earlier.flatMap((r) => r.channels), drawSeed: runDrawSeed(doc.settings.seed, stamp), ...(previous ? { previousLaunch: previous.launch } : {}) },
    });
    const before = new Set(this.rowCount.keys());
    const errors = idRecord(plan.errors);
    const skipped = idRecord(plan.skipped);
    const made: string[] = [];
    try {
      await this.materialise(plan, errors, skipped, () => true);
      const figures = idRecord<Record<string, number>>();
      for (const step of plan.steps) {
        if (errors[step.activityId] || skipped[step.activityId]) continue;
        for (const o of step.outputs) {
          if (o.figures === undefined || !this.rowCount.has(o.table)) continue;
          const values = await this.exclusive(() => this.figuresOf(o.table, o.figures!));
          if (typeof values === 'string') errors[step.activityId] = values;
          else Object.assign((figures[step.activityId] ??= idRecord()), values);
        }
      }
      const byId = new Map(doc.activities.map((a) => [a.id, a]));
      const channels: KeptRun['channels'] = [];
      for (const step of plan.steps) {
        if (errors[step.activityId] || skipped[step.activityId]) continue;
        const kept: Record<string, string> = {};
        let dimension: string | undefined;
        for (const o of step.outputs) {
          if (!['@deliveries', '@feedback', '@tracking'].includes(o.port) || !this.rowCount.has(o.table)) continue;
          const name = runTableName(runId, `${step.activityId}\u0000${o.port}`);
          await this.exclusive(() => this.conn.query(this.dialect.createTableAs(quoteIdent(name), `SELECT * FROM ${quoteIdent(o.table)}`, { replace: true })));
          made.push(name);
          kept[o.port] = quoteIdent(name);
          dimension = o.dimension;
        }
        if (kept['@deliveries'] === undefined) continue;
        const activity = byId.get(step.activityId)!;
        channels.push({
          activityId: `${runId}/${step.activityId}`,
          sourceActivityId: step.activityId,
          label: activity.label,
          type: activity.type,
          start: step.start,
          deliveries: kept['@deliveries'],
          ...(dimension ? { dimension } : {}),
          ...(kept['@feedback'] ? { feedback: kept['@feedback'] } : {}),
          ...(kept['@tracking'] ? { tracking: kept['@tracking'] } : {}),
        });
      }
      await this.exclusive(() => this.saveAudiences(runDoc, plan, errors));
      const audiences: Record<string, number> = {};
      for (const step of plan.steps)
        for (const o of step.outputs) if (o.saveAudience !== undefined && this.rowCount.has(o.table) && !errors[step.activityId]) audiences[o.saveAudience] = this.rowCount.get(o.table)!;
      const channelFigures = idRecord<Record<string, number>>();
      for (const c of channels) if (figures[c.sourceActivityId]) channelFigures[c.sourceActivityId] = figures[c.sourceActivityId]!;
      const steps = stepRows(runDoc, plan, (t) => this.rowCount.get(t));
      const failed = doc.activities.filter((a) => errors[a.id]).map((a) => ({ activityId: a.id, label: a.label, type: a.type }));
      const result: SimulatedRunResult = {
        runId,
        campaignId: doc.id,
        launch: stamp.slice(0, 16).replace(' ', 'T'),
        totals: runTotals(channelFigures),
        figures: channelFigures,
        log: runLog(steps, errors, figures, failed),
        signals: runSignals(
          doc,
          (id) => (errors[id] || skipped[id] ? undefined : plan.steps.find((s) => s.activityId === id)?.end),
          (t) => {
            const table = plan.transitions[t];
            return table === undefined || plan.skipped[doc.transitions.find((x) => x.id === t)?.source.activityId ?? ''] ? undefined : this.rowCount.get(table);
          },
        ),
        audiences,
        elapsedMs: performance.now() - started,
      };
      this.keptRuns.set(runId, { runId, campaignId: doc.id, launch: stamp, channels, tables: made, result });
      return result;
    } catch (e) {
      for (const t of made) await this.exclusive(() => this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(t)}`)).catch(() => undefined);
      throw e;
    } finally {
      // The working tables this run made are not the draft's: drop them (the draft's stay).
      await this.exclusive(async () => {
        for (const table of [...this.rowCount.keys()]) {
          if (before.has(table)) continue;
          this.rowCount.delete(table);
          for (const [key, f] of this.figuresCache) if (f.table === table) this.figuresCache.delete(key);
          await this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
        }
      });
    }
  }

  /** The runs over a simulated schedule the engine keeps for a campaign, in launch order. */
  simulatedRuns(campaignId: string): SimulatedRunResult[] {
    return [...this.keptRuns.values()].filter((r) => r.campaignId === campaignId).sort((a, b) => a.launch.localeCompare(b.launch)).map((r) => r.result);
  }

  /** Removes a run and its event tables; false when the engine kept no such run. */
  async removeSimulatedRun(runId: string): Promise<boolean> {
    const run = this.keptRuns.get(runId);
    if (!run) return false;
    this.keptRuns.delete(runId);
    for (const t of run.tables) await this.exclusive(() => this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(t)}`));
    return true;
  }

  private keptRun(runId: string): KeptRun {
    const run = this.keptRuns.get(runId);
    if (!run) throw new EngineError(`There is no run ${runId} in the engine; run it again.`);
    return run;
  }

  /** One event table of a run (feedback, tracking, steps), paged as `events` pages the live one. */
  /** Relations with their column names, so that a warehouse without `UNION BY NAME` matches the columns of event tables by name too. */
  private async withColumns(relations: string[]): Promise<{ from: string; columns: string[] }[]> {
    const out = [];
    for (const from of relations) {
      const described = await this.exclusive(() => this.conn.query(`DESCRIBE ${from}`));
      out.push({ from, columns: tableToRows(described).map((r) => this.dialect.describedColumn(r).name) });
    }
    return out;
  }

  async simulatedRunEvents(runId: string, name: EventTableName, page: { offset?: number; limit?: number; csv?: boolean } = {}): Promise<EventPage> {
    if (!eventTableNames.includes(name)) throw new EngineError(`There is no event table ${String(name)}.`);
    const run = this.keptRun(runId);
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.max(0, Math.min(1000, Math.floor(page.limit ?? 1000)));
    if (name === 'steps') {
      const rows = run.result.log.filter((l) => l.start !== '').map((l) => ({ activity_id: l.activityId, label: l.label, type: l.type, records_in: l.recordsIn, records_out: l.recordsOut, start: l.start, end: l.end }));
      return { columns: [...stepColumns], rows: rows.slice(offset, offset + limit), total: rows.length, ...(page.csv ? { csv: rowsToCsv(stepColumns, rows) } : {}) };
    }
    const relations = run.channels.map((c) => (name === 'feedback' ? c.feedback : c.tracking)).filter((t): t is string => t !== undefined);
    const sql = channelEventsSql(this.dialect, await this.withColumns(relations), name);
    if (sql === undefined) return { columns: [], rows: [], total: 0, ...(page.csv ? { csv: '' } : {}) };
    const total = Number(tableToRows(await this.exclusive(() => this.conn.query(`SELECT count(*) AS n FROM (${sql})`)))[0]?.n ?? 0);
    const pageRows = await this.exclusive(() => this.conn.query(`${sql} LIMIT ${limit} OFFSET ${offset}`));
    const columns = pageRows.schema.fields.map((f) => f.name);
    const csv = page.csv ? rowsToCsv(columns, tableToRows(await this.exclusive(() => this.conn.query(sql)))) : undefined;
    return { columns, rows: tableToRows(pageRows), total, ...(csv !== undefined ? { csv } : {}) };
  }

  /**
   * The report of one run, or across several (`runIds`): the report engine of `report`, reading the
   * runs' kept feedback and tracking (message ids prefixed by the run id when several are read, so
   * that the same person's messages of two runs count twice). Split branches are not broken down.
   */
  async simulatedRunReport(doc: CampaignDoc, runIds: string[], params: ReportParams = {}): Promise<ReportResult> {
    if (runIds.length === 0) throw new EngineError('Choose at least one run for the report.');
    const runs = runIds.map((id) => this.keptRun(id)).sort((a, b) => a.launch.localeCompare(b.launch));
    const data = this.requireData();
    const base = this.compile(docAtLaunch(doc, runs[0]!.launch), { simulate: true });
    const { plan, tables } = runReportPlan(base, runs);
    for (const [name, sql] of tables) await this.exclusive(() => this.conn.query(this.dialect.createTableAs(quoteIdent(name), sql, { replace: true, temporary: true })));
    try {
      const structure = reportStructure(doc, plan, data.model, (t) => tables.has(t));
      const env: ReportEnv = {
        dialect: this.dialect,
        query: (sql) => this.exclusive(async () => tableToRows(await this.conn.query(sql))),
      };
      return await buildReport(env, doc, structure, plan.launch, params);
    } catch (e) {
      if (e instanceof ReportInputError) throw new EngineError(e.message);
      throw e;
    } finally {
      for (const name of tables.keys()) await this.exclusive(() => this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`));
    }
  }

  /** The saved audiences the engine holds (of every dataset loaded so far), by name. */
  savedAudiences(): SavedAudienceInfo[] {
    return this.store.listAudiences();
  }

  /** The recorded runs of a campaign on the loaded data, oldest first. */
  runs(campaignId: string): RunRecord[] {
    return this.store.listRuns(campaignId, this.data?.id);
  }

  /**
   * Deletes a saved audience of any dataset (see EngineStore.deleteAudience). A campaign that still
   * saves it writes it again at its next run; a Build audience reading it reports it missing.
   */
  async deleteSavedAudience(datasetId: string, name: string): Promise<boolean> {
    return this.exclusive(() => {
      // Forgotten as written, so that a campaign that still saves it writes it again.
      this.audienceSources.delete(`${datasetId}\u0000${name}`);
      return this.store.deleteAudience(this.conn, datasetId, name);
    });
  }

  /**
   * Clears the run history of a campaign on the loaded data: its incremental queries count every
   * matching record again. Returns how many runs were removed.
   */
  async clearRuns(campaignId: string): Promise<number> {
    const datasetId = this.requireData().id;
    return this.exclusive(() => this.store.clearRuns(this.conn, datasetId, campaignId));
  }

  /** Keeps saved audiences and runs in `storage` from now on (see state/state-storage.ts). */
  keepStateIn(storage: StateStorage): void {
    this.store.useStorage(storage);
  }

  /**
   * Reads back the saved audiences and runs that earlier engines kept in this database (a server
   * restarted on the same `--db` file or warehouse: docs/running-on-larger-data.md).
   */
  async loadKeptState(): Promise<RestoreOutcome> {
    return this.exclusive(() => this.store.load(this.conn));
  }

  /**
   * Restores what the storage keeps for the loaded dataset (its saved audiences and run history),
   * naming the dataset `label` in lists of audiences.
   */
  async restoreState(label?: string): Promise<RestoreOutcome> {
    const data = this.requireData();
    if (label !== undefined) this.store.setDatasetLabel(data.id, label);
    // Read outside the queue of statements: with nothing kept (the usual first visit), readiness
    // does not wait behind a batch of the tables loading in the background.
    const record = await this.store.storedRecord(data.id);
    if (!record) return { audiences: 0, runs: 0, problems: [] };
    return this.exclusive(() => this.store.restore(this.conn, data.id, record));
  }

  /** Resolves once saved audiences and runs reached the storage; the last write failure, if any. */
  stateWritten(): Promise<string | undefined> {
    return this.store.written();
  }

  /** How a dataset is named in lists of audiences. */
  datasetLabel(datasetId: string): string {
    return this.store.datasetLabel(datasetId);
  }

  /** An activity's figures (rows of name and value) over its tables, or DuckDB's message. */
  private async figuresOf(table: string, sql: string): Promise<Record<string, number> | string> {
    const key = `${table}\u0000${sql}`;
    const cached = this.figuresCache.get(key);
    if (cached) return cached.values;
    try {
      const values = idRecord<number>();
      for (const row of (await this.conn.query(sql)).toArray() as { name: unknown; value: unknown }[]) values[String(row.name)] = Number(row.value ?? 0);
      this.figuresCache.set(key, { table, values });
      return values;
    } catch (e) {
      return duckErrorMessage(e);
    }
  }

  /** Copies the plan's working tables, facts and counts to the kept data, after the answer (see KeptData.keepWorking). */
  private keepWorking(plan: CampaignPlan): void {
    const data = this.data;
    if (!this.kept || !data) return;
    const tables: KeptWorkingTable[] = [];
    for (const step of plan.steps) {
      for (const f of step.facts) if (this.facts.has(f.table) && !this.keptViews.has(f.table)) tables.push({ name: f.table, kind: 'facts', rows: 0 });
      for (const o of step.outputs) {
        const rows = this.rowCount.get(o.table);
        if (o.sameAs || rows === undefined || this.keptViews.has(o.table)) continue;
        tables.push({ name: o.table, kind: o.countOnly ? 'count' : 'working', rows });
      }
    }
    void this.kept.keepWorking(data.id, [...new Map(tables.map((t) => [t.name, t])).values()], (fn) => this.exclusive(fn));
  }

  /** Drops working tables the latest campaign no longer uses. */
  private async dropUnused(plan: CampaignPlan): Promise<void> {
    const used = new Set(plan.steps.flatMap((s) => s.outputs.map((o) => o.table)));
    for (const [key, f] of this.figuresCache) if (!used.has(f.table)) this.figuresCache.delete(key);
    for (const table of [...this.rowCount.keys()]) {
      if (used.has(table)) continue;
      this.rowCount.delete(table);
      await this.dropRelation(table);
    }
    const factsUsed = new Set(plan.steps.flatMap((s) => s.facts.map((f) => f.table)));
    for (const table of [...this.facts]) {
      if (factsUsed.has(table)) continue;
      this.facts.delete(table);
      await this.dropRelation(table);
    }
  }

  /** Materialises what a transition needs and returns its table name. */
  private async transitionTable(doc: CampaignDoc, transitionId: string): Promise<{ table: string; plan: CampaignPlan }> {
    const transition = doc.transitions.find((t) => t.id === transitionId);
    if (!transition) throw new EngineError(`No transition ${transitionId}.`);
    const plan = this.compile(doc);
    const g = indexGraph(doc);
    const needed = upstreamOf(g, transition.source.activityId);
    needed.add(transition.source.activityId);
    const errors = idRecord(plan.errors);
    const skipped = idRecord<SkipReason>();
    await this.materialise(plan, errors, skipped, () => true, needed);
    const table = plan.transitions[transitionId];
    const problem = [...needed].map((id) => errors[id]).find((e) => e !== undefined);
    if (!table || !this.rowCount.has(table) || skipped[transition.source.activityId]) throw new EngineError(problem ?? 'This transition carries no records (an activity before it is disabled or incomplete).');
    // The preview joins the dimension's own table, which may still be loading.
    const dimension = plan.steps.flatMap((s) => s.outputs).find((o) => o.table === table)?.dimension;
    if (dimension) await this.background?.whenReady([dimension]);
    return { table, plan };
  }

  /** The preview query of a working table: its columns, then the dimension's main attributes. */
  private previewSelect(table: string, plan: CampaignPlan): string {
    const data = this.requireData();
    const out = plan.steps.flatMap((s) => s.outputs).find((o) => o.table === table)!;
    const entity = findEntity(data.model, out.dimension);
    // A loaded file's working table is not a dimension of the model: show its own columns.
    if (!entity) return `SELECT * FROM ${quoteIdent(table)} ORDER BY 1`;
    const taken = new Set([entity.primaryKey, ...out.columns.map((c) => c.name)]);
    const extra = entity.displayFields.filter((f) => !taken.has(f)).map((f) => `e.${quoteIdent(f)}`);
    const key = quoteIdent(entity.primaryKey);
    return `SELECT w.*${extra.length ? `, ${extra.join(', ')}` : ''}\nFROM ${quoteIdent(table)} AS w\nLEFT JOIN ${quoteIdent(data.schema)}.${quoteIdent(entity.name)} AS e ON e.${key} = w.${key}\nORDER BY w.${key}`;
  }

  /** Columns and types of the working table a transition carries (Preview schema). */
  async previewSchema(doc: CampaignDoc, transitionId: string): Promise<ColumnInfo[]> {
    const { table, plan } = await this.transitionTable(doc, transitionId);
    const described = await this.exclusive(() => this.conn.query(`DESCRIBE (${this.previewSelect(table, plan)})`));
    return tableToRows(described).map((r) => this.dialect.describedColumn(r));
  }

  /**
   * The first `limit` records (by key) of a transition's working table (Preview results). With a
   * limit of 0 only the total is computed (the columns are those the plan knows, without types
   * from DuckDB).
   */
  async preview(doc: CampaignDoc, transitionId: string, limit = 100): Promise<PreviewResult> {
    const { table, plan } = await this.transitionTable(doc, transitionId);
    const safeLimit = Math.max(0, Math.min(1000, Math.floor(limit)));
    // No rows asked (a count, e.g. Calculate): the working table's size is known without a query.
    if (safeLimit === 0) {
      const out = plan.steps.flatMap((s) => s.outputs).find((o) => o.table === table);
      return { columns: out?.columns ?? [], rows: [], total: this.rowCount.get(table) ?? 0 };
    }
    const result = await this.exclusive(() => this.conn.query(`${this.previewSelect(table, plan)}\nLIMIT ${safeLimit}`));
    const columns = result.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
    const described = await this.exclusive(() => this.conn.query(`DESCRIBE (${this.previewSelect(table, plan)})`));
    const types = new Map(tableToRows(described).map((r) => this.dialect.describedColumn(r)).map((c) => [c.name, c.type]));
    return { columns: columns.map((c) => ({ name: c.name, type: types.get(c.name) ?? c.type })), rows: tableToRows(result), total: this.rowCount.get(table) ?? 0 };
  }

  /**
   * The records a channel activity sends to: today those of its inbound transition. When the
   * eligibility of recipients is computed, the eligible ("to send") records take their place here,
   * and only here: the message preview and the direct-mail file both read this one relation.
   */
  private recipientsRelation(doc: CampaignDoc, transitionId: string): Promise<{ table: string; plan: CampaignPlan }> {
    return this.transitionTable(doc, transitionId);
  }

  /**
   * Values of token `paths` (fields of the dimension, fields one link away, inbound columns) for a
   * channel's recipients, ordered by key: from `offset`, `limit` records (all when absent). The
   * message preview asks for one record; the direct-mail file for all of them.
   */
  async recipientValues(doc: CampaignDoc, transitionId: string, paths: readonly string[], offset = 0, limit?: number): Promise<RecipientValues> {
    const { table, plan } = await this.recipientsRelation(doc, transitionId);
    const data = this.requireData();
    const out = plan.steps.flatMap((s) => s.outputs).find((o) => o.table === table)!;
    const total = this.rowCount.get(table) ?? 0;
    const from = Math.max(0, Math.min(Math.floor(offset), total - 1));
    let query;
    try {
      query = recipientValuesSql(data.model, data.schema, { table, dimension: out.dimension, columns: out.columns }, paths, { offset: from, ...(limit === undefined ? {} : { limit }) });
    } catch (e) {
      throw new EngineError(e instanceof Error ? e.message : String(e));
    }
    await this.background?.whenReady(query.tables);
    const rows = tableToRows(await this.exclusive(() => this.conn.query(query.sql)));
    return { rows, total, offset: from };
  }

  /** The first rows of an entity of the loaded data (data explorer). */
  async entityRows(entity: string, limit = 100): Promise<PlainRow[]> {
    const data = this.requireData();
    const e = findEntity(data.model, entity);
    if (!e) throw new EngineError(`The data has no ${entity}.`);
    await this.background?.whenReady([e.name]);
    const safeLimit = Math.max(0, Math.min(1000, Math.floor(limit)));
    const t = await this.exclusive(() =>
      this.conn.query(`SELECT * FROM ${this.dialect.ident(data.schema)}.${this.dialect.ident(e.name)} ORDER BY ${this.dialect.ident(e.primaryKey)} LIMIT ${safeLimit}`),
    );
    return tableToRows(t);
  }

  /** Distribution of a field's values: the `limit` most frequent, with counts and share of rows. */
  async distribution(entity: string, field: string, limit = 20): Promise<{ value: string | number | boolean | null; count: number; share: number }[]> {
    const data = this.requireData();
    const e = findEntity(data.model, entity);
    const f = e && findField(e, field);
    if (!e || !f) throw new EngineError(`The data has no ${entity}.${field}.`);
    await this.background?.whenReady([e.name]);
    const d = this.dialect;
    const col = d.ident(f.name);
    const safeLimit = Math.max(1, Math.min(1000, Math.floor(limit)));
    const t = await this.exclusive(() =>
      this.conn.query(
        `SELECT ${col} AS value, CAST(count(*) AS DOUBLE) AS count, count(*) / sum(count(*)) OVER () AS share
         FROM ${d.ident(data.schema)}.${d.ident(e.name)} GROUP BY ${col} ORDER BY count DESC, value NULLS LAST LIMIT ${safeLimit}`,
      ),
    );
    return tableToRows(t).map((r) => ({ value: r.value ?? null, count: Number(r.count), share: Number(r.share) }));
  }

  /**
   * The trace of one record (docs/trace.md): for every activity, in or out and why. It compiles the
   * campaign as the counts do (with the simulation when the campaign was simulated last, or when
   * asked), computes what is missing of the same working tables, and reads the record there;
   * conditions are compiled one by one by the activities' own rule compiler (trace/trace-probes.ts).
   */
  async trace(doc: CampaignDoc, key: string, options: { dimension?: string; simulate?: boolean } = {}): Promise<RecordTrace> {
    const started = performance.now();
    const data = this.requireData();
    const entity = traceDimension(doc, data.model, options.dimension);
    const value = keyValue(entity, key);
    const simulate = options.simulate ?? this.simulatedAlready(doc);
    const probes = new Map<string, ActivityProbe>();
    const env = { model: data.model, dataSchema: data.schema, dialect: this.dialect, dataVersion: data.version, state: this.store.view(data.id), simulate };
    const plan = compileCampaign(doc, { ...env, probe: traceProbe(entity.name, value, probes) });
    const errors = idRecord(plan.errors);
    const skipped = idRecord(plan.skipped);
    await this.materialise(plan, errors, skipped, () => true);
    await this.background?.whenReady([entity.name]);
    const query = (sql: string) => this.exclusive(async () => tableToRows(await this.conn.query(sql)));
    const entityTable = `${this.dialect.ident(data.schema)}.${this.dialect.ident(entity.name)}`;
    const tableOf = (name: string) => `${this.dialect.ident(data.schema)}.${this.dialect.ident(name)}`;
    // The records linked to the traced one after a Change dimension: the same compile (the same
    // plan and tables), probing each activity that follows them for each of their keys.
    const linkedProbesOf = (targets: Map<string, { dimension: string; keys: SqlValue[] }>) => {
      const into = new Map<string, Map<string, ActivityProbe>>();
      compileCampaign(doc, { ...env, probe: linkedProbes(targets, into) });
      return into;
    };
    const result = await traceRecord({ doc, plan, entity, dialect: this.dialect, entityTable, key: value, probes, errors, skipped, exists: (t) => this.rowCount.has(t), query, model: data.model, tableOf, linkedProbes: linkedProbesOf });
    return { ...result, elapsedMs: performance.now() - started };
  }

  /** Whether the campaign's simulated tables are all there (it was simulated last, as events() checks). */
  private simulatedAlready(doc: CampaignDoc): boolean {
    const plan = this.compile(doc, { simulate: true });
    return plan.steps.some((s) => s.outputs.some((o) => o.port === '@feedback')) && plan.steps.every((s) => s.outputs.every((o) => o.sameAs !== undefined || this.rowCount.has(o.table)));
  }

  /** Records of the campaign's targeting dimension whose key is `text` or whose email or name contains it. */
  async searchRecords(doc: CampaignDoc, text: string, options: { dimension?: string; limit?: number } = {}): Promise<RecordMatch[]> {
    const data = this.requireData();
    const entity = traceDimension(doc, data.model, options.dimension);
    if (text.trim() === '') return [];
    await this.background?.whenReady([entity.name]);
    const rows = tableToRows(await this.exclusive(() => this.conn.query(searchSql(this.dialect, entity, `${this.dialect.ident(data.schema)}.${this.dialect.ident(entity.name)}`, text, options.limit ?? 8))));
    const display = entity.displayFields.filter((f) => f !== entity.primaryKey);
    return rows.map((r) => ({ key: String(r[entity.primaryKey]), label: display.map((f) => r[f]).filter((v) => v !== null && v !== '').join(', ') }));
  }

  /** Releases the DuckDB connection. */
  /**
   * The event tables of the campaign's simulation with their row counts (the Data screen's list).
   * Simulates the campaign first when its tables are not there (cached tables are reused).
   */
  async eventTables(doc: CampaignDoc): Promise<{ name: EventTableName; rows: number }[]> {
    const tables: { name: EventTableName; rows: number }[] = [];
    for (const name of eventTableNames) tables.push({ name, rows: (await this.events(doc, name, { limit: 0 })).total });
    return tables;
  }

  /**
   * The campaign's simulated plan with its tables computed: as `counts(doc, { simulate: true })`
   * computes them, on the same compiled plan and cached tables. Simulated already (the usual case:
   * the editor asks after Simulate): no new counts request, which would supersede one in flight.
   */
  private async simulatedPlan(doc: CampaignDoc): Promise<CampaignPlan> {
    const plan = this.compile(doc, { simulate: true });
    if (plan.steps.every((s) => s.outputs.every((o) => o.sameAs !== undefined || this.rowCount.has(o.table)))) return plan;
    const result = await this.counts(doc, { simulate: true });
    if (result.superseded) throw new EngineError('The simulation was replaced by a newer one; ask again.');
    return this.compile(doc, { simulate: true });
  }

  /**
   * The campaign's report (src/domain/report.ts): simulates it as `counts(doc, { simulate: true })`
   * does, then aggregates its feedback and tracking with the metric registry's SQL
   * (src/engine/report/), reading the simulation's own tables in a few passes.
   */
  async report(doc: CampaignDoc, params: ReportParams = {}): Promise<ReportResult> {
    const plan = await this.simulatedPlan(doc);
    const data = this.requireData();
    const structure = reportStructure(doc, plan, data.model, (t) => this.rowCount.has(t));
    const env: ReportEnv = {
      dialect: this.dialect,
      query: (sql) => this.exclusive(async () => tableToRows(await this.conn.query(sql))),
    };
    try {
      return await buildReport(env, doc, structure, plan.launch, params);
    } catch (e) {
      if (e instanceof ReportInputError) throw new EngineError(e.message);
      throw e;
    }
  }

  /**
   * One event table of the campaign's simulation: a page of its rows (`offset`, `limit`, at most
   * 1000; by default all rows as CSV only) and its total; `csv` is the whole table as CSV text.
   */
  async events(doc: CampaignDoc, name: EventTableName, page: { offset?: number; limit?: number; csv?: boolean } = {}): Promise<EventPage> {
    if (!eventTableNames.includes(name)) throw new EngineError(`There is no event table ${String(name)}.`);
    const plan = await this.simulatedPlan(doc);
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.max(0, Math.min(1000, Math.floor(page.limit ?? 1000)));
    if (name === 'steps') {
      const rows = stepRows(doc, plan, (t) => this.rowCount.get(t));
      return { columns: [...stepColumns], rows: rows.slice(offset, offset + limit), total: rows.length, ...(page.csv ? { csv: rowsToCsv(stepColumns, rows) } : {}) };
    }
    const sql = channelEventsSql(this.dialect, await this.withColumns(channelEventTables(plan, name, (t) => this.rowCount.has(t)).map((t) => quoteIdent(t))), name);
    if (sql === undefined) return { columns: [], rows: [], total: 0, ...(page.csv ? { csv: '' } : {}) };
    const total = Number(tableToRows(await this.exclusive(() => this.conn.query(`SELECT count(*) AS n FROM (${sql})`)))[0]?.n ?? 0);
    const pageRows = await this.exclusive(() => this.conn.query(`${sql} LIMIT ${limit} OFFSET ${offset}`));
    const columns = pageRows.schema.fields.map((f) => f.name);
    const csv = page.csv ? rowsToCsv(columns, tableToRows(await this.exclusive(() => this.conn.query(sql)))) : undefined;
    return { columns, rows: tableToRows(pageRows), total, ...(csv !== undefined ? { csv } : {}) };
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.conn.close());
  }
}
