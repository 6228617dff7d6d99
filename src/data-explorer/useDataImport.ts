import { useState } from 'react';
import type { ImportProblem } from '../engine/data/csv-import';
import { useLoadData } from '../queries/useDataset';
import { showToast } from '../ui/Toast';
import { rememberImportedFiles } from './describe-dataset';
import { readImportFiles, renameModelProblems, type PickedFile } from './import-files';
import { formatCount } from './format';

/** Why an import or a sample load was refused: every problem, with its place. */
export interface DataLoadFailure {
  title: string;
  problems: ImportProblem[];
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Loading other data from the Data screen: an import (data model + CSVs) or the sample data of a
 * size and seed. The engine keeps the data in use until the new data is fully in, so a refused
 * import only opens the problems dialog; on success every engine query (and so every campaign's
 * counts) follows the new dataset version.
 */
export function useDataImport() {
  const load = useLoadData();
  const [failure, setFailure] = useState<DataLoadFailure | null>(null);
  const [busy, setBusy] = useState<'import' | 'sample' | null>(null);

  async function importFiles(picked: readonly PickedFile[]) {
    if (busy || picked.length === 0) return;
    setBusy('import');
    try {
      const read = await readImportFiles(picked);
      if (!read.ok) return setFailure({ title: 'These files could not be imported', problems: read.problems });
      const { modelName, model, csvs } = read.files;
      const outcome = await load.mutateAsync({ kind: 'csv', model, files: csvs });
      if (!outcome.ok) return setFailure({ title: 'These files could not be imported', problems: renameModelProblems(outcome.problems, modelName) });
      rememberImportedFiles(outcome.dataset.id, [modelName, ...csvs.map((c) => c.name)]);
      const rows = Object.values(outcome.dataset.rowCounts).reduce((a, b) => a + b, 0);
      const entities = outcome.dataset.model.entities.length;
      showToast({
        title: `Imported “${outcome.dataset.model.name}”`,
        description: `${entities} ${entities === 1 ? 'entity' : 'entities'}, ${formatCount(rows)} rows. Campaign counts now use this data.`,
        tone: 'success',
      });
    } catch (e) {
      setFailure({ title: 'These files could not be imported', problems: [{ file: '', line: 0, column: 0, message: errorText(e) }] });
    } finally {
      setBusy(null);
    }
  }

  async function loadSample(profiles: number, seed: number) {
    if (busy) return;
    setBusy('sample');
    try {
      const outcome = await load.mutateAsync({ kind: 'sample', profiles, seed });
      if (!outcome.ok) return setFailure({ title: 'The sample data could not be loaded', problems: outcome.problems });
      showToast({ title: 'Sample data loaded', description: `${formatCount(profiles)} profiles, seed ${seed}.`, tone: 'success' });
    } catch (e) {
      setFailure({ title: 'The sample data could not be loaded', problems: [{ file: '', line: 0, column: 0, message: errorText(e) }] });
    } finally {
      setBusy(null);
    }
  }

  return { importFiles, loadSample, busy, failure, clearFailure: () => setFailure(null) };
}
