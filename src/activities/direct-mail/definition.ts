import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';

export const directMailConfigSchema = channelBaseSchema.extend({
  /** Name of the extraction file sent to the mailing provider. */
  fileName: z.string().default('mailing.csv'),
  format: z.string().default('A4 letter'),
});
export type DirectMailConfig = z.infer<typeof directMailConfigSchema>;

export const directMail = defineActivity<DirectMailConfig>({
  type: 'direct-mail',
  version: 1,
  meta: {
    title: 'Direct mail',
    description: 'Produce a postal mailing file for the audience.',
    category: 'channel',
    icon: 'mailbox',
    keywords: ['postal', 'letter', 'print'],
  },
  ports: channelPorts,
  schema: directMailConfigSchema,
  defaults: () => directMailConfigSchema.parse({}),
  compile: compileChannel,
  advanceClock: channelSendStart,
  validate: requiredContent<DirectMailConfig>({}),
  needsAudience: true,
});
