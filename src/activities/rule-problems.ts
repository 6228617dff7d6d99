import type { CampaignDoc } from '../domain/campaign';
import type { Problem } from '../domain/problems';
import type { ConditionGroup } from '../domain/rule';
import { validateRule } from '../domain/rule-validation';
import type { RuleProblem } from '../domain/rule-validation';
import { downstreamOf, indexGraph, upstreamOf } from '../domain/graph';
import { formatPath } from '../domain/zod-issues';
import type { GraphContext } from './define-activity';
import { getActivityDef } from './registry';

/**
 * Channel activities whose delivery results a rule of `activityId` may read. Upstream ones when the
 * activity has an input (a split after an email); for an activity that starts a branch (Build
 * audience), every channel activity that is not downstream of it, since a branch that starts later
 * in a recurring campaign reads the results of sends made elsewhere in the campaign.
 */
export function earlierChannelActivities(doc: CampaignDoc, activityId: string): { id: string; label: string }[] {
  const g = indexGraph(doc);
  const up = upstreamOf(g, activityId);
  const down = downstreamOf(g, activityId);
  const isChannel = (type: string) => getActivityDef(type)?.meta.category === 'channel';
  const candidates = up.size > 0 ? doc.activities.filter((a) => up.has(a.id)) : doc.activities.filter((a) => a.id !== activityId && !down.has(a.id));
  return candidates.filter((a) => isChannel(a.type)).map((a) => ({ id: a.id, label: a.label }));
}

/** Rule problems as activity problems, with `path` pointing into the config (e.g. `rule.children[0]`). */
export function ruleProblemsAsActivityProblems(problems: readonly RuleProblem[], activityId: string, configPath: (string | number)[]): Problem[] {
  return problems.map((p) => ({
    severity: p.severity,
    code: 'rule',
    message: p.message,
    activityId,
    path: formatPath([...configPath, ...p.path]),
  }));
}

/**
 * Problems of a rule held at `configPath` of an activity's config. Needs the data model, which only
 * callers that know the loaded data pass; without it, nothing is reported.
 */
export function ruleProblems(rule: ConditionGroup, entity: string, ctx: GraphContext, configPath: (string | number)[]): Problem[] {
  if (!ctx.model) return [];
  const found = validateRule(rule, ctx.model, entity, { earlierChannels: earlierChannelActivities(ctx.doc, ctx.activity.id) });
  return ruleProblemsAsActivityProblems(found, ctx.activity.id, configPath);
}
