import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  campaignStatuses,
  isEditable,
  lifecycleActions,
  nextStatus,
  type CampaignStatus,
  type LifecycleAction,
} from './status';

/**
 * Every status × every action, written out independently of the table in status.ts: the allowed
 * ones with the status they lead to (without a schedule), every other pair refused.
 */
const expected: Record<CampaignStatus, Partial<Record<LifecycleAction, CampaignStatus>>> = {
  draft: { publish: 'live' },
  scheduled: { publish: 'live', start: 'live', stop: 'stopped' },
  live: { publish: 'live', pause: 'paused', stop: 'stopped', complete: 'completed' },
  paused: { publish: 'live', resume: 'live', stop: 'stopped' },
  stopped: { publish: 'live', archive: 'archived' },
  completed: { publish: 'live', archive: 'archived' },
  archived: { unarchive: 'stopped' },
};

describe('the campaign status machine', () => {
  for (const status of campaignStatuses)
    for (const action of lifecycleActions) {
      const to = expected[status][action];
      it(`${status} + ${action} → ${to ?? 'refused'}`, () => {
        const step = nextStatus(status, action);
        if (to === undefined) {
          expect(step.ok).toBe(false);
          if (!step.ok) expect(step.reason).toMatch(/cannot|archive/);
        } else expect(step).toEqual({ ok: true, status: to });
      });
    }

  it('publishing with a schedule leads to Scheduled, from every status that may publish', () => {
    for (const status of campaignStatuses) {
      const step = nextStatus(status, 'publish', { hasSchedule: true });
      expect(step.ok ? step.status : 'refused').toBe(status === 'archived' ? 'refused' : 'scheduled');
    }
  });

  it('lists the allowed actions and says that only a draft is edited', () => {
    expect(allowedActions('live')).toEqual(['publish', 'pause', 'stop', 'complete']);
    expect(campaignStatuses.filter(isEditable)).toEqual(['draft']);
    expect(nextStatus('archived', 'publish')).toEqual({
      ok: false,
      reason: 'an archived campaign is restored from the archive before anything else',
    });
    expect(nextStatus('draft', 'pause')).toEqual({ ok: false, reason: 'a draft campaign cannot pause' });
  });
});
