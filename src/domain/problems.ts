/** A validation problem, shown in the problems panel and as a badge on its activity. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable code for tests and filtering, e.g. `unconnected`, `missing-config`, `no-audience`. */
  code: string;
  message: string;
  activityId?: string;
  transitionId?: string;
  /** Path inside the activity config, e.g. `subsets[0].limit`, when the problem is on one field. */
  path?: string;
}

export type ActivityStatus = 'ok' | 'incomplete' | 'error';

/** Status badge of an activity: any error wins, then warnings mean "incomplete". */
export function statusOf(problems: readonly Problem[]): ActivityStatus {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  if (problems.length > 0) return 'incomplete';
  return 'ok';
}
