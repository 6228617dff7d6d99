import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';

export const smsConfigSchema = channelBaseSchema.extend({
  body: z.string().default(''),
});
export type SmsConfig = z.infer<typeof smsConfigSchema>;

export const sms = defineActivity<SmsConfig>({
  type: 'sms',
  version: 1,
  meta: {
    title: 'SMS',
    description: 'Send a text message to the audience.',
    category: 'channel',
    icon: 'message-square',
    keywords: ['text', 'mobile'],
  },
  ports: channelPorts,
  schema: smsConfigSchema,
  defaults: () => smsConfigSchema.parse({}),
  compile: compileChannel,
  advanceClock: channelSendStart,
  validate: requiredContent<SmsConfig>({ body: 'Write the text of the SMS.' }),
  needsAudience: true,
});
