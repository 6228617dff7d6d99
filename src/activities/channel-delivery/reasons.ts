import type { SqlDialect } from '../../engine/sql/dialect';

/**
 * Why a message is not sent, in the order they are tried: a message counts under the first that
 * applies (docs/simulation.md). Consent, the denylist and capping apply to marketing messages only.
 */
export const exclusionReasons = ['no-address', 'invalid-address', 'duplicate-address', 'no-consent', 'denylisted', 'capped', 'window'] as const;
export type ExclusionReason = (typeof exclusionReasons)[number];

/** How the inspector names each reason. */
export const reasonLabels: Record<ExclusionReason, string> = {
  'no-address': 'No address',
  'invalid-address': 'Invalid address',
  'duplicate-address': 'Duplicate address',
  'no-consent': 'No consent',
  denylisted: 'On the denylist',
  capped: 'Capped (too many messages)',
  window: 'Outside the window or throttle',
};

/** Names of a channel's eligibility figures (CountsResult.figures[activityId]). */
export const eligibilityFigures = {
  targeted: 'targeted',
  excluded: 'excluded',
  toSend: 'to-send',
  reason: (r: ExclusionReason) => `excluded:${r}`,
} as const;

/** A SELECT of the eligibility figures, rows (name, value), over a deliveries table, in one scan. */
export function eligibilityFiguresSql(d: SqlDialect, deliveries: string): string {
  const names = ['targeted', 'excluded', 'to-send', ...exclusionReasons.map(eligibilityFigures.reason)];
  const values = ['count(*)', 'count(reason)', 'count(*) - count(reason)', ...exclusionReasons.map((r) => `count(*) FILTER (WHERE reason = '${r}')`)];
  return d.namedValues(names, values.map((v) => `CAST(${v} AS BIGINT)`), deliveries);
}
