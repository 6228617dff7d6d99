/**
 * The life of a campaign (docs/lifecycle.md#statuses), as the leading product defines it: a draft
 * is edited and tested; publishing freezes a numbered version, which is scheduled or live; a live
 * campaign can be paused and resumed, stopped, and completes after its last launch; a finished
 * campaign can be archived. This table is the only place that says which step is allowed; the
 * editor, the campaign list and the command line ask it.
 */

export const campaignStatuses = [
  'draft',
  'scheduled',
  'live',
  'paused',
  'stopped',
  'completed',
  'archived',
] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const statusLabels: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  live: 'Live',
  paused: 'Paused',
  stopped: 'Stopped',
  completed: 'Completed',
  archived: 'Archived',
};

/** What a person (or the schedule) does to a campaign. */
export const lifecycleActions = [
  'publish',
  'start',
  'pause',
  'resume',
  'stop',
  'complete',
  'archive',
  'unarchive',
] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

export const actionLabels: Record<LifecycleAction, string> = {
  publish: 'Publish',
  start: 'Start',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  complete: 'Complete',
  archive: 'Archive',
  unarchive: 'Restore from archive',
};

/**
 * Allowed steps: from a status, an action leads to a status. Publishing makes the campaign
 * Scheduled when it has a schedule, Live at once without one (it runs on demand); publishing again
 * (the next version, edited as a new draft while the published one goes on) does the same. `start`
 * is the schedule's first launch, `complete` its last one done. A published campaign's document is
 * never edited: "Edit as a new draft" opens the next version beside it (versions.ts), which is not
 * a change of status.
 */
const steps: Record<CampaignStatus, Partial<Record<LifecycleAction, CampaignStatus>>> = {
  draft: { publish: 'live' },
  scheduled: { publish: 'live', start: 'live', stop: 'stopped' },
  live: { publish: 'live', pause: 'paused', stop: 'stopped', complete: 'completed' },
  paused: { publish: 'live', resume: 'live', stop: 'stopped' },
  stopped: { publish: 'live', archive: 'archived' },
  completed: { publish: 'live', archive: 'archived' },
  archived: { unarchive: 'stopped' },
};

/** Why an action is refused, for each status it is not allowed in: said to the person. */
function refusal(status: CampaignStatus, action: LifecycleAction): string {
  if (status === 'archived') return 'an archived campaign is restored from the archive before anything else';
  return `a ${statusLabels[status].toLowerCase()} campaign cannot ${action === 'complete' ? 'be completed' : actionLabels[action].toLowerCase()}`;
}

export type StepResult = { ok: true; status: CampaignStatus } | { ok: false; reason: string };

/**
 * The status after `action`, or why it is refused. `hasSchedule`: publishing leads to Scheduled
 * rather than Live.
 */
export function nextStatus(
  status: CampaignStatus,
  action: LifecycleAction,
  options: { hasSchedule?: boolean } = {},
): StepResult {
  const to = steps[status][action];
  if (to === undefined) return { ok: false, reason: refusal(status, action) };
  if (action === 'publish' && options.hasSchedule) return { ok: true, status: 'scheduled' };
  return { ok: true, status: to };
}

/** The actions allowed from a status, in the order of `lifecycleActions`. */
export function allowedActions(status: CampaignStatus): LifecycleAction[] {
  return lifecycleActions.filter((a) => steps[status][a] !== undefined);
}

/** Whether the campaign's document can be edited in this status (only a draft can). */
export function isEditable(status: CampaignStatus): boolean {
  return status === 'draft';
}

/** Whether a status is one of a published campaign (a frozen version runs or ran). */
export function isPublished(status: CampaignStatus): boolean {
  return status !== 'draft';
}
