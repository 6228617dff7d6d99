import type { SkipReason } from '../../engine/compile/compile-campaign';

/** What a transition's count badge shows. Entries are immutable; equal entries keep their identity. */
export interface TransitionCount {
  /** Number of records carried, when known. */
  count?: number;
  /** No count is known yet (engine starting, or a transition added since the last counts). */
  loading: boolean;
  /** The count shown is that of an earlier version of the campaign; a fresh one is computing. */
  stale?: boolean;
  /** Why there is no count (disabled source, nothing upstream...), as a sentence for the tooltip. */
  reason?: string;
  /** The source activity's query failed, or it has errors to fix: why, in a marketer's words. */
  error?: string;
  /** Not counted because the source (or an activity before it) needs a run of the campaign; `reason` says why. Not an error. */
  needsRun?: boolean;
  /** `error` or `reason` retells the problems of the source activity rather than a failure of its query. */
  fromProblems?: boolean;
  /** The source waits for an inbound branch that is not emitted (see `waitingText`); `reason` names it. */
  waiting?: boolean;
  /** The engine's own message when `error` or `reason` rewords it. */
  technical?: string;
  /**
   * No count because the settings of the source, or of an activity before it, are incomplete: how
   * a kept last count is then named (`lastCountText`). Absent for any other reason.
   */
  incomplete?: string;
  /** `count` is the last one it carried, kept (dimmed) while `incomplete` says why. */
  lastCount?: boolean;
}

/** Records on one output of an activity. */
export interface OutputCount {
  port: string;
  label: string;
  count: number;
}

/** What an activity's count badge shows. */
export interface ActivityCount {
  /**
   * Records the activity outputs; for an activity without outputs, or with several (split, fork),
   * the records it receives.
   */
  count?: number;
  /** Per output, when the activity has several. */
  outputs?: readonly OutputCount[];
  /** Records it loses without an output carrying them ("2,015 not in any subset"). */
  leftOut?: { count: number; text: string };
  loading: boolean;
  stale?: boolean;
  /** Why there is no count, as a sentence for the tooltip. */
  reason?: string;
  /** The activity's query failed (in a marketer's words), or it has errors to fix. */
  error?: string;
  /** Not counted before the campaign runs (it reads message results); `reason` says why. Not an error. */
  needsRun?: boolean;
  /** `error` or `reason` points to the activity's own problems, which say what is wrong. */
  fromProblems?: boolean;
  /** As on a transition: its settings, or those of an activity before it, are incomplete. */
  incomplete?: string;
  /** `count` is the last one it had, kept (dimmed) while `incomplete` says why; `reason` too. */
  lastCount?: boolean;
  /** It waits for an inbound branch that is not emitted (see `waitingText`); `reason` names it. */
  waiting?: boolean;
  /** The engine's own message when `error` or `reason` rewords it. */
  technical?: string;
}

/** Where counts stand for the whole campaign, for the status line. */
export type CountsPhase = 'loading-data' | 'computing' | 'restarting' | 'reconnecting' | 'up-to-date' | 'failed' | 'idle';

/** Why an activity (and the transitions leaving it) has no count. */
export const skipReasonText: Record<SkipReason, string> = {
  disabled: 'No count: this activity is disabled.',
  upstream: 'No count: an activity before this one is disabled, has an error or has no records to pass on.',
  'no-input': 'No count: nothing is connected to its input.',
  'not-computed': 'No count: this activity is not counted before the campaign runs.',
  'no-output': 'No count: this activity has no output.',
};

/**
 * What a count kept while settings are incomplete is called after the number: the activity's own
 * ("last count, until the settings are complete"), or those of the activity named, for its
 * transitions and what follows it.
 */
export function lastCountText(activityLabel?: string): string {
  return activityLabel === undefined
    ? 'last count, until the settings are complete'
    : `last count, until the settings of “${activityLabel}” are complete`;
}

/** How a count that needs a simulation (it reads message results) is named (accessible name and tooltip), with its reason. */
export function needsRunText(reason: string | undefined): string {
  return `Needs a simulation: ${reason ?? ''}`;
}

/** Why an empty output's transition has no count: it is not emitted, so what follows does not run. */
export const notEmittedText = 'Not emitted: no records, and the activity does not continue when empty, so what follows does not run.';

/**
 * Why an activity with several inputs (And-join, Combine) has no count when some of its branches
 * are not emitted: it waits for every branch, so nothing continues. Same words as
 * docs/activities.md ("Activities with several inputs").
 */
export function waitingText(branches: readonly string[]): string {
  const names = branches.map((b) => `“${b}”`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Waiting: ${list} ${names.length === 1 ? 'is' : 'are'} not emitted, so nothing continues. An activity with several inputs runs only when every input has records to carry.`;
}
