import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { validateCampaign } from '../../domain/validate';
import { engineWith, keysOf, pick, rowsOf, rules } from '../../engine/testing/activity-harness';
import { LEFT_OUT_OUTPUT } from '../compile-types';
import { deriveCounts } from '../../canvas/counts/derive-counts';
import { reconciliation } from './definition';

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

  test('unmatched records dropped: no extra output, and told as left out', async () => {
    const doc = reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }] });
    const r = await engine.counts(doc);
    expect(r.counts).toEqual({ file: 5, matched: 2 });
    // Lines 3 (zed) and 5 (empty) match nobody; lines 1 and 4 both match profile 1: merged, not lost.
    expect(r.outputs?.rec).toEqual({ out: 2, [LEFT_OUT_OUTPUT]: 2 });
    expect(reconciliation.leftOut?.(reconciliation.defaults(), { inbound: { file: 5 }, outputs: r.outputs!.rec! })).toEqual({ count: 2, text: 'not matched' });
    // On the canvas: "2 not matched" on the node.
    const d = deriveCounts(doc, { ...r, stale: false, outputs: r.outputs! });
    expect(d.activities.rec?.leftOut).toEqual({ count: 2, text: 'not matched' });
    // Kept on the Unmatched output, nothing is left out.
    const kept = reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }], keepUnmatched: true });
    const k = await engine.counts(kept);
    expect(k.outputs?.rec).toEqual({ out: 2, unmatched: 2 });
    expect(deriveCounts(kept, { ...k, stale: false, outputs: k.outputs! }).activities.rec?.leftOut).toBeUndefined();
  });

  test('every pair must match: the lines that fail one are left out; none left out says nothing', async () => {
    // Email and country: 1 (ann, FR) and 2 (dee, DE) match; 3 (zed), 4 (ann but US), 5 (empty) do not.
    const doc = reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }, { column: 'country', field: 'country' }] });
    const r = await engine.counts(doc);
    expect(r.outputs?.rec).toEqual({ out: 2, [LEFT_OUT_OUTPUT]: 3 });
    expect(deriveCounts(doc, { ...r, stale: false, outputs: r.outputs! }).activities.rec?.leftOut).toEqual({ count: 3, text: 'not matched' });
    expect(reconciliation.leftOut?.(reconciliation.defaults(), { inbound: { file: 2 }, outputs: { out: 2, [LEFT_OUT_OUTPUT]: 0 } })).toBeNull();
  });

  test('the mapped records are profiles for what follows: a Split filters them on profile fields', async () => {
    const doc = reconcileDoc(
      { pairs: [{ column: 'mail', field: 'email' }] },
      { id: 's', type: 'split', config: { subsets: [{ id: 'fr', label: 'France', filter: rules.FR }] } },
    );
    expect((await engine.counts(doc)).counts.next).toBe(1);
    expect(await keysOf(engine, doc, 'next')).toEqual([1]);
  });

  test("the file's columns travel with the profiles: a Split filters on the code the file gave them", async () => {
    // Matched: 1 with line 1 (code A1), 4 with line 2 (D1); "code starts with d" keeps 4 only.
    const byCode = { kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'c', source: 'column', path: ['code'], operator: 'starts-with', value: 'd' }] };
    const doc = reconcileDoc({ pairs: [{ column: 'mail', field: 'email' }] }, { id: 's', type: 'split', config: { subsets: [{ id: 'fr', label: 'D codes', filter: byCode }] } });
    expect((await engine.counts(doc)).errors).toEqual({});
    expect(await keysOf(engine, doc, 'next')).toEqual([4]);
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

describe('Reconciliation by an advanced rule', () => {
  // Lines: 1 " ANN@x.com " Zed | 2 nobody@z.com Bob | 3 DEE@y.org Dee | 4 fay@x.com Ann | 5 empty, empty.
  const lines = ['mail,who,code', ' ANN@x.com ,Zed,L1', 'nobody@z.com,Bob,L2', 'DEE@y.org,Dee,L3', 'fay@x.com,Ann,L4', ',,L5'].join('\n');
  const ruleDoc = (rule: Record<string, unknown>) =>
    campaign(
      [
        { id: 'load', type: 'load-file', config: { content: lines, columns: [{ name: 'mail' }, { name: 'who' }, { name: 'code' }] } },
        { id: 'rec', type: 'reconciliation', config: { targetDimension: 'profiles', mode: 'rule', rule, keepUnmatched: true } },
        { id: 'e', type: 'end' },
      ],
      [
        ['file', 'load', 'rec'],
        ['matched', 'rec', 'e'],
        ['unmatched', 'rec', 'e', 'unmatched'],
      ],
    );
  const records = (name: string, transform = 'none') => ({ side: 'records', name, transform });
  const other = (name: string, transform = 'none') => ({ side: 'other', name, transform });

  test('lower(trim(file.mail)) = profile.email OR file.who = profile.name', async () => {
    // 1 by email (folded); 2 Bob by name; 3 DEE@y.org folded is not "DEE@y.org", but Dee by name -> 4;
    // 4 matches 6 by email and 1 by name (1 keeps line 1, its first); 5 empty values match nothing.
    const doc = ruleDoc({
      combinator: 'or',
      comparisons: [
        { id: 'a', left: records('mail', 'lower-trim'), operator: 'equals', right: other('email') },
        { id: 'b', left: records('who'), operator: 'equals', right: other('name') },
      ],
    });
    const r = await engine.counts(doc);
    expect(r.errors).toEqual({});
    expect(pick(await rowsOf(engine, doc, 'matched'), 'profile_id', 'code')).toEqual([
      [1, 'L1'],
      [2, 'L2'],
      [4, 'L3'],
      [6, 'L4'],
    ]);
    expect(await keysOf(engine, doc, 'unmatched', 'line')).toEqual([5]);
  });

  test('AND with a constant: the name matches and the profile scores above 50', async () => {
    // Bob (20) fails the score; Dee (95) -> 4 from line 3; Ann (80) -> 1 from line 4.
    const doc = ruleDoc({
      combinator: 'and',
      comparisons: [
        { id: 'a', left: records('who'), operator: 'equals', right: other('name') },
        { id: 'b', left: other('score'), operator: 'gt', right: { side: 'value', value: '50' } },
      ],
    });
    expect(pick(await rowsOf(engine, doc, 'matched'), 'profile_id', 'code')).toEqual([
      [1, 'L4'],
      [4, 'L3'],
    ]);
    expect(await keysOf(engine, doc, 'unmatched', 'line')).toEqual([1, 2, 5]);
  });

  test('a rule that does not tie the file to profiles, or names a field that is not there, is refused', async () => {
    const loose = ruleDoc({ combinator: 'or', comparisons: [{ id: 'a', left: records('who'), operator: 'equals', right: other('name') }, { id: 'b', left: other('score'), operator: 'gt', right: { side: 'value', value: 50 } }] });
    expect((await engine.counts(loose)).errors.rec).toMatch(/Comparison 2: with “any of”, each comparison must set/);
    expect(validateCampaign(loose).find((p) => p.activityId === 'rec')).toEqual(expect.objectContaining({ path: 'rule.comparisons[1]' }));
    const unknown = ruleDoc({ comparisons: [{ id: 'a', left: records('mail'), operator: 'equals', right: other('mail_address') }] });
    expect((await engine.counts(unknown)).errors.rec).toMatch(/has no field mail_address/);
    const notNumber = ruleDoc({ comparisons: [{ id: 'a', left: records('who'), operator: 'equals', right: other('name') }, { id: 'b', left: other('score'), operator: 'gt', right: { side: 'value', value: 'high' } }] });
    expect((await engine.counts(notNumber)).errors.rec).toMatch(/"high" is not a number/);
  });
});
