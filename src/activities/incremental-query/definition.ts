import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { conditionGroupSchema, emptyRule } from '../../domain/rule';
import { compileIncrementalQuery } from './compile';
import { ruleProblems } from '../rule-problems';

export const incrementalQueryConfigSchema = z.object({
  /** Entity whose records flow out, e.g. `profiles`. */
  targetDimension: z.string().default('profiles'),
  rule: conditionGroupSchema.default(emptyRule()),
  /** Date or date-time field of the dimension: only records with a value after the last run's high-water mark qualify. */
  dateField: z.string().default(''),
});
export type IncrementalQueryConfig = z.infer<typeof incrementalQueryConfigSchema>;

export const incrementalQuery = defineActivity<IncrementalQueryConfig>({
  type: 'incremental-query',
  version: 1,
  meta: {
    title: 'Incremental query',
    description: 'Like Build audience, but on each run only the records newer than the last run.',
    category: 'targeting',
    icon: 'history',
    keywords: ['new records', 'delta', 'recurring', 'since last run'],
  },
  ports: () => ({ in: [], out: [{ id: 'out', label: 'New records' }] }),
  schema: incrementalQueryConfigSchema,
  defaults: () => incrementalQueryConfigSchema.parse({}),
  compile: compileIncrementalQuery,
  producesAudience: true,
  validate: (config, ctx) => [
    ...(config.dateField === ''
      ? [
          {
            severity: 'warning' as const,
            code: 'missing-config',
            message: 'Choose the date field that tells new records.',
            activityId: ctx.activity.id,
            path: 'dateField',
          },
        ]
      : []),
    // Its rule is checked like Build audience's, so that a broken condition is told by the
    // condition rather than only by the engine.
    ...(ctx.model && !ctx.model.entities.some((e) => e.name === config.targetDimension)
      ? [
          {
            severity: 'error' as const,
            code: 'missing-config',
            message: `The data has no ${config.targetDimension}: choose another target dimension.`,
            activityId: ctx.activity.id,
            path: 'targetDimension',
          },
        ]
      : ruleProblems(config.rule, config.targetDimension, ctx, ['rule'])),
  ],
});
