import { describe, expect, it } from 'vitest';
import { validateCampaign, problemsByActivity } from '../validate';
import { statusOf } from '../problems';
import { activity, campaign, transition } from './fixtures';

const codes = (doc: Parameters<typeof validateCampaign>[0]) =>
  validateCampaign(doc).map((p) => `${p.activityId ?? p.transitionId ?? '-'}:${p.code}`);

/** An email with the content it cannot be sent without. */
const email = (id: string) => activity(id, 'email', { subject: 'Hello', body: 'Spring is here. <a href="{{unsubscribe_url}}">Unsubscribe</a>' });

describe('validateCampaign', () => {
  it('finds nothing wrong in a connected audience -> email campaign', () => {
    const doc = campaign([activity('a', 'build-audience'), email('m')], [transition('t', 'a', 'm')]);
    expect(validateCampaign(doc)).toEqual([]);
  });

  it('flags a channel without its content as incomplete, field by field', () => {
    const doc = campaign(
      [activity('a', 'build-audience'), activity('m', 'email', { subject: ' ' }), activity('s', 'sms'), activity('p', 'push', { body: 'Hi' })],
      [transition('t', 'a', 'm'), transition('t2', 'm', 's'), transition('t3', 's', 'p')],
    );
    const problems = validateCampaign(doc);
    expect(problems.map((p) => [p.activityId, p.path, p.message])).toEqual([
      ['m', 'subject', 'Write the subject of the email.'],
      ['m', 'body', 'Write the body of the email.'],
      ['s', 'body', 'Write the text of the SMS.'],
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(statusOf(problemsByActivity(problems).get('m') ?? [])).toBe('incomplete');
  });

  it('flags unconnected activities', () => {
    const doc = campaign(
      [activity('a', 'build-audience'), email('m'), activity('w', 'wait')],
      [transition('t', 'a', 'm')],
    );
    expect(codes(doc)).toEqual(['w:unconnected']);
  });

  it('flags a channel without an audience', () => {
    const doc = campaign([activity('f', 'fork'), email('m')], [transition('t', 'f', 'm', 'branch-1')]);
    expect(codes(doc)).toEqual(['f:unconnected', 'm:no-audience']);
  });

  it('reports config that does not parse with its path', () => {
    const doc = campaign([activity('s', 'split', { subsets: [{ id: 'a', label: 'A', limit: { kind: 'count', value: 'ten' } }] })]);
    const problems = validateCampaign(doc).filter((p) => p.code !== 'unconnected');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'invalid-config', path: 'subsets[0].limit.value' });
    expect(problems[0]!.message).toContain('expected a number');
  });

  it('reports missing configuration from the definition', () => {
    const doc = campaign(
      [activity('a', 'build-audience'), activity('s', 'save-audience')],
      [transition('t', 'a', 's')],
    );
    expect(codes(doc)).toEqual(['s:missing-config']);
    expect(statusOf(problemsByActivity(validateCampaign(doc)).get('s') ?? [])).toBe('incomplete');
  });

  it('flags unknown types and dangling transitions without throwing', () => {
    const doc = campaign([activity('a', 'build-audience')], [transition('t', 'a', 'ghost')]);
    doc.activities.push({ ...activity('x', 'wait'), type: 'teleport' });
    expect(codes(doc)).toEqual(['x:unknown-type', 'a:dangling-transition']);
  });

  it('flags each channel activity after the tenth, on the activity', () => {
    const acts = [activity('a', 'build-audience'), activity('f', 'fork', {
      branches: Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, label: `B${i}` })),
    })];
    const trs = [transition('t', 'a', 'f')];
    for (let i = 0; i < 11; i++) {
      acts.push(activity(`m${i}`, 'sms', { body: 'Spring is here. Reply STOP to opt out.' }));
      trs.push(transition(`t${i}`, 'f', `m${i}`, `b${i}`));
    }
    const problems = validateCampaign(campaign(acts, trs));
    expect(problems.map((p) => `${p.activityId}:${p.code}`)).toEqual(['m10:too-many-channels']);
    expect(problems[0]!.message).toBe('A campaign sends at most 10 messages: this is channel activity 11 of 11. Remove it or move it to another campaign.');
    // With ten, none is flagged.
    expect(codes(campaign(acts.slice(0, -1), trs.slice(0, -1))).filter((c) => c.endsWith('too-many-channels'))).toEqual([]);
  });

  it('warns above 100 activities and refuses more than 500, on the campaign', () => {
    // A chain of Waits after one audience: every activity is connected, so only the guardrails speak.
    const chain = (n: number) => {
      const acts = [activity('a', 'build-audience'), ...Array.from({ length: n - 1 }, (_, i) => activity(`w${i}`, 'wait'))];
      const trs = acts.slice(1).map((w, i) => transition(`t${i}`, acts[i]!.id, w.id));
      return campaign(acts, trs);
    };
    const guardrails = (n: number) => codes(chain(n)).filter((c) => c.includes('many-activities'));
    expect(guardrails(100)).toEqual([]);
    expect(guardrails(101)).toEqual(['-:many-activities']);
    expect(validateCampaign(chain(101)).find((p) => p.code === 'many-activities')?.severity).toBe('warning');
    expect(guardrails(500)).toEqual(['-:many-activities']);
    expect(guardrails(501)).toEqual(['-:too-many-activities']);
    const over = validateCampaign(chain(501)).find((p) => p.code === 'too-many-activities');
    expect(over).toMatchObject({ severity: 'error', message: 'A campaign can hold at most 500 activities (this one has 501).' });
  });

  it('gives an error status to an activity with an error', () => {
    expect(statusOf([{ severity: 'error', code: 'x', message: '' }])).toBe('error');
    expect(statusOf([])).toBe('ok');
  });
});
