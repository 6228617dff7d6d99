import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { DuckConnection } from '../duckdb/connection';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openChdb } from './chdb-connection';
import { dialectOf, seededNumber } from '../sql/dialect';
import { tableToRows } from '../rows';
import { seededNumberOf } from '../testing/portable-hash';

/** The dialects give the same values on DuckDB and ClickHouse as TypeScript works them out. */
let engines: DuckConnection[];
beforeAll(async () => {
  engines = [await openNodeDuckDB(), await openChdb()];
}, 60_000);
afterAll(async () => Promise.all(engines.map((c) => c.close())));

const one = async (conn: DuckConnection, sql: string) => tableToRows(await conn.query(`SELECT ${sql} AS v`))[0]!.v;

describe('SQL dialects', () => {
  test('seeded numbers and md5 digits are the same on both engines (md5 in lower case)', async () => {
    for (const key of [1, 42, 999_999, 'ann@x.com']) {
      const expected = seededNumberOf(key, 42);
      for (const conn of engines) {
        const d = dialectOf(conn);
        const n = await conn.query(`SELECT CAST(${seededNumber(d, d.literal(key), 42)} AS VARCHAR) AS v`);
        expect(BigInt(String(tableToRows(n)[0]!.v))).toBe(expected);
        expect(await one(conn, d.md5Hex(d.literal(`x|${key}`)))).toBe(createHash('md5').update(`x|${key}`).digest('hex'));
      }
    }
  });

  test('a user value comes back as typed on both engines: quotes, backslashes, NUL, any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom("it's", 'a\\b', 'a\\_b%', 'x\u0000y', '\\', "\\'")), async (text) => {
        for (const conn of engines) expect(await one(conn, dialectOf(conn).literal(text))).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  test('rows of relations whose columns differ are matched by name, a missing column NULL', async () => {
    for (const conn of engines) {
      const d = dialectOf(conn);
      const parts = [
        { from: "(SELECT 'a' AS message_id, 1 AS profile_id)", columns: ['message_id', 'profile_id'] },
        { from: "(SELECT 7 AS account_id, 'b' AS message_id)", columns: ['account_id', 'message_id'] },
      ];
      const rows = tableToRows(await conn.query(`SELECT * FROM (${d.unionAllByName(parts)}) ORDER BY message_id`));
      expect(rows, d.name).toEqual([
        { message_id: 'a', profile_id: 1, account_id: null },
        { message_id: 'b', profile_id: null, account_id: 7 },
      ]);
      expect(Object.keys(rows[0]!)).toEqual(['message_id', 'profile_id', 'account_id']);
    }
  });

  test('integer division, dates before 1970, and date-times as text agree', async () => {
    for (const conn of engines) {
      const d = dialectOf(conn);
      expect(Number(await one(conn, d.intDiv('7 * 1500', '10000')))).toBe(1);
      expect(await one(conn, d.date('1960-02-29'))).toBe('1960-02-29');
      expect(await one(conn, d.timeText(d.timestamp('2025-06-30T23:59')))).toBe('2025-06-30 23:59:00');
      expect(await one(conn, d.joinTexts(', ', ["'a'", 'NULL', "'b'"]))).toBe('a, b');
    }
  });
});
