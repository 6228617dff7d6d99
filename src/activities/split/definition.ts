import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { conditionGroupSchema, type ConditionGroup } from '../../domain/rule';
import type { Problem } from '../../domain/problems';
import type { GraphContext } from '../define-activity';
import type { TransitionSchema } from '../inbound-columns';
import { compileSplit } from './compile';
import { validateRule } from '../../domain/rule-validation';
import { ruleProblemsAsActivityProblems } from '../rule-problems';
import { isFileDimension } from '../working-table';

const subsetSchema = z.object({
  /** Also the output port id of the subset. */
  id: z.string(),
  label: z.string(),
  /** Null: every remaining record qualifies (typical for random A/B splits). */
  filter: conditionGroupSchema.nullable().default(null),
  /** At most `value` records, or `value` percent of the records matching the filter (rounded down). */
  limit: z
    .object({ kind: z.enum(['count', 'percent']), value: z.number().min(0) })
    .nullable()
    .default(null),
  /**
   * How records are picked when a limit applies: a seeded random order, or a sort on a working
   * table column (e.g. an enrichment column), a field, or a dotted to-one path (`account.tier`).
   */
  order: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('random') }),
      z.object({ mode: z.literal('sort'), field: z.string(), direction: z.enum(['asc', 'desc']) }),
    ])
    .default({ mode: 'random' }),
  /** Do not emit this subset's transition when it is empty. */
  skipEmpty: z.boolean().default(false),
});
export type SplitSubset = z.infer<typeof subsetSchema>;

export const splitConfigSchema = z.object({
  subsets: z.array(subsetSchema).min(1),
  /** Off: a record goes to the first subset it matches. On: to every subset it matches. */
  overlap: z.boolean().default(false),
  complement: z.boolean().default(false),
  complementLabel: z.string().default('Rest'),
  /** Emit all subsets in one table with a `segment` column instead of one transition each. */
  singleTable: z.boolean().default(false),
}).superRefine((config, ctx) => {
  // A subset's id is its output port: two alike would make one port carry either subset.
  const seen = new Set<string>(config.complement ? ['complement'] : []);
  config.subsets.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['subsets', i, 'id'], message: `another output already has the id ${JSON.stringify(s.id)}` });
    seen.add(s.id);
  });
});
export type SplitConfig = z.infer<typeof splitConfigSchema>;

export const split = defineActivity<SplitConfig>({
  type: 'split',
  version: 1,
  meta: {
    title: 'Split',
    description: 'Cut the audience into ordered subsets, by filter, limit or random pick.',
    category: 'targeting',
    icon: 'split',
    keywords: ['segment', 'A/B test', 'holdout', 'control group', 'random'],
  },
  // Subsets are disjoint, so what the input has beyond their sum is in none of them.
  leftOut: (config, { inbound, outputs }) =>
    config.complement ? null : positive(sum(Object.values(inbound)) - sum(Object.values(outputs)), 'not in any subset'),
  ports: (config) => ({
    in: [{ id: 'in', label: 'Records' }],
    out: config.singleTable
      ? [{ id: 'out', label: 'All subsets' }]
      : [
          ...config.subsets.map((s) => ({ id: s.id, label: s.label || 'Subset' })),
          ...(config.complement ? [{ id: 'complement', label: config.complementLabel, complement: true }] : []),
        ],
  }),
  schema: splitConfigSchema,
  compile: compileSplit,
  defaults: () =>
    splitConfigSchema.parse({
      subsets: [
        { id: 'subset-1', label: 'Subset 1' },
        { id: 'subset-2', label: 'Subset 2' },
      ],
    }),
  validate: (config, ctx) => {
    // Subset filters may read the inbound working table's columns (an Enrichment's): a filter on a
    // column that is gone upstream is a problem on its condition.
    const inbound = config.subsets.some((s) => s.filter) ? ctx.inbound?.() : undefined;
    const fromFilters =
      inbound && !isFileDimension(inbound.dimension)
        ? config.subsets.flatMap((s, i) => (s.filter ? filterProblems(s.filter, inbound, ctx, i) : []))
        : [];
    return [
      ...fromFilters,
      ...config.subsets.flatMap((s, i) => [
      ...(s.limit?.kind === 'percent' && s.limit.value > 100
        ? [
            {
              severity: 'error' as const,
              code: 'invalid-config',
              message: `Subset "${s.label}": a percentage limit cannot exceed 100.`,
              activityId: ctx.activity.id,
              path: `subsets[${i}].limit.value`,
            },
          ]
        : []),
      ...(s.order.mode === 'sort' && s.order.field === ''
        ? [
            {
              severity: 'warning' as const,
              code: 'missing-config',
              message: `Subset "${s.label}": choose the field to sort by.`,
              activityId: ctx.activity.id,
              path: `subsets[${i}].order.field`,
            },
          ]
        : []),
      ]),
    ];
  },
});

/**
 * Problems of a subset's filter, checked against the data model, the inbound working table's
 * columns and the channel activities before the split (for conditions on message results).
 */
function filterProblems(filter: ConditionGroup, inbound: TransitionSchema, ctx: GraphContext, index: number): Problem[] {
  if (!ctx.model) return [];
  const earlierChannels = ctx.earlierChannels?.();
  const found = validateRule(filter, ctx.model, inbound.dimension, { columns: inbound.columns, ...(earlierChannels ? { earlierChannels } : {}) });
  return ruleProblemsAsActivityProblems(found, ctx.activity.id, ['subsets', index, 'filter']);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const positive = (count: number, text: string) => (count > 0 ? { count, text } : null);
