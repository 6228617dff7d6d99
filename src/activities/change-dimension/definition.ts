import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { LEFT_OUT_OUTPUT } from '../compile-types';
import { compileChangeDimension } from './compile';
import { pathProblem } from './path-problems';

export const changeDimensionConfigSchema = z.object({
  /** Entity the working table switches to. */
  targetDimension: z.string().default(''),
  /** Link path from the current dimension to the new one, links of any cardinality (e.g. `['purchases']`, `['account']`, `['people']`). */
  path: z.array(z.string()).default([]),
});
export type ChangeDimensionConfig = z.infer<typeof changeDimensionConfigSchema>;

export const changeDimension = defineActivity<ChangeDimensionConfig>({
  type: 'change-dimension',
  version: 1,
  meta: {
    title: 'Change dimension',
    description: 'Switch the working table to another dimension through a link.',
    category: 'targeting',
    icon: 'shuffle',
    keywords: ['dimension', 'accounts', 'people', 'bookings'],
  },
  // Inbound records with no linked record of the new dimension drop out: counted by the engine from
  // the same walk through the links. (Several records leading to the same one become one: that is
  // the change of dimension, not a loss.)
  leftOut: (_config, { outputs }) => {
    const unlinked = outputs[LEFT_OUT_OUTPUT];
    return unlinked !== undefined && unlinked > 0 ? { count: unlinked, text: 'with no linked record' } : null;
  },
  ports: () => ({ in: [{ id: 'in', label: 'Records' }], out: [{ id: 'out', label: 'Records' }] }),
  schema: changeDimensionConfigSchema,
  compile: compileChangeDimension,
  defaults: () => changeDimensionConfigSchema.parse({}),
  validate: (config, ctx) => {
    if (config.targetDimension === '' || config.path.length === 0)
      return [
        {
          severity: 'warning',
          code: 'missing-config',
          message: 'Choose the dimension to change to.',
          activityId: ctx.activity.id,
          path: 'targetDimension',
        },
      ];
    const from = ctx.model ? ctx.inbound?.()?.dimension : undefined;
    const problem = ctx.model && from ? pathProblem(config, ctx.model, from) : undefined;
    return problem
      ? [
          {
            severity: 'error',
            code: 'invalid-config',
            message: problem.message,
            activityId: ctx.activity.id,
            path: problem.path,
          },
        ]
      : [];
  },
});
