import Papa from 'papaparse';
import type { Problem } from '../../domain/problems';
import { FILE_KEY_COLUMN } from '../working-table';
import type { LoadFileConfig } from './definition';
import { convertCell, resolveDelimiter } from './parse';

const columnName = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Headings of a file: its first record only, so that checking a large file stays cheap on every edit. */
function headingsOf(config: LoadFileConfig): string[] {
  const first = Papa.parse<string[]>(config.content, {
    header: false,
    preview: 1,
    delimiter: resolveDelimiter(config.content, config.delimiter),
  });
  return (first.data[0] ?? []).map((h) => h.trim());
}

/**
 * What is wrong with each described column, on the field concerned (`columns[2].defaultValue`),
 * before the engine reads the file: a name that is not a column name or is used twice, a heading
 * the file does not have, a default value that is not of the column's type.
 */
export function columnProblems(config: LoadFileConfig, activityId: string): Problem[] {
  const problems: Problem[] = [];
  const error = (path: string, message: string) =>
    problems.push({ severity: 'error', code: 'invalid-config', message, activityId, path });
  const headings = config.header && config.content.trim() !== '' ? headingsOf(config) : undefined;
  const lower = headings?.map((h) => h.toLowerCase());
  const seen = new Set([FILE_KEY_COLUMN]);
  config.columns.forEach((c, i) => {
    if (!columnName.test(c.name))
      error(
        `columns[${i}].name`,
        `Column ${i + 1}: “${c.name}” is not a column name (letters, digits and underscores, starting with a letter).`,
      );
    else if (seen.has(c.name.toLowerCase()))
      error(
        `columns[${i}].name`,
        c.name.toLowerCase() === FILE_KEY_COLUMN
          ? `Column ${i + 1}: “line” is the line number; choose another name.`
          : `Column ${i + 1}: another column is already named “${c.name}”.`,
      );
    seen.add(c.name.toLowerCase());
    const heading = c.source.trim() || c.name;
    if (lower && !lower.includes(heading.toLowerCase()))
      error(`columns[${i}].source`, `Column ${c.name}: the file has no heading “${heading}”.`);
    if (c.onError === 'default') {
      const converted = convertCell(c.type, c.defaultValue);
      if (!converted.ok)
        error(`columns[${i}].defaultValue`, `Column ${c.name}: the default value ${converted.message}.`);
    }
  });
  return problems;
}
