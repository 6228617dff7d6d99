import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { LEFT_OUT_OUTPUT } from '../compile-types';
import { compileReconciliation } from './compile';
import { emptyJoinRule, joinRuleProblems, joinRuleSchema } from '../../domain/rule-join';

export const reconciliationConfigSchema = z.object({
  /** Targeting dimension the incoming records are mapped onto. */
  targetDimension: z.string().default('profiles'),
  /**
   * Pairs that must all match: `column` of the incoming working table (a loaded file's column, or a
   * column or field of its dimension) = `field` of the target dimension.
   */
  pairs: z.array(z.object({ column: z.string(), field: z.string() })).default([]),
  /**
   * `pairs`: every pair must match. `rule`: an advanced rule, comparisons between the incoming
   * records (`records`) and the target dimension's fields (`other`) combined with AND or OR, e.g.
   * `lower(records.email) = other.email OR records.phone = other.phone`. Documents made before the
   * rule existed have no mode and mean `pairs`.
   */
  mode: z.enum(['pairs', 'rule']).default('pairs'),
  rule: joinRuleSchema.default(emptyJoinRule()),
  /** Keep the incoming records that match nothing, on an extra outbound transition; otherwise they are dropped. */
  keepUnmatched: z.boolean().default(false),
});
export type ReconciliationConfig = z.infer<typeof reconciliationConfigSchema>;

export const reconciliation = defineActivity<ReconciliationConfig>({
  type: 'reconciliation',
  version: 1,
  meta: {
    title: 'Reconciliation',
    description: 'Map incoming records (e.g. a loaded file) onto a targeting dimension by matching fields.',
    category: 'targeting',
    icon: 'link',
    keywords: ['match', 'map', 'file', 'identify', 'lookup'],
  },
  // Without the Unmatched output, the incoming records that match nothing are dropped: the engine
  // counts them with the same SQL as that output. (Lines matching the same record become one: a
  // merge, not a loss.)
  leftOut: (config, { outputs }) => {
    const unmatched = outputs[LEFT_OUT_OUTPUT];
    return !config.keepUnmatched && unmatched !== undefined && unmatched > 0 ? { count: unmatched, text: 'not matched' } : null;
  },
  ports: (config) => ({
    in: [{ id: 'in', label: 'Records' }],
    out: [
      { id: 'out', label: 'Matched' },
      ...(config.keepUnmatched ? [{ id: 'unmatched', label: 'Unmatched', complement: true }] : []),
    ],
  }),
  schema: reconciliationConfigSchema,
  defaults: () => reconciliationConfigSchema.parse({}),
  compile: compileReconciliation,
  validate: (config, ctx) => {
    if (config.mode === 'rule')
      return joinRuleProblems(config.rule, { records: 'the incoming records', other: 'the dimension' }).map((p) => ({
        severity: 'warning' as const,
        code: 'missing-config',
        message: p.message,
        activityId: ctx.activity.id,
        path: p.index < 0 ? 'rule' : `rule.comparisons[${p.index}]`,
      }));
    return config.pairs.length === 0
      ? [
          {
            severity: 'warning',
            code: 'missing-config',
            message: 'Choose the fields that identify a record.',
            activityId: ctx.activity.id,
            path: 'pairs',
          },
        ]
      : [];
  },
});
