import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { engineWith, keysOf, pick, rowsOf, rules } from '../../engine/testing/activity-harness';

// Fixture emails: 1 ann@x.com (FR), 2 bob@x.com (US), 3 none (FR), 4 DEE@y.org (DE), 5 '' (none), 6 fay@x.com (FR).
// File lines: 1 ANN@x.com FR -> profile 1 (case and spaces ignored); 2 dee -> 4; 3 zed -> nobody;
//             4 ann again (US) -> 1 by email only; 5 empty -> nobody (an empty value never matches 5's '').
const csv = ['mail,country,code', ' ANN@x.com ,FR,A1', 'dee@y.org,DE,D1', 'zed@z.com,FR,Z1', 'ann@x.com,US,A2', ',FR,E1'].join('\n');

const reconcileDoc = (config: Record<string, unknown>, after?: { id: string; type: string; config: Record<string, unknown> }) =>
  campaign(
    [
      {
        id: 'load',
        type: 'load-file',
        config: { content: csv, columns: [{ name: 'mail' }, { name: 'country' }, { name: 'code' }] },
      },
      { id: 'rec', type: 'reconciliation', config: { targetDimension: 'profiles', ...config } },
      { id: 'e', type: 'end' },
      ...(after ? [after] : []),
    ],
    [
      ['file', 'load', 'rec'],
      after ? ['matched', 'rec', after.id] : ['matched', 'rec', 'e'],
      ...(config.keepUnmatched ? [['unmatched', 'rec', 'e', 'unmatched'] as [string, string, string, string]] : []),
      ...(after ? [['next', after.id, 'e', after.type === 'split' ? 'fr' : 'out'] as [string, string, string, string]] : []),
    ],
  );

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('Reconciliation', () => {
  test('one pair: each profile once, with the columns of its first line; unmatched lines kept', async () => {
    const doc = reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }], keepUnmatched: true });
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    expect(r.counts).toEqual({ file: 5, matched: 2, unmatched: 2 });
    expect(pick(await rowsOf(engine, doc, 'matched'), 'profile_id', 'code')).toEqual([
      [1, 'A1'],
      [4, 'D1'],
    ]);
    expect(await keysOf(engine, doc, 'unmatched', 'line')).toEqual([3, 5]);
  });

  test('every pair must match', async () => {
    const doc = reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }, { column: 'country', field: 'country' }], keepUnmatched: true });
    expect((await engine.counts(doc)).counts).toEqual({ file: 5, matched: 2, unmatched: 3 });
    expect(await keysOf(engine, doc, 'unmatched', 'line')).toEqual([3, 4, 5]);
  });

  test('unmatched records dropped: no extra output', async () => {
    const r = await engine.counts(reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }] }));
    expect(r.counts).toEqual({ file: 5, matched: 2 });
    expect(Object.keys(r.outputs?.rec ?? {})).toEqual(['out']);
  });

  test('the mapped records are profiles for what follows: a Split filters them on profile fields', async () => {
    const doc = reconcileDoc(
      { pairs: [{ column: 'mail', field: 'email' }] },
      { id: 's', type: 'split', config: { subsets: [{ id: 'fr', label: 'France', filter: rules.FR }] } },
    );
    expect((await engine.counts(doc)).counts.next).toBe(1);
    expect(await keysOf(engine, doc, 'next')).toEqual([1]);
  });

  test('a file that is not reconciled is refused by activities that need a dimension', async () => {
    const doc = campaign(
      [
        { id: 'load', type: 'load-file', config: { content: csv, columns: [{ name: 'mail' }] } },
        { id: 's', type: 'split', config: { subsets: [{ id: 'a', label: 'A' }] } },
        { id: 'e', type: 'end' },
      ],
      [['file', 'load', 's'], ['a', 's', 'e', 'a']],
    );
    expect((await engine.counts(doc)).errors.s).toMatch(/Reconciliation/);
  });

  test('an unknown field or column is an error', async () => {
    expect((await engine.counts(reconcileDoc({ pairs: [{ column: 'mail', field: 'nope' }] }))).errors.rec).toMatch(/no field nope/);
    expect((await engine.counts(reconcileDoc({ pairs: [{ column: 'nope', field: 'email' }] }))).errors.rec).toMatch(/no column nope/);
  });
});
