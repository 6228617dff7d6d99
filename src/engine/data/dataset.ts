import type { Table } from 'apache-arrow';
import type { DataModel } from '../../domain/data-model';

/** Rows of one entity, produced in Arrow batches so that large tables never sit whole in memory. */
export interface TableSource {
  entity: string;
  /** Yields the entity's rows batch after batch; columns are named after the model's fields. */
  batches(): Iterable<Table>;
  /**
   * Loaded after the engine reports ready, while counts already run; only queries that read this
   * table wait for it. For large tables that few rules use (events, purchases...).
   */
  deferred?: boolean;
}

/** A data model with the rows of each of its entities: what the engine loads. */
export interface Dataset {
  /** Identifies the content (e.g. `sample-100000-42`); part of every working table's hash. */
  id: string;
  model: DataModel;
  tables: TableSource[];
  /**
   * The model set no `referenceDate`: the one it has is the day the data was imported (UTC), which
   * is not part of the id.
   */
  referenceDateIsImportDay?: boolean;
}

/** The id of the built-in sample of `profiles` profiles drawn with `seed` (see sample-dataset.ts). */
export function sampleDatasetId(profiles: number, seed: number): string {
  return `sample-${profiles}-${seed}`;
}
