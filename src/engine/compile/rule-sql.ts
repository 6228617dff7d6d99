import type { EarlierChannelRef, PointRecord } from '../../activities/compile-types';
import type { AttributeCondition, CollectionCondition, Condition, ConditionGroup } from '../../domain/rule';
import { resolvePath } from '../../domain/data-model';
import type { DataModel, EntityDef, FieldDef, LinkStep } from '../../domain/data-model';
import { columnField, missingColumnMessage, type WorkingTableColumn } from '../../domain/rule-columns';
import { CompileError } from '../../activities/compile-types';
import { MAX_RULE_DEPTH } from '../../domain/nesting';
import { deliverySql } from './delivery-sql';
import { FIELD_PROMPT } from '../../domain/rule-validation';
import { quoteIdent } from '../sql/quote';
import type { SqlDialect } from '../sql/dialect';
import { aggregateIncludesMissing, aggregateIsZeroWithoutLines, includesMissing } from '../../domain/rule-operators';
import { missingSql, operandSql } from './attribute-sql';

/** Where a rule is compiled: over which entity's rows, under which alias, against which data. */
export interface RuleScope {
  /** The SQL engine's dialect. */
  dialect: SqlDialect;
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
  savedFilter?: (filterId: string) => { entity: string; rule: ConditionGroup; name?: string } | undefined;
  /** Saved filters being expanded, outermost first, so that a filter that refers to itself is caught. */
  filterTrail?: readonly string[];
  /**
   * Groups enclosing what is compiled. The document's rules are checked before compiling (see
   * findNestingProblem); a saved filter's rule is only known here, so its groups are counted as
   * they are met and a rule past MAX_RULE_DEPTH through saved filters is refused.
   */
  groupLevel?: number;
  /**
   * The inbound working table beside the entity's row, for conditions on its columns (an
   * Enrichment's columns): its alias and its known columns. Absent inside collections and where
   * a rule selects from the data alone (Build audience).
   */
  row?: { alias: string; columns: readonly WorkingTableColumn[] };
  /**
   * Results of earlier messages, for `delivery` conditions: the channels that send before the
   * activity (with their event tables when the campaign is simulated) and the activity's simulated
   * time, as of which their results are read.
   */
  messages?: { clock: string; channels: readonly EarlierChannelRef[]; simulated: boolean };
  /** The one record the rule is evaluated for, if any (see PointRecord). */
  point?: PointRecord;
}

/**
 * How a rule's expression is used. As a `value` (a column, or under NOT) it must be exactly true or
 * false. As a `filter` (a WHERE clause, alone or in ANDs and ORs) unknown drops the record as false
 * does, so a positive condition needs no COALESCE: DuckDB then plans `key IN (SELECT ...)` as a
 * hash semi-join instead of a mark join, about twice as fast on a million records.
 */
export type RuleUse = 'filter' | 'value';

/**
 * Compiles a rule to a boolean SQL expression. Every condition is two-valued. By default a missing
 * value never matches a positive operator, and the negative operators (not equal, not in, does not
 * contain...) are exactly the complement of their positive (someone without a country is "not in
 * France"); a condition may instead keep or leave out its records without a value (`missing`, see
 * attribute-sql.ts), and opposite operators still partition the records that have one. As a filter (see RuleUse) the expression
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
      return deliverySql(rule, scope);
    case 'saved-filter':
      return savedFilterSql(rule.filterId, scope, use);
  }
}

function tooDeepMessage(level: number, scope: RuleScope): string {
  const names = (scope.filterTrail ?? []).map((id) => `“${scope.savedFilter?.(id)?.name ?? id}”`);
  const [first, ...rest] = names;
  if (!first) return `A rule nests at most ${MAX_RULE_DEPTH} groups deep; this group is at level ${level}.`;
  const through = rest.length > 0 ? ` (through ${rest.join(', ')})` : '';
  return `A rule nests at most ${MAX_RULE_DEPTH} groups deep; with the saved filter ${first}${through} this one nests ${level} groups deep.`;
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

function groupSql(group: ConditionGroup, outer: RuleScope, use: RuleUse): string {
  const level = (outer.groupLevel ?? 0) + 1;
  if (level > MAX_RULE_DEPTH) throw new CompileError(tooDeepMessage(level, outer));
  const scope = { ...outer, groupLevel: level };
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

/** A condition one link away that only a linked record can satisfy (see onLinkedRecord): these merge. */
function linkedCondition(c: Condition, scope: RuleScope): LinkedCondition | undefined {
  return c.kind === 'attribute' && onLinkedRecord(c) ? oneLinkAway(c, scope) : undefined;
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
  const { last, from, where } = linkedRecords(scope, steps);
  // any_value: DuckDB turns this aggregate sub-query into a join (faster than LIMIT 1), and a link
  // whose target key is not unique cannot make it fail with "more than one row".
  return `(SELECT any_value(${last}.${quoteIdent(field)}) FROM ${from} WHERE ${where})`;
}

/** Whether the chain of to-one links reaches a record from the scope's row. */
function linkedRecordExists(scope: RuleScope, steps: LinkStep[]): string {
  const { from, where } = linkedRecords(scope, steps);
  return `EXISTS (SELECT 1 FROM ${from} WHERE ${where})`;
}

/** The joins that follow to-one links from the scope's row: the last alias, FROM and WHERE. */
export function linkedRecords(scope: RuleScope, steps: LinkStep[]): { last: string; from: string; where: string } {
  const aliases = steps.map(() => newAlias(scope));
  const from = steps.map((s, i) => {
    const prev = i === 0 ? scope.alias : aliases[i - 1]!;
    const on = s.link.on.map((p) => `${aliases[i]}.${quoteIdent(p.to)} = ${prev}.${quoteIdent(p.from)}`).join(' AND ');
    return i === 0 ? `${scope.table(s.to.name)} AS ${aliases[i]}` : `JOIN ${scope.table(s.to.name)} AS ${aliases[i]} ON ${on}`;
  });
  const first = steps[0]!;
  const where = first.link.on.map((p) => `${aliases[0]}.${quoteIdent(p.to)} = ${scope.alias}.${quoteIdent(p.from)}`).join(' AND ');
  return { last: aliases[aliases.length - 1]!, from: from.join(' '), where };
}

const positive = (sql: string) => `COALESCE(${sql}, FALSE)`;
const negative = (sql: string) => `NOT COALESCE(${sql}, FALSE)`;

/** The field a condition reads and its SQL: a column of the inbound working table, or a field of the model. */
function operand(c: AttributeCondition, scope: RuleScope): { field: FieldDef; x: string; steps: LinkStep[] } {
  if (c.source === 'column') {
    const name = c.path[0] ?? '';
    if (!scope.row) throw new CompileError(`Condition on column ${name}: the columns of the inbound records cannot be read here (only at the top of the rule of an activity with inbound records).`);
    const column = scope.row.columns.find((col) => col.name === name);
    if (!column) throw new CompileError(missingColumnMessage(name));
    // The name is one the working table is known to have, and it is quoted as an identifier.
    return { field: columnField(column), x: `${scope.row.alias}.${quoteIdent(column.name)}`, steps: [] };
  }
  // A condition just added, its field not chosen yet: the same words as the rule's problem, so that
  // the activity reads as not set up yet rather than as a failed query.
  if (Array.isArray(c.path) && c.path.length === 0) throw new CompileError(FIELD_PROMPT);
  const resolved = resolvePath(scope.model, scope.entity.name, c.path, 'field');
  if (!resolved.ok) throw new CompileError(`Condition on ${c.path.join('.') || '(no field)'}: ${resolved.message}`);
  return { field: resolved.field!, x: fieldExpr(scope, resolved.steps, resolved.field!.name), steps: resolved.steps };
}

/**
 * What a condition one link away asks of the linked record, when only a record that has one can
 * satisfy it: the linked records' keys that satisfy it are then a semi-join (and conditions on the
 * same linked record merge, see mergeLinked). Undefined when a record without a linked record
 * satisfies it too: "is empty" meaning either or no linked record, and conditions that keep
 * records without a value.
 */
function onLinkedRecord(c: AttributeCondition): AttributeCondition | undefined {
  if (c.operator === 'is-empty') return c.linkedEmpty === 'empty-field' ? { ...c, linkedEmpty: undefined } : undefined;
  if (c.operator === 'is-not-empty') return c;
  return includesMissing(c) ? undefined : { ...c, missing: 'exclude' };
}

/**
 * A condition on a field of the record one link away (`account.tier`), as a semi-join on the link's
 * key: the keys of the linked records that satisfy it. DuckDB runs that as one hash join over the
 * small linked table, instead of looking the value up for every record. A record without a linked
 * record has no value: it satisfies the condition when the condition keeps records without a value.
 */
function linkedAttributeSql(c: AttributeCondition, scope: RuleScope, use: RuleUse): string | undefined {
  const linked = oneLinkAway(c, scope);
  if (!linked) return undefined;
  if (onLinkedRecord(c)) return linkedSql([linked], 'AND', scope, use);
  const { alias, keys } = linkedKeys(linked.step, scope);
  const inner = { ...outerScope(scope), entity: linked.step.to, alias };
  // "Has no linked record": not among the linked records' keys.
  if (c.operator === 'is-empty' && c.linkedEmpty === 'no-record') return negative(keys('TRUE'));
  // Satisfied without a linked record: the records whose linked record fails it.
  const onLinked = attributeSql({ ...c, path: [linked.field.name], linkedEmpty: undefined }, inner, 'value');
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
  const tests = conditions.map((l) => attributeSql({ ...onLinkedRecord(l.condition)!, path: [l.field.name] }, inner, 'filter'));
  return truth(use)(keys(tests.length === 1 ? tests[0]! : `(${tests.join(` ${joiner} `)})`));
}

/** A positive test as `use` needs it: as is in a filter, false when unknown as a value. */
function truth(use: RuleUse): (sql: string) => string {
  return use === 'filter' ? (sql) => sql : positive;
}

function attributeSql(c: AttributeCondition, scope: RuleScope, use: RuleUse): string {
  const linked = linkedAttributeSql(c, scope, use);
  if (linked !== undefined) return linked;
  const { field, x, steps } = operand(c, scope);
  // "Is empty" through several links (or a link on several columns): whether the chain of linked
  // records reaches a record, then whether its field is empty.
  if (c.operator === 'is-empty' && c.linkedEmpty && steps.length > 0) {
    const reached = linkedRecordExists(scope, steps);
    return c.linkedEmpty === 'no-record' ? `NOT ${reached}` : `(${reached} AND ${missingSql(field, x)})`;
  }
  return operandSql(c, field, x, scope.referenceDate, use, scope.dialect);
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
    const point = scope.point;
    const facts =
      point && outerKey === `${point.alias}.${quoteIdent(point.keyColumn)}`
        ? (sql: string) => `(SELECT * FROM ${scope.facts(sql)} WHERE "k" = ${scope.dialect.literal(point.key)}) AS "point_facts"`
        : scope.facts;
    return collectionFactsSql(c, inner, facts, outerKey, lineKey, lines, use);
  }
  const join = last.link.on.map((p) => `${alias}.${quoteIdent(p.to)} = ${fieldExpr(scope, before, p.from)}`).join(' AND ');
  const from = `FROM ${scope.table(last.to.name)} AS ${alias} WHERE ${join}${filter}`;
  switch (c.quantifier) {
    case 'exists':
      return `EXISTS (SELECT 1 ${from})`;
    case 'not-exists':
      return `NOT EXISTS (SELECT 1 ${from})`;
    case 'aggregate': {
      const { expr, test, zeroWithoutLines, include } = aggregateTest(c, inner);
      const value = `(SELECT ${expr} ${from})`;
      const missing = zeroWithoutLines ? `NOT EXISTS (SELECT 1 ${from})` : `${value} IS NULL`;
      return include ? `(${missing} OR ${positive(test(value))})` : `(NOT ${missing} AND ${positive(test(value))})`;
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
      const { expr, test, include } = aggregateTest(c, inner);
      const values = facts(`SELECT ${lineKey} AS "k", ${expr} AS "v" ${lines} GROUP BY ${lineKey}`);
      // Records without a value are those whose key has no value among the facts (no line, or an
      // average over lines without the field): kept, they are the keys not among those that fail.
      return include
        ? negative(`${outerKey} IN (SELECT "k" FROM ${values} WHERE "v" IS NOT NULL AND NOT (${test('"v"')}))`)
        : truth(use)(`${outerKey} IN (SELECT "k" FROM ${values} WHERE ${test('"v"')})`);
    }
  }
}

/**
 * The aggregate of a collection condition, the comparison it is put to (unknown when the aggregate
 * is), whether records without lines have a value (0) and whether records without a value pass.
 */
function aggregateTest(c: CollectionCondition, inner: RuleScope): { expr: string; test: (x: string) => string; zeroWithoutLines: boolean; include: boolean } {
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
  const zeroWithoutLines = aggregateIsZeroWithoutLines(agg.fn);
  const include = aggregateIncludesMissing(agg);
  const op = agg.operator;
  if (op === 'between') {
    const low = number(agg.value, 'a lower bound');
    const high = number(agg.value2, 'an upper bound');
    return { expr, test: (x) => `${x} BETWEEN ${inner.dialect.literal(low)} AND ${inner.dialect.literal(high)}`, zeroWithoutLines, include };
  }
  const value = number(agg.value, 'a value to compare with');
  const ops = { equals: '=', 'not-equals': '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
  return { expr, test: (x) => `${x} ${ops[op]} ${inner.dialect.literal(value)}`, zeroWithoutLines, include };
}

