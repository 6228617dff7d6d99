import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError } from '../compile-types';
import { checkAlias, FILE_DIMENSION_PREFIX, FILE_KEY_COLUMN } from '../working-table';
import type { FileColumn, LoadFileConfig } from './definition';
import type { FileValue } from './parse';
import { convertCell, parseCsv } from './parse';
import type { DateRange } from '../../engine/data/date-range';

/**
 * A CSV file stored in the campaign, parsed in JS and turned into a VALUES list whose every value
 * goes through the one escaping function. The working table's key is `line`, the record's number
 * in the file (1 = the first record after the header); its dimension is the file itself, so a
 * Reconciliation maps it onto a targeting dimension. Lines rejected by a column's error handling
 * go to the `rejected` output (line and reason), whose count is the number of rejected lines.
 */
export function compileLoadFile(config: LoadFileConfig, ctx: CompileContext): CompiledOutputs {
  if (config.content.trim() === '') throw new CompileError('Choose the file to load.');
  if (config.columns.length === 0) throw new CompileError('Describe the columns to read from the file.');
  const parsed = parseCsv(config.content, config.delimiter);
  if (parsed.errors.length > 0) throw new CompileError(`The file cannot be read: ${parsed.errors[0]}`);
  const [first, ...rest] = parsed.rows;
  const records = config.header ? rest : parsed.rows;
  const positions = columnPositions(config, first ?? []);
  const taken = new Set([FILE_KEY_COLUMN]);
  config.columns.forEach((c) => checkAlias(c.name, taken, 'File column'));
  const range = ctx.sql.dialect.dateRange;
  const convert = (type: FileColumn['type'], text: string) => withinRange(convertCell(type, text), type, range);
  const defaults = config.columns.map((c) => defaultOf(c, convert));

  const good: string[] = [];
  const rejected: string[] = [];
  records.forEach((cells, i) => {
    const line = i + 1;
    const values: FileValue[] = [];
    const reasons: string[] = [];
    config.columns.forEach((c, j) => {
      const converted = convert(c.type, cells[positions[j]!] ?? '');
      if (converted.ok) values.push(converted.value);
      else if (c.onError === 'ignore') values.push(null);
      else if (c.onError === 'default') values.push(defaults[j]!);
      else reasons.push(`${c.name}: ${converted.message}`);
    });
    if (reasons.length > 0) rejected.push(`(${line}, ${ctx.sql.literal(reasons.join('; '))})`);
    else good.push(`(${[line, ...values].map((v) => ctx.sql.literal(v)).join(', ')})`);
  });

  const names = config.columns.map((_, j) => `c${j}`);
  const select = config.columns.map((c, j) => `CAST(v.${names[j]} AS ${ctx.sql.dialect.sqlType(c.type)}) AS ${ctx.sql.ident(c.name)}`);
  const emptyRow = `(${['NULL', ...names.map(() => 'NULL')].join(', ')})`;
  const outSql = `SELECT CAST(v.line AS ${ctx.sql.dialect.sqlType('integer')}) AS ${FILE_KEY_COLUMN}, ${select.join(', ')}\nFROM (VALUES ${good.length ? good.join(',\n  ') : emptyRow}) AS v(line, ${names.join(', ')})${good.length ? '' : '\nWHERE FALSE'}`;
  const rejectedSql = `SELECT CAST(v.line AS ${ctx.sql.dialect.sqlType('integer')}) AS ${FILE_KEY_COLUMN}, CAST(v.reason AS ${ctx.sql.dialect.sqlType('string')}) AS reason\nFROM (VALUES ${rejected.length ? rejected.join(',\n  ') : '(NULL, NULL)'}) AS v(line, reason)${rejected.length ? '' : '\nWHERE FALSE'}`;
  const dimension = `${FILE_DIMENSION_PREFIX}${ctx.activity.id}`;
  return {
    out: { sql: outSql, dimension, columns: config.columns.map((c) => ({ name: c.name, type: c.type })) },
    rejected: { sql: rejectedSql, dimension: `${dimension}:rejected`, columns: [{ name: 'reason', type: 'string' }] },
  };
}

/**
 * Index in each record of every configured column: by heading with a header line, else in order.
 * A heading matches exactly first, then without case; when a file repeats a heading (`email`,
 * `Email`), each column takes the first matching position no earlier column took.
 */
function columnPositions(config: LoadFileConfig, header: string[]): number[] {
  if (!config.header) return config.columns.map((_, j) => j);
  const headings = header.map((h) => h.trim());
  const taken = new Set<number>();
  return config.columns.map((c) => {
    const wanted = c.source.trim() || c.name;
    const exact = headings.flatMap((h, i) => (h === wanted ? [i] : []));
    const loose = headings.flatMap((h, i) => (h.toLowerCase() === wanted.toLowerCase() ? [i] : []));
    const at = [...exact, ...loose].find((i) => !taken.has(i)) ?? exact[0] ?? loose[0];
    if (at === undefined) throw new CompileError(`The file has no column "${wanted}" (its columns: ${header.join(', ')}).`);
    taken.add(at);
    return at;
  });
}

/**
 * A date the engine cannot hold (ClickHouse: 1900–2299) is a cell in error, handled as the column
 * says (rejected line, empty or default): the engine would otherwise keep another date.
 */
function withinRange(converted: ReturnType<typeof convertCell>, type: FileColumn['type'], range: DateRange | undefined): ReturnType<typeof convertCell> {
  if (!converted.ok || !range || (type !== 'date' && type !== 'timestamp') || typeof converted.value !== 'string') return converted;
  const day = converted.value.slice(0, 10);
  if (day >= range.first && day <= range.last) return converted;
  return { ok: false, message: `"${converted.value}" is outside the dates the warehouse holds (${range.first} to ${range.last})` };
}

function defaultOf(c: FileColumn, convert: (type: FileColumn['type'], text: string) => ReturnType<typeof convertCell>): FileValue {
  if (c.onError !== 'default') return null;
  const converted = convert(c.type, c.defaultValue);
  if (!converted.ok) throw new CompileError(`Column ${c.name}: the default value ${converted.message}.`);
  return converted.value;
}
