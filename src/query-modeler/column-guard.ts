import { COLUMNS_COUNTED_ON_CANVAS, readsColumns } from '../domain/rule-columns';
import type { RuleServices } from './services';

/**
 * The engine's rule helpers evaluate a rule on the dimension alone, where the inbound records'
 * columns do not exist: a rule (or condition) that reads them is answered with that explanation
 * instead of a compile error about a missing column.
 */
export function withColumnGuard(services: RuleServices): RuleServices {
  const refuse = () => Promise.reject(new Error(COLUMNS_COUNTED_ON_CANVAS));
  return {
    count: (rule, entity, signal) => (readsColumns(rule) ? refuse() : services.count(rule, entity, signal)),
    rows: (rule, entity, limit, signal) => (readsColumns(rule) ? refuse() : services.rows(rule, entity, limit, signal)),
    sql: (rule, entity, signal) => (readsColumns(rule) ? refuse() : services.sql(rule, entity, signal)),
    topValues: (entity, path, signal) => services.topValues(entity, path, signal),
  };
}
