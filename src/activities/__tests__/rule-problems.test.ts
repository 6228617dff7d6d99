import { describe, expect, it } from 'vitest';
import { sampleDataModel as model } from '../../engine/data/sample-model';
import { validateCampaign } from '../../domain/validate';
import { activity, campaign, message, transition } from '../../domain/__tests__/fixtures';
import { earlierChannelActivities } from '../earlier-channels';

const audience = (id: string, children: unknown[]) =>
  activity(id, 'build-audience', { targetDimension: 'profiles', source: 'rule', rule: { kind: 'group', id: 'root', combinator: 'and', children }, audienceName: '', emitWhenEmpty: false });

describe('rule problems in campaign validation', () => {
  it('are reported on Build audience with a path into its config when the model is known', () => {
    const doc = campaign(
      [audience('a', [{ kind: 'attribute', id: 'c1', path: ['country'], operator: 'equals', value: 'XX' }]), message('m', 'email')],
      [transition('t', 'a', 'm')],
    );
    expect(validateCampaign(doc)).toEqual([]);
    expect(validateCampaign(doc, model)).toEqual([
      { severity: 'error', code: 'rule', message: '“XX” is not one of the values of Country.', activityId: 'a', path: 'rule.children[0]' },
    ]);
  });

  it('flag delivery conditions on messages sent after the audience', () => {
    const doc = campaign(
      [audience('a', [{ kind: 'delivery', id: 'd', activityId: 'm', event: 'opened' }]), message('m', 'email')],
      [transition('t', 'a', 'm')],
    );
    expect(validateCampaign(doc, model).map((p) => p.code)).toEqual(['rule']);
  });

  it('lists channel activities upstream, or outside the branch for a branch start', () => {
    const doc = campaign(
      [activity('a', 'build-audience'), message('m', 'email'), activity('b', 'build-audience'), activity('s', 'split'), message('x', 'sms')],
      [transition('t1', 'a', 'm'), transition('t2', 'b', 's'), transition('t3', 's', 'x', 'subset-1')],
    );
    expect(earlierChannelActivities(doc, 'b').map((c) => c.id)).toEqual(['m']);
    expect(earlierChannelActivities(doc, 'x').map((c) => c.id)).toEqual([]);
  });
});
