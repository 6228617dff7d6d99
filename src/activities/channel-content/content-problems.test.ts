import { describe, expect, it } from 'vitest';
import type { GraphContext } from '../define-activity';
import { fixtureModel } from '../../engine/testing/fixture';
import { activity, campaign } from '../../domain/__tests__/fixtures';
import { email, emailConfigSchema } from '../email/definition';
import { sms, smsConfigSchema } from '../sms/definition';
import { push, pushConfigSchema } from '../push/definition';
import { directMail, directMailConfigSchema } from '../direct-mail/definition';
import { mailingColumns, mailingCsv } from './mailing-file';
import { tokenSources } from './token-sources';

/** A validation context with the fixture model and inbound profiles carrying an enrichment column `spend`. */
function ctxFor(type: string, inbound = true): GraphContext {
  const a = activity('m', type);
  return {
    doc: campaign([a], []),
    activity: a,
    incoming: [],
    outgoing: [],
    model: fixtureModel,
    inbound: () => (inbound ? { dimension: 'profiles', columns: [{ name: 'spend', type: 'DECIMAL' }] } : undefined),
  };
}
const at = (problems: { path?: string; code: string; severity: string }[]) => problems.map((p) => `${p.path}:${p.code}:${p.severity}`);
const unsubscribe = '<a href="{{unsubscribe_url}}">Unsubscribe</a>';

describe('channel content validation', () => {
  it('accepts dimension fields, fields one link away, inbound columns and the unsubscribe token', () => {
    const config = emailConfigSchema.parse({ subject: 'Hi {{name | "there"}}', body: `{{account.company}} {{spend}} ${unsubscribe}` });
    expect(email.validate!(config, ctxFor('email'))).toEqual([]);
  });

  it('flags a token that names nothing, with the token and its field', () => {
    const config = emailConfigSchema.parse({ subject: 'Hi {{nickname}}', body: `{{account.nope}} {{purchases.amount}} {{company}} ${unsubscribe}` });
    const problems = email.validate!(config, ctxFor('email'));
    expect(at(problems)).toEqual(['subject:unknown-token:error', 'body:unknown-token:error', 'body:unknown-token:error', 'body:unknown-token:error']);
    expect(problems[0]!.message).toBe('The token {{nickname}} in Subject names nothing: “nickname” is not a field of profiles, a field one link away or a column of the inbound records.');
    // purchases is one-to-many: not one link away to a single value.
    expect(problems[2]!.message).toMatch(/\{\{purchases\.amount\}\} in HTML body/);
  });

  it('flags malformed tokens even without the data model, and names only when the inbound records are known', () => {
    const config = smsConfigSchema.parse({ body: 'Hi {{first name}} {{nickname}} STOP' });
    expect(at(sms.validate!(config, { ...ctxFor('sms', false) }))).toEqual(['body:bad-token:error']);
    expect(at(sms.validate!(config, ctxFor('sms')))).toEqual(['body:bad-token:error', 'body:unknown-token:error']);
  });

  it('asks a marketing email for an unsubscribe link, not a transactional one', () => {
    const marketing = emailConfigSchema.parse({ subject: 'Hi', body: '<p>New arrivals</p><a href="https://shop.example">Shop</a>' });
    const problems = email.validate!(marketing, ctxFor('email'));
    expect(at(problems)).toEqual(['body:no-unsubscribe:warning']);
    expect(problems[0]!.message).toBe('A marketing email needs an unsubscribe link: add <a href="{{unsubscribe_url}}">Unsubscribe</a> to the body.');
    expect(email.validate!({ ...marketing, category: 'transactional' }, ctxFor('email'))).toEqual([]);
    expect(email.validate!({ ...marketing, body: '<a href="https://x.example/unsubscribe">Leave</a>' }, ctxFor('email'))).toEqual([]);
  });

  it('asks a marketing SMS for the STOP wording', () => {
    const text = smsConfigSchema.parse({ body: 'Spring sale today only' });
    expect(at(sms.validate!(text, ctxFor('sms')))).toEqual(['body:no-stop:warning']);
    expect(sms.validate!({ ...text, body: 'Spring sale. Reply STOP to opt out' }, ctxFor('sms'))).toEqual([]);
    expect(sms.validate!({ ...text, category: 'transactional' }, ctxFor('sms'))).toEqual([]);
  });

  it('checks addresses, sender IDs, deep links and platforms', () => {
    expect(at(email.validate!(emailConfigSchema.parse({ subject: 's', body: unsubscribe, sender: 'Shop', replyTo: 'help@' }), ctxFor('email')))).toEqual(['sender:bad-address:error', 'replyTo:bad-address:error']);
    expect(at(sms.validate!(smsConfigSchema.parse({ sender: 'Northwind Shop', body: 'Hi STOP' }), ctxFor('sms')))).toEqual(['sender:bad-sender:error']);
    expect(sms.validate!(smsConfigSchema.parse({ sender: 'Northwind', body: 'Hi STOP' }), ctxFor('sms'))).toEqual([]);
    const p = pushConfigSchema.parse({ body: 'Hi', deepLink: 'orders/42', platforms: [] });
    expect(at(push.validate!(p, ctxFor('push')))).toEqual(['platforms:no-platform:error', 'deepLink:bad-link:error']);
    expect(push.validate!({ ...p, deepLink: 'northwind://orders/{{profile_id}}', platforms: ['ios'] }, ctxFor('push'))).toEqual([]);
  });

  it('flags direct-mail columns that name nothing', () => {
    const config = directMailConfigSchema.parse({ columns: ['name', 'account.company', 'spend', 'shoe_size'] });
    expect(at(directMail.validate!(config, ctxFor('direct-mail')))).toEqual(['columns[3]:unknown-column:error']);
    // The fixture's profiles have no postal address: without chosen columns the file would be empty.
    expect(at(directMail.validate!(directMailConfigSchema.parse({}), ctxFor('direct-mail')))).toEqual(['columns:no-postal-address:warning']);
  });

  it('lists the tokens the insert menu offers', () => {
    const sources = tokenSources(fixtureModel, { dimension: 'profiles', columns: [{ name: 'spend', type: 'DECIMAL' }] }, [{ name: 'unsubscribe_url', label: 'Unsubscribe link' }]);
    const paths = sources.map((s) => s.path);
    expect(paths.slice(0, 3)).toEqual(['spend', 'profile_id', 'name']);
    expect(paths).toContain('account.company');
    expect(paths.some((p) => p.startsWith('purchases.'))).toBe(false);
    expect(paths.at(-1)).toBe('unsubscribe_url');
  });

  it('writes the mailing file with RFC 4180 quoting', () => {
    expect(mailingColumns(fixtureModel, 'profiles', ['name'])).toEqual(['name']);
    const csv = mailingCsv(['name', 'city'], [{ name: 'O"Eve, Jr', city: null }, { name: 'Ann\nB', city: 'Paris' }]);
    expect(csv).toBe('name,city\r\n"O""Eve, Jr",\r\n"Ann\nB",Paris');
  });
});
