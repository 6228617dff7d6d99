import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';

export const pushConfigSchema = channelBaseSchema.extend({
  title: z.string().default(''),
  body: z.string().default(''),
});
export type PushConfig = z.infer<typeof pushConfigSchema>;

export const push = defineActivity<PushConfig>({
  type: 'push',
  version: 1,
  meta: {
    title: 'Push notification',
    description: 'Send a push notification to the audience’s devices.',
    category: 'channel',
    icon: 'bell',
    keywords: ['notification', 'mobile', 'app'],
  },
  ports: channelPorts,
  schema: pushConfigSchema,
  defaults: () => pushConfigSchema.parse({}),
  compile: compileChannel,
  advanceClock: channelSendStart,
  validate: requiredContent<PushConfig>({ body: 'Write the text of the notification.' }),
  needsAudience: true,
});
