import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { compileCombine } from './compile';

export const combineConfigSchema = z.object({
  mode: z.enum(['union', 'intersection', 'exclusion']).default('union'),
  /** Transition whose set is primary (exclusion: the set others are removed from). */
  primaryTransitionId: z.string().default(''),
  /** Reconcile on the dimension's keys only, or on a selection of columns of the primary set. */
  reconcile: z.enum(['keys', 'columns']).default('keys'),
  /**
   * Reconcile on columns: records are the same when all these values are equal (empty values never
   * match). Each name is a working table column or a field of the set's dimension.
   */
  columns: z.array(z.string()).default([]),
  /**
   * Exclusion of a set of another dimension: the links to follow from the primary set's dimension to
   * that set's dimension (e.g. `['account']` to remove the people of excluded accounts).
   */
  exclusionRules: z.array(z.object({ transitionId: z.string(), path: z.array(z.string()) })).default([]),
  /** Add an outbound transition carrying the records left out. */
  complement: z.boolean().default(false),
});
export type CombineConfig = z.infer<typeof combineConfigSchema>;

export const combine = defineActivity<CombineConfig>({
  type: 'combine',
  version: 1,
  meta: {
    title: 'Combine',
    description: 'Union, intersection or exclusion of several inbound sets.',
    category: 'targeting',
    icon: 'merge',
    keywords: ['union', 'intersection', 'exclusion', 'merge', 'exclude'],
  },
  ports: (config) => ({
    in: [{ id: 'in', label: 'Sets', multiple: true }],
    out: [
      { id: 'out', label: 'Result' },
      ...(config.complement ? [{ id: 'complement', label: 'Complement', complement: true }] : []),
    ],
  }),
  schema: combineConfigSchema,
  defaults: () => combineConfigSchema.parse({}),
  compile: compileCombine,
  validate: (config, ctx) => {
    const min = 2;
    if (ctx.incoming.length < min) {
      return [
        {
          severity: 'warning',
          code: 'missing-input',
          message: `Combine needs at least ${min} inbound sets (it has ${ctx.incoming.length}).`,
          activityId: ctx.activity.id,
        },
      ];
    }
    if (config.reconcile === 'columns' && config.columns.length === 0) {
      return [
        {
          severity: 'warning',
          code: 'missing-config',
          message: 'Choose the columns to reconcile on.',
          activityId: ctx.activity.id,
          path: 'columns',
        },
      ];
    }
    if (config.mode === 'exclusion' && !ctx.incoming.some((t) => t.id === config.primaryTransitionId)) {
      return [
        {
          severity: 'warning',
          code: 'missing-config',
          message: 'Choose the primary set to exclude from.',
          activityId: ctx.activity.id,
          path: 'primaryTransitionId',
        },
      ];
    }
    return [];
  },
});
