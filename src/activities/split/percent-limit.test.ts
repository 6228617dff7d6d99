import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { openTestConnection } from '../../engine/testing/test-connection';
import type { DuckConnection } from '../../engine/duckdb/connection';
import { dialectOf } from '../../engine/sql/dialect';
import { eligibleCounts, percentLimitText, recordsForPercent, recordsForPercentSql } from './percent-limit';
import type { SplitSubset } from './definition';

let db: DuckConnection;
beforeAll(async () => {
  db = await openTestConnection();
}, 60_000);
afterAll(async () => db.close());

const subset = (
  id: string,
  limit: SplitSubset['limit'],
  filter: SplitSubset['filter'] = null,
): SplitSubset => ({ id, label: id, filter, limit, order: { mode: 'random' }, skipEmpty: false });

describe('percentage limits', () => {
  test('rounded down, exactly', () => {
    expect(recordsForPercent(199, 0.5)).toBe(0);
    expect(recordsForPercent(200, 0.5)).toBe(1);
    expect(recordsForPercent(10_000, 10)).toBe(1_000);
    expect(recordsForPercent(9_999, 10)).toBe(999);
    expect(recordsForPercent(3, 33.333)).toBe(0);
    expect(recordsForPercent(1_000_000, 100)).toBe(1_000_000);
  });

  test('the form says what the limit gives', () => {
    expect(percentLimitText(0.5, 199)).toBe('0.5% of 199 = 0 records (rounded down).');
    expect(percentLimitText(10, 10_000)).toBe('10% of 10,000 = 1,000 records (rounded down).');
    expect(percentLimitText(50, 3)).toBe('50% of 3 = 1 record (rounded down).');
    expect(percentLimitText(12.5, undefined)).toBe('12.5% of the eligible records, rounded down.');
  });

  test('the SQL engine computes the same number as the form', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        async (eligible, percent) => {
          // count(*) is a BIGINT in the compiled SQL.
          const t = await db.query(
            `SELECT ${recordsForPercentSql(`CAST(${eligible} AS BIGINT)`, percent, dialectOf(db))} AS n`,
          );
          expect(Number(t.toArray()[0]!.toJSON().n)).toBe(recordsForPercent(eligible, percent));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('eligible records follow from the input where no filter decides', () => {
    // 199 in: 10 % of 199 = 19; the second subset picks among the 180 left, the third has a filter.
    const config = {
      overlap: false,
      subsets: [
        subset('a', { kind: 'percent', value: 10 }),
        subset('b', { kind: 'count', value: 50 }),
        subset('c', null, { kind: 'group', id: 'f', combinator: 'and', children: [] }),
        subset('d', null),
      ],
    };
    expect(eligibleCounts(config, 199)).toEqual([199, 180, undefined, undefined]);
    // Once the filtered subset's own count is known, what it leaves is known too.
    expect(eligibleCounts(config, 199, { c: 30 })).toEqual([199, 180, undefined, 100]);
    expect(eligibleCounts({ ...config, overlap: true }, 199)).toEqual([199, 199, undefined, 199]);
    expect(eligibleCounts(config, undefined)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
