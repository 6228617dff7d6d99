import { describe, expect, it } from 'vitest';
import { sampleDataModel as model } from '../../engine/data/sample-model';
import { compileCampaign } from '../../engine/compile/compile-campaign';
import { problemsByActivity, validateCampaign } from '../../domain/validate';
import type { CampaignDoc } from '../../domain/campaign';
import type { Problem } from '../../domain/problems';
import { activity, campaign, transition } from '../../domain/__tests__/fixtures';
import { engineProblems, judgeEngineError } from '../../canvas/counts/engine-messages';
import { MESSAGE_RESULTS_NEED_A_RUN } from '../../domain/rule-needs-run';

/**
 * Everything the editor lists for an activity: its validation problems and, for the engine's
 * answer on the same campaign (compiled here; a compile error is what the engine reports), the
 * `engine-error` problems its validation does not already explain.
 */
function listedProblems(doc: CampaignDoc, activityId: string): Problem[] {
  const validation = problemsByActivity(validateCampaign(doc, model));
  const plan = compileCampaign(doc, { model, dataSchema: 'data', dataVersion: 'v' });
  const fromEngine = engineProblems(plan.errors, (id) => validation.get(id));
  return [...(validation.get(activityId) ?? []), ...fromEngine.filter((p) => p.activityId === activityId)];
}

const group = (children: unknown[]) => ({ kind: 'group', id: 'root', combinator: 'and', children });

/** One defect each, and the words it is told in. */
const brokenConditions: [string, unknown, string][] = [
  ['an operator without its value', { kind: 'attribute', id: 'c', path: ['country'], operator: 'equals' }, 'Enter a value.'],
  ['a value the field does not have', { kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'XX' }, '“XX” is not one of the values of Country.'],
  ['a field the data does not have', { kind: 'attribute', id: 'c', path: ['no_such_field'], operator: 'equals', value: 'x' }, 'Profiles have no field “no_such_field” in this data.'],
  ['a text match without text', { kind: 'attribute', id: 'c', path: ['email'], operator: 'contains' }, 'Enter some text.'],
  ['a range with one bound', { kind: 'attribute', id: 'c', path: ['engagement_score'], operator: 'between', value: 1 }, 'Enter both bounds.'],
  ['a message-results condition on no message', { kind: 'delivery', id: 'd', activityId: '', event: 'opened' }, 'Choose the message whose results to use.'],
  ['a saved filter not chosen', { kind: 'saved-filter', id: 'f', filterId: '' }, 'Choose a saved filter.'],
  ['an aggregate without its value', { kind: 'collection', id: 'p', path: ['purchases'], quantifier: 'aggregate', where: group([]), aggregate: { fn: 'count', operator: 'gt', value: null } }, 'Enter a number to compare with.'],
];

/** Each activity that holds a rule, with `rule` as its rule, in a campaign where it is computed. */
const withRule: Record<string, (rule: unknown) => CampaignDoc> = {
  'build-audience': (rule) => campaign([activity('x', 'build-audience', { targetDimension: 'profiles', source: 'rule', rule, audienceName: '', emitWhenEmpty: false }), activity('end', 'end')], [transition('t', 'x', 'end')]),
  'incremental-query': (rule) => campaign([activity('x', 'incremental-query', { targetDimension: 'profiles', rule, dateField: 'created_date' }), activity('end', 'end')], [transition('t', 'x', 'end')]),
  split: (rule) =>
    campaign(
      [activity('a', 'build-audience'), activity('x', 'split', { subsets: [{ id: 's1', label: 'First', filter: rule }] }), activity('end', 'end')],
      [transition('t0', 'a', 'x'), transition('t', 'x', 'end', 's1')],
    ),
};

describe('each defect of a rule is told once', () => {
  for (const [type, make] of Object.entries(withRule)) {
    it.each(brokenConditions)(`${type}: %s`, (_, condition, message) => {
      const problems = listedProblems(make(group([condition])), 'x');
      expect(problems.map((p) => `${p.severity} ${p.code}: ${p.message}`)).toEqual([`error rule: ${message}`]);
    });

    it(`${type}: a sound rule has no problem`, () => {
      expect(listedProblems(make(group([{ kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'FR' }])), 'x')).toEqual([]);
    });
  }
});

describe('the rule that picks the lines of an Enrichment collection', () => {
  const enrich = (where: unknown) =>
    campaign(
      [activity('a', 'build-audience'), activity('x', 'enrichment', { attributes: [], collections: [{ id: 'k', path: ['purchases'], alias: 'n', mode: 'aggregate', where, aggregate: { fn: 'count' } }], joins: [] }), activity('end', 'end')],
      [transition('t0', 'a', 'x'), transition('t', 'x', 'end')],
    );

  it.each([
    ['an operator without its value', { kind: 'attribute', id: 'c', path: ['status'], operator: 'equals' }, 'Enter a value.'],
    ['a field purchases do not have', { kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'FR' }, 'Purchases have no field “country” in this data.'],
  ])('%s is told once, at its condition', (_, condition, message) => {
    expect(listedProblems(enrich(group([condition])), 'x')).toEqual([{ severity: 'error', code: 'rule', message, activityId: 'x', path: 'collections[0].where.children[0]' }]);
  });

  it('a sound rule has no problem', () => {
    expect(listedProblems(enrich(group([{ kind: 'attribute', id: 'c', path: ['amount'], operator: 'gt', value: 10 }])), 'x')).toEqual([]);
  });
});

describe('a rule reading message results needs a run, which is not a problem', () => {
  const opened = (from: string) => group([{ kind: 'delivery', id: 'd', activityId: from, event: 'opened' }]);

  it('Build audience after another branch sends the message', () => {
    const doc = campaign(
      [activity('a', 'build-audience'), activity('mail', 'email'), activity('x', 'build-audience', { targetDimension: 'profiles', source: 'rule', rule: opened('mail'), audienceName: '', emitWhenEmpty: false }), activity('end', 'end')],
      [transition('t1', 'a', 'mail'), transition('t2', 'x', 'end')],
    );
    expect(listedProblems(doc, 'x')).toEqual([]);
    const raw = compileCampaign(doc, { model, dataSchema: 'data', dataVersion: 'v' }).errors.x!;
    expect(judgeEngineError(raw, [])).toEqual({ kind: 'needs-run', reason: MESSAGE_RESULTS_NEED_A_RUN });
  });

  it('Split after the email, and on a message sent after it (an error, told once)', () => {
    const doc = (from: string) =>
      campaign(
        [activity('a', 'build-audience'), activity('mail', 'email'), activity('x', 'split', { subsets: [{ id: 's1', label: 'Opened', filter: opened(from) }] }), activity('sms', 'sms')],
        [transition('t1', 'a', 'mail'), transition('t2', 'mail', 'x'), transition('t3', 'x', 'sms', 's1')],
      );
    expect(listedProblems(doc('mail'), 'x')).toEqual([]);
    expect(listedProblems(doc('sms'), 'x').map((p) => p.message)).toEqual(['This message is not sent before this activity: choose a channel activity upstream of it.']);
  });
});

describe('Build audience reading a saved audience', () => {
  it('with none chosen, says so once, as settings to complete', () => {
    const doc = campaign(
      [activity('x', 'build-audience', { targetDimension: 'profiles', source: 'audience', rule: group([]), audienceName: '', emitWhenEmpty: false }), activity('end', 'end')],
      [transition('t', 'x', 'end')],
    );
    expect(listedProblems(doc, 'x')).toEqual([{ severity: 'warning', code: 'missing-config', message: 'Choose the saved audience to read.', activityId: 'x', path: 'audienceName' }]);
  });
});

describe('no activity says the same thing twice', () => {
  it('in a campaign of every activity with its defaults', () => {
    const types = ['build-audience', 'incremental-query', 'load-file', 'combine', 'deduplication', 'enrichment', 'split', 'change-dimension', 'save-audience', 'reconciliation', 'fork', 'and-join', 'wait', 'test', 'alert', 'email', 'sms', 'push', 'direct-mail', 'end'];
    const activities = [activity('src', 'build-audience'), ...types.map((type) => activity(type, type))];
    const transitions = types.filter((t) => !['build-audience', 'incremental-query', 'load-file'].includes(t)).map((t) => transition(`t-${t}`, 'src', t));
    const doc = campaign(activities, transitions);
    for (const id of types) {
      const messages = listedProblems(doc, id).map((p) => p.message);
      expect(new Set(messages).size, `${id}: ${messages.join(' | ')}`).toBe(messages.length);
    }
  });
});
