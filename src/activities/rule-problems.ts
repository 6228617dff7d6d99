import type { Problem } from '../domain/problems';
import type { ConditionGroup } from '../domain/rule';
import { validateRule } from '../domain/rule-validation';
import type { RuleProblem } from '../domain/rule-validation';
import { formatPath } from '../domain/zod-issues';
import type { GraphContext } from './define-activity';

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
 * callers that know the loaded data pass; without it, nothing is reported. Conditions on message
 * results are checked against the channel activities the context names (`earlierChannels`).
 */
export function ruleProblems(rule: ConditionGroup, entity: string, ctx: GraphContext, configPath: (string | number)[]): Problem[] {
  if (!ctx.model) return [];
  const earlierChannels = ctx.earlierChannels?.();
  const found = validateRule(rule, ctx.model, entity, earlierChannels ? { earlierChannels } : {});
  return ruleProblemsAsActivityProblems(found, ctx.activity.id, configPath);
}
