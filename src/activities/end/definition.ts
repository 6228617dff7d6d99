import { z } from 'zod';
import { defineActivity } from '../define-activity';

export const endConfigSchema = z.object({
  /** Id of another campaign to signal when a branch reaches this end. */
  signalCampaignId: z.string().default(''),
});
export type EndConfig = z.infer<typeof endConfigSchema>;

export const end = defineActivity<EndConfig>({
  type: 'end',
  version: 1,
  meta: {
    title: 'End',
    description: 'End a branch, optionally signalling another campaign.',
    category: 'flow',
    icon: 'circle-stop',
    keywords: ['stop', 'finish'],
  },
  ports: () => ({ in: [{ id: 'in', label: 'Records' }], out: [] }),
  schema: endConfigSchema,
  defaults: () => endConfigSchema.parse({}),
});
