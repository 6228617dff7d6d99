import { describe, expect, test } from 'vitest';
import type { Activity } from '../domain/campaign';
import { inboxSnippet, messagePaths, renderTestMessage } from './test-sends';

const activity = (type: string, config: Record<string, unknown>): Activity => ({ id: type, type, label: type.toUpperCase(), position: { x: 0, y: 0 }, config, configVersion: 1, disabled: false });
const ada = (p: string) => ({ first_name: 'Ada', city: 'Paris' })[p];

describe('test sends', () => {
  test('an email is rendered with the profile’s own values, its body kept as a template for the safe frame', () => {
    const email = activity('email', { subject: 'Hi {{first_name | "there"}}', sender: 'News <n@example.com>', body: '<p>Hello {{first_name}} from {{city}}</p>' });
    expect(messagePaths(email)).toEqual(['first_name', 'city']);
    expect(renderTestMessage(email, ada)).toMatchObject({ channel: 'email', subject: 'Hi Ada', sender: 'News <n@example.com>', body: '<p>Hello {{first_name}} from {{city}}</p>' });
    expect(renderTestMessage(email, () => null)).toMatchObject({ subject: 'Hi there' });
  });

  test('SMS and push read their own fields', () => {
    expect(renderTestMessage(activity('sms', { sender: 'Shop', body: '{{first_name}}, spring is here. STOP to opt out' }), ada)).toMatchObject({ channel: 'sms', text: 'Ada, spring is here. STOP to opt out' });
    expect(renderTestMessage(activity('push', { title: 'For {{first_name}}', body: 'New in {{city}}' }), ada)).toMatchObject({ channel: 'push', title: 'For Ada', text: 'New in Paris' });
    expect(renderTestMessage(activity('wait', {}), ada)).toBeNull();
  });

  test('the inbox snippet is the preheader, else the first words of the body without markup', () => {
    expect(inboxSnippet('<style>p{}</style><p>Hello {{first_name}},</p><p>news</p>', '', ada)).toBe('Hello Ada, news');
    expect(inboxSnippet('<p>x</p>', 'Preheader here', ada)).toBe('Preheader here');
    expect(inboxSnippet(`<p>${'word '.repeat(40)}</p>`, '', ada, 20)).toHaveLength(20);
  });
});
