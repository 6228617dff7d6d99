import { z } from 'zod';
import type { GraphContext, PortLayout } from './define-activity';
import type { Problem } from '../domain/problems';
import { CompileError, passThrough } from './compile-types';
import type { CompileContext, CompiledOutputs } from './compile-types';

/**
 * Settings every channel activity shares. Marketing messages obey consent and business rules;
 * transactional ones do not (see docs/activities.md).
 */
export const channelBaseSchema = z.object({
  category: z.enum(['marketing', 'transactional']).default('marketing'),
  /** Internal name of the message, shown in reports. */
  messageName: z.string().default(''),
  /** Emit an outbound transition carrying the targeted records, for follow-up activities. */
  emitOutbound: z.boolean().default(true),
});

export function channelPorts(config: { emitOutbound: boolean }): PortLayout {
  return {
    in: [{ id: 'in', label: 'Audience' }],
    out: config.emitOutbound ? [{ id: 'out', label: 'Targeted' }] : [],
  };
}

/**
 * While editing, a channel's outbound transition carries the audience it receives; address and
 * consent exclusions are applied by the delivery simulation, not by counts.
 */
export function compileChannel(config: { emitOutbound: boolean }, ctx: CompileContext): CompiledOutputs {
  const input = ctx.inputs.in?.[0];
  if (!input) throw new CompileError('This channel has no audience.');
  return config.emitOutbound ? { out: passThrough(input) } : {};
}

/**
 * The content a channel cannot be sent without, field by field, with the message shown on the
 * field and in the problems panel. A missing one makes the activity incomplete (a warning), not an
 * error: the campaign still counts.
 */
export function requiredContent<C>(fields: { [K in keyof C]?: string }) {
  return (config: C, ctx: GraphContext): Problem[] =>
    (Object.entries(fields) as [keyof C & string, string][])
      .filter(([field]) => String(config[field] ?? '').trim() === '')
      .map(([field, message]) => ({
        severity: 'warning' as const,
        code: 'missing-config',
        message,
        activityId: ctx.activity.id,
        path: field,
      }));
}
