import type { Activity } from '../domain/campaign';
import type { ConditionGroup } from '../domain/rule';
import type { DataModel, EntityDef } from '../domain/data-model';
import type { EngagementModel } from '../domain/simulation-settings';
import type { SqlDialect } from '../engine/sql/dialect';

/**
 * Contract between activity definitions and the engine's compiler. A working table is a relation
 * over the targeting dimension's key (a column named after the dimension's primary key) plus
 * enrichment columns.
 */
export interface WorkingTableRef {
  /** SQL relation name (a materialised temporary table). */
  relation: string;
  /** Targeting dimension (entity name in the data model). */
  dimension: string;
  /** Enrichment columns carried beside the key. */
  columns: { name: string; type: string }[];
  /** Transition that carries this table into the activity. */
  transitionId: string;
}

/** A value a user typed, as accepted by `literal`. */
export type SqlValue = string | number | boolean | bigint | null;

/**
 * SQL building blocks the engine lends to activities, so that no activity writes an identifier or
 * a user value into SQL by hand.
 */
export interface SqlToolkit {
  /** The SQL engine's dialect: everything written differently on DuckDB and ClickHouse. */
  dialect: SqlDialect;
  /** Quotes an identifier taken from the data model. */
  ident: (name: string) => string;
  /** The one escaping function for user values. */
  literal: (value: SqlValue) => string;
  /** Qualified relation of an entity's table in the loaded dataset. */
  table: (entity: string) => string;
  /** The entity definition of a targeting dimension (throws CompileError when unknown). */
  entity: (name: string) => EntityDef;
  /**
   * Boolean SQL expression of a rule over `entity`'s rows aliased `alias`. With `row`, conditions
   * may also read the columns of the inbound working table aliased `row.alias`.
   */
  condition: (rule: ConditionGroup, entity: string, alias: string, row?: { alias: string; columns: readonly { name: string; type: string }[] }, point?: PointRecord) => string;
  /**
   * The same rule for a WHERE clause alone: it selects the same records as `condition` but may be
   * unknown where that is false, which lets DuckDB plan faster joins. Never put it under NOT or in
   * a column.
   */
  filter: (rule: ConditionGroup, entity: string, alias: string, row?: { alias: string; columns: readonly { name: string; type: string }[] }) => string;
  /**
   * A relation of facts derived from the data alone by `sql` (e.g. each profile's number of
   * purchases): the engine computes it once per dataset and every activity and every recount that
   * asks for the same facts reads it, instead of scanning a large table again.
   */
  facts: (sql: string) => string;
}

/** A saved audience as the compiler sees it (see Save audience). */
export interface SavedAudienceRef {
  name: string;
  /** Targeting dimension of the saved keys. */
  dimension: string;
  /** Relation holding the saved keys, one column named after the dimension's primary key. */
  relation: string;
  /** Campaign and activity that saved it last. */
  campaignId: string;
  activityId: string;
  /** Dataset the keys were saved from. */
  datasetId: string;
}

/**
 * State the engine keeps between computations, which a few activities read while compiling:
 * saved audiences (Build audience from an audience) and the run history (Incremental query).
 */
export interface EngineStateView {
  /** The audience saved under `name`, if any. */
  audience(name: string): SavedAudienceRef | undefined;
  /** High-water mark an activity of a campaign recorded at the campaign's last run; undefined before any run. */
  runMark(campaignId: string, activityId: string): string | undefined;
  /** Id of the loaded dataset. */
  datasetId: string;
}

/**
 * A channel activity that sends before the one compiling (upstream of it or, for an activity that
 * starts a branch, elsewhere in the campaign and already compiled), with its tables. Capping and
 * fatigue count its sends; retargeting reads its results; the denylist grows from its failures.
 */
export interface EarlierChannelRef {
  activityId: string;
  label: string;
  /** Activity type: `email`, `sms`, `push`, `direct-mail`. */
  type: string;
  /** Targeting dimension of its messages (the key column of its deliveries table). */
  dimension?: string;
  /** Simulated time at which it started (`YYYY-MM-DD HH:MM:SS`). */
  start: string;
  /** Its deliveries table (output `@deliveries`, see docs/simulation.md), when it has one. */
  deliveries?: string;
  /** Its message feedback and tracking tables, when the campaign is simulated. */
  feedback?: string;
  tracking?: string;
}

/** What a channel needs to simulate delivery; present only when the campaign is simulated. */
export interface SimulationContext {
  /** Seed of every draw (the campaign's seed). */
  seed: number;
  /** The launch, `YYYY-MM-DD HH:MM:SS`. */
  launch: string;
  model: EngagementModel;
}

export interface CompileContext {
  activity: Activity;
  /**
   * Simulated time at which this activity starts (`YYYY-MM-DD HH:MM:SS`): the launch for an
   * activity that starts a branch, else the latest time its inputs leave their activities (a Wait
   * moves it on; an And-join goes on at its latest input). Computed whether or not the campaign is
   * simulated, because eligibility (the execution window, throttling, capping) depends on it.
   */
  clock: string;
  /** Channel activities that send before this one, with their tables. */
  channels: EarlierChannelRef[];
  /** Present when the campaign is simulated: the channels then also write their event tables. */
  simulation?: SimulationContext;
  /** Id of the campaign being compiled. */
  campaignId?: string;
  /** Engine-held state; absent when a campaign is compiled without an engine. */
  state?: EngineStateView;
  /**
   * Present when the campaign is compiled as one run of a simulated schedule: its launch and the
   * previous run's (`YYYY-MM-DD HH:MM:SS`). An Incremental query then reads the records dated in
   * between, not the live run history.
   */
  run?: { launch: string; previousLaunch?: string };
  /** Working tables feeding each input port, in transition order. */
  inputs: Record<string, WorkingTableRef[]>;
  /** The campaign's variables by name (settings.variables), which a Test activity compares with. */
  variables?: Readonly<Record<string, string>>;
  /** Campaign-wide seed for random choices. */
  seed: number;
  /** The loaded data model. */
  model: DataModel;
  /** The dataset's "today" (YYYY-MM-DD); relative dates count from it. */
  referenceDate: string;
  sql: SqlToolkit;
}

export interface CompiledOutput {
  /** A SELECT producing the output working table. Ignored when `sameAs` is set. */
  sql: string;
  dimension: string;
  columns: { name: string; type: string }[];
  /** Pass-through: the output is exactly this input relation, reused without copying. */
  sameAs?: string;
  /** Once computed, the engine stores this output as the audience of that name (Save audience). */
  saveAudience?: string;
  /** A SELECT of one value `mark`, recorded in the run history when the campaign records a run. */
  runMark?: string;
  /** When empty, the output emits no transition: no count, and what follows it does not run. */
  skipWhenEmpty?: boolean;
  /**
   * A SELECT of rows `(name VARCHAR, value BIGINT)` computed once the activity's tables exist:
   * the activity's own figures (a channel's targeted / excluded by reason / to send, sent,
   * delivered...). It may name this activity's auxiliary tables by placeholder (`auxTable`).
   * The engine answers them in CountsResult.figures, keyed by name.
   */
  figures?: string;
}

export type CompiledOutputs = Record<string, CompiledOutput>;

/**
 * Key of an optional output an activity computes once for all its outputs (e.g. which subset each
 * record falls in); the engine materialises it first, and the SQL of the other outputs reads it
 * through SHARED_TABLE. It carries no transition.
 */
export const SHARED_OUTPUT = '@shared';
/**
 * Key of an optional output an activity compiles only to count the records it loses without an
 * output carrying them (a Reconciliation's lines that match nothing, a Change dimension's records
 * with no linked record), from the same SQL as its outputs. The engine counts it without keeping a
 * table and reports the count among the activity's outputs under this key, for its definition's
 * `leftOut`. It carries no transition.
 */
export const LEFT_OUT_OUTPUT = '@left-out';
/** Placeholder for the shared output's table in the SQL of the other outputs. */
export const SHARED_TABLE = '{{shared}}';

/**
 * Every output whose key starts with `@` is auxiliary, like `@shared`: a table the engine
 * materialises in the order the outputs are listed, before the ports, with no transition (a
 * channel's `@deliveries`, `@feedback`, `@tracking`). Later outputs (and `figures`) name it with
 * this placeholder; the compiler replaces it with the table's name.
 */
export function auxTable(key: `@${string}`): string {
  return key === SHARED_OUTPUT ? SHARED_TABLE : `{{${key}}}`;
}

export function isAuxOutput(key: string): key is `@${string}` {
  return key.startsWith('@');
}

/**
 * A problem found while compiling one activity (an unknown field, a value of the wrong type...).
 * The engine shows its message on that activity; it never stops other activities.
 */
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}

/** Output that passes an input through unchanged. */
export function passThrough(input: WorkingTableRef): CompiledOutput {
  return { sql: `SELECT * FROM ${input.relation}`, dimension: input.dimension, columns: input.columns, sameAs: input.relation };
}

/**
 * The one record a rule is evaluated for (the trace of one record): its alias and key. Facts over
 * a collection keyed by that record's key are then read for this key alone instead of in full: the
 * same facts and the same test, a point lookup instead of a hash over every key.
 */
export interface PointRecord {
  alias: string;
  keyColumn: string;
  key: SqlValue;
}
