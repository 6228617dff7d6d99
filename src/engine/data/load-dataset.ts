import { tableToIPC } from 'apache-arrow';
import type { DuckConnection } from '../duckdb/connection';
import { dialectOf } from '../sql/dialect';
import type { Dataset } from './dataset';
import { checkDateRange } from './date-range';

/**
 * Loads every table of `dataset` into a fresh schema `schema`, batch by batch. The caller swaps to
 * the new schema only when this succeeds, and drops it otherwise, so a failed load never damages
 * the data already in use. Returns the row count of each entity. `deferredEntities` are loaded
 * later (see BackgroundLoad) and may be absent here.
 */
export async function loadDatasetInto(conn: DuckConnection, dataset: Dataset, schema: string, deferredEntities: readonly string[] = []): Promise<Record<string, number>> {
  const dialect = dialectOf(conn);
  await conn.query(dialect.createSchema(schema));
  // Entity names may be `__proto__` or `constructor`: an object without prototype keeps them.
  const rowCounts = Object.create(null) as Record<string, number>;
  // Inserting runs in DuckDB's own worker in the browser: while one batch is inserted, the next is
  // generated. At most one insert is in flight, so memory holds about two batches.
  let inFlight: Promise<void> | undefined;
  try {
    for (const source of dataset.tables) {
      const entity = dataset.model.entities.find((e) => e.name === source.entity);
      if (!entity) throw new Error(`table ${source.entity} is not an entity of the data model`);
      let rows = 0;
      let create = true;
      for (const batch of source.batches()) {
        const missing = entity.fields.filter((f) => !batch.schema.fields.some((c) => c.name === f.name));
        if (missing.length > 0) throw new Error(`table ${source.entity} lacks fields ${missing.map((f) => f.name).join(', ')}`);
        if (dialect.dateRange) checkDateRange(batch, source.entity, rows + 1, dialect.dateRange);
        const bytes = tableToIPC(batch, 'stream');
        await inFlight;
        inFlight = conn.insertArrowIPC(bytes, { schema, name: source.entity, create });
        create = false;
        rows += batch.numRows;
      }
      if (create) throw new Error(`table ${source.entity} has no batches`);
      rowCounts[source.entity] = rows;
    }
    await inFlight;
    for (const entity of dataset.model.entities)
      if (!(entity.name in rowCounts) && !deferredEntities.includes(entity.name)) throw new Error(`no rows given for entity ${entity.name}`);
  } catch (e) {
    await inFlight?.catch(() => undefined);
    await conn.query(dialect.dropSchema(schema)).catch(() => undefined);
    throw e;
  }
  return rowCounts;
}
