import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { compileReconciliation } from './compile';

export const reconciliationConfigSchema = z.object({
  /** Targeting dimension the incoming records are mapped onto. */
  targetDimension: z.string().default('profiles'),
  /**
   * Pairs that must all match: `column` of the incoming working table (a loaded file's column, or a
   * column or field of its dimension) = `field` of the target dimension.
   */
  pairs: z.array(z.object({ column: z.string(), field: z.string() })).default([]),
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
  validate: (config, ctx) =>
    config.pairs.length === 0
      ? [
          {
            severity: 'warning',
            code: 'missing-config',
            message: 'Choose the fields that identify a record.',
            activityId: ctx.activity.id,
            path: 'pairs',
          },
        ]
      : [],
});
