import type { DatasetInfo } from '../engine/engine';

/** Where the data in use comes from, as the data explorer shows it. */
export type DatasetSource =
  | { kind: 'sample'; profiles: number; seed: number }
  | { kind: 'import'; files: string[] }
  | { kind: 'unknown' };

/**
 * Files of each import, by dataset id. The engine knows an import only by a hash of its content,
 * so the names the person picked are remembered here for the lifetime of the page.
 */
const importedFiles = new Map<string, string[]>();

/** Remembers the file names an imported dataset came from. */
export function rememberImportedFiles(datasetId: string, files: string[]): void {
  importedFiles.set(datasetId, [...files].sort((a, b) => a.localeCompare(b)));
}

/**
 * The source of a dataset from its id: the sample's id carries its size and seed
 * (`sample-<profiles>-<seed>`), an import's id starts with `import-`.
 */
export function datasetSource(info: Pick<DatasetInfo, 'id'>): DatasetSource {
  const sample = /^sample-(\d+)-(-?\d+)$/.exec(info.id);
  if (sample) return { kind: 'sample', profiles: Number(sample[1]), seed: Number(sample[2]) };
  if (info.id.startsWith('import-')) return { kind: 'import', files: importedFiles.get(info.id) ?? [] };
  return { kind: 'unknown' };
}

/** Total rows of the entities loaded so far. */
export function totalRows(info: Pick<DatasetInfo, 'rowCounts'>): number {
  return Object.values(info.rowCounts).reduce((sum, n) => sum + n, 0);
}

/** How the editor names the data its counts are on: "Sample data · 100,000 profiles", or the import's name. */
export function dataInUseName(dataset: Pick<DatasetInfo, 'id' | 'model'>): string {
  const source = datasetSource(dataset);
  if (source.kind === 'sample')
    return `Sample data · ${source.profiles.toLocaleString('en-US')} profiles${source.seed === 42 ? '' : ` · seed ${source.seed}`}`;
  return dataset.model.name || 'Imported data';
}
