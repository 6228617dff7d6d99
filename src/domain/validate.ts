import type { CampaignDoc } from './campaign';
import { campaignScheduleProblems } from './schedule/problems';
import { simulationProblems } from './simulation-problems';
import type { Problem } from './problems';
import type { DataModel } from './data-model';
import { getActivityDef } from '../activities/registry';
import { inboundSchema } from '../activities/inbound-columns';
import { earlierChannelActivities } from '../activities/earlier-channels';
import { indexGraph, topologicalOrder } from './graph';
import { portsOf } from './ports';
import { providesAudience } from './connection-rules';
import { formatPath, issueMessage } from './zod-issues';
import { findNestingProblem } from './nesting';
import { wiringProblems } from './wiring';
import { variableProblems } from './variables';

/** Guardrails of the product (see docs/campaign-format.md). */
export const MAX_ACTIVITIES = 500;
export const RECOMMENDED_MAX_ACTIVITIES = 100;
/** Channel activities after the tenth carry an error each (see channel-content/content-problems.ts). */
export { MAX_CHANNEL_ACTIVITIES } from '../activities/channel-content/content-problems';

/**
 * Every problem of a campaign: unknown types, configs that do not parse, each definition's own
 * checks, unconnected activities, channels without an audience, dangling transitions, loops and
 * guardrails. With the data `model`, rules are checked against it too (fields that exist, values of
 * the right type). Never throws, whatever the document holds.
 */
export function validateCampaign(doc: CampaignDoc, model?: DataModel): Problem[] {
  const problems: Problem[] = [];
  const g = indexGraph(doc);

  for (const activity of doc.activities) {
    const def = getActivityDef(activity.type);
    if (!def) {
      problems.push({
        severity: 'error',
        code: 'unknown-type',
        message: `"${activity.label}" has an unknown type "${activity.type}".`,
        activityId: activity.id,
      });
      continue;
    }
    const incoming = g.incoming.get(activity.id) ?? [];
    const outgoing = g.outgoing.get(activity.id) ?? [];
    // Checked before zod, whose parse of a rule recurses (see nesting.ts).
    const deep = findNestingProblem(activity.config);
    const parsed = deep ? undefined : def.schema.safeParse(activity.config);
    if (!parsed) {
      if (deep)
        problems.push({ severity: 'error', code: 'too-deep', message: `"${activity.label}": ${deep.path}: ${deep.message}.`, activityId: activity.id, path: deep.path });
    } else if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          severity: 'error',
          code: 'invalid-config',
          message: `"${activity.label}": ${formatPath(issue.path)}: ${issueMessage(issue, activity.config)}.`,
          activityId: activity.id,
          path: formatPath(issue.path),
        });
    } else if (def.validate) {
      try {
        const graph = { doc, activity, incoming, outgoing, earlierChannels: () => earlierChannelActivities(doc, activity.id) };
        problems.push(...def.validate(parsed.data, { ...graph, ...(model ? { model, inbound: (port?: string) => inboundSchema(doc, model, activity.id, port) } : {}) }));
      } catch (e) {
        problems.push({
          severity: 'error',
          code: 'invalid-config',
          message: `"${activity.label}" could not be checked: ${e instanceof Error ? e.message : String(e)}`,
          activityId: activity.id,
        });
      }
    }

    const ports = portsOf(activity);
    if (incoming.length === 0 && outgoing.length === 0 && doc.activities.length > 1) {
      problems.push({
        severity: 'warning',
        code: 'unconnected',
        message: `"${activity.label}" is not connected to any other activity.`,
        activityId: activity.id,
      });
    } else if (ports.in.length > 0 && incoming.length === 0) {
      problems.push({
        severity: 'warning',
        code: 'unconnected',
        message: `"${activity.label}" has no inbound transition.`,
        activityId: activity.id,
      });
    }
    if (def.needsAudience && !providesAudience(doc, activity.id)) {
      problems.push({
        severity: 'error',
        code: 'no-audience',
        message: `"${activity.label}" has no audience: connect a targeting activity such as Build audience before it.`,
        activityId: activity.id,
      });
    }
  }

  // Ports that do not exist, outputs feeding two transitions, single inputs taking two: the engine
  // counts nothing through them (see wiring.ts).
  for (const w of wiringProblems(doc))
    problems.push({
      severity: 'error',
      code: w.code,
      message: `${w.message.charAt(0).toUpperCase()}${w.message.slice(1)} (${w.path}).`,
      ...(w.transitionId !== undefined ? { transitionId: w.transitionId } : {}),
      ...(w.activityId !== undefined ? { activityId: w.activityId } : {}),
    });

  problems.push(...simulationProblems(doc, model));
  problems.push(...campaignScheduleProblems(doc, model));
  for (const v of variableProblems(doc)) problems.push({ severity: 'error', code: 'variable', message: v.message, path: v.path });

  if (topologicalOrder(doc).hasCycle)
    problems.push({ severity: 'error', code: 'cycle', message: 'The campaign contains a loop of transitions.' });

  if (doc.activities.length > MAX_ACTIVITIES)
    problems.push({
      severity: 'error',
      code: 'too-many-activities',
      message: `A campaign can hold at most ${MAX_ACTIVITIES} activities (this one has ${doc.activities.length}).`,
    });
  else if (doc.activities.length > RECOMMENDED_MAX_ACTIVITIES)
    problems.push({
      severity: 'warning',
      code: 'many-activities',
      message: `Campaigns over ${RECOMMENDED_MAX_ACTIVITIES} activities are hard to read; consider splitting this one.`,
    });

  return problems;
}

/** Problems grouped by activity id, for node badges. */
export function problemsByActivity(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.activityId) continue;
    const list = map.get(p.activityId) ?? [];
    list.push(p);
    map.set(p.activityId, list);
  }
  return map;
}
