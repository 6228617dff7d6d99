import type { DataModel } from './data-model';
import type { AttributeCondition, Condition, LinkedEmpty } from './rule';
import { aggregateIncludesMissing, aggregateIsZeroWithoutLines, includesMissing, isEmptinessTest, isNegative } from './rule-operators';
import { labelOf, walkPath } from './rule-paths';

/**
 * Records without a value, as the query modeler shows them on a condition: which they are, in
 * words, and the conditions that select them (counted by the engine like any rule, so that the
 * count shown is the count compiled).
 */
export interface MissingValuePart {
  /** e.g. "with no account", "with no industry", "with no purchases". */
  label: string;
  condition: Condition;
}

/** Whether a condition shows its records without a value and the switch: negatives, links, aggregates. */
export function showsMissingValues(condition: Condition): boolean {
  if (condition.kind === 'collection') return condition.quantifier === 'aggregate' && condition.aggregate !== undefined;
  if (condition.kind !== 'attribute' || isEmptinessTest(condition.operator)) return false;
  return isNegative(condition.operator) || (condition.source !== 'column' && condition.path.length > 1);
}

/** Whether "is empty" reads through a link, where it offers its meanings (see linkedEmptyLabels). */
export function isEmptyThroughLink(condition: Condition): condition is AttributeCondition {
  return condition.kind === 'attribute' && condition.operator === 'is-empty' && condition.source !== 'column' && condition.path.length > 1;
}

/** Whether the condition keeps its records without a value, by its choice or by default. */
export function keepsMissingValues(condition: Condition): boolean {
  if (condition.kind === 'collection') return condition.aggregate ? aggregateIncludesMissing(condition.aggregate) : false;
  return condition.kind === 'attribute' && includesMissing(condition);
}

/** The condition with its records without a value kept or left out. */
export function withMissingValues<C extends Condition>(condition: C, keep: boolean): C {
  const missing = keep ? 'include' : 'exclude';
  if (condition.kind === 'collection' && condition.aggregate) return { ...condition, aggregate: { ...condition.aggregate, missing } };
  if (condition.kind === 'attribute') return { ...condition, missing };
  return condition;
}

/** Meanings of "is empty" through a link, by `linkedEmpty` (absent: either). */
export function linkedEmptyLabels(linkLabels: string, fieldLabel: string): Record<LinkedEmpty | 'either', string> {
  const link = linkLabels.toLowerCase();
  const field = fieldLabel.toLowerCase();
  const a = /^[aeiou]/.test(link) ? 'an' : 'a';
  return {
    either: 'Either',
    'no-record': `Has no ${link}`,
    'empty-field': `Has ${a} ${link} with no ${field}`,
  };
}

/** The records a condition counts as without a value, part by part (empty when it has no such idea). */
export function missingValueConditions(model: DataModel, entity: string, condition: Condition): MissingValuePart[] {
  if (condition.kind === 'attribute') {
    const empty = (linkedEmpty?: LinkedEmpty): AttributeCondition => {
      const { value: _v, value2: _v2, unit: _u, matchCase: _m, missing: _x, linkedEmpty: _l, ...rest } = condition;
      return { ...rest, id: `${condition.id}-${linkedEmpty ?? 'empty'}`, operator: 'is-empty', ...(linkedEmpty ? { linkedEmpty } : {}) };
    };
    if (condition.source === 'column') return [{ label: `with no ${condition.path[0] ?? 'value'}`, condition: empty() }];
    const walked = walkPath(model, entity, condition.path, 'field');
    if (!walked.ok || !walked.field) return [];
    const field = `with no ${labelOf(walked.field).toLowerCase()}`;
    if (condition.path.length === 1) return [{ label: field, condition: empty() }];
    const links = walked.labels.slice(0, -1).join(' › ').toLowerCase();
    return [
      { label: `with no ${links}`, condition: empty('no-record') },
      { label: field, condition: empty('empty-field') },
    ];
  }
  if (condition.kind === 'collection' && condition.aggregate) {
    const walked = walkPath(model, entity, condition.path, 'collection');
    if (!walked.ok) return [];
    const lines = labelOf(walked.link ?? walked.entity).toLowerCase();
    const such = condition.where.children.length > 0 ? `with no such ${lines}` : `with no ${lines}`;
    const agg = condition.aggregate;
    const fieldDef = agg.field ? walked.entity.fields.find((f) => f.name === agg.field) : undefined;
    const none = (extra: Condition[]): Condition => ({
      kind: 'collection',
      id: `${condition.id}-none`,
      path: condition.path,
      quantifier: 'not-exists',
      where: { ...condition.where, children: [...condition.where.children, ...extra] },
    });
    // A count or a total is 0 without lines; an average has no value without a line that has the field.
    if (aggregateIsZeroWithoutLines(agg.fn) || !fieldDef) return [{ label: such, condition: none([]) }];
    const hasField: AttributeCondition = { kind: 'attribute', id: `${condition.id}-field`, path: [fieldDef.name], operator: 'is-not-empty' };
    const among = condition.where.children.length > 0 ? `such ${lines}` : `their ${lines}`;
    return [{ label: `with no ${labelOf(fieldDef).toLowerCase()} among ${among}`, condition: none([hasField]) }];
  }
  return [];
}
