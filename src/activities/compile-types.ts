import type { Activity } from '../domain/campaign';
import type { ConditionGroup } from '../domain/rule';
import type { DataModel, EntityDef } from '../domain/data-model';

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
  /** Quotes an identifier taken from the data model. */
  ident: (name: string) => string;
  /** The one escaping function for user values. */
  literal: (value: SqlValue) => string;
  /** Qualified relation of an entity's table in the loaded dataset. */
  table: (entity: string) => string;
  /** The entity definition of a targeting dimension (throws CompileError when unknown). */
  entity: (name: string) => EntityDef;
  /** Boolean SQL expression of a rule over `entity`'s rows aliased `alias`. */
  condition: (rule: ConditionGroup, entity: string, alias: string) => string;
}

export interface CompileContext {
  activity: Activity;
  /** Working tables feeding each input port, in transition order. */
  inputs: Record<string, WorkingTableRef[]>;
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
}

export type CompiledOutputs = Record<string, CompiledOutput>;

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
