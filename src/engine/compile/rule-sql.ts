import type { AttributeCondition, CollectionCondition, Condition, ConditionGroup } from '../../domain/rule';
import { resolvePath } from '../../domain/data-model';
import type { DataModel, EntityDef, FieldDef, LinkStep } from '../../domain/data-model';
import { columnField, missingColumnMessage, type WorkingTableColumn } from '../../domain/rule-columns';
import { CompileError } from '../../activities/compile-types';
import { MESSAGE_RESULTS_NEED_A_RUN } from '../../domain/rule-needs-run';
import { quoteIdent, sqlLiteral, dateLiteral } from '../sql/quote';
import { countValue, listLiterals, valueLiteral } from './rule-values';

/** Where a rule is compiled: over which entity's rows, under which alias, against which data. */
export interface RuleScope {
  model: DataModel;
  entity: EntityDef;
  alias: string;
  referenceDate: string;
  table: (entity: string) => string;
  /** Registers facts derived from the data alone (see SqlToolkit.facts) and returns their relation. */
  facts: (sql: string) => string;
  /** Shared counter so that nested sub-queries get distinct aliases. */
  aliases: { next: number };
  /**
   * Looks up a saved filter (a named reusable rule) by id. Without it, `saved-filter` conditions
   * cannot compile.
   */
  savedFilter?: (filterId: string) => { entity: string; rule: ConditionGroup } | undefined;
  /** Saved filters being expanded, outermost first, so that a filter that refers to itself is caught. */
  filterTrail?: readonly string[];
  /**
   * The inbound working table beside the entity's row, for conditions on its columns (an
   * Enrichment's columns): its alias and its known columns. Absent inside collections and where
   * a rule selects from the data alone (Build audience).
   */
  row?: { alias: string; columns: readonly WorkingTableColumn[] };
}

/**
 * How a rule's expression is used. As a `value` (a column, or under NOT) it must be exactly true or
 * false. As a `filter` (a WHERE clause, alone or in ANDs and ORs) unknown drops the record as false
 * does, so a positive condition needs no COALESCE: DuckDB then plans `key IN (SELECT ...)` as a
 * hash semi-join instead of a mark join, about twice as fast on a million records.
 */
export type RuleUse = 'filter' | 'value';

/**
 * Compiles a rule to a boolean SQL expression. Every condition is two-valued: a missing value never
 * matches a positive operator, and the negative operators (not equal, not in, does not contain...)
 * are exactly the complement of their positive, so a rule and its negation always partition the
 * records (someone without a country is "not in France"). As a filter (see RuleUse) the expression
 * may be unknown where the value would be false; it selects the same records.
 */
export function ruleSql(rule: Condition, scope: RuleScope, use: RuleUse = 'value'): string {
  switch (rule.kind) {
    case 'group':
      return groupSql(rule, scope, use);
    case 'attribute':
      return attributeSql(rule, scope, use);
    case 'collection':
      return collectionSql(rule, scope, use);
    case 'delivery':
      throw new CompileError(MESSAGE_RESULTS_NEED_A_RUN);
    case 'saved-filter':
      return savedFilterSql(rule.filterId, scope, use);
  }
}

function savedFilterSql(filterId: string, scope: RuleScope, use: RuleUse): string {
  const saved = scope.savedFilter?.(filterId);
  if (!saved) throw new CompileError('A saved filter used in this rule is not available here.');
  if (saved.entity !== scope.entity.name)
    throw new CompileError(`A saved filter on ${saved.entity} cannot be used on ${scope.entity.label || scope.entity.name}.`);
  const trail = scope.filterTrail ?? [];
  if (trail.includes(filterId)) throw new CompileError('A saved filter refers to itself.');
  return ruleSql(saved.rule, { ...scope, filterTrail: [...trail, filterId] }, use);
}

function groupSql(group: ConditionGroup, scope: RuleScope, use: RuleUse): string {
  if (group.children.length === 0) return 'TRUE';
  if (group.combinator === 'except') {
    // What follows the first condition is negated: it must be exactly true or false.
    const [first, ...rest] = group.children.map((c, i) => ruleSql(c, scope, i === 0 ? use : 'value'));
    return rest.length === 0 ? first! : `(${[first!, ...rest.map((p) => `NOT ${p}`)].join('\n  AND ')})`;
  }
  const parts = mergeLinked(group.children, scope).map((part) =>
    Array.isArray(part) ? linkedSql(part, group.combinator === 'and' ? 'AND' : 'OR', scope, use) : ruleSql(part, scope, use),
  );
  const joiner = group.combinator === 'and' ? '\n  AND ' : '\n  OR ';
  return parts.length === 1 ? parts[0]! : `(${parts.join(joiner)})`;
}

/** A condition on a field one link away, through a link on one column. */
interface LinkedCondition {
  condition: AttributeCondition;
  step: LinkStep;
  field: FieldDef;
}

function oneLinkAway(c: AttributeCondition, scope: RuleScope): LinkedCondition | undefined {
  if (c.source === 'column') return undefined;
  const resolved = resolvePath(scope.model, scope.entity.name, c.path, 'field');
  if (!resolved.ok || resolved.steps.length !== 1 || resolved.steps[0]!.link.on.length !== 1) return undefined;
  return { condition: c, step: resolved.steps[0]!, field: resolved.field! };
}

/** A condition one link away that only a linked record can satisfy (see MATCHES_MISSING): these merge. */
function linkedCondition(c: Condition, scope: RuleScope): LinkedCondition | undefined {
  return c.kind === 'attribute' && !MATCHES_MISSING.has(c.operator) ? oneLinkAway(c, scope) : undefined;
}

/**
 * A group's conditions, those on fields of the same linked record gathered in place of the first
 * of them: "account tier is enterprise AND account employees >= 50" is one semi-join on the
 * accounts that satisfy both (with OR, either), not two over the million records. That holds
 * because a record has at most one linked record through such a link.
 */
function mergeLinked(children: readonly Condition[], scope: RuleScope): (Condition | LinkedCondition[])[] {
  const parts: (Condition | LinkedCondition[])[] = [];
  const byLink = new Map<string, LinkedCondition[]>();
  for (const child of children) {
    const linked = linkedCondition(child, scope);
    if (!linked) {
      parts.push(child);
      continue;
    }
    const pair = linked.step.link.on[0]!;
    const key = `${linked.step.to.name}\u0000${pair.from}\u0000${pair.to}`;
    const same = byLink.get(key);
    if (same) same.push(linked);
    else {
      const list = [linked];
      byLink.set(key, list);
      parts.push(list);
    }
  }
  return parts;
}

function newAlias(scope: RuleScope): string {
  return `r${++scope.aliases.next}`;
}

/** SQL of a field reached from the scope's row through to-one links (a scalar sub-query per path). */
function fieldExpr(scope: RuleScope, steps: LinkStep[], field: string): string {
  if (steps.length === 0) return `${scope.alias}.${quoteIdent(field)}`;
  const aliases = steps.map(() => newAlias(scope));
  const from = steps.map((s, i) => {
    const prev = i === 0 ? scope.alias : aliases[i - 1]!;
    const on = s.link.on.map((p) => `${aliases[i]}.${quoteIdent(p.to)} = ${prev}.${quoteIdent(p.from)}`).join(' AND ');
    return i === 0 ? `${scope.table(s.to.name)} AS ${aliases[i]}` : `JOIN ${scope.table(s.to.name)} AS ${aliases[i]} ON ${on}`;
  });
  const first = steps[0]!;
  const where = first.link.on.map((p) => `${aliases[0]}.${quoteIdent(p.to)} = ${scope.alias}.${quoteIdent(p.from)}`).join(' AND ');
  // any_value: DuckDB turns this aggregate sub-query into a join (faster than LIMIT 1), and a link
  // whose target key is not unique cannot make it fail with "more than one row".
  return `(SELECT any_value(${aliases[aliases.length - 1]}.${quoteIdent(field)}) FROM ${from.join(' ')} WHERE ${where})`;
}

const positive = (sql: string) => `COALESCE(${sql}, FALSE)`;
const negative = (sql: string) => `NOT COALESCE(${sql}, FALSE)`;

const textOnly = new Set(['starts-with', 'not-starts-with', 'contains', 'not-contains', 'like', 'not-like']);
const dateOnly = new Set(['in-last', 'more-than-ago', 'this-month', 'last-month', 'before', 'after', 'anniversary-within']);

/** The field a condition reads and its SQL: a column of the inbound working table, or a field of the model. */
function operand(c: AttributeCondition, scope: RuleScope): { field: FieldDef; x: string } {
  if (c.source === 'column') {
    const name = c.path[0] ?? '';
    if (!scope.row) throw new CompileError(`Condition on column ${name}: the columns of the inbound records cannot be read here (only at the top of the rule of an activity with inbound records).`);
    const column = scope.row.columns.find((col) => col.name === name);
    if (!column) throw new CompileError(missingColumnMessage(name));
    // The name is one the working table is known to have, and it is quoted as an identifier.
    return { field: columnField(column), x: `${scope.row.alias}.${quoteIdent(column.name)}` };
  }
  const resolved = resolvePath(scope.model, scope.entity.name, c.path, 'field');
  if (!resolved.ok) throw new CompileError(`Condition on ${c.path.join('.') || '(no field)'}: ${resolved.message}`);
  return { field: resolved.field!, x: fieldExpr(scope, resolved.steps, resolved.field!.name) };
}

/** Operators that a record without the linked record (its value missing) satisfies. */
const MATCHES_MISSING = new Set<AttributeCondition['operator']>(['not-equals', 'not-in', 'not-starts-with', 'not-contains', 'not-like', 'is-empty']);

/**
 * A condition on a field of the record one link away (`account.tier`), as a semi-join on the link's
 * key: the keys of the linked records that satisfy it. DuckDB runs that as one hash join over the
 * small linked table, instead of looking the value up for every record. A record without a linked
 * record has the value missing, which only the operators of MATCHES_MISSING accept.
 */
function linkedAttributeSql(c: AttributeCondition, scope: RuleScope, use: RuleUse): string | undefined {
  const linked = oneLinkAway(c, scope);
  if (!linked) return undefined;
  if (!MATCHES_MISSING.has(c.operator)) return linkedSql([linked], 'AND', scope, use);
  // Satisfied without a linked record: the records whose linked record fails the opposite.
  const { alias, keys } = linkedKeys(linked.step, scope);
  const onLinked = attributeSql({ ...c, path: [linked.field.name] }, { ...outerScope(scope), entity: linked.step.to, alias }, 'value');
  return negative(keys(`NOT ${onLinked}`));
}

/** The record's link key among the keys of the linked records that satisfy `where` (a semi-join). */
function linkedKeys(step: LinkStep, scope: RuleScope): { alias: string; keys: (where: string) => string } {
  const pair = step.link.on[0]!;
  const alias = newAlias(scope);
  return {
    alias,
    keys: (where) => `${scope.alias}.${quoteIdent(pair.from)} IN (SELECT ${alias}.${quoteIdent(pair.to)} FROM ${scope.table(step.to.name)} AS ${alias} WHERE ${where})`,
  };
}

/** The scope without the inbound working table, whose columns belong to the outer record only. */
function outerScope(scope: RuleScope): Omit<RuleScope, 'row'> {
  const { row: _row, ...outer } = scope;
  return outer;
}

/** Conditions on fields of the same linked record (see mergeLinked), as one semi-join. */
function linkedSql(conditions: LinkedCondition[], joiner: 'AND' | 'OR', scope: RuleScope, use: RuleUse): string {
  const step = conditions[0]!.step;
  const { alias, keys } = linkedKeys(step, scope);
  const inner = { ...outerScope(scope), entity: step.to, alias };
  const tests = conditions.map((l) => attributeSql({ ...l.condition, path: [l.field.name] }, inner, 'filter'));
  return truth(use)(keys(tests.length === 1 ? tests[0]! : `(${tests.join(` ${joiner} `)})`));
}

/** A positive test as `use` needs it: as is in a filter, false when unknown as a value. */
function truth(use: RuleUse): (sql: string) => string {
  return use === 'filter' ? (sql) => sql : positive;
}

function attributeSql(c: AttributeCondition, scope: RuleScope, use: RuleUse): string {
  const linked = linkedAttributeSql(c, scope, use);
  if (linked !== undefined) return linked;
  const yes = truth(use);
  const { field, x } = operand(c, scope);
  const name = field.label || field.name;
  const isText = field.type === 'string' || field.type === 'enum';
  const isDate = field.type === 'date' || field.type === 'timestamp';
  if (textOnly.has(c.operator) && !isText) throw new CompileError(`"${c.operator}" applies to text; ${name} is ${field.type}`);
  if (dateOnly.has(c.operator) && !isDate) throw new CompileError(`"${c.operator}" applies to dates; ${name} is ${field.type}`);
  // A date-time compared with a day (the modeler picks a day) is compared by its day: "last seen
  // on 29 June" is any time that day, "between 15 and 30 June" includes the whole 30th.
  const byDay = field.type === 'timestamp' && [c.value, c.value2, ...(Array.isArray(c.value) ? c.value : [])].every((value) => !hasTime(value));
  const cx = byDay ? `CAST(${x} AS DATE)` : x;
  const cf: FieldDef = byDay ? { ...field, type: 'date' } : field;
  const cv = () => valueLiteral(cf, c.value);
  const text = () => {
    if (typeof c.value !== 'string' || c.value === '') throw new CompileError(`${name} needs some text`);
    return sqlLiteral(c.value);
  };
  const ref = dateLiteral(scope.referenceDate);
  const day = field.type === 'timestamp' ? `CAST(${x} AS DATE)` : x;
  const shift = (n: number) => {
    const unit = c.unit ?? 'days';
    return unit === 'months' ? `CAST(${ref} - INTERVAL ${n} MONTH AS DATE)` : `CAST(${ref} - INTERVAL ${unit === 'weeks' ? 7 * n : n} DAY AS DATE)`;
  };
  switch (c.operator) {
    case 'equals':
      return yes(`${cx} = ${cv()}`);
    case 'not-equals':
      return negative(`${cx} = ${cv()}`);
    case 'lt':
      return yes(`${cx} < ${cv()}`);
    case 'lte':
      return yes(`${cx} <= ${cv()}`);
    case 'gt':
      return yes(`${cx} > ${cv()}`);
    case 'gte':
      return yes(`${cx} >= ${cv()}`);
    case 'between':
      return yes(`${cx} BETWEEN ${cv()} AND ${valueLiteral(cf, c.value2, 'an upper bound')}`);
    case 'in':
      return yes(`${cx} IN (${listLiterals(cf, c.value).join(', ')})`);
    case 'not-in':
      return negative(`${cx} IN (${listLiterals(cf, c.value).join(', ')})`);
    case 'is-empty':
      return isText ? `(${x} IS NULL OR ${x} = '')` : `(${x} IS NULL)`;
    case 'is-not-empty':
      return isText ? `(${x} IS NOT NULL AND ${x} <> '')` : `(${x} IS NOT NULL)`;
    case 'starts-with':
      return yes(`starts_with(lower(${x}), lower(${text()}))`);
    case 'not-starts-with':
      return negative(`starts_with(lower(${x}), lower(${text()}))`);
    case 'contains':
      return yes(`contains(lower(${x}), lower(${text()}))`);
    case 'not-contains':
      return negative(`contains(lower(${x}), lower(${text()}))`);
    case 'like':
      text();
      return yes(likeSql(x, c.value as string));
    case 'not-like':
      text();
      return negative(likeSql(x, c.value as string));
    case 'in-last':
      return yes(`(${day} > ${shift(countValue(c.value, name))} AND ${day} <= ${ref})`);
    case 'more-than-ago':
      return yes(`${day} < ${shift(countValue(c.value, name))}`);
    case 'this-month':
      return yes(`CAST(date_trunc('month', ${day}) AS DATE) = CAST(date_trunc('month', ${ref}) AS DATE)`);
    case 'last-month':
      return yes(`CAST(date_trunc('month', ${day}) AS DATE) = CAST(date_trunc('month', ${ref}) - INTERVAL 1 MONTH AS DATE)`);
    case 'before':
      return yes(`${dateOperand(field.type, x, day, c.value, name)} < ${dateValue(field.type, c.value, name)}`);
    case 'after':
      return yes(`${dateOperand(field.type, x, day, c.value, name)} > ${dateValue(field.type, c.value, name)}`);
    case 'anniversary-within': {
      const n = countValue(c.value, name);
      // This year's anniversary; 29 February rolls to 1 March in other years.
      const thisYear = `CAST(date_trunc('year', ${ref}) + INTERVAL (month(${day}) - 1) MONTH + INTERVAL (day(${day}) - 1) DAY AS DATE)`;
      const next = `CASE WHEN ${thisYear} >= ${ref} THEN ${thisYear} ELSE CAST(${thisYear} + INTERVAL 1 YEAR AS DATE) END`;
      return yes(`date_diff('day', ${ref}, ${next}) BETWEEN 0 AND ${n}`);
    }
    case 'is-true':
      return yes(`${x} = TRUE`);
    case 'is-false':
      return yes(`${x} = FALSE`);
  }
}

/** A date-time value compares with the full timestamp; a plain date with the day. */
function hasTime(value: unknown): boolean {
  return typeof value === 'string' && value.length > 10;
}
function dateOperand(type: string, x: string, day: string, value: unknown, _name: string): string {
  return type === 'timestamp' && hasTime(value) ? x : day;
}
function dateValue(type: string, value: AttributeCondition['value'], name: string): string {
  if (type === 'timestamp' && hasTime(value)) return valueLiteral({ name, label: name, type: 'timestamp', values: [], description: '' }, value);
  return valueLiteral({ name, label: name, type: 'date', values: [], description: '' }, value);
}

function collectionSql(c: CollectionCondition, scope: RuleScope, use: RuleUse): string {
  const resolved = resolvePath(scope.model, scope.entity.name, c.path, 'link');
  if (!resolved.ok) throw new CompileError(`Condition on ${c.path.join('.') || '(no collection)'}: ${resolved.message}`);
  const last = resolved.steps[resolved.steps.length - 1]!;
  if (last.link.cardinality !== 'one-to-many') throw new CompileError(`${c.path.join('.')} is not a collection`);
  const single = last.link.on.length === 1;
  // Facts are named by their SQL: their aliases are numbered on their own, so that the same
  // condition anywhere in any rule (or counted alone) reads the same facts.
  const aliases = single ? { next: 0 } : scope.aliases;
  const alias = newAlias({ ...scope, aliases });
  // The working table's columns belong to the outer record, not to the collection's lines.
  const { row: _row, ...outer } = scope;
  const inner: RuleScope = { ...outer, entity: last.to, alias, aliases };
  const before = resolved.steps.slice(0, -1);
  // The lines' conditions select lines: always a filter.
  const where = ruleSql(c.where, inner, 'filter');
  const filter = where === 'TRUE' ? '' : ` AND ${where}`;
  if (single) {
    // A link on one column compiles to an uncorrelated sub-query over the collection's keys
    // (`key IN (SELECT ...)`), which DuckDB runs as one hash semi-join: about three times faster
    // than a correlated EXISTS or a scalar aggregate per record on millions of lines.
    const pair = last.link.on[0]!;
    const outerKey = fieldExpr(scope, before, pair.from);
    const lineKey = `${alias}.${quoteIdent(pair.to)}`;
    const lines = `FROM ${scope.table(last.to.name)} AS ${alias} WHERE ${lineKey} IS NOT NULL${filter}`;
    return collectionFactsSql(c, inner, scope.facts, outerKey, lineKey, lines, use);
  }
  const join = last.link.on.map((p) => `${alias}.${quoteIdent(p.to)} = ${fieldExpr(scope, before, p.from)}`).join(' AND ');
  const from = `FROM ${scope.table(last.to.name)} AS ${alias} WHERE ${join}${filter}`;
  switch (c.quantifier) {
    case 'exists':
      return `EXISTS (SELECT 1 ${from})`;
    case 'not-exists':
      return `NOT EXISTS (SELECT 1 ${from})`;
    case 'aggregate': {
      const { expr, test } = aggregateTest(c, inner);
      return truth(use)(test(`(SELECT ${expr} ${from})`));
    }
  }
}

/**
 * A collection condition over facts computed once per dataset: the keys that have a matching
 * line, or each key's aggregate over its matching lines. The facts do not depend on the value
 * compared with, so changing that value, or any other condition of the rule, reads them again
 * instead of scanning the collection.
 */
function collectionFactsSql(c: CollectionCondition, inner: RuleScope, facts: (sql: string) => string, outerKey: string, lineKey: string, lines: string, use: RuleUse): string {
  switch (c.quantifier) {
    case 'exists':
      return truth(use)(`${outerKey} IN (SELECT "k" FROM ${facts(`SELECT DISTINCT ${lineKey} AS "k" ${lines}`)})`);
    case 'not-exists':
      return negative(`${outerKey} IN (SELECT "k" FROM ${facts(`SELECT DISTINCT ${lineKey} AS "k" ${lines}`)})`);
    case 'aggregate': {
      const { expr, test, holdsForNone } = aggregateTest(c, inner);
      const values = facts(`SELECT ${lineKey} AS "k", ${expr} AS "v" ${lines} GROUP BY ${lineKey}`);
      // As in the grouped form: keys without lines pass when the value over no lines passes.
      return holdsForNone
        ? negative(`${outerKey} IN (SELECT "k" FROM ${values} WHERE NOT ${positive(test('"v"'))})`)
        : truth(use)(`${outerKey} IN (SELECT "k" FROM ${values} WHERE ${test('"v"')})`);
    }
  }
}

/**
 * The aggregate of a collection condition, the comparison it is put to, and whether a record with
 * no line at all passes it (count and sum are then 0; avg, min and max unknown, which never pass).
 */
function aggregateTest(c: CollectionCondition, inner: RuleScope): { expr: string; test: (x: string) => string; holdsForNone: boolean } {
  const agg = c.aggregate;
  if (!agg) throw new CompileError('Choose the aggregate to compare (count, sum...)');
  let expr: string;
  if (agg.fn === 'count') expr = 'count(*)';
  else {
    const field = agg.field ? inner.entity.fields.find((f) => f.name === agg.field) : undefined;
    if (!field) throw new CompileError(`Choose a field of ${inner.entity.label || inner.entity.name} to aggregate`);
    const numeric = field.type === 'integer' || field.type === 'decimal';
    if (agg.fn !== 'count-distinct' && !numeric) throw new CompileError(`${agg.fn} needs a numeric field; ${field.name} is ${field.type}`);
    const col = `${inner.alias}.${quoteIdent(field.name)}`;
    // The sum over no rows is 0 (someone without purchases spent 0); avg, min and max stay unknown.
    expr = agg.fn === 'count-distinct' ? `count(DISTINCT ${col})` : agg.fn === 'sum' ? `coalesce(sum(${col}), 0)` : `${agg.fn}(${col})`;
  }
  const number = (v: number | null | undefined, what: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new CompileError(`The ${agg.fn} needs ${what}`);
    return v;
  };
  const zero = agg.fn === 'count' || agg.fn === 'count-distinct' || agg.fn === 'sum' ? 0 : undefined;
  const op = agg.operator;
  if (op === 'between') {
    const low = number(agg.value, 'a lower bound');
    const high = number(agg.value2, 'an upper bound');
    return {
      expr,
      test: (x) => `${x} BETWEEN ${sqlLiteral(low)} AND ${sqlLiteral(high)}`,
      holdsForNone: zero !== undefined && low <= zero && zero <= high,
    };
  }
  const value = number(agg.value, 'a value to compare with');
  const ops = { equals: '=', 'not-equals': '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
  const holds = { equals: (a: number) => a === value, 'not-equals': (a: number) => a !== value, lt: (a: number) => a < value, lte: (a: number) => a <= value, gt: (a: number) => a > value, gte: (a: number) => a >= value };
  // "Is not" keeps an unknown aggregate (an average over no lines), as every negative operator
  // keeps a missing value.
  if (op === 'not-equals') return { expr, test: (x) => `NOT COALESCE(${x} = ${sqlLiteral(value)}, FALSE)`, holdsForNone: zero === undefined || zero !== value };
  return { expr, test: (x) => `${x} ${ops[op]} ${sqlLiteral(value)}`, holdsForNone: zero !== undefined && holds[op](zero) };
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

/** `x LIKE pattern` with the escape above; `typed` was checked to be text by the caller. */
function likeSql(x: string, typed: string): string {
  return `${x} LIKE ${sqlLiteral(likePatternText(typed))} ESCAPE '\\'`;
}
