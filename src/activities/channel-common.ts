import { z } from 'zod';
import type { PortLayout } from './define-activity';

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
