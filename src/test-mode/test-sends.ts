import type { Activity, CampaignDoc } from '../domain/campaign';
import { emailConfigSchema } from '../activities/email/definition';
import { smsConfigSchema } from '../activities/sms/definition';
import { pushConfigSchema } from '../activities/push/definition';
import { renderTokens, tokenPaths, type TokenValue } from '../activities/channel-content/tokens';

/** Fields read to name a test profile beside its key, when the data has them. */
export const PROFILE_PATHS = ['email', 'first_name', 'last_name', 'phone'] as const;

/** A channel whose messages test sends show: email in an inbox, SMS and push on a phone. */
export type TestSendChannel = 'email' | 'sms' | 'push';

export const testSendChannels: readonly string[] = ['email', 'sms', 'push'];

/** The token paths a channel's message needs, for the engine's recipient values. */
export function messagePaths(activity: Activity): string[] {
  switch (activity.type) {
    case 'email': {
      const c = emailConfigSchema.safeParse(activity.config);
      return c.success ? tokenPaths(c.data.sender, c.data.replyTo, c.data.subject, c.data.preheader, c.data.body) : [];
    }
    case 'sms': {
      const c = smsConfigSchema.safeParse(activity.config);
      return c.success ? tokenPaths(c.data.sender, c.data.body) : [];
    }
    case 'push': {
      const c = pushConfigSchema.safeParse(activity.config);
      return c.success ? tokenPaths(c.data.title, c.data.body, c.data.deepLink) : [];
    }
    default:
      return [];
  }
}

/** A message as a test profile receives it, tokens replaced by the profile's own values. */
export type TestMessage =
  | { channel: 'email'; activityId: string; activityLabel: string; sender: string; subject: string; preheader: string; body: string }
  | { channel: 'sms'; activityId: string; activityLabel: string; sender: string; text: string }
  | { channel: 'push'; activityId: string; activityLabel: string; title: string; text: string };

/** A channel's message rendered for one record (`valueOf` reads its values), or null for another type. */
export function renderTestMessage(activity: Activity, valueOf: (path: string) => TokenValue): TestMessage | null {
  const at = { activityId: activity.id, activityLabel: activity.label };
  const text = (s: string) => renderTokens(s, valueOf);
  switch (activity.type) {
    case 'email': {
      const c = emailConfigSchema.safeParse(activity.config);
      // The body stays a template: the preview frame fills it with escaped values (EmailPreview).
      return c.success ? { channel: 'email', ...at, sender: text(c.data.sender), subject: text(c.data.subject), preheader: text(c.data.preheader), body: c.data.body } : null;
    }
    case 'sms': {
      const c = smsConfigSchema.safeParse(activity.config);
      return c.success ? { channel: 'sms', ...at, sender: text(c.data.sender), text: text(c.data.body) } : null;
    }
    case 'push': {
      const c = pushConfigSchema.safeParse(activity.config);
      return c.success ? { channel: 'push', ...at, title: text(c.data.title), text: text(c.data.body) } : null;
    }
    default:
      return null;
  }
}

/** The first words of an email as an inbox shows them under the subject: its preheader, else its text. */
export function inboxSnippet(body: string, preheader: string, valueOf: (path: string) => TokenValue, length = 90): string {
  const source = preheader.trim() !== '' ? preheader : renderTokens(body, valueOf).replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
  const words = source.replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  return words.length > length ? `${words.slice(0, length - 1)}…` : words;
}

/**
 * A campaign of one record, the seed profile `key` of `dimension`, carried by the transition
 * `seed`: the engine's recipient values read its message fields as it reads a channel's audience.
 * Columns a channel's own upstream adds (an enrichment) are not there: their tokens show fallbacks.
 */
export function seedDoc(dimension: string, primaryKey: string, key: string): CampaignDoc {
  const numeric = /^-?\d+$/.test(key);
  return {
    id: 'test-send-seed',
    name: 'Test send seed',
    description: '',
    schemaVersion: 1,
    settings: { orientation: 'horizontal', defaultTargetDimension: dimension, seed: 42 },
    activities: [
      {
        id: 'seed',
        type: 'build-audience',
        label: 'Seed',
        position: { x: 0, y: 0 },
        config: {
          targetDimension: dimension,
          rule: { kind: 'group', id: 'root', combinator: 'and', children: [{ kind: 'attribute', id: 'key', path: [primaryKey], operator: 'equals', value: numeric ? Number(key) : key }] },
        },
        configVersion: 1,
        disabled: false,
      },
      { id: 'end', type: 'end', label: 'End', position: { x: 200, y: 0 }, config: {}, configVersion: 1, disabled: false },
    ],
    transitions: [{ id: 'seed', source: { activityId: 'seed', port: 'out' }, target: { activityId: 'end', port: 'in' }, label: '' }],
  };
}
