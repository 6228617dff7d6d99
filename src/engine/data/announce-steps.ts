import type { Table } from 'apache-arrow';
import type { Dataset, TableSource } from './dataset';

/** Told `what` synchronous work starts, then `undefined` when it is done. */
export type StepListener = (what: string | undefined) => void;

/** Runs synchronous work between two announcements, so that a watcher knows why nothing answers. */
export function inStep<T>(onStep: StepListener | undefined, what: string, work: () => T): T {
  onStep?.(what);
  try {
    return work();
  } finally {
    onStep?.(undefined);
  }
}

/**
 * The dataset with each batch's making (generating sample rows, converting CSV rows to Arrow)
 * announced as a step: each takes the engine worker's thread for a while.
 */
export function announceSteps(dataset: Dataset, onStep: StepListener | undefined): Dataset {
  if (!onStep) return dataset;
  const wrap = (table: TableSource): TableSource => ({
    ...table,
    *batches(): Generator<Table> {
      const iterator = table.batches()[Symbol.iterator]();
      for (;;) {
        const next = inStep(onStep, `making a batch of ${table.entity}`, () => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    },
  });
  return { ...dataset, tables: dataset.tables.map(wrap) };
}
