import { decodeImportFile, type CsvFile, type ImportProblem } from '../engine/data/csv-import';

/** A file the person picked or dropped, reduced to what the import reads (a `File` fits). */
export interface PickedFile {
  name: string;
  /** The bytes: text is decoded here, as UTF-8 only, so that another encoding is found, not replaced. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The files of one import: the data model and one CSV per entity. */
export interface ImportFiles {
  modelName: string;
  model: string;
  csvs: CsvFile[];
}

/** The name the engine reports data model problems under. */
const ENGINE_MODEL_NAME = 'data-model.json';

const extension = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/**
 * Sorts picked files into a data model (exactly one `.json`) and CSVs, and reads them. Problems
 * the engine cannot see (no model, two models, files of another kind) are reported here, with the
 * same shape as the engine's, so that one dialog lists both.
 */
export async function readImportFiles(files: readonly PickedFile[]): Promise<{ ok: true; files: ImportFiles } | { ok: false; problems: ImportProblem[] }> {
  const models = files.filter((f) => extension(f.name) === 'json');
  const csvs = files.filter((f) => extension(f.name) === 'csv');
  const others = files.filter((f) => !['json', 'csv'].includes(extension(f.name)));
  const problems: ImportProblem[] = others.map((f) => ({ file: f.name, line: 0, column: 0, message: 'not a data model (.json) or a table (.csv)' }));
  if (models.length === 0) problems.push({ file: '', line: 0, column: 0, message: 'no data model: add the .json file that describes the entities' });
  if (models.length > 1) {
    for (const m of models) problems.push({ file: m.name, line: 0, column: 0, message: 'more than one data model (.json): pick exactly one' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const model = models[0]!;
  const read = await Promise.all([model, ...csvs].map(async (f) => ({ name: f.name, ...decodeImportFile(f.name, new Uint8Array(await f.arrayBuffer())) })));
  const unreadable = read.flatMap((r) => (r.ok ? [] : [r.problem]));
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  const [modelText, ...csvTexts] = read.map((r) => ({ name: r.name, text: r.ok ? r.text : '' }));
  return { ok: true, files: { modelName: model.name, model: modelText!.text, csvs: csvTexts } };
}

/** The engine names the model `data-model.json`; point its problems at the file actually picked. */
export function renameModelProblems(problems: readonly ImportProblem[], modelName: string): ImportProblem[] {
  return problems.map((p) => (p.file === ENGINE_MODEL_NAME ? { ...p, file: modelName } : p));
}

/** "customers.csv, line 3, column 2" — the place of a problem, as precise as it is known. */
export function problemPlace(p: Pick<ImportProblem, 'file' | 'line' | 'column'>): string {
  const parts = [p.file || 'Import'];
  if (p.line > 0) parts.push(`line ${p.line}`);
  if (p.column > 0) parts.push(`column ${p.column}`);
  return parts.join(', ');
}
