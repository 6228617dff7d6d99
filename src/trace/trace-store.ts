import { create } from 'zustand';
import type { ActivityTrace, RecordTrace } from '../engine/trace/trace-types';

/**
 * The trace shown in the editor: whether the Trace panel is open, the record traced and the
 * engine's answer. A way of looking at the campaign, never part of it (no undo step); it belongs to
 * one campaign and is cleared when another opens.
 */
export interface TraceState {
  campaignId: string | null;
  open: boolean;
  /** Key of the record traced; null while none is. */
  key: string | null;
  result: RecordTrace | null;
  status: 'idle' | 'loading' | 'done' | 'failed';
  error: string | null;
  openPanel: (campaignId: string) => void;
  closePanel: () => void;
  /** Traces the record `key` of the campaign (opens the panel). */
  traceRecord: (campaignId: string, key: string) => void;
  /** Back to the campaign without a trace: the canvas is no longer dimmed. */
  clear: () => void;
  settle: (key: string, outcome: { result: RecordTrace } | { error: string } | { loading: true }) => void;
}

export const useTraceStore = create<TraceState>()((set) => ({
  campaignId: null,
  open: false,
  key: null,
  result: null,
  status: 'idle',
  error: null,
  openPanel: (campaignId) => set((s) => (s.campaignId === campaignId ? { open: true } : { campaignId, open: true, key: null, result: null, status: 'idle', error: null })),
  closePanel: () => set({ open: false, key: null, result: null, status: 'idle', error: null }),
  traceRecord: (campaignId, key) => set({ campaignId, open: true, key, result: null, status: 'loading', error: null }),
  clear: () => set({ key: null, result: null, status: 'idle', error: null }),
  settle: (key, outcome) =>
    set((s) => {
      if (s.key !== key) return s;
      if ('loading' in outcome) return { status: 'loading' };
      if ('error' in outcome) return { status: 'failed', error: outcome.error, result: null };
      return { status: 'done', result: outcome.result, error: null };
    }),
}));

/** The trace of an activity of the open campaign, while a trace is shown (stable between renders). */
export function useActivityTrace(campaignId: string, activityId: string): ActivityTrace | undefined {
  return useTraceStore((s) => (s.result && s.campaignId === campaignId ? s.result.activities.find((a) => a.activityId === activityId) : undefined));
}

/** `on` when the traced record went through the transition, `off` when not, null without a trace. */
export function useTransitionTrace(campaignId: string, transitionId: string): 'on' | 'off' | null {
  return useTraceStore((s) => (s.result && s.campaignId === campaignId ? (s.result.transitions.includes(transitionId) ? 'on' : 'off') : null));
}

/** How a status reads on a node's badge and in the panel. */
export const statusWords: Record<ActivityTrace['status'], string> = {
  in: 'In',
  out: 'Out',
  'not-reached': 'Not reached',
  'not-computed': 'Not computed',
  'other-dimension': 'Other records',
};
