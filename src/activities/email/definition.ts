import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';

export const emailConfigSchema = channelBaseSchema.extend({
  subject: z.string().default(''),
  sender: z.string().default('Campaign Canvas <news@example.com>'),
  body: z.string().default(''),
});
export type EmailConfig = z.infer<typeof emailConfigSchema>;

export const email = defineActivity<EmailConfig>({
  type: 'email',
  version: 1,
  meta: {
    title: 'Email',
    description: 'Send an email to the audience.',
    category: 'channel',
    icon: 'mail',
    keywords: ['message', 'newsletter'],
  },
  ports: channelPorts,
  schema: emailConfigSchema,
  defaults: () => emailConfigSchema.parse({}),
  compile: compileChannel,
  advanceClock: channelSendStart,
  validate: requiredContent<EmailConfig>({ subject: 'Write the subject of the email.', body: 'Write the body of the email.' }),
  needsAudience: true,
});
