import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../engine/engine';
import { campaign, fixtureRows } from '../engine/testing/fixture';
import { all, attr, audience, engineWith, keysOf } from '../engine/testing/activity-harness';
import { identityKey, isEmptyIdentity } from './record-identity';

// Profiles written for this test. By the identity rule (case and surrounding spaces ignored, blank
// = missing), 1 and 2 are the same address; 4 (blank) and 5 (missing) have none.
const people = [
  { profile_id: 1, email: 'shared@example.com', score: 10 },
  { profile_id: 2, email: ' Shared@Example.com ', score: 20 },
  { profile_id: 3, email: 'other@example.com', score: 30 },
  { profile_id: 4, email: '  ', score: 40 },
  { profile_id: 5, email: null, score: 50 },
  { profile_id: 6, email: 'KEEP@example.com', score: 60 },
];

// The suppression list of docs/activities.md (Combine): line 1 is profiles 1 and 2, line 2 is
// profile 3, line 3 has a blank address and suppresses nobody.
const suppressionList = [
  'email,reason',
  ' Shared@Example.com ,complaint',
  'OTHER@EXAMPLE.COM,bounced',
  ' ,unknown',
].join('\n');
const loadList = {
  id: 'load',
  type: 'load-file',
  config: { content: suppressionList, columns: [{ name: 'email' }, { name: 'reason' }] },
};

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith({ ...fixtureRows, profiles: people });
}, 60_000);
afterAll(async () => engine.close());

/** Everyone combined with the suppression list on the email column; result and complement. */
async function combinedWithList(mode: 'exclusion' | 'intersection') {
  const doc = campaign(
    [
      audience('all'),
      loadList,
      {
        id: 'c',
        type: 'combine',
        config: {
          mode,
          reconcile: 'columns',
          columns: ['email'],
          primaryTransitionId: 'in-all',
          complement: true,
        },
      },
      { id: 'e', type: 'end' },
    ],
    [
      ['in-all', 'all', 'c'],
      ['in-list', 'load', 'c'],
      ['out', 'c', 'e'],
      ['rest', 'c', 'e', 'complement'],
    ],
  );
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  return { out: await keysOf(engine, doc, 'out'), rest: await keysOf(engine, doc, 'rest') };
}

describe('Combine on columns follows the identity rule', () => {
  test('exclusion: the suppression list removes " Shared@Example.com " and OTHER@…; the blank line removes nobody', async () => {
    expect(await combinedWithList('exclusion')).toEqual({ out: [4, 5, 6], rest: [1, 2, 3] });
  });

  test('intersection: the profiles on the list; the complement is the other profiles', async () => {
    expect(await combinedWithList('intersection')).toEqual({ out: [1, 2, 3], rest: [4, 5, 6] });
  });

  test('union: a record whose address an earlier set has, whatever its case and spaces, is not added', async () => {
    // Primary {1 shared}, other {2 " Shared@…", 3 other, 4 blank}: 2 is 1's address; 3 and the blank 4 are added.
    const doc = campaign(
      [
        audience('one', all(attr('profile_id', 'in', [1]))),
        audience('more', all(attr('profile_id', 'in', [2, 3, 4]))),
        {
          id: 'c',
          type: 'combine',
          config: {
            mode: 'union',
            reconcile: 'columns',
            columns: ['email'],
            primaryTransitionId: 'in-one',
            complement: true,
          },
        },
        { id: 'e', type: 'end' },
      ],
      [
        ['in-one', 'one', 'c'],
        ['in-more', 'more', 'c'],
        ['out', 'c', 'e'],
        ['rest', 'c', 'e', 'complement'],
      ],
    );
    expect((await engine.counts(doc)).errors).toEqual({});
    expect(await keysOf(engine, doc, 'out')).toEqual([1, 3, 4]);
    expect(await keysOf(engine, doc, 'rest')).toEqual([]);
  });
});

describe('Deduplication and Reconciliation follow the same rule', () => {
  test('deduplication: 1 and 2 are duplicates; the blank and the missing address are always kept', async () => {
    const doc = campaign(
      [
        audience('a'),
        {
          id: 'd',
          type: 'deduplication',
          config: {
            fields: ['email'],
            method: 'expression',
            expression: { field: 'score', order: 'lowest' },
            complement: true,
          },
        },
        { id: 'e', type: 'end' },
      ],
      [
        ['in', 'a', 'd'],
        ['out', 'd', 'e'],
        ['dup', 'd', 'e', 'complement'],
      ],
    );
    expect((await engine.counts(doc)).errors).toEqual({});
    expect(await keysOf(engine, doc, 'out')).toEqual([1, 3, 4, 5, 6]);
    expect(await keysOf(engine, doc, 'dup')).toEqual([2]);
  });

  test('reconciliation: line 1 finds profiles 1 and 2, line 2 profile 3; the blank line 3 matches nobody', async () => {
    const doc = campaign(
      [
        loadList,
        {
          id: 'rec',
          type: 'reconciliation',
          config: {
            targetDimension: 'profiles',
            pairs: [{ column: 'email', field: 'email' }],
            keepUnmatched: true,
          },
        },
        { id: 'e', type: 'end' },
      ],
      [
        ['file', 'load', 'rec'],
        ['matched', 'rec', 'e'],
        ['unmatched', 'rec', 'e', 'unmatched'],
      ],
    );
    expect((await engine.counts(doc)).errors).toEqual({});
    expect(await keysOf(engine, doc, 'matched')).toEqual([1, 2, 3]);
    expect(await keysOf(engine, doc, 'unmatched', 'line')).toEqual([3]);
  });
});

describe('identityKey', () => {
  test('text is folded and blank text is empty; text against another type compares as text', () => {
    expect(identityKey({ sql: 'x', type: 'string' })).toBe("nullif(lower(trim(x)), '')");
    expect(identityKey({ sql: 'n', type: 'integer' }, ['string'])).toBe(
      "nullif(lower(trim(CAST(n AS VARCHAR))), '')",
    );
    expect(identityKey({ sql: 'n', type: 'integer' }, ['decimal'])).toBe('n');
    expect(identityKey({ sql: 'd', type: 'date' }, ['timestamp'])).toBe('CAST(d AS VARCHAR)');
    expect(isEmptyIdentity({ sql: 'n', type: 'integer' })).toBe('(n IS NULL)');
  });
});
