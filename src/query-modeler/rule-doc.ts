import type { CampaignDoc } from '../domain/campaign';
import { CURRENT_SCHEMA_VERSION } from '../domain/campaign';
import type { ConditionGroup } from '../domain/rule';

/** Ids inside the one-activity campaign a rule is evaluated as. */
export const RULE_DOC_IDS = { campaign: 'rule-preview', activity: 'rule', end: 'rule-end', transition: 'rule-out' } as const;

/**
 * A campaign made of one Build audience with `rule` over `entity`, feeding an End: the engine
 * evaluates rules only as parts of campaigns, and this one gives the rule's working table a
 * transition to count and preview. Its working table is shared with any Build audience of the same
 * rule, so calculating a rule also warms the canvas's counts.
 */
export function ruleDoc(rule: ConditionGroup, entity: string): CampaignDoc {
  return {
    id: RULE_DOC_IDS.campaign,
    name: 'Rule',
    description: '',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    activities: [
      {
        id: RULE_DOC_IDS.activity,
        type: 'build-audience',
        label: 'Rule',
        position: { x: 0, y: 0 },
        config: { targetDimension: entity, source: 'rule', rule, audienceName: '', emitWhenEmpty: true },
        configVersion: 1,
        disabled: false,
      },
      { id: RULE_DOC_IDS.end, type: 'end', label: 'End', position: { x: 200, y: 0 }, config: {}, configVersion: 1, disabled: false },
    ],
    transitions: [
      { id: RULE_DOC_IDS.transition, source: { activityId: RULE_DOC_IDS.activity, port: 'out' }, target: { activityId: RULE_DOC_IDS.end, port: 'in' }, label: '' },
    ],
    settings: { orientation: 'horizontal', defaultTargetDimension: entity, seed: 42 },
  };
}
