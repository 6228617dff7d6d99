import type { Table } from 'apache-arrow';
import type { Dataset, TableSource } from './dataset';

/**
 * Generates the first table's batches until `meanwhile` settles (DuckDB compiling its wasm in its
 * own worker), one batch per turn of the event loop so that the opening proceeds. The dataset
 * returned yields those batches first, then generates the rest as before. The time DuckDB takes
 * to start is then spent generating, not waiting.
 */
export async function generateAhead(dataset: Dataset, meanwhile: Promise<unknown>): Promise<Dataset> {
  const [first, ...rest] = dataset.tables;
  if (!first) return dataset;
  let settled = false;
  void meanwhile.then(
    () => (settled = true),
    () => (settled = true),
  );
  const iterator = first.batches()[Symbol.iterator]();
  const ahead: Table[] = [];
  let exhausted = false;
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (settled) break;
    const next = iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    ahead.push(next.value);
  }
  const source: TableSource = {
    ...first,
    *batches() {
      // Each batch generated ahead is handed over once, so that memory holds it only until loaded.
      while (ahead.length > 0) yield ahead.shift()!;
      if (exhausted) return;
      for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
    },
  };
  return { ...dataset, tables: [source, ...rest] };
}
