/** What an activity's count badge shows. */
export interface ActivityCount {
  /** Number of records the activity outputs, when known. */
  count?: number;
  loading: boolean;
}

/**
 * The record count of one activity. The engine's query hooks plug in here, and only here: every
 * node reads its count through this hook. Until counts are computed it returns undefined and the
 * node shows no count.
 */
export function useActivityCount(_activityId: string): ActivityCount | undefined {
  return undefined;
}
