import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';
import { DAY_MS, HOUR_MS, MINUTE_MS, addMillis, simMillis } from '../../domain/sim-time';

const UNIT_MS = { minutes: MINUTE_MS, hours: HOUR_MS, days: DAY_MS } as const;

/**
 * When records leave a Wait that starts at `start`: after its duration, or at its date (never
 * before they arrived: a date already past lets them through at once, and validation says so).
 */
export function waitEnds(config: WaitConfig, start: string): string {
  if (config.mode === 'duration') return addMillis(start, config.amount * UNIT_MS[config.unit]);
  const until = simMillis(config.until);
  const from = simMillis(start);
  if (until === undefined || from === undefined || until <= from) return start;
  return addMillis(start, until - from);
}

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
  advanceClock: waitEnds,
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
