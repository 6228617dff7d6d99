import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { DuckConnection } from '../duckdb/connection';
import { dateLiteral, isIsoDate, quoteIdent, sqlLiteral, timestampLiteral } from './quote';

let db: DuckConnection;
beforeAll(async () => {
  db = await openNodeDuckDB();
}, 60_000);
afterAll(async () => {
  await db.close();
});

async function roundTrip(value: string): Promise<unknown> {
  const t = await db.query(`SELECT ${sqlLiteral(value)} AS v, 1 AS sentinel`);
  const row = t.toArray()[0]!.toJSON() as { v: unknown; sentinel: number };
  // The sentinel proves nothing after the literal was swallowed as a comment.
  expect(row.sentinel).toBe(1);
  expect(t.numRows).toBe(1);
  return row.v;
}

const hostilePieces = ["'", "''", '"', '\\', ';', '--', '/*', '*/', '$$', '\u0000', '\n', '\r', '%', '_', 'é', '😀', '\u202e', "'; DROP TABLE x; --", 'E\'\\\'', '\t'];

describe('sqlLiteral', () => {
  test('round-trips hostile strings through DuckDB unchanged', async () => {
    const hostile = fc.array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        expect(await roundTrip(s)).toBe(s);
      }),
      { numRuns: 400 },
    );
  });

  test('round-trips any full-unicode string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (s) => {
        expect(await roundTrip(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  test('known tricky values', async () => {
    for (const s of ["it's", "''", '\\', '\\\'', "a'--", '\u0000', 'x\u0000y\u0000', '/* c */', '']) expect(await roundTrip(s)).toBe(s);
  });

  test('rejects unpaired surrogates instead of altering them', () => {
    expect(() => sqlLiteral('a\uD800b')).toThrow(RangeError);
    expect(() => sqlLiteral('\uDC00')).toThrow(RangeError);
    expect(sqlLiteral('😀')).toBe("'😀'");
  });

  test('numbers, booleans and null', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), async (n) => {
        const t = await db.query(`SELECT ${sqlLiteral(n)} AS v`);
        expect(Number(t.toArray()[0]!.v)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 200 },
    );
    // A value whose plain decimal digits DuckDB would read as a DECIMAL and round on the way to DOUBLE.
    expect(sqlLiteral(18.5)).toBe('CAST(18.5 AS DOUBLE)');
    expect(sqlLiteral(-0.0000010089956852046562)).toBe('CAST(-1.0089956852046562e-6 AS DOUBLE)');
    for (const n of [-0.0000010089956852046562, 0.1, 1e21, -2.5e-300, Number.MAX_VALUE, 123456789.12345, 0.000123456789012345])
      expect(Number((await db.query(`SELECT ${sqlLiteral(n)} AS v`)).toArray()[0]!.v)).toBe(n);
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral(Infinity)).toThrow();
    const t = await db.query(`SELECT ${sqlLiteral(true)} AS a, ${sqlLiteral(false)} AS b, ${sqlLiteral(null)} AS c`);
    expect(t.toArray()[0]!.toJSON()).toEqual({ a: true, b: false, c: null });
  });
});

describe('identifiers and dates', () => {
  test('quoteIdent survives embedded quotes', async () => {
    await db.query(`CREATE TEMP TABLE ${quoteIdent('we"ird')} AS SELECT 1 AS ${quoteIdent('a b"c')}`);
    const t = await db.query(`SELECT ${quoteIdent('a b"c')} AS v FROM ${quoteIdent('we"ird')}`);
    expect(t.toArray()[0]!.v).toBe(1);
  });

  test('dateLiteral accepts only calendar dates', () => {
    expect(dateLiteral('2024-02-29')).toBe("DATE '2024-02-29'");
    expect(() => dateLiteral('2023-02-29')).toThrow();
    expect(() => dateLiteral("2024-01-01'; --")).toThrow();
    expect(isIsoDate('2024-13-01')).toBe(false);
  });

  test('timestampLiteral accepts date-times', async () => {
    const t = await db.query(`SELECT CAST(${timestampLiteral('2024-03-05T10:20')} AS VARCHAR) AS v`);
    expect(t.toArray()[0]!.v).toBe('2024-03-05 10:20:00');
    expect(() => timestampLiteral('yesterday')).toThrow();
  });
});
