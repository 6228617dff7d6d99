import type { Dataset } from '../src/engine/data/dataset';
import { loadDatasetInto } from '../src/engine/data/load-dataset';
import type { DuckConnection } from '../src/engine/duckdb/connection';
import type { Engine, DatasetInfo } from '../src/engine/engine';
import { parseDataModel } from '../src/domain/data-model';
import { dialectOf } from '../src/engine/sql/dialect';
import { quoteIdent } from '../src/engine/sql/quote';
import { tableToRows } from '../src/engine/rows';

/**
 * A data model's tables in a warehouse (`campaign load --warehouse`): one table per entity in the
 * warehouse's data database, and the model itself in its `data_model` table, so that later
 * commands with `--warehouse` and no data of their own compute on them.
 */

/** Name of the table that holds the model of the data loaded into a warehouse. */
const MODEL_TABLE = 'data_model';

/**
 * Writes `dataset` into `database`, replacing what a previous load wrote there once the new data
 * is all written (into `<database>_loading` first): a load refused half-way (a value the warehouse
 * cannot hold) leaves the earlier data as it was. Returns the rows per entity.
 */
export async function loadIntoWarehouse(conn: DuckConnection, database: string, dataset: Dataset): Promise<Record<string, number>> {
  const d = dialectOf(conn);
  const staging = `${database}_loading`;
  await conn.query(d.dropSchema(staging));
  const rows = await loadDatasetInto(conn, dataset, staging);
  const model = `SELECT ${d.literal(dataset.id)} AS id, ${d.literal(JSON.stringify(dataset.model))} AS model`;
  await conn.query(d.createTableAs(`${quoteIdent(staging)}.${quoteIdent(MODEL_TABLE)}`, model));
  await conn.query(d.dropSchema(database));
  await conn.query(`RENAME DATABASE ${quoteIdent(staging)} TO ${quoteIdent(database)}`);
  return rows;
}

/** Points the engine at the data a `load` wrote into `database`; a clear message when there is none. */
export async function computeOnWarehouseData(engine: Engine, conn: DuckConnection, database: string): Promise<DatasetInfo> {
  let rows;
  try {
    rows = tableToRows(await conn.query(`SELECT id, model FROM ${quoteIdent(database)}.${quoteIdent(MODEL_TABLE)}`));
  } catch {
    throw new Error(`the warehouse has no data loaded in ${database}: run "campaign load --warehouse <url> --data <dir>" first, or give --data or --profiles`);
  }
  const row = rows[0];
  const parsed = row ? parseDataModel(JSON.parse(String(row.model))) : undefined;
  if (!row || !parsed?.ok) throw new Error(`the data model kept in ${database}.${MODEL_TABLE} cannot be read: load the data again`);
  return engine.useLoadedData({ id: String(row.id), model: parsed.model, schema: database });
}
