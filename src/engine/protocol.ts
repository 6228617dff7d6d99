import type { CampaignDoc } from '../domain/campaign';
import type { ReportParams, ReportResult } from '../domain/report';
import type { ColumnInfo, CountsResult, DatasetInfo, EventPage, PreviewResult, RecipientValues } from './engine';
import type { EventTableName } from './simulation/event-tables';
import type { CsvFile, ImportProblem } from './data/csv-import';
import type { PlainRow } from './rows';
import type { RecordMatch, RecordTrace } from './trace/trace-types';
import type { RestoreOutcome, RunRecord, SavedAudienceInfo } from './state/engine-store';
import type { SimulatedRunResult } from './runs/simulated-run';

/**
 * Messages between the main thread and the engine worker. Every request carries an id; the
 * worker answers each id once, with a result or an error that the client turns back into an Error.
 * Only counts, small previews and SQL text cross the boundary, never whole tables.
 */

/** Which data the engine holds. */
export type DataSource =
  { kind: 'sample'; profiles: number; seed: number } | { kind: 'csv'; model: string; files: CsvFile[] };

/**
 * Result of loading data: the new dataset (with what was restored of its saved audiences and runs),
 * or the import's problems (the old data stays).
 */
export type LoadOutcome =
  { ok: true; dataset: DatasetInfo; state?: RestoreOutcome } | { ok: false; problems: ImportProblem[] };

/** A saved audience as the app lists it: where it comes from and whether it can be read now. */
export interface SavedAudienceEntry extends Omit<SavedAudienceInfo, 'relation'> {
  /** The data it was saved from, as a person names it ("Sample data, 100,000 profiles"). */
  datasetLabel: string;
  /** Saved from the data in use: Build audience can read it. Others wait for their data to be loaded again. */
  usable: boolean;
  /** Bytes its keys take in this browser's storage, when known. */
  bytes?: number;
}

export interface SavedAudiences {
  /** Id of the data in use. */
  datasetId: string;
  /** Every saved audience this browser keeps, those of the data in use first, then by name. */
  audiences: SavedAudienceEntry[];
  /** Why saved audiences or runs could not be kept or restored, when that happened. */
  problems: string[];
}

/** A recorded run and the counts computed for it. */
export type RecordedRun = RunRecord & { result: CountsResult };

export interface Distribution {
  value: string | number | boolean | null;
  count: number;
  share: number;
}

/** Every request, keyed by type, with its parameters and the type of its result. */
export interface EngineApi {
  /**
   * Answered at once by the worker's message loop, even while DuckDB computes: the client's sign
   * that the engine worker lives. `database` says why DuckDB's own worker stopped, once it has.
   */
  ping: { params: Record<string, never>; result: { database?: string } };
  /** Loads data, replacing the current data only on success. */
  load: { params: { source: DataSource }; result: LoadOutcome };
  /** The current dataset (waits for the first load). */
  dataset: { params: Record<string, never>; result: DatasetInfo };
  /** Counts of every transition; with `simulate`, the delivery simulation too (figures, retargeting). */
  counts: { params: { doc: CampaignDoc; simulate?: boolean }; result: CountsResult };
  preview: { params: { doc: CampaignDoc; transitionId: string; limit?: number }; result: PreviewResult };
  /**
   * One event table of the campaign's simulation (feedback, tracking, steps): a page of rows
   * (`offset`, `limit` at most 1000) and its total, with `csv` the whole table as CSV text.
   */
  events: { params: { doc: CampaignDoc; table: EventTableName; offset?: number; limit?: number; csv?: boolean }; result: EventPage };
  /**
   * The campaign's report (src/domain/report.ts): simulated as `counts` with `simulate` does (same
   * plan and tables), its feedback and tracking aggregated by the metric registry's formulas.
   */
  report: { params: { doc: CampaignDoc } & ReportParams; result: ReportResult };
  /** The event tables of the campaign's simulation with their row counts (the Data screen's list). */
  eventTables: { params: { doc: CampaignDoc }; result: { name: EventTableName; rows: number }[] };
  previewSchema: { params: { doc: CampaignDoc; transitionId: string }; result: ColumnInfo[] };
  /**
   * A channel's message preview: the values its tokens need (`paths`) for the record at `offset`
   * (by key) of the records it receives through `transitionId`, with their total.
   */
  recipientPreview: { params: { doc: CampaignDoc; transitionId: string; paths: string[]; offset: number }; result: RecipientValues };
  /** The direct-mail file: the values of `paths` for every record a channel receives, by key. */
  mailingRecipients: { params: { doc: CampaignDoc; transitionId: string; paths: string[] }; result: RecipientValues };
  /**
   * The trace of one record (docs/trace.md): `key` of a record of the campaign's targeting
   * dimension (or `dimension`); with the simulation when the campaign was simulated last, or as
   * `simulate` says.
   */
  trace: { params: { doc: CampaignDoc; key: string; dimension?: string; simulate?: boolean }; result: RecordTrace };
  /** A few records of the campaign's targeting dimension whose key is `text` or whose email or name contains it. */
  searchRecords: { params: { doc: CampaignDoc; text: string; dimension?: string; limit?: number }; result: RecordMatch[] };
  sql: {
    params: { doc: CampaignDoc };
    result: { sql: Record<string, string>; errors: Record<string, string> };
  };
  entityRows: { params: { entity: string; limit?: number }; result: PlainRow[] };
  distribution: { params: { entity: string; field: string; limit?: number }; result: Distribution[] };
  /** Runs the campaign as of `runAt` (now by default): saves its audiences, records its high-water marks. */
  recordRun: { params: { doc: CampaignDoc; runAt?: string }; result: RecordedRun };
  /** The runs of a campaign on the data in use, oldest first. */
  runs: { params: { campaignId: string }; result: RunRecord[] };
  savedAudiences: { params: Record<string, never>; result: SavedAudiences };
  /**
   * Deletes the saved audience `name` of the dataset `datasetId` (any dataset the list shows), from
   * the engine and from the browser's storage; answers the list without it. Deleting one that is
   * already gone is not an error.
   */
  deleteSavedAudience: { params: { datasetId: string; name: string }; result: SavedAudiences };
  /**
   * Clears the run history of a campaign on the data in use, from the engine and the browser's
   * storage: its incremental queries count every matching record again. Answers how many runs went.
   */
  clearRuns: { params: { campaignId: string }; result: { removed: number } };
  /**
   * One run of a simulated schedule (docs/lifecycle.md#runs): the campaign computed and simulated at
   * `launch` (`YYYY-MM-DDTHH:MM`) as run `runId`, carrying over what the campaign's runs launched
   * before it left. Its events are kept apart from the draft's, in tables of the run.
   */
  simulateRun: { params: { doc: CampaignDoc; runId: string; launch: string }; result: SimulatedRunResult };
  /** The runs the engine keeps for a campaign, in launch order (a restarted engine keeps none). */
  simulatedRuns: { params: { campaignId: string }; result: SimulatedRunResult[] };
  /** Removes a run and its event tables. */
  removeSimulatedRun: { params: { runId: string }; result: { removed: boolean } };
  /** One event table of a run, paged as `events`. */
  simulatedRunEvents: { params: { runId: string; table: EventTableName; offset?: number; limit?: number; csv?: boolean }; result: EventPage };
  /** The report of one run, or across runs, by the report engine of `report`. */
  simulatedRunReport: { params: { doc: CampaignDoc; runIds: string[] } & ReportParams; result: ReportResult };
}

export type RequestType = keyof EngineApi;

/**
 * Stops DuckDB's own worker without a word, as a crash would. Honoured only by builds made with
 * `VITE_ENGINE_FAULTS=1` (the end-to-end suite), so that a test can check the recovery.
 */
export interface DatabaseFault {
  id: 0;
  type: 'stop-database';
}

export type EngineRequest = {
  [K in RequestType]: { id: number; type: K; params: EngineApi[K]['params'] };
}[RequestType];

/** An error as it crosses the boundary (Error objects do not survive structured cloning intact). */
export interface SerializedError {
  name: string;
  message: string;
}

export type EngineResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

/**
 * Posted by the engine worker, unasked, around synchronous work that keeps its message loop from
 * answering (reading CSV files, generating a batch of sample data): `what` it is busy with, then
 * `null` when done. The client's watchdog then waits longer for a ping's answer (see client.ts).
 */
export interface EngineStep {
  type: 'step';
  what: string | null;
}

/** What the engine worker posts to the client. */
export type EngineMessage = EngineResponse | EngineStep;

/** The error name of a request a server refused for its token (see http-transport.ts). */
export const WRONG_TOKEN = 'WrongToken';

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** Rebuilds an Error on the receiving side, keeping its name (e.g. `EngineError`). */
export function deserializeError(e: SerializedError): Error {
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}
