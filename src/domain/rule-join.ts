import { z } from 'zod';

/**
 * An advanced join rule: how records of one table match rows of another, as comparisons combined
 * with AND or OR. Enrichment uses it to join another inbound working table
 * (`records.email = other.email_address AND other.score > 5`), Reconciliation to map incoming
 * records onto a targeting dimension (`lower(records.email) = other.email OR records.phone = other.phone`).
 *
 * `records` names a value of the main records (a working-table column, or a field or to-one path of
 * their dimension); `other` a column of the joined table, or a field of the dimension mapped onto.
 * Names are resolved against the data model or the known working-table schema, never written into
 * SQL as typed; constant values go through the one escaping function.
 */

export const joinTransforms = ['none', 'lower', 'trim', 'lower-trim'] as const;
export type JoinTransform = (typeof joinTransforms)[number];

export const joinOperators = ['equals', 'not-equals', 'lt', 'lte', 'gt', 'gte'] as const;
export type JoinOperator = (typeof joinOperators)[number];

const namedOperand = (side: 'records' | 'other') =>
  z.object({
    side: z.literal(side),
    name: z.string(),
    /** Text compared without case and/or surrounding spaces. */
    transform: z.enum(joinTransforms).default('none'),
  });

export const joinOperandSchema = z.discriminatedUnion('side', [
  namedOperand('records'),
  namedOperand('other'),
  z.object({ side: z.literal('value'), value: z.union([z.string(), z.number(), z.boolean()]) }),
]);
export type JoinOperand = z.infer<typeof joinOperandSchema>;

export const joinComparisonSchema = z.object({
  id: z.string(),
  left: joinOperandSchema,
  operator: z.enum(joinOperators).default('equals'),
  right: joinOperandSchema,
});
export type JoinComparison = z.infer<typeof joinComparisonSchema>;

export const joinRuleSchema = z.object({
  /** `and`: every comparison holds; `or`: at least one does. */
  combinator: z.enum(['and', 'or']).default('and'),
  comparisons: z.array(joinComparisonSchema).default([]),
});
export type JoinRule = z.infer<typeof joinRuleSchema>;

export const emptyJoinRule = (): JoinRule => ({ combinator: 'and', comparisons: [] });

/** True when a comparison sets a value of the records against a value of the other side. */
export function linksBothSides(c: JoinComparison): boolean {
  const sides = new Set([c.left.side, c.right.side]);
  return sides.has('records') && sides.has('other');
}

/**
 * What is wrong with a join rule, in words a marketer understands, each with the index of its
 * comparison (or -1 for the whole rule). A rule must tie the two sides together, otherwise every
 * record would match every row: with AND at least one comparison links them, with OR every one does.
 * Never throws.
 */
export function joinRuleProblems(rule: JoinRule, sides: { records: string; other: string }): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  if (rule.comparisons.length === 0) return [{ index: -1, message: `Add a comparison between ${sides.records} and ${sides.other}.` }];
  rule.comparisons.forEach((c, i) => {
    for (const o of [c.left, c.right]) if (o.side !== 'value' && o.name.trim() === '') problems.push({ index: i, message: `Comparison ${i + 1}: choose a value of ${o.side === 'records' ? sides.records : sides.other}.` });
    if (c.left.side === 'value' && c.right.side === 'value') problems.push({ index: i, message: `Comparison ${i + 1} compares two constants: compare a value of ${sides.records} or ${sides.other}.` });
    if (rule.combinator === 'or' && !linksBothSides(c)) problems.push({ index: i, message: `Comparison ${i + 1}: with “any of”, each comparison must set ${sides.records} against ${sides.other}.` });
  });
  if (rule.combinator === 'and' && !rule.comparisons.some(linksBothSides)) problems.push({ index: -1, message: `At least one comparison must set ${sides.records} against ${sides.other}.` });
  return problems;
}
