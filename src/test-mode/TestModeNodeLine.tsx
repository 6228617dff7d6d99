import { CircleCheck, CircleDashed, CircleX, Loader2, PauseCircle, SkipForward } from 'lucide-react';
import type { NodeTestStatus } from '../domain/lifecycle/test-mode';
import { formatCount } from '../canvas/counts/format-count';
import { useActivityTestState } from './test-mode-store';

export const testStatusWords: Record<NodeTestStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  done: 'Done',
  paused: 'Paused',
  failed: 'Failed',
  skipped: 'Skipped',
};

const icons = { pending: CircleDashed, running: Loader2, done: CircleCheck, paused: PauseCircle, failed: CircleX, skipped: SkipForward } as const;

/**
 * An activity's line in test mode, on its node: its status, records in and out, and its warnings
 * and errors (counted here, read in full in the title and by screen readers).
 */
export function TestModeNodeLine({ campaignId, activityId }: { campaignId: string; activityId: string }) {
  const state = useActivityTestState(campaignId, activityId);
  if (!state) return null;
  const Icon = icons[state.status];
  const figures = [state.recordsIn !== undefined ? `in ${formatCount(state.recordsIn)}` : '', state.recordsOut !== undefined ? `out ${formatCount(state.recordsOut)}` : ''].filter(Boolean).join(' · ');
  const notes = [...state.errors, ...state.warnings];
  return (
    <div className={`tm-node tm-node--${state.status}`} data-test-status={state.status} title={notes.join('\n') || undefined}>
      <span className="tm-node__status">
        <Icon size={12} aria-hidden className={state.status === 'running' ? 'cc-spinner' : undefined} />
        Test: {testStatusWords[state.status]}
      </span>
      {figures && <span className="tm-node__figures">{figures}</span>}
      {state.errors.length > 0 && <span className="tm-node__errors">{state.errors.length === 1 ? '1 error' : `${state.errors.length} errors`}</span>}
      {state.warnings.length > 0 && <span className="tm-node__warnings">{state.warnings.length === 1 ? '1 warning' : `${state.warnings.length} warnings`}</span>}
      {notes.length > 0 && <span className="sr-only">{notes.join(' ')}</span>}
    </div>
  );
}
