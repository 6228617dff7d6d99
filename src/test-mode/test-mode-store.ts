import { create } from 'zustand';
import { idleRun, nodeStates, reachedAlerts, testModeStep, type NodeTestState, type TestEvent, type TestRun } from '../domain/lifecycle/test-mode';
import type { AlertNotice } from '../activities/alert/definition';
import { showToast } from '../ui/Toast';

/**
 * The test run of the open campaign (src/domain/lifecycle/test-mode.ts), with the state of each of
 * its activities and the alerts it reached. A way of trying the draft, never part of it: no undo
 * step, no save; it belongs to one campaign and is dropped when another opens.
 */
interface TestModeState {
  campaignId: string | null;
  run: TestRun;
  nodes: Record<string, NodeTestState>;
  alerts: AlertNotice[];
  /** Applies an event to the run of `campaignId` (another campaign's run is dropped first). */
  dispatch: (campaignId: string, event: TestEvent) => void;
  /** Leaves test mode: the canvas shows the draft again without statuses. */
  exit: () => void;
}

export const useTestModeStore = create<TestModeState>()((set, get) => ({
  campaignId: null,
  run: idleRun,
  nodes: {},
  alerts: [],
  dispatch: (campaignId, event) => {
    const current = get().campaignId === campaignId ? get().run : idleRun;
    const run = testModeStep(current, event);
    if (run === current && get().campaignId === campaignId) return;
    const nodes = nodeStates(run);
    const alerts = reachedAlerts(run, nodes);
    // An alert is told once, when the run first reaches it.
    const known = new Set(get().campaignId === campaignId && current.result ? get().alerts.map((a) => a.activityId) : []);
    for (const a of alerts) if (!known.has(a.activityId)) showToast({ title: `Alert: ${a.title}`, description: `${a.message ? `${a.message} · ` : ''}${a.records.toLocaleString('en-US')} records` }, { timeout: 8000 });
    set({ campaignId, run, nodes, alerts });
  },
  exit: () => set({ campaignId: null, run: idleRun, nodes: {}, alerts: [] }),
}));

/** The test state of an activity of the open campaign, while a test run is shown. */
export function useActivityTestState(campaignId: string, activityId: string): NodeTestState | undefined {
  return useTestModeStore((s) => (s.campaignId === campaignId && s.run.phase !== 'idle' ? s.nodes[activityId] : undefined));
}

/** The test run of a campaign (idle when another campaign's is shown). */
export function useTestRun(campaignId: string): TestRun {
  return useTestModeStore((s) => (s.campaignId === campaignId ? s.run : idleRun));
}
