/** What a transition's count badge shows. */
export interface TransitionCount {
  /** Number of records carried, when known. */
  count?: number;
  loading: boolean;
}

/**
 * The record count of one transition. The engine's query hooks plug in here, and only here: every
 * transition label reads its count through this hook. Until counts are computed it returns
 * undefined and the label shows no count.
 */
export function useTransitionCount(_transitionId: string): TransitionCount | undefined {
  return undefined;
}
