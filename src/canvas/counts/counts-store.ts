import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Problem } from '../../domain/problems';
import type { ActivityCount, CountsPhase, TransitionCount } from './count-types';

/**
 * The counts of the open campaign, keyed by transition and activity id. Kept apart from the editor
 * store (engine results are not document state) and from react-query (whose results change as a
 * whole): each node and edge subscribes to its own entry, and entries keep their identity while
 * unchanged, so a counts update re-renders only what changed.
 */
export interface CountsState {
  transitions: Record<string, TransitionCount>;
  activities: Record<string, ActivityCount>;
  phase: CountsPhase;
  /** The engine's own failure (not an activity's), for the status line. */
  failure?: string;
  /** Figures per activity id (a channel's targeted, to-send; sent, delivered, opened... when simulated). */
  figures: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Whether the counts shown come with a delivery simulation. */
  simulated: boolean;
  /** One `engine-error` problem per activity whose query failed for a reason its own problems do not give. */
  problems: readonly Problem[];
}

export type CountsStore = StoreApi<CountsState>;

export function createCountsStore(): CountsStore {
  return createStore<CountsState>(() => ({ transitions: {}, activities: {}, phase: 'loading-data', problems: [], figures: {}, simulated: false }));
}

export const CountsStoreContext = createContext<CountsStore | null>(null);

// Outside a counts provider (a node rendered on its own), every hook reads this empty store.
const emptyStore = createCountsStore();

/** Subscribes to a narrow slice of the counts; selectors must return stable values. */
export function useCounts<T>(selector: (s: CountsState) => T): T {
  return useStore(useContext(CountsStoreContext) ?? emptyStore, selector);
}

/** An activity's figures (undefined when it has none). */
export function useActivityFigures(activityId: string): Readonly<Record<string, number>> | undefined {
  return useCounts((s) => s.figures[activityId]);
}

const noProblems: readonly Problem[] = [];

/** Engine problems of one activity (the same empty array when there are none). */
export function useEngineProblems(activityId?: string): readonly Problem[] {
  return useCounts((s) =>
    activityId === undefined ? s.problems : (problemsByActivity(s.problems).get(activityId) ?? noProblems),
  );
}

// Per problems array, the problems of each activity, grouped once: every node asks for its own, and
// a search per node would be quadratic on a large campaign. Arrays stay the same while the problems
// do, so the selector above returns a stable value.
const grouped = new WeakMap<readonly Problem[], Map<string, readonly Problem[]>>();
function problemsByActivity(all: readonly Problem[]): ReadonlyMap<string, readonly Problem[]> {
  let byId = grouped.get(all);
  if (!byId) {
    const lists = new Map<string, Problem[]>();
    for (const p of all) {
      if (p.activityId === undefined) continue;
      const list = lists.get(p.activityId);
      if (list) list.push(p);
      else lists.set(p.activityId, [p]);
    }
    byId = lists;
    grouped.set(all, byId);
  }
  return byId;
}
