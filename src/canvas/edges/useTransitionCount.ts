import { byId } from '../../domain/ids';
import { useCounts } from '../counts/counts-store';
import type { TransitionCount } from '../counts/count-types';

export type { TransitionCount } from '../counts/count-types';

/**
 * The record count of one transition. The engine's counts plug in here, and only here: every
 * transition label reads its count through this hook. It re-renders its caller only when this
 * transition's entry changes; outside an open campaign's counts provider it returns undefined.
 */
export function useTransitionCount(transitionId: string): TransitionCount | undefined {
  return useCounts((s) => byId(s.transitions, transitionId));
}
