import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../engine';
import { fixtureRows } from '../testing/fixture';
import { all, attr, audience, engineWith, keysOf } from '../testing/activity-harness';
import { campaign } from '../testing/fixture';
import { likePatternText } from './attribute-sql';

/**
 * A like pattern matches a literal `%`, `_` or `\` when it is written `\%`, `\_`, `\\`. Names of
 * the profiles below, by id:
 *   1 `50%`   2 `500`   3 `5_0`   4 `5x0`   5 `a\b`   6 `x\`   7 no name
 */
const names = ['50%', '500', '5_0', '5x0', 'a\\b', 'x\\', null];
let engine: Engine;
beforeAll(async () => {
  const base = fixtureRows.profiles![0]!;
  engine = await engineWith({ ...fixtureRows, profiles: names.map((name, i) => ({ ...base, profile_id: i + 1, name, account_id: null })) });
}, 60_000);
afterAll(async () => engine.close());

async function matching(operator: 'like' | 'not-like', pattern: string): Promise<number[]> {
  const q = audience('q', all(attr('name', operator, pattern)));
  const doc = campaign([{ ...q, config: { ...q.config, emitWhenEmpty: true } }, { id: 'e', type: 'end' }], [['t', 'q', 'e']]);
  const result = await engine.counts(doc);
  expect(result.errors).toEqual({});
  const keys = await keysOf(engine, doc, 't');
  expect(result.counts.t).toBe(keys.length);
  return keys;
}

describe('like patterns with an escape', () => {
  test.each([
    ['50\\% is the literal 50%', 'like', '50\\%', [1]],
    ['%\\% ends with a percent sign', 'like', '%\\%', [1]],
    ['50% is still a wildcard', 'like', '50%', [1, 2]],
    ['5\\_0 is the literal 5_0', 'like', '5\\_0', [3]],
    ['5_0 is still any one character between 5 and 0', 'like', '5_0', [2, 3, 4]],
    ['a\\\\b is a backslash', 'like', 'a\\\\b', [5]],
    ['a\\b: a backslash before another character is a backslash', 'like', 'a\\b', [5]],
    ['x\\: a trailing backslash is a backslash', 'like', 'x\\', [6]],
    ['not like %\\%% keeps the others and the missing name', 'not-like', '%\\%%', [2, 3, 4, 5, 6, 7]],
  ] as const)('%s', async (_, operator, pattern, expected) => {
    expect(await matching(operator, pattern)).toEqual(expected);
  });

  test('the pattern text passed to DuckDB', () => {
    expect(likePatternText('50\\%')).toBe('50\\%');
    expect(likePatternText('a\\b')).toBe('a\\\\b');
    expect(likePatternText('x\\')).toBe('x\\\\');
    expect(likePatternText('\\\\%')).toBe('\\\\%');
  });
});
