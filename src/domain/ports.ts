import type { Activity } from './campaign';
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
