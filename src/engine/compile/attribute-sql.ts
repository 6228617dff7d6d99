import type { AttributeCondition } from '../../domain/rule';
import type { FieldDef } from '../../domain/data-model';
import { includesMissing, isNegative, isTextField } from '../../domain/rule-operators';
import { CompileError } from '../../activities/compile-types';
import type { SqlDialect } from '../sql/dialect';
import { countValue, listLiterals, valueLiteral } from './rule-values';

/**
 * One attribute condition on one operand (`x`, a column or a scalar sub-query), in two parts: the
 * record has no value (`missing`: never unknown), and the positive test (`test`: never true
 * without a value, true or false with one). The negative operators are the NOT of their
 * positive's test, so that opposite operators partition the records that have a value.
 */
interface OperandTest {
  missing: string;
  /** Absent for "is empty" and "is not empty", which are the missing test itself. */
  test?: string;
  negated: boolean;
}

/** How the expression is used (see RuleUse in rule-sql.ts): a filter may be unknown where false. */
type Use = 'filter' | 'value';

const textOnly = new Set(['starts-with', 'not-starts-with', 'contains', 'not-contains', 'like', 'not-like']);
const dateOnly = new Set(['in-last', 'more-than-ago', 'this-month', 'last-month', 'before', 'on-or-after', 'after', 'on-or-before', 'anniversary-within']);

/**
 * The condition on the operand as a boolean SQL expression. Records without a value are kept or
 * left out as the condition says (`missing`, by default kept by the negative operators only).
 * Filter form of the default positive condition: the test alone, without COALESCE, so that a
 * semi-join stays a semi-join.
 */
export function operandSql(c: AttributeCondition, field: FieldDef, x: string, referenceDate: string, use: Use, d: SqlDialect): string {
  const { missing, test, negated } = operandTest(c, field, x, referenceDate, d);
  if (test === undefined) return c.operator === 'is-empty' ? missing : `NOT ${missing}`;
  const include = includesMissing(c);
  if (!negated) {
    if (!include) return use === 'filter' ? test : `COALESCE(${test}, FALSE)`;
    return use === 'filter' ? `(${test} OR ${missing})` : `(COALESCE(${test}, FALSE) OR ${missing})`;
  }
  if (include) return `NOT COALESCE(${test}, FALSE)`;
  // Left out: the records with a value that fail the test.
  return `(NOT COALESCE(${test}, FALSE) AND NOT ${missing})`;
}

/**
 * SQL that is true when the operand has no value: missing, or for text blank (free text: spaces
 * only; a list's value: empty).
 */
export function missingSql(field: FieldDef, x: string): string {
  if (field.type === 'string') return `NULLIF(trim(${x}), '') IS NULL`;
  return field.type === 'enum' ? `(${x} IS NULL OR ${x} = '')` : `${x} IS NULL`;
}

function operandTest(c: AttributeCondition, field: FieldDef, x: string, referenceDate: string, d: SqlDialect): OperandTest {
  const name = field.label || field.name;
  const isText = isTextField(field);
  const isDate = field.type === 'date' || field.type === 'timestamp';
  if (textOnly.has(c.operator) && !isText) throw new CompileError(`"${c.operator}" applies to text; ${name} is ${field.type}`);
  if (dateOnly.has(c.operator) && !isDate) throw new CompileError(`"${c.operator}" applies to dates; ${name} is ${field.type}`);
  const missing = missingSql(field, x);
  const negated = isNegative(c.operator);
  if (c.operator === 'is-empty' || c.operator === 'is-not-empty') return { missing, negated: false };
  const of = (test: string): OperandTest => ({ missing, test, negated });
  // A list's value matched as text (the compiler accepts it) follows the text rule too.
  if (field.type === 'string' || (isText && textOnly.has(c.operator))) return of(textTest(c, field, x, name, d));

  // A date-time compared with a day (the modeler picks a day) is compared by its day: "last seen
  // on 29 June" is any time that day, "between 15 and 30 June" includes the whole 30th.
  const byDay = field.type === 'timestamp' && [c.value, c.value2, ...(Array.isArray(c.value) ? c.value : [])].every((value) => !hasTime(value));
  const cx = byDay ? d.castDate(x) : x;
  const cf: FieldDef = byDay ? { ...field, type: 'date' } : field;
  const cv = () => valueLiteral(d, cf, c.value);
  const ref = d.date(referenceDate);
  const day = field.type === 'timestamp' ? d.castDate(x) : x;
  const shift = (n: number) => {
    const unit = c.unit ?? 'days';
    return d.castDate(`${ref} - INTERVAL ${unit === 'months' ? n : unit === 'weeks' ? 7 * n : n} ${unit === 'months' ? 'MONTH' : 'DAY'}`);
  };
  const point = () => [dateOperand(field.type, x, day, c.value), dateValue(d, field.type, c.value, name)] as const;
  switch (c.operator) {
    case 'equals':
    case 'not-equals':
      return of(`${cx} = ${cv()}`);
    case 'lt':
      return of(`${cx} < ${cv()}`);
    case 'lte':
      return of(`${cx} <= ${cv()}`);
    case 'gt':
      return of(`${cx} > ${cv()}`);
    case 'gte':
      return of(`${cx} >= ${cv()}`);
    case 'between':
      return of(`${cx} BETWEEN ${cv()} AND ${valueLiteral(d, cf, c.value2, 'an upper bound')}`);
    case 'in':
    case 'not-in':
      return of(`${cx} IN (${listLiterals(d, cf, c.value).join(', ')})`);
    // The last N days are today and the N - 1 before; "more than N ago" is every day before them,
    // so the two partition the days up to today (a date after today is in neither).
    case 'in-last':
      return of(`(${day} > ${shift(countValue(c.value, name))} AND ${day} <= ${ref})`);
    case 'more-than-ago':
      return of(`${day} <= ${shift(countValue(c.value, name))}`);
    case 'this-month':
      return of(`${d.castDate(d.truncTime('month', day))} = ${d.castDate(d.truncTime('month', ref))}`);
    case 'last-month':
      return of(`${d.castDate(d.truncTime('month', day))} = ${d.castDate(`${d.truncTime('month', ref)} - INTERVAL 1 MONTH`)}`);
    case 'before': {
      const [d, v] = point();
      return of(`${d} < ${v}`);
    }
    case 'on-or-after': {
      const [d, v] = point();
      return of(`${d} >= ${v}`);
    }
    case 'after': {
      const [d, v] = point();
      return of(`${d} > ${v}`);
    }
    case 'on-or-before': {
      const [d, v] = point();
      return of(`${d} <= ${v}`);
    }
    case 'anniversary-within': {
      const n = countValue(c.value, name);
      // The anniversary in the reference year, or the next (src/domain/anniversary.ts): counted from
      // each year's 1 January, so 29 February rolls to 1 March only in a year without it.
      const inYear = (years: number) =>
        d.castDate(`${d.truncTime('year', ref)}${years ? ` + INTERVAL ${years} YEAR` : ''} + INTERVAL (month(${day}) - 1) MONTH + INTERVAL (day(${day}) - 1) DAY`);
      const thisYear = inYear(0);
      const next = `CASE WHEN ${thisYear} >= ${ref} THEN ${thisYear} ELSE ${inYear(1)} END`;
      return of(`date_diff('day', ${ref}, ${next}) BETWEEN 0 AND ${n}`);
    }
    case 'is-true':
      return of(`${x} = TRUE`);
    case 'is-false':
      return of(`${x} = FALSE`);
    default:
      throw new CompileError(`"${c.operator}" does not apply to ${name}`);
  }
}

/**
 * The text rule, for free text: the record's text and the typed value are compared without their
 * surrounding spaces and, unless the condition matches case, without case. A blank text is no
 * value. (A list's values are picked, not typed: they compare exactly, see operandTest.)
 */
function textTest(c: AttributeCondition, field: FieldDef, x: string, name: string, d: SqlDialect): string {
  const fold = (sql: string) => (c.matchCase ? sql : `lower(${sql})`);
  const typed = (value: unknown, what = 'some text') => {
    if (typeof value !== 'string' && typeof value !== 'number') throw new CompileError(`${name} needs ${what}`);
    if (String(value).trim() === '') throw new CompileError(`${name} needs ${what}`);
    return fold(`trim(${d.literal(String(value))})`);
  };
  const one = (value: unknown) => typed(value, 'a value');
  // The typed value is never blank, so a blank text cannot match these. Trimming a million texts
  // costs about four times the comparison itself: `contains` on the untrimmed text (the same
  // answer, the value having no spaces at either end) first keeps only the texts that can match.
  const near = (v: string) => d.containsText(fold(x), v);
  const t = fold(`trim(${x})`);
  switch (c.operator) {
    case 'equals':
    case 'not-equals': {
      const v = one(c.value);
      return `(${near(v)} AND ${t} = ${v})`;
    }
    case 'in':
    case 'not-in': {
      const items = Array.isArray(c.value) ? c.value : c.value === undefined || c.value === null ? [] : [c.value];
      if (items.length === 0) throw new CompileError(`${name} needs at least one value in the list`);
      const vs = items.map(one);
      return `((${vs.map(near).join(' OR ')}) AND ${t} IN (${vs.join(', ')}))`;
    }
    case 'starts-with':
    case 'not-starts-with': {
      const v = typed(c.value);
      return `(${near(v)} AND ${d.startsWith(fold(`ltrim(${x})`), v)})`;
    }
    case 'contains':
    case 'not-contains':
      return near(typed(c.value));
    case 'like':
    case 'not-like':
      // A pattern may match an empty text ("%"): a blank text is no value, and never matches.
      typed(c.value);
      return `${fold(`NULLIF(trim(${x}), '')`)} LIKE ${fold(`trim(${d.literal(likePatternText(String(c.value)))})`)} ESCAPE ${d.literal('\\')}`;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
    case 'between': {
      // Text compares in order of its characters, under the same rule.
      const nt = fold(`NULLIF(trim(${x}), '')`);
      const ops = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
      if (c.operator === 'between') return `${nt} BETWEEN ${one(c.value)} AND ${one(c.value2)}`;
      return `${nt} ${ops[c.operator]} ${one(c.value)}`;
    }
    default:
      throw new CompileError(`"${c.operator}" does not apply to text; ${name} is ${field.type}`);
  }
}

/** A date-time value compares with the full timestamp; a plain date with the day. */
function hasTime(value: unknown): boolean {
  return typeof value === 'string' && value.length > 10;
}
function dateOperand(type: string, x: string, day: string, value: unknown): string {
  return type === 'timestamp' && hasTime(value) ? x : day;
}
function dateValue(d: SqlDialect, type: string, value: AttributeCondition['value'], name: string): string {
  if (type === 'timestamp' && hasTime(value)) return valueLiteral(d, { name, label: name, type: 'timestamp', values: [], description: '' }, value);
  return valueLiteral(d, { name, label: name, type: 'date', values: [], description: '' }, value);
}

/**
 * A like pattern as typed, for `LIKE ... ESCAPE '\'`: `%` and `_` are wildcards; `\%`, `\_` and
 * `\\` stand for a literal `%`, `_` and `\` (docs/query-modeler.md). Any other backslash is a
 * backslash, as it was before the escape existed, and a trailing one never ends the pattern on an
 * escape (which DuckDB refuses).
 */
export function likePatternText(typed: string): string {
  return typed.replace(/\\([%_\\]?)/g, (_, next: string) => (next ? `\\${next}` : '\\\\'));
}
