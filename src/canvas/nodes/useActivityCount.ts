import { byId } from '../../domain/ids';
import { useCounts } from '../counts/counts-store';
import type { ActivityCount } from '../counts/count-types';

export type { ActivityCount } from '../counts/count-types';

/**
 * The record count of one activity. The engine's counts plug in here, and only here: every node
 * reads its count through this hook. It re-renders its caller only when this activity's entry
 * changes; outside an open campaign's counts provider it returns undefined.
 */
export function useActivityCount(activityId: string): ActivityCount | undefined {
  return useCounts((s) => byId(s.activities, activityId));
}
