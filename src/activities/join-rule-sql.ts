import type { JoinComparison, JoinOperand, JoinRule } from '../domain/rule-join';
import { joinRuleProblems } from '../domain/rule-join';
import type { CompileContext } from './compile-types';
import { CompileError } from './compile-types';

/** A value one side of a join rule reads: its SQL (over that side's alias) and its type. */
export interface JoinValue {
  sql: string;
  type: string;
}

/** How each side of a join rule turns a name into SQL; throws a CompileError for an unknown name. */
export interface JoinSides {
  /** Words for messages, e.g. "the records" and "the joined table". */
  labels: { records: string; other: string };
  records: (name: string, what: string) => JoinValue;
  other: (name: string, what: string) => JoinValue;
}

const isText = (type: string) => type === 'string' || type === 'enum';
const isNumber = (type: string) => type === 'integer' || type === 'decimal';
const isDate = (type: string) => type === 'date' || type === 'timestamp';
const ops = { equals: '=', 'not-equals': '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * The boolean SQL of a join rule. Each comparison is two-valued (an empty value never matches);
 * text is compared as text, with the chosen case and space folding; a number of a loaded file and
 * one of the model compare as numbers; values of unrelated types compare as text rather than fail
 * to cast. A constant takes the type of what it is compared with and is escaped by `literal`.
 */
export function joinRuleSql(rule: JoinRule, ctx: CompileContext, sides: JoinSides): string {
  const problem = joinRuleProblems(rule, sides.labels)[0];
  if (problem) throw new CompileError(problem.message);
  const parts = rule.comparisons.map((c, i) => comparisonSql(c, i, ctx, sides));
  return parts.length === 1 ? parts[0]! : `(${parts.join(rule.combinator === 'and' ? ' AND ' : ' OR ')})`;
}

function comparisonSql(c: JoinComparison, i: number, ctx: CompileContext, sides: JoinSides): string {
  const what = `Comparison ${i + 1}`;
  const named = (o: JoinOperand) => (o.side === 'records' ? sides.records(o.name, what) : o.side === 'other' ? sides.other(o.name, what) : undefined);
  const left = named(c.left);
  const right = named(c.right);
  const folded = (o: JoinOperand) => o.side !== 'value' && o.transform !== 'none';
  // The type both sides are compared as: text as soon as one side is text or folded.
  const types = [left?.type, right?.type].filter((t): t is string => t !== undefined);
  const asText = folded(c.left) || folded(c.right) || types.some(isText) || (types.length === 2 && !sameKind(types[0]!, types[1]!));
  const kind = asText ? 'string' : types[0]!;
  const side = (o: JoinOperand, v: JoinValue | undefined): string => {
    if (o.side === 'value') return constant(o.value, kind, ctx, what);
    const x = asText && !isText(v!.type) ? `CAST(${v!.sql} AS VARCHAR)` : v!.sql;
    switch (o.transform) {
      case 'lower':
        return `lower(${x})`;
      case 'trim':
        return `trim(${x})`;
      case 'lower-trim':
        return `lower(trim(${x}))`;
      default:
        return x;
    }
  };
  const l = side(c.left, left);
  const r = side(c.right, right);
  // An empty text never matches: two records without an email are not the same person.
  const notEmpty = asText && c.operator === 'equals' ? ` AND ${l} <> ''` : '';
  return `COALESCE(${l} ${ops[c.operator]} ${r}${notEmpty}, FALSE)`;
}

function sameKind(a: string, b: string): boolean {
  return a === b || (isNumber(a) && isNumber(b)) || (isDate(a) && isDate(b));
}

/** A constant of a join rule as a literal of the type it is compared as. */
function constant(value: string | number | boolean, type: string, ctx: CompileContext, what: string): string {
  if (isNumber(type)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(n)) throw new CompileError(`${what}: ${JSON.stringify(value)} is not a number.`);
    return ctx.sql.literal(n);
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return ctx.sql.literal(value);
    if (value === 'true' || value === 'false') return ctx.sql.literal(value === 'true');
    throw new CompileError(`${what}: expected true or false, not ${JSON.stringify(value)}.`);
  }
  if (isDate(type)) {
    const text = String(value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) throw new CompileError(`${what}: expected a date (YYYY-MM-DD), not ${JSON.stringify(value)}.`);
    return `CAST(${ctx.sql.literal(text)} AS DATE)`;
  }
  return ctx.sql.literal(String(value));
}
