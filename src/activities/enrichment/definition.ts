import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { conditionGroupSchema, emptyRule, aggregateFunctions } from '../../domain/rule';
import { compileEnrichment } from './compile';
import { emptyJoinRule, joinRuleProblems, joinRuleSchema } from '../../domain/rule-join';
import { walkPath } from '../../domain/rule-paths';
import { validateRule } from '../../domain/rule-validation';
import { ruleProblemsAsActivityProblems } from '../rule-problems';
import { isFileDimension } from '../working-table';
import type { GraphContext } from '../define-activity';

const attributeEnrichmentSchema = z.object({
  id: z.string(),
  /** Links to follow (one-to-one, many-to-one), then a field. */
  path: z.array(z.string()),
  /** Name of the new column: letters, digits and underscores. */
  alias: z.string(),
});

const collectionEnrichmentSchema = z.object({
  id: z.string(),
  /** Path to a one-to-many collection (to-one links, then the collection). */
  path: z.array(z.string()),
  /** Column name (`aggregate`), or prefix of the columns `<alias>_<line>_<field>` (`first`). */
  alias: z.string(),
  mode: z.enum(['first', 'aggregate']),
  where: conditionGroupSchema.default(emptyRule()),
  /** `first`: how many lines, which fields, and in what order. */
  count: z.number().int().min(1).default(1),
  fields: z.array(z.string()).default([]),
  sort: z.object({ field: z.string(), direction: z.enum(['asc', 'desc']) }).optional(),
  /** `aggregate`: which function over which field. */
  aggregate: z.object({ fn: z.enum(aggregateFunctions), field: z.string().optional() }).optional(),
});

const joinEnrichmentSchema = z.object({
  id: z.string(),
  /** Inbound transition whose working table is joined. */
  transitionId: z.string(),
  /**
   * Pairs of columns: `left` is a column of the working table or a field of its dimension, `right`
   * a column (or the key) of the joined table.
   */
  keys: z.array(z.object({ left: z.string(), right: z.string() })),
  /**
   * `keys`: the pairs of `keys` must all be equal (a simple key join). `rule`: an advanced rule
   * join, comparisons between the records (`records`) and the joined table's columns (`other`)
   * combined with AND or OR (`records.email = other.email_address AND other.score > 5`).
   * Documents made before the rule existed have no mode and mean `keys`.
   */
  mode: z.enum(['keys', 'rule']).default('keys'),
  rule: joinRuleSchema.default(emptyJoinRule()),
  /**
   * When several rows of the joined table match one record: `first` brings the first row in the
   * order of `sort` (then the lowest key; the lowest key alone without a sort); `reject` brings
   * nothing for that record, whose new columns stay empty. Records are never multiplied.
   */
  multiple: z.enum(['first', 'reject']).default('first'),
  sort: z.object({ column: z.string(), direction: z.enum(['asc', 'desc']) }).optional(),
  /** Columns of the joined table to bring, each under an alias (its own name when the alias is empty). */
  columns: z.array(z.object({ name: z.string(), alias: z.string() })),
});

export const enrichmentConfigSchema = z.object({
  attributes: z.array(attributeEnrichmentSchema).default([]),
  collections: z.array(collectionEnrichmentSchema).default([]),
  joins: z.array(joinEnrichmentSchema).default([]),
});
export type EnrichmentConfig = z.infer<typeof enrichmentConfigSchema>;

export const enrichment = defineActivity<EnrichmentConfig>({
  type: 'enrichment',
  version: 1,
  meta: {
    title: 'Enrichment',
    description: 'Add columns: attributes, collection lines or aggregates, joined tables.',
    category: 'targeting',
    icon: 'table-plus',
    keywords: ['columns', 'aggregate', 'join', 'add data'],
  },
  ports: () => ({
    in: [
      { id: 'in', label: 'Records' },
      { id: 'join', label: 'Tables to join', multiple: true },
    ],
    out: [{ id: 'out', label: 'Enriched' }],
  }),
  schema: enrichmentConfigSchema,
  compile: compileEnrichment,
  defaults: () => enrichmentConfigSchema.parse({}),
  validate: (config, ctx) => [
    ...(config.attributes.length + config.collections.length + config.joins.length === 0
      ? [
          {
            severity: 'warning' as const,
            code: 'missing-config',
            message: 'Add at least one column to enrich with.',
            activityId: ctx.activity.id,
          },
        ]
      : []),
    ...config.collections.flatMap((c, i) => whereProblems(c.where, c.path, ctx, i)),
    ...config.joins.flatMap((j, i) => [
      ...(j.transitionId !== '' && !ctx.incoming.some((t) => t.id === j.transitionId && t.target.port === 'join')
        ? [{ severity: 'error' as const, code: 'invalid-config', message: `Join ${i + 1}: its table is no longer connected to “Tables to join”.`, activityId: ctx.activity.id, path: `joins[${i}].transitionId` }]
        : []),
      ...(j.mode === 'rule'
        ? joinRuleProblems(j.rule, { records: 'the records', other: 'the joined table' }).map((p) => ({
            severity: 'warning' as const,
            code: 'missing-config',
            message: `Join ${i + 1}: ${p.message}`,
            activityId: ctx.activity.id,
            path: p.index < 0 ? `joins[${i}].rule` : `joins[${i}].rule.comparisons[${p.index}]`,
          }))
        : []),
    ]),
  ],
});

/**
 * Problems of the rule that picks a collection's lines, checked like any rule against the entity
 * the collection holds, so that a broken condition is told by the condition rather than only by
 * the engine. Nothing is said while the collection itself is not found (the engine says why).
 */
function whereProblems(where: z.infer<typeof conditionGroupSchema>, path: readonly string[], ctx: GraphContext, index: number) {
  const inbound = ctx.model ? ctx.inbound?.() : undefined;
  if (!ctx.model || !inbound || isFileDimension(inbound.dimension) || where.children.length === 0) return [];
  const walked = walkPath(ctx.model, inbound.dimension, path, 'collection');
  if (!walked.ok || !walked.entity) return [];
  return ruleProblemsAsActivityProblems(validateRule(where, ctx.model, walked.entity.name), ctx.activity.id, ['collections', index, 'where']);
}
