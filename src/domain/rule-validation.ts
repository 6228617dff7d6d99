import type { DataModel, FieldDef } from './data-model';
import { findEntity, resolvePath } from './data-model';
import type { AttributeCondition, CollectionCondition, ConditionGroup, RuleValue } from './rule';
import { aggregateFunctions, attributeOperators, deliveryEvents } from './rule';
import { isNumeric, isTextMatch, operatorFits, operatorLabel, valueShape } from './rule-operators';
import { labelOf, walkPath } from './rule-paths';
import { columnField, missingColumnMessage, type WorkingTableColumn } from './rule-columns';
import { isCalendarDate } from './iso-date';
import { linkedFilterDepthMessage, type FilterDepth } from './saved-filter-depth';

/** A problem of one condition of a rule, in words a marketer understands. */
export interface RuleProblem {
  /** Id of the condition (or group) the problem is on. */
  conditionId: string;
  severity: 'error' | 'warning';
  message: string;
  /** Where the condition sits inside the rule, e.g. `['children', 0, 'where', 'children', 1]`. */
  path: (string | number)[];
}

/** What a rule is checked against besides the data model. */
export interface RuleValidationOptions {
  /**
   * Channel activities that run before the rule's activity (id and label). When given, a
   * delivery condition on any other activity is a problem; when absent, they are not checked.
   */
  earlierChannels?: readonly { id: string; label: string }[];
  /** Ids of the saved filters that exist. When given, a reference to another one is a problem. */
  savedFilterIds?: ReadonlySet<string>;
  /**
   * Depth of a saved filter's rule with its own links expanded (see savedFilterDepths). When given,
   * a link that makes the rule nest past MAX_RULE_DEPTH groups is a problem.
   */
  savedFilterDepth?: (filterId: string) => FilterDepth | undefined;
  /**
   * Columns of the inbound working table, as the document describes them. When given, a condition
   * on a column it does not have is a problem; `null` says the rule has no inbound records (Build
   * audience), so that any column condition is one; when absent, column names are not checked.
   */
  columns?: readonly WorkingTableColumn[] | null;
}

const MAX_DEPTH = 50;

/**
 * The problem of a field condition whose field is not chosen yet. A warning, not an error: the
 * marketer has only just added it, so the modeler shows it as a prompt, and the activity keeps its
 * last count (dimmed) until the rule is complete.
 */
export const FIELD_PROMPT = 'Choose a field.';

/**
 * Every problem of a rule over `entity`: operators without a value, values of the wrong type,
 * reversed ranges, fields or links missing from the data model, enum values the field does not
 * have, aggregates on non-numeric fields, empty groups (warning) and delivery conditions on
 * activities that are not earlier channel activities. Never throws, whatever it is given.
 */
export function validateRule(rule: ConditionGroup, model: DataModel, entity: string, options: RuleValidationOptions = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  try {
    if (!findEntity(model, entity)) {
      problems.push({ conditionId: idOf(rule), severity: 'error', message: `The data has no ${entity}.`, path: [] });
      return problems;
    }
    checkCondition(rule, { model, entity, options, problems, depth: 0, groups: 0, isRoot: true }, []);
  } catch (e) {
    // A malformed document must never break the editor: report it on the rule instead.
    problems.push({ conditionId: idOf(rule), severity: 'error', message: `This rule cannot be read (${e instanceof Error ? e.message : String(e)}).`, path: [] });
  }
  return problems;
}

interface Ctx {
  model: DataModel;
  entity: string;
  options: RuleValidationOptions;
  problems: RuleProblem[];
  depth: number;
  /** Groups enclosing the condition (a collection's sub-conditions are a group too). */
  groups: number;
  isRoot?: boolean;
  /** Inside a collection's sub-conditions: the working table's columns are not in reach. */
  inCollection?: boolean;
}

function idOf(c: unknown): string {
  return c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string' ? (c as { id: string }).id : '';
}

function checkCondition(c: unknown, ctx: Ctx, path: (string | number)[]): void {
  const add = (message: string, severity: RuleProblem['severity'] = 'error'): void => {
    ctx.problems.push({ conditionId: idOf(c), severity, message, path });
  };
  if (!c || typeof c !== 'object') return add('This condition cannot be read.');
  if (ctx.depth > MAX_DEPTH) return add('This rule is nested too deeply.');
  const kind = (c as { kind?: unknown }).kind;
  switch (kind) {
    case 'group':
      return checkGroup(c as ConditionGroup, ctx, path, add);
    case 'attribute':
      return checkAttribute(c as AttributeCondition, ctx, add);
    case 'collection':
      return checkCollection(c as CollectionCondition, ctx, path, add);
    case 'delivery': {
      const d = c as { activityId?: unknown; event?: unknown; path?: unknown; atLeast?: unknown };
      if (typeof d.activityId !== 'string' || d.activityId === '') return add('Choose the message whose results to use.');
      if (!deliveryEvents.includes(d.event as never)) add('Choose what happened to the message (sent, opened...).');
      // B2B: "at least N people who opened", through a link to the people the message went to.
      if (d.atLeast !== undefined && (typeof d.atLeast !== 'number' || !Number.isInteger(d.atLeast) || d.atLeast < 1)) add('How many people at least: a whole number, 1 or more.');
      if (Array.isArray(d.path) && d.path.length > 0) {
        const resolved = resolvePath(ctx.model, ctx.entity, d.path.map(String), 'link');
        if (!resolved.ok) add(`The link to the people who received the message cannot be followed: ${resolved.message}.`);
      } else if (d.atLeast !== undefined) add('Choose the link to the people who received the message.');
      const earlier = ctx.options.earlierChannels;
      if (earlier && !earlier.some((a) => a.id === d.activityId))
        add('This message is not sent before this activity: choose a channel activity upstream of it.');
      return;
    }
    case 'saved-filter': {
      const id = (c as { filterId?: unknown }).filterId;
      if (typeof id !== 'string' || id === '') return add('Choose a saved filter.');
      if (ctx.options.savedFilterIds && !ctx.options.savedFilterIds.has(id)) return add('This saved filter no longer exists.');
      const depth = ctx.options.savedFilterDepth?.(id);
      const tooDeep = depth && linkedFilterDepthMessage(ctx.groups, depth);
      if (tooDeep) add(tooDeep);
      return;
    }
    default:
      return add('This condition has an unknown kind.');
  }
}

function checkGroup(g: ConditionGroup, ctx: Ctx, path: (string | number)[], add: (m: string, s?: RuleProblem['severity']) => void): void {
  if (!['and', 'or', 'except'].includes(g.combinator)) add('Choose how the conditions combine (all, any, or except).');
  const children: unknown[] = Array.isArray(g.children) ? g.children : [];
  if (!Array.isArray(g.children)) add('This group cannot be read.');
  if (children.length === 0 && !ctx.isRoot) add('This group is empty: add a condition or remove it.', 'warning');
  if (g.combinator === 'except' && children.length === 1)
    add('“Except” keeps the first condition minus the ones after it: add a condition to take away.', 'warning');
  children.forEach((child, i) => checkCondition(child, { ...ctx, depth: ctx.depth + 1, groups: ctx.groups + 1, isRoot: false }, [...path, 'children', i]));
}

function checkCollection(c: CollectionCondition, ctx: Ctx, path: (string | number)[], add: (m: string) => void): void {
  const walked = walkPath(ctx.model, ctx.entity, c.path, 'collection');
  if (!walked.ok) return add(walked.message);
  const target = walked.entity;
  if (!['exists', 'not-exists', 'aggregate'].includes(c.quantifier)) add('Choose “has”, “has no” or a count or total.');
  if (c.where && typeof c.where === 'object')
    checkCondition(c.where, { ...ctx, entity: target.name, depth: ctx.depth + 1, isRoot: true, inCollection: true }, [...path, 'where']);
  if (c.quantifier !== 'aggregate') return;
  const agg = c.aggregate;
  if (!agg || !aggregateFunctions.includes(agg.fn)) return add('Choose what to compute (number, total, average...).');
  if (agg.fn !== 'count') {
    const field = typeof agg.field === 'string' ? target.fields.find((f) => f.name === agg.field) : undefined;
    if (!field) return add(agg.field ? `${labelOf(target)} have no field “${agg.field}” in this data.` : `Choose a field of ${labelOf(target).toLowerCase()} to compute on.`);
    if (agg.fn !== 'count-distinct' && !isNumeric(field)) return add(`${labelOf(field)} is not a number: only counts apply to it.`);
  }
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (agg.operator === 'between') {
    if (!num(agg.value) || !num(agg.value2)) return add('Enter both bounds.');
    if ((agg.value as number) > (agg.value2 as number)) add('The lower bound is above the upper bound.');
  } else if (!num(agg.value)) add('Enter a number to compare with.');
}

/** The field a condition reads, or undefined once the reason it has none is reported. */
function conditionField(c: AttributeCondition, ctx: Ctx, add: (m: string, s?: RuleProblem['severity']) => void): FieldDef | undefined {
  // A condition just added has no field yet: not set up rather than wrong (see FIELD_PROMPT).
  if (c.source !== 'column' && Array.isArray(c.path) && c.path.length === 0) return void add(FIELD_PROMPT, 'warning');
  if (c.source !== 'column') {
    const walked = walkPath(ctx.model, ctx.entity, c.path, 'field');
    if (!walked.ok) return void add(walked.message);
    return walked.field!;
  }
  const name = Array.isArray(c.path) && typeof c.path[0] === 'string' ? c.path[0] : '';
  if (ctx.inCollection) return void add('A column of the inbound records cannot be used inside a list condition: move it out of the list.');
  if (ctx.options.columns === null) return void add('Only an activity with inbound records can filter on their columns: choose a field instead.');
  if (ctx.options.columns === undefined) return name === '' ? void add(missingColumnMessage(name)) : undefined;
  const column = ctx.options.columns.find((col) => col.name === name);
  if (!column) return void add(missingColumnMessage(name));
  return columnField(column);
}

function checkAttribute(c: AttributeCondition, ctx: Ctx, add: (m: string, s?: RuleProblem['severity']) => void): void {
  const field = conditionField(c, ctx, add);
  if (!field) return;
  const name = labelOf(field);
  if (!attributeOperators.includes(c.operator)) return add(`Choose how to compare ${name}.`);
  if (!operatorFits(field, c.operator)) return add(`“${operatorLabel(c.operator)}” does not apply to ${name}.`);
  const shape = valueShape(c.operator);
  switch (shape) {
    case 'none':
      return;
    case 'single': {
      const m = isTextMatch(c.operator) ? textProblem(c.value) : valueProblem(field, c.value);
      if (m) add(m);
      return;
    }
    case 'range': {
      if (isMissing(c.value) || isMissing(c.value2)) return add('Enter both bounds.');
      const m = valueProblem(field, c.value) ?? valueProblem(field, c.value2);
      if (m) return add(m);
      if (compare(field, c.value, c.value2) > 0) add('The first bound is after the second: swap them.');
      return;
    }
    case 'list': {
      const items = Array.isArray(c.value) ? c.value : isMissing(c.value) ? [] : [c.value];
      if (items.length === 0) return add('Choose at least one value.');
      for (const item of items) {
        const m = valueProblem(field, item);
        if (m) return add(m);
      }
      return;
    }
    case 'period':
    case 'days': {
      const n = typeof c.value === 'number' ? c.value : typeof c.value === 'string' && c.value.trim() !== '' ? Number(c.value) : Number.NaN;
      if (isMissing(c.value)) return add(shape === 'days' ? 'Enter a number of days.' : 'Enter a number of days, weeks or months.');
      if (!Number.isInteger(n) || n < 0 || n > 100_000) return add('Enter a whole number, 0 or more.');
      if (c.unit !== undefined && !['days', 'weeks', 'months'].includes(c.unit)) add('Choose days, weeks or months.');
      return;
    }
  }
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function textProblem(v: RuleValue | undefined): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') return 'Enter some text.';
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/;

/** Why a value does not fit the field, or undefined when it does. */
export function valueProblem(field: FieldDef, v: unknown): string | undefined {
  if (isMissing(v)) return 'Enter a value.';
  if (Array.isArray(v)) return 'Enter a single value, not a list.';
  switch (field.type) {
    case 'string':
      return typeof v === 'string' || typeof v === 'number' ? undefined : 'Enter some text.';
    case 'enum':
      return field.values.some((e) => e.value === String(v)) ? undefined : `“${String(v)}” is not one of the values of ${labelOf(field)}.`;
    case 'integer':
    case 'decimal': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
      if (!Number.isFinite(n)) return `${labelOf(field)} needs a number, not “${String(v)}”.`;
      if (field.type === 'integer' && !Number.isInteger(n)) return `${labelOf(field)} needs a whole number.`;
      return undefined;
    }
    case 'boolean':
      return typeof v === 'boolean' || v === 'true' || v === 'false' ? undefined : `${labelOf(field)} is yes or no.`;
    case 'date':
    case 'timestamp': {
      if (typeof v !== 'string') return `${labelOf(field)} needs a date.`;
      const m = ISO_DATE.exec(v) ?? (field.type === 'timestamp' ? ISO_DATE_TIME.exec(v) : null);
      if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return `${labelOf(field)} needs a date, not “${v}”.`;
      return undefined;
    }
    default:
      return undefined;
  }
}

function compare(field: FieldDef, a: unknown, b: unknown): number {
  if (field.type === 'integer' || field.type === 'decimal') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
