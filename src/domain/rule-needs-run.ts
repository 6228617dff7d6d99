import { someCondition, type Condition } from './rule';

/**
 * Why a rule that reads the results of earlier messages (opened, clicked...) has no count while
 * editing without a simulation: those results exist once the campaign is simulated. The compiler refuses such a rule with
 * this message, and every reader of engine errors (canvas, inspector, command line) tells it apart
 * from a failure by it.
 */
export const MESSAGE_RESULTS_NEED_A_RUN = 'Conditions on message results need a simulation: press Simulate to count them.';

/** Whether an engine error only says that the activity needs a run to be counted. */
export function needsRun(engineError: string): boolean {
  return engineError.includes(MESSAGE_RESULTS_NEED_A_RUN);
}

/** Whether a rule (or condition) reads results of earlier messages. */
export function readsMessageResults(condition: Condition): boolean {
  return someCondition(condition, (c) => c.kind === 'delivery');
}
