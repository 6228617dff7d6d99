import { z } from 'zod';

/**
 * The query modeler's rule: a tree of condition groups. Used by Build audience, Split subsets,
 * Enrichment filters and collection sub-conditions. Attribute paths name links of the data model
 * followed by a field (`['purchases']` is never a path: collections use a `collection` condition).
 */
export const attributeOperators = [
  'equals',
  'not-equals',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'not-in',
  'is-empty',
  'is-not-empty',
  'starts-with',
  'not-starts-with',
  'contains',
  'not-contains',
  'like',
  'not-like',
  'in-last',
  'more-than-ago',
  'this-month',
  'last-month',
  'before',
  'on-or-after',
  'after',
  'on-or-before',
  'anniversary-within',
  'is-true',
  'is-false',
] as const;
export type AttributeOperator = (typeof attributeOperators)[number];

export const aggregateFunctions = ['count', 'count-distinct', 'sum', 'avg', 'min', 'max'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

export const deliveryEvents = ['sent', 'delivered', 'opened', 'clicked', 'bounced'] as const;
export type DeliveryEvent = (typeof deliveryEvents)[number];

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ruleValueSchema = z.union([scalar, z.array(scalar)]);
export type RuleValue = z.infer<typeof ruleValueSchema>;

export interface AttributeCondition {
  kind: 'attribute';
  id: string;
  /**
   * `column`: the condition reads a column of the inbound working table (an Enrichment's column, a
   * loaded file's column carried by a Reconciliation) rather than the data model; `path` is then
   * `[column name]`. Absent: a field of the data model.
   */
  source?: 'column';
  /** Link names to follow (one-to-one or many-to-one), then the field name; or `[column]`. */
  path: string[];
  operator: AttributeOperator;
  value?: RuleValue;
  /** Upper bound of `between`. */
  value2?: RuleValue;
  /** Unit of relative date operators. */
  unit?: 'days' | 'weeks' | 'months';
  /**
   * Text: compare with the case as typed. Absent or false: case is ignored. Surrounding spaces are
   * ignored either way (see docs/query-modeler.md, "Text").
   */
  matchCase?: boolean;
  /**
   * Records without a value (the field empty, or no linked record on the way): kept or left out.
   * Absent: the default of the operator (kept by the negative operators, left out by the others).
   */
  missing?: MissingValues;
  /**
   * "Is empty" through a link: `no-record` (no linked record), `empty-field` (a linked record whose
   * field is empty). Absent: either.
   */
  linkedEmpty?: LinkedEmpty;
}

export const missingValueChoices = ['include', 'exclude'] as const;
export type MissingValues = (typeof missingValueChoices)[number];
export const linkedEmptyChoices = ['no-record', 'empty-field'] as const;
export type LinkedEmpty = (typeof linkedEmptyChoices)[number];

export interface CollectionCondition {
  kind: 'collection';
  id: string;
  /** Link path ending on a one-to-many collection, e.g. `['purchases']`. */
  path: string[];
  quantifier: 'exists' | 'not-exists' | 'aggregate';
  /** Sub-conditions on the collection's records. */
  where: ConditionGroup;
  aggregate?: {
    fn: AggregateFunction;
    field?: string;
    operator: 'equals' | 'not-equals' | 'lt' | 'lte' | 'gt' | 'gte' | 'between';
    value: number | null;
    value2?: number | null;
    /**
     * Records without a value: no (matching) line, or for avg, min and max no line with the field.
     * Absent: kept when the operator is "is not", or when 0 passes a count or a total.
     */
    missing?: MissingValues;
  };
}

export interface DeliveryCondition {
  kind: 'delivery';
  id: string;
  /** Channel activity of this campaign whose simulated results are read. */
  activityId: string;
  event: DeliveryEvent;
  negate?: boolean;
  /**
   * B2B: the channel sent to records linked to the rule's (an account's people) through this link
   * path; the condition holds when at least `atLeast` of them had the event.
   */
  path?: string[];
  /** With `path`: how many linked records at least (default 1). */
  atLeast?: number;
}

export interface SavedFilterCondition {
  kind: 'saved-filter';
  id: string;
  filterId: string;
}

export interface ConditionGroup {
  kind: 'group';
  id: string;
  /** `except`: the first child minus every later child. */
  combinator: 'and' | 'or' | 'except';
  children: Condition[];
}

export type Condition =
  | AttributeCondition
  | CollectionCondition
  | DeliveryCondition
  | SavedFilterCondition
  | ConditionGroup;

const attributeConditionSchema = z.object({
  kind: z.literal('attribute'),
  id: z.string(),
  source: z.literal('column').optional(),
  path: z.array(z.string()),
  operator: z.enum(attributeOperators),
  value: ruleValueSchema.optional(),
  value2: ruleValueSchema.optional(),
  unit: z.enum(['days', 'weeks', 'months']).optional(),
  matchCase: z.boolean().optional(),
  missing: z.enum(missingValueChoices).optional(),
  linkedEmpty: z.enum(linkedEmptyChoices).optional(),
});

export const conditionGroupSchema: z.ZodType<ConditionGroup> = z.lazy(() =>
  z.object({
    kind: z.literal('group'),
    id: z.string(),
    combinator: z.enum(['and', 'or', 'except']),
    children: z.array(conditionSchema),
  }),
);

const collectionConditionSchema: z.ZodType<CollectionCondition> = z.lazy(() =>
  z.object({
    kind: z.literal('collection'),
    id: z.string(),
    path: z.array(z.string()),
    quantifier: z.enum(['exists', 'not-exists', 'aggregate']),
    where: conditionGroupSchema,
    aggregate: z
      .object({
        fn: z.enum(aggregateFunctions),
        field: z.string().optional(),
        operator: z.enum(['equals', 'not-equals', 'lt', 'lte', 'gt', 'gte', 'between']),
        value: z.number().nullable(),
        value2: z.number().nullable().optional(),
        missing: z.enum(missingValueChoices).optional(),
      })
      .optional(),
  }),
);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    attributeConditionSchema,
    collectionConditionSchema,
    z.object({
      kind: z.literal('delivery'),
      id: z.string(),
      activityId: z.string(),
      event: z.enum(deliveryEvents),
      negate: z.boolean().optional(),
      path: z.array(z.string()).optional(),
      atLeast: z.number().int().min(1).optional(),
    }),
    z.object({ kind: z.literal('saved-filter'), id: z.string(), filterId: z.string() }),
    conditionGroupSchema,
  ]),
);

/**
 * Whether `test` holds for a condition or for one inside it: a group's children and a collection's
 * sub-conditions included.
 */
export function someCondition(condition: Condition, test: (c: Condition) => boolean): boolean {
  if (test(condition)) return true;
  if (condition.kind === 'group') return condition.children.some((c) => someCondition(c, test));
  if (condition.kind === 'collection') return someCondition(condition.where, test);
  return false;
}

/** An empty AND group: matches every record of the dimension. */
export function emptyRule(id = 'root'): ConditionGroup {
  return { kind: 'group', id, combinator: 'and', children: [] };
}
