import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';
import { allProblems, channelLimitProblems, marketingRule, tokenProblems, type ContentField } from '../channel-content/content-problems';
import { hasStopWording } from '../channel-content/email-links';

export const smsConfigSchema = channelBaseSchema.extend({
  /** Sender ID or short code the text comes from; the platform's default number when empty. */
  sender: z.string().default(''),
  body: z.string().default(''),
});
export type SmsConfig = z.infer<typeof smsConfigSchema>;

/** Fields of an SMS that may hold personalization tokens. */
export const smsContentFields: readonly ContentField[] = [{ path: 'body', label: 'Text' }];

/** An alphanumeric sender ID (up to 11 letters and digits) or a number (up to 15 digits). */
const SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$|^\+?[0-9]{3,15}$/;

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
  validate: allProblems<SmsConfig>(
    requiredContent<SmsConfig>({ body: 'Write the text of the SMS.' }),
    (config, ctx) =>
      config.sender.trim() === '' || SENDER.test(config.sender.trim())
        ? []
        : [{ severity: 'error', code: 'bad-sender', message: `The sender “${config.sender.trim()}” is neither a sender name of up to 11 letters and digits nor a phone number.`, activityId: ctx.activity.id, path: 'sender' }],
    marketingRule<SmsConfig>('body', 'no-stop', (c) => c.body.trim() === '' || hasStopWording(c.body), 'A marketing SMS must say how to opt out: add e.g. “Reply STOP to opt out.”'),
    tokenProblems<SmsConfig>('sms', smsContentFields),
    channelLimitProblems,
  ),
  needsAudience: true,
});
