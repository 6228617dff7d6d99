import type { Activity } from '../domain/campaign';

/**
 * Contract between activity definitions and the engine's compiler. A working table is a relation
 * over the targeting dimension's key plus enrichment columns.
 */
export interface WorkingTableRef {
  /** SQL relation name (a materialised temporary table or a sub-query in parentheses). */
  relation: string;
  /** Targeting dimension (entity name in the data model). */
  dimension: string;
  /** Enrichment columns carried beside the key. */
  columns: { name: string; type: string }[];
}

export interface CompileContext {
  activity: Activity;
  /** Working tables feeding each input port, in transition order. */
  inputs: Record<string, WorkingTableRef[]>;
  /** Campaign-wide seed for random choices. */
  seed: number;
}

export interface CompiledOutput {
  /** A SELECT producing the output working table. */
  sql: string;
  dimension: string;
  columns: { name: string; type: string }[];
}

export type CompiledOutputs = Record<string, CompiledOutput>;
