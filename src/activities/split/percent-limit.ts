import type { SqlDialect } from '../../engine/sql/dialect';
import type { SplitConfig } from './definition';

/**
 * The rounding of a percentage limit, in one place: the SQL a Split compiles and the number its
 * form shows both come from here (docs/activities.md, "Percentage limits").
 *
 * A percentage is kept to the hundredth of a percent (0.125 % is read as 0.13 %), then the number
 * of records is the share of the eligible records rounded down, in whole numbers only: 10 % of
 * 10 000 is exactly 1 000, 0.5 % of 199 is 0 (0.995 rounded down).
 */

/** The percentage in hundredths of a percent: 0.5 % is 50. */
export function percentHundredths(percent: number): number {
  return Math.round(percent * 100);
}

/** Records a percentage limit keeps out of `eligible`, rounded down, with exact integer arithmetic. */
export function recordsForPercent(eligible: number, percent: number): number {
  const share = eligible * percentHundredths(percent);
  return (share - (share % 10_000)) / 10_000;
}

/** The same number in SQL, over the SQL of the eligible count. */
export function recordsForPercentSql(
  eligibleSql: string,
  percent: number,
  dialect: SqlDialect,
): string {
  return dialect.intDiv(`${eligibleSql} * ${dialect.literal(percentHundredths(percent))}`, '10000');
}

/** How a percentage limit reads in the form: `0.5% of 199 = 0 records`, or its rule while the count is unknown. */
export function percentLimitText(percent: number, eligible: number | undefined): string {
  const p = `${(percentHundredths(percent) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  if (eligible === undefined) return `${p} of the eligible records, rounded down.`;
  const n = recordsForPercent(eligible, percent);
  return `${p} of ${eligible.toLocaleString('en-US')} = ${n.toLocaleString('en-US')} ${n === 1 ? 'record' : 'records'} (rounded down).`;
}

/**
 * Each subset's eligible records, where the form can tell them from the Split's input count:
 * without a filter, a subset's eligible records are the input (overlap on, or the first subset) or
 * what earlier subsets left, and what an earlier subset took follows from its own limit, or is its
 * output's count when known. Undefined where a filter decides (its count shows on the transition).
 */
export function eligibleCounts(
  config: Pick<SplitConfig, 'subsets' | 'overlap'>,
  input: number | undefined,
  taken: Record<string, number | undefined> = {},
): (number | undefined)[] {
  let left = input;
  return config.subsets.map((s) => {
    const eligible = s.filter !== null ? undefined : config.overlap ? input : left;
    if (!config.overlap && left !== undefined) {
      const kept =
        eligible === undefined
          ? undefined
          : !s.limit
            ? eligible
            : s.limit.kind === 'count'
              ? Math.min(s.limit.value, eligible)
              : recordsForPercent(eligible, s.limit.value);
      const took = taken[s.id] ?? kept;
      left = took === undefined ? undefined : left - took;
    }
    return eligible;
  });
}
