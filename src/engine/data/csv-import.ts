import Papa from 'papaparse';
import { parseDataModel } from '../../domain/data-model';
import type { EntityDef } from '../../domain/data-model';
import { hash64 } from '../compile/hash';
import type { Dataset } from './dataset';
import { rowsToArrow } from './rows-to-arrow';
import type { Cell } from './rows-to-arrow';
import { parseCell } from './csv-values';
import { detectDelimiter } from '../../domain/csv-delimiter';
import { decodeUtf8, lineFinder, stripBom } from '../../domain/text-file';

/** One problem of an import, pointing at the file, line and column (1-based; 0 = whole file). */
export interface ImportProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CsvFile {
  /** File name, e.g. `profiles.csv`: one file per entity, named after it. */
  name: string;
  text: string;
}

/**
 * The text of an imported file (data model or CSV) from its bytes: UTF-8, a byte-order mark
 * dropped; any other encoding is a problem at the line and column of its first bad byte.
 */
export function decodeImportFile(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded : { ok: false, problem: { file: name, line: decoded.line, column: decoded.column, message: decoded.message } };
}

export type ImportResult = { ok: true; dataset: Dataset; rowCounts: Record<string, number> } | { ok: false; problems: ImportProblem[] };

/** Problems beyond this many are summarised: a broken file should not produce a million lines. */
const MAX_PROBLEMS = 200;

interface ParsedEntity {
  entity: EntityDef;
  file: string;
  rows: Record<string, Cell>[];
  /** Line of each row, for problems found later (links). */
  lines: number[];
  /** Column number of each field in the file. */
  columnOf: Map<string, number>;
}

/**
 * Imports "bring your own data": a data model (JSON text or object) and one CSV per entity with a
 * header row naming the fields. Everything is checked before anything is loaded: column counts,
 * values against their field types, duplicate primary keys and links to missing keys. Without a
 * `referenceDate` in the model, the day of the import (UTC) is "today" for relative dates.
 *
 * The dataset's id is a hash of the model as written and of the files: the same files imported on
 * another day are the same data (their saved audiences and run history come back), even though
 * "today" is then that other day when the model sets no reference date.
 */
export function importCsvDataset(model: string | unknown, files: readonly CsvFile[], modelFile = 'data-model.json'): ImportResult {
  const problems: ImportProblem[] = [];
  let json: unknown = model;
  if (typeof model === 'string') {
    try {
      json = JSON.parse(stripBom(model));
    } catch (e) {
      return { ok: false, problems: [{ file: modelFile, line: 0, column: 0, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    }
  }
  const importDay = !!json && typeof json === 'object' && !('referenceDate' in json);
  if (importDay) json = { ...(json as object), referenceDate: new Date().toISOString().slice(0, 10) };
  const parsedModel = parseDataModel(json);
  if (!parsedModel.ok) return { ok: false, problems: parsedModel.errors.map((e) => ({ file: modelFile, line: 0, column: 0, message: `${e.path || 'model'}: ${e.message}` })) };
  const dataModel = parsedModel.model;

  const report = (p: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const parsed = new Map<string, ParsedEntity>();
  for (const entity of dataModel.entities) {
    const file = files.find((f) => f.name === `${entity.name}.csv`);
    if (!file) {
      report({ file: `${entity.name}.csv`, line: 0, column: 0, message: `missing: entity ${entity.name} needs this file` });
      continue;
    }
    const p = parseEntityCsv(entity, file, report);
    if (p) parsed.set(entity.name, p);
  }
  if (problems.length === 0) checkLinks(parsed, report);
  if (problems.length > 0) {
    if (problems.length >= MAX_PROBLEMS) problems.push({ file: '', line: 0, column: 0, message: `stopped after ${MAX_PROBLEMS} problems` });
    return { ok: false, problems };
  }
  // The import day is left out: it is not content, and would make the same files other data each day.
  const asWritten = importDay ? { ...dataModel, referenceDate: undefined } : dataModel;
  const contentHash = hash64(JSON.stringify(asWritten) + files.map((f) => `${f.name}\u0000${f.text}`).join('\u0000'));
  const rowCounts = Object.fromEntries([...parsed.values()].map((p) => [p.entity.name, p.rows.length]));
  return {
    ok: true,
    rowCounts,
    dataset: {
      id: `import-${contentHash}`,
      model: dataModel,
      ...(importDay ? { referenceDateIsImportDay: true } : {}),
      tables: [...parsed.values()].map((p) => ({
        entity: p.entity.name,
        *batches() {
          yield rowsToArrow(p.entity, p.rows);
        },
      })),
    },
  };
}

function parseEntityCsv(entity: EntityDef, file: CsvFile, report: (p: ImportProblem) => void): ParsedEntity | undefined {
  const text = stripBom(file.text);
  const lineOf = lineFinder(text);
  const records: { cells: string[]; line: number }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    // The model's delimiter when it states one; otherwise detected, `,` for a file of one column.
    delimiter: entity.delimiter ?? detectDelimiter(text),
    step: (r) => {
      // Papa's cursor is the offset where the next record starts, so a record's first line is known
      // even when quoted values span several lines.
      const line = lineOf(Math.min(start, Math.max(0, text.length - 1)));
      for (const e of r.errors) report({ file: file.name, line, column: 0, message: e.message });
      records.push({ cells: r.data, line });
      start = r.meta.cursor;
    },
  });
  const header = records.shift();
  if (!header) {
    report({ file: file.name, line: 1, column: 0, message: 'empty file: expected a header row naming the fields' });
    return undefined;
  }
  const columnOf = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const field = name.trim();
    if (!entity.fields.some((f) => f.name === field)) report({ file: file.name, line: header.line, column: i + 1, message: `unknown column "${field}" (not a field of ${entity.name})` });
    else if (columnOf.has(field)) report({ file: file.name, line: header.line, column: i + 1, message: `column "${field}" appears twice` });
    else columnOf.set(field, i);
  });
  const missing = entity.fields.filter((f) => !columnOf.has(f.name));
  if (missing.length > 0) report({ file: file.name, line: header.line, column: 0, message: `missing columns: ${missing.map((f) => f.name).join(', ')}` });
  if (missing.length > 0) return undefined;

  const rows: Record<string, Cell>[] = [];
  const lines: number[] = [];
  const keys = new Map<string, number>();
  const keyColumn = columnOf.get(entity.primaryKey)!;
  for (const { cells, line } of records) {
    if (cells.length === 1 && cells[0]!.trim() === '') continue; // blank line
    if (cells.length !== header.cells.length) {
      report({ file: file.name, line, column: Math.min(cells.length, header.cells.length) + 1, message: `expected ${header.cells.length} columns, found ${cells.length}` });
      continue;
    }
    // Keyed by field names, which may be `__proto__` or `constructor`: no prototype to fall into.
    const row: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
    let good = true;
    for (const field of entity.fields) {
      const col = columnOf.get(field.name)!;
      const parsed = parseCell(field, cells[col]!);
      if (!parsed.ok) {
        report({ file: file.name, line, column: col + 1, message: `${field.name}: ${parsed.message}` });
        good = false;
      } else row[field.name] = parsed.value;
    }
    if (!good) continue;
    const key = row[entity.primaryKey];
    if (key === null || key === undefined) {
      report({ file: file.name, line, column: keyColumn + 1, message: `${entity.primaryKey}: the key is empty` });
      continue;
    }
    const seen = keys.get(String(key));
    if (seen !== undefined) {
      report({ file: file.name, line, column: keyColumn + 1, message: `${entity.primaryKey}: duplicate key ${String(key)} (first on line ${seen})` });
      continue;
    }
    keys.set(String(key), line);
    rows.push(row);
    lines.push(line);
  }
  return { entity, file: file.name, rows, lines, columnOf };
}

/** Every to-one link value must exist as a key of its target (missing values are allowed). */
function checkLinks(parsed: Map<string, ParsedEntity>, report: (p: ImportProblem) => void): void {
  for (const p of parsed.values()) {
    for (const link of p.entity.links) {
      if (link.cardinality === 'one-to-many') continue;
      const target = parsed.get(link.target);
      if (!target) continue;
      const targetKeys = new Set(target.rows.map((r) => link.on.map((pair) => String(r[pair.to])).join('\u0000')));
      p.rows.forEach((row, i) => {
        const values = link.on.map((pair) => row[pair.from]);
        if (values.some((v) => v === null || v === undefined)) return;
        if (targetKeys.has(values.map(String).join('\u0000'))) return;
        const first = link.on[0]!;
        report({
          file: p.file,
          line: p.lines[i]!,
          column: (p.columnOf.get(first.from) ?? -1) + 1,
          message: `${first.from}: no ${link.target} has ${link.on.map((pair) => pair.to).join(', ')} ${values.map(String).join(', ')} (link ${link.name})`,
        });
      });
    }
  }
}
