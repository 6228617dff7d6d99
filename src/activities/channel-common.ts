import { z } from 'zod';
import type { GraphContext, PortLayout } from './define-activity';
import type { Problem } from '../domain/problems';
import { CompileError, passThrough } from './compile-types';
import type { CompileContext, CompiledOutputs } from './compile-types';
import { withSimulation, type SimulatedChannelConfig } from '../engine/simulation/simulate-sql';

/**
 * Settings every channel activity shares. Marketing messages obey consent and business rules;
 * transactional ones do not (see docs/activities.md).
 */
export const weekDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof weekDays)[number];

export const channelBaseSchema = z.object({
  category: z.enum(['marketing', 'transactional']).default('marketing'),
  /** Internal name of the message, shown in reports. */
  messageName: z.string().default(''),
  /** Emit an outbound transition carrying the targeted records, for follow-up activities. */
  emitOutbound: z.boolean().default(true),
  /**
   * Multi-level sending: one message per linked record through this one-to-many link of the
   * targeting dimension (per booking, per contact address). Empty: one message per record.
   */
  sendPer: z.string().default(''),
  /**
   * With `sendPer`: the linked record's field that holds the address, when it carries one (a
   * contact address's value). Empty: the address of the targeted record.
   */
  linkedAddressField: z.string().default(''),
  /** At most `maxMessages` marketing messages per person in any `periodDays` days, this one included. */
  capping: z
    .object({ enabled: z.boolean().default(false), maxMessages: z.number().int().default(3), periodDays: z.number().int().default(7) })
    .default({ enabled: false, maxMessages: 3, periodDays: 7 }),
  /** At most `perHour` messages an hour; the sends spread over the open hours of the window. */
  throttle: z.object({ enabled: z.boolean().default(false), perHour: z.number().int().default(10_000) }).default({ enabled: false, perHour: 10_000 }),
  /** Days of the week and hours (from `fromHour` to before `toHour`) when messages may be sent. */
  window: z
    .object({
      enabled: z.boolean().default(false),
      days: z.array(z.enum(weekDays)).default([...weekDays]),
      fromHour: z.number().int().default(9),
      toHour: z.number().int().default(20),
    })
    .default({ enabled: false, days: [...weekDays], fromHour: 9, toHour: 20 }),
  /** A message not sent within this many hours of the channel's start (window closed, throttle full) is excluded. */
  validityHours: z.number().int().default(72),
  /**
   * What a designer expects this message to change in the simulation (an A/B variant, a better
   * subject line): multipliers of the model's open and click rates for this activity.
   */
  expectedEffect: z.object({ open: z.number().default(1), click: z.number().default(1) }).default({ open: 1, click: 1 }),
});
export type ChannelBaseConfig = z.infer<typeof channelBaseSchema>;

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
export function compileChannel(config: { emitOutbound: boolean } & SimulatedChannelConfig, ctx: CompileContext): CompiledOutputs {
  const input = ctx.inputs.in?.[0];
  if (!input) throw new CompileError('This channel has no audience.');
  // Simulated: the feedback and tracking of the deliveries (src/engine/simulation/simulate-sql.ts).
  return withSimulation(config, ctx, config.emitOutbound ? { out: passThrough(input) } : {});
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
