import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';
import { allProblems, channelLimitProblems, marketingRule, tokenProblems, type ContentField } from '../channel-content/content-problems';
import { hasUnsubscribeLink } from '../channel-content/email-links';

export const emailConfigSchema = channelBaseSchema.extend({
  subject: z.string().default(''),
  sender: z.string().default('Campaign Canvas <news@example.com>'),
  /** Address replies go to; the sender's when empty. */
  replyTo: z.string().default(''),
  /** Preview text mail apps show after the subject. */
  preheader: z.string().default(''),
  /** HTML (or plain text) with personalization tokens. */
  body: z.string().default(''),
});
export type EmailConfig = z.infer<typeof emailConfigSchema>;

/** Fields of an email that may hold personalization tokens, as the form names them. */
export const emailContentFields: readonly ContentField[] = [
  { path: 'sender', label: 'Sender' },
  { path: 'replyTo', label: 'Reply-to' },
  { path: 'subject', label: 'Subject' },
  { path: 'preheader', label: 'Preheader' },
  { path: 'body', label: 'HTML body' },
];

/** An address as a sender or reply-to: `name@domain`, or `Name <name@domain>`. */
const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

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
  validate: allProblems<EmailConfig>(
    requiredContent<EmailConfig>({ sender: 'Write who the email comes from.', subject: 'Write the subject of the email.', body: 'Write the body of the email.' }),
    (config, ctx) =>
      (['sender', 'replyTo'] as const)
        .filter((f) => config[f].trim() !== '' && !config[f].includes('{{') && !ADDRESS.test(config[f].trim()))
        .map((f) => ({
          severity: 'error' as const,
          code: 'bad-address',
          message: `${f === 'sender' ? 'The sender' : 'The reply-to address'} “${config[f].trim()}” is not an email address (name@example.com or Name <name@example.com>).`,
          activityId: ctx.activity.id,
          path: f,
        })),
    marketingRule<EmailConfig>(
      'body',
      'no-unsubscribe',
      (c) => c.body.trim() === '' || hasUnsubscribeLink(c.body),
      'A marketing email needs an unsubscribe link: add <a href="{{unsubscribe_url}}">Unsubscribe</a> to the body.',
    ),
    tokenProblems<EmailConfig>('email', emailContentFields),
    channelLimitProblems,
  ),
  needsAudience: true,
});
