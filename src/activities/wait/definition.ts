import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';

export const waitConfigSchema = z.object({
  mode: z.enum(['duration', 'until']).default('duration'),
  amount: z.number().min(0).default(1),
  unit: z.enum(['minutes', 'hours', 'days']).default('days'),
  /** ISO date-time, for mode `until`. */
  until: z.string().default(''),
});
export type WaitConfig = z.infer<typeof waitConfigSchema>;

export const wait = defineActivity<WaitConfig>({
  type: 'wait',
  version: 1,
  meta: {
    title: 'Wait',
    description: 'Pause for a duration or until a date.',
    category: 'flow',
    icon: 'clock',
    keywords: ['delay', 'pause', 'timer'],
  },
  ports: () => ({ in: [{ id: 'in', label: 'Records' }], out: [{ id: 'out', label: 'After wait' }] }),
  schema: waitConfigSchema,
  defaults: () => waitConfigSchema.parse({}),
  compile: (_config, ctx) => {
    // Waiting changes when records move on, not which ones: the count is the input's.
    const input = ctx.inputs.in?.[0];
    if (!input) throw new CompileError('Wait has no input.');
    return { out: passThrough(input) };
  },
  validate: (config, ctx) =>
    config.mode === 'until' && config.until === ''
      ? [
          {
            severity: 'warning',
            code: 'missing-config',
            message: 'Choose the date to wait until.',
            activityId: ctx.activity.id,
            path: 'until',
          },
        ]
      : [],
});
