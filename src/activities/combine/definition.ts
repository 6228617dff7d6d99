import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { compileCombine } from './compile';

export const combineConfigSchema = z.object({
  mode: z.enum(['union', 'intersection', 'exclusion']).default('union'),
  /**
   * Inbound sets that take part, by transition id; absent, every inbound set does (as in documents
   * made before the choice existed). A connected set left out is ignored.
   */
  sets: z.array(z.string()).optional(),
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
  // The result of an intersection or an exclusion is part of the primary set: the rest of that set
  // is left out, exactly. (A union loses nothing; records in several sets are kept once.)
  leftOut: (config, { inbound, outputs }) => {
    if (config.complement || config.mode === 'union' || outputs.out === undefined) return null;
    // The primary set, or the first set taking part when it is gone (as compileCombine does).
    const ids = Object.keys(inbound).filter((id) => !config.sets || config.sets.includes(id));
    const primary = inbound[ids.includes(config.primaryTransitionId) ? config.primaryTransitionId : (ids[0] ?? '')];
    const left = primary === undefined ? 0 : primary - outputs.out;
    return left > 0 ? { count: left, text: 'left out' } : null;
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
    const gone = (config.sets ?? []).filter((id) => !ctx.incoming.some((t) => t.id === id));
    if (gone.length > 0) {
      return [
        {
          severity: 'error',
          code: 'invalid-config',
          message: `${gone.length === 1 ? 'A set chosen to take part is' : `${gone.length} sets chosen to take part are`} no longer connected: connect ${gone.length === 1 ? 'it' : 'them'} again or untick ${gone.length === 1 ? 'it' : 'them'}.`,
          activityId: ctx.activity.id,
          path: 'sets',
        },
      ];
    }
    if (config.primaryTransitionId !== '' && !ctx.incoming.some((t) => t.id === config.primaryTransitionId)) {
      return [
        {
          severity: 'warning',
          code: 'invalid-config',
          message: 'The primary set is no longer connected: the first set taking part is used until you choose another.',
          activityId: ctx.activity.id,
          path: 'primaryTransitionId',
        },
      ];
    }
    if (config.sets && config.primaryTransitionId !== '' && !config.sets.includes(config.primaryTransitionId)) {
      return [
        {
          severity: 'error',
          code: 'invalid-config',
          message: 'The primary set does not take part: tick it, or choose another primary set.',
          activityId: ctx.activity.id,
          path: 'primaryTransitionId',
        },
      ];
    }
    const taking = config.sets ? config.sets.length : ctx.incoming.length;
    if (taking < min) {
      return [
        {
          severity: 'warning',
          code: 'missing-input',
          message: config.sets
            ? `Combine needs at least ${min} sets taking part (${taking} ${taking === 1 ? 'is' : 'are'} ticked).`
            : `Combine needs at least ${min} inbound sets (it has ${ctx.incoming.length}).`,
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
