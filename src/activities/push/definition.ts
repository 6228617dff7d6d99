import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';
import { allProblems, channelLimitProblems, tokenProblems, type ContentField } from '../channel-content/content-problems';
import { renderTokens } from '../channel-content/tokens';

export const pushPlatforms = ['ios', 'android'] as const;
export type PushPlatform = (typeof pushPlatforms)[number];

export const pushConfigSchema = channelBaseSchema.extend({
  title: z.string().default(''),
  body: z.string().default(''),
  /** Where a tap leads: a web address or an app link (myapp://orders/42); the app's home when empty. */
  deepLink: z.string().default(''),
  /** Devices the notification is sent to. */
  platforms: z.array(z.enum(pushPlatforms)).default(['ios', 'android']),
});
export type PushConfig = z.infer<typeof pushConfigSchema>;

/** Fields of a push notification that may hold personalization tokens. */
export const pushContentFields: readonly ContentField[] = [
  { path: 'title', label: 'Title' },
  { path: 'body', label: 'Text' },
  { path: 'deepLink', label: 'Deep link' },
];

/** A web address or an app scheme link (`myapp://…`); a token counts as some text. */
const LINK = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/;

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
  validate: allProblems<PushConfig>(
    requiredContent<PushConfig>({ body: 'Write the text of the notification.' }),
    (config, ctx) => [
      ...(config.platforms.length === 0 ? [{ severity: 'error' as const, code: 'no-platform', message: 'Choose at least one platform (iOS, Android).', activityId: ctx.activity.id, path: 'platforms' }] : []),
      ...(config.deepLink.trim() !== '' && !LINK.test(renderTokens(config.deepLink.trim(), () => 'x'))
        ? [{ severity: 'error' as const, code: 'bad-link', message: `The deep link “${config.deepLink.trim()}” is neither a web address (https://…) nor an app link (myapp://…).`, activityId: ctx.activity.id, path: 'deepLink' }]
        : []),
    ],
    tokenProblems<PushConfig>('push', pushContentFields),
    channelLimitProblems,
  ),
  needsAudience: true,
});
