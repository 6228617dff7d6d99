import type { Condition } from '../domain/rule';
import { COLUMNS_COUNTED_ON_CANVAS, readsColumns } from '../domain/rule-columns';
import { MESSAGE_RESULTS_NEED_A_RUN, readsMessageResults } from '../domain/rule-needs-run';
import type { RuleServices } from './services';

/** Answers that say why something is not counted here, as opposed to something being wrong. */
export function isNotCountedHere(message: string | undefined): boolean {
  return message === COLUMNS_COUNTED_ON_CANVAS || message === MESSAGE_RESULTS_NEED_A_RUN;
}

/** Why the helpers do not evaluate `rule`, or undefined when they do. */
function notCountedHere(rule: Condition): string | undefined {
  if (readsColumns(rule)) return COLUMNS_COUNTED_ON_CANVAS;
  if (readsMessageResults(rule)) return MESSAGE_RESULTS_NEED_A_RUN;
  return undefined;
}

/**
 * The engine's rule helpers evaluate a rule on the dimension alone, where the inbound records'
 * columns do not exist, and before any run, when there are no message results: a rule (or
 * condition) that reads either is answered with that explanation instead of a compile error.
 */
export function withColumnGuard(services: RuleServices): RuleServices {
  const guard = <T>(rule: Condition, ask: () => Promise<T>): Promise<T> => {
    const why = notCountedHere(rule);
    return why ? Promise.reject(new Error(why)) : ask();
  };
  return {
    count: (rule, entity, signal) => guard(rule, () => services.count(rule, entity, signal)),
    rows: (rule, entity, limit, signal) => guard(rule, () => services.rows(rule, entity, limit, signal)),
    sql: (rule, entity, signal) => guard(rule, () => services.sql(rule, entity, signal)),
    topValues: (entity, path, signal) => services.topValues(entity, path, signal),
  };
}
