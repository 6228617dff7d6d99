import type { CampaignDoc, Transition } from '../../domain/campaign';
import { FILE_DIMENSION_PREFIX } from '../../activities/working-table';

/**
 * The dimension whose records a transition carries, worked out from the document alone (no engine):
 * what pickers offer while the counts are still computing. `undefined` when it cannot be told (an
 * activity without input, a cycle). A loaded file's records have the dimension `file:<activity id>`.
 */
export function dimensionOfTransition(doc: Pick<CampaignDoc, 'activities' | 'transitions'>, transition: Transition, seen = new Set<string>()): string | undefined {
  return dimensionOfOutput(doc, transition.source.activityId, seen);
}

/** The dimension of the records an activity outputs (see dimensionOfTransition). */
export function dimensionOfOutput(doc: Pick<CampaignDoc, 'activities' | 'transitions'>, activityId: string, seen = new Set<string>()): string | undefined {
  if (seen.has(activityId)) return undefined;
  seen.add(activityId);
  const activity = doc.activities.find((a) => a.id === activityId);
  if (!activity) return undefined;
  const config = activity.config as Record<string, unknown>;
  switch (activity.type) {
    case 'build-audience':
    case 'incremental-query':
    case 'reconciliation':
    case 'change-dimension': {
      const d = typeof config.targetDimension === 'string' ? config.targetDimension : '';
      return d === '' ? (activity.type === 'change-dimension' ? undefined : 'profiles') : d;
    }
    case 'load-file':
      return `${FILE_DIMENSION_PREFIX}${activity.id}`;
    default: {
      const incoming = doc.transitions.filter((t) => t.target.activityId === activityId && t.target.port === 'in');
      const primaryId = typeof config.primaryTransitionId === 'string' ? config.primaryTransitionId : '';
      const main = incoming.find((t) => t.id === primaryId) ?? incoming[0];
      return main ? dimensionOfTransition(doc, main, seen) : undefined;
    }
  }
}

/** The dimension of the records arriving on an activity's main input (`in`), as dimensionOfOutput. */
export function inboundDimension(doc: Pick<CampaignDoc, 'activities' | 'transitions'>, activityId: string): string | undefined {
  const incoming = doc.transitions.filter((t) => t.target.activityId === activityId && t.target.port === 'in');
  const main = incoming[0];
  return main ? dimensionOfTransition(doc, main) : undefined;
}
