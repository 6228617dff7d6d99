import type { Activity, Transition } from './campaign';
import type { PortLayout } from '../activities/define-activity';
import { getActivityDef } from '../activities/registry';
import { findNestingProblem } from './nesting';

const noPorts: PortLayout = { in: [], out: [] };

/**
 * The ports of an activity as its definition lays them out for its current config. A config that does
 * not parse falls back to the definition's defaults merged with it, so a half-edited activity keeps
 * its handles; an unknown type has none.
 */
export function portsOf(activity: Activity): PortLayout {
  const def = getActivityDef(activity.type);
  if (!def) return noPorts;
  // A rule nested beyond the limit is not parsed (zod recurses): the definition's default ports.
  if (findNestingProblem(activity.config)) return def.ports(def.defaults());
  const parsed = def.schema.safeParse(activity.config);
  if (parsed.success) return def.ports(parsed.data);
  const merged = def.schema.safeParse({ ...def.defaults(), ...activity.config });
  return def.ports(merged.success ? merged.data : def.defaults());
}

/**
 * How an inbound transition is named where a person picks or reads about a branch or a set: the
 * source activity's label, its output's when it has several (two subsets of one Split differ), and
 * the transition's own label when it has one.
 */
export function branchName(activities: readonly Activity[], transition: Transition): string {
  const source = activities.find((a) => a.id === transition.source.activityId);
  const outs = source ? portsOf(source).out : [];
  const port = outs.length > 1 ? outs.find((p) => p.id === transition.source.port)?.label : undefined;
  return `${source?.label ?? 'Unknown activity'}${port ? ` › ${port}` : ''}${transition.label ? ` · ${transition.label}` : ''}`;
}
