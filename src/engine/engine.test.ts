import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from './engine';
import { and, fixtureEngine } from './testing/engine-harness';
import { campaign, fixtureDataset, fixtureRows } from './testing/fixture';

const FR = and({ kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'FR' });
const OPT = and({ kind: 'attribute', id: 'o', path: ['opt_in'], operator: 'is-true' });
const doc = (mode: string) =>
  campaign(
    [
      { id: 'fr', type: 'build-audience', config: { rule: FR } },
      { id: 'opt', type: 'build-audience', config: { rule: OPT } },
      { id: 'c', type: 'combine', config: { mode, primaryTransitionId: 'b' } },
      { id: 'mail', type: 'email' },
      { id: 'e', type: 'end' },
    ],
    [
      ['a', 'fr', 'c'],
      ['b', 'opt', 'c'],
      ['r', 'c', 'mail'],
      ['m', 'mail', 'e'],
    ],
  );

let engine: Engine;
let statements: string[];
beforeAll(async () => {
  ({ engine, statements } = await fixtureEngine());
}, 60_000);
afterAll(async () => engine.close());

const creates = () => statements.filter((s) => s.startsWith('CREATE OR REPLACE TEMP TABLE'));
const drops = () => statements.filter((s) => s.startsWith('DROP TABLE'));

describe('working tables are reused by hash', () => {
  test('an unchanged campaign runs no query; an edit recomputes only downstream', async () => {
    expect((await engine.counts(doc('union'))).counts).toEqual({ a: 3, b: 4, r: 4, m: 4 });
    const first = creates().length;
    // Two audiences, the combine, the facts of each profile's address (once per dataset) and the
    // email's deliveries; its outbound passes its input through.
    expect(first).toBe(5);

    statements.length = 0;
    expect((await engine.counts(doc('union'))).counts).toEqual({ a: 3, b: 4, r: 4, m: 4 });
    expect(creates()).toEqual([]);

    statements.length = 0;
    expect((await engine.counts(doc('intersection'))).counts).toEqual({ a: 3, b: 4, r: 3, m: 3 });
    // The combine, then the email's deliveries of its new audience.
    expect(creates()).toHaveLength(2);
    expect(creates()[0]).toMatch(/IN \(SELECT/);
    expect(creates()[1]).toMatch(/message_id/);
    // The union's table and the deliveries made from it are no longer used by the campaign: dropped.
    expect(drops()).toHaveLength(2);
  });

  test('the same configuration gets the same table name; another gets another', () => {
    const p1 = engine.compile(doc('union'));
    const p2 = engine.compile(doc('union'));
    const p3 = engine.compile(doc('exclusion'));
    expect(p1.transitions).toEqual(p2.transitions);
    expect(p3.transitions.a).toBe(p1.transitions.a);
    expect(p3.transitions.r).not.toBe(p1.transitions.r);
    expect(p3.transitions.m).toBe(p3.transitions.r);
  });
});

describe('stale requests', () => {
  test('a newer counts request supersedes an older one', async () => {
    const older = engine.counts(doc('exclusion'));
    const newer = engine.counts(doc('union'));
    const [o, n] = await Promise.all([older, newer]);
    expect(o.superseded).toBe(true);
    expect(o.counts).toEqual({});
    expect(n.superseded).toBe(false);
    expect(n.counts).toEqual({ a: 3, b: 4, r: 4, m: 4 });
  });
});

describe('previews and code view', () => {
  test('preview schema lists the key then the main attributes, with types', async () => {
    expect(await engine.previewSchema(doc('union'), 'a')).toEqual([
      { name: 'profile_id', type: 'INTEGER' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'email', type: 'VARCHAR' },
    ]);
  });

  test('preview results: first records by key, with attributes', async () => {
    const p = await engine.preview(doc('union'), 'a', 2);
    expect(p.total).toBe(3);
    expect(p.rows).toEqual([
      { profile_id: 1, name: 'Ann', email: 'ann@x.com' },
      { profile_id: 3, name: 'Cid', email: null },
    ]);
  });

  test('preview of an unknown transition is an error', async () => {
    await expect(engine.preview(doc('union'), 'nope')).rejects.toThrow(/No transition/);
  });

  test('code view gives the SQL of each activity', () => {
    const { sql, errors } = engine.sql(doc('union'));
    expect(errors).toEqual({});
    expect(sql.fr).toMatch(/CREATE TEMP TABLE wt_[0-9a-f]{16} AS\nSELECT t\."profile_id"\nFROM "ds_1"\."profiles" AS t\nWHERE t\."country" = 'FR';/);
    expect(sql.c).toMatch(/UNION/);
    expect(sql.mail).toMatch(/passes wt_[0-9a-f]{16} through unchanged/);
  });
});

describe('data explorer queries', () => {
  test('distribution of a field: values, counts and shares', async () => {
    expect(await engine.distribution('profiles', 'country')).toEqual([
      { value: 'FR', count: 3, share: 0.5 },
      { value: 'DE', count: 1, share: 1 / 6 },
      { value: 'US', count: 1, share: 1 / 6 },
      { value: null, count: 1, share: 1 / 6 },
    ]);
  });
  test('rows of an entity', async () => {
    const rows = await engine.entityRows('purchases', 2);
    expect(rows).toEqual([
      { purchase_id: 1, profile_id: 1, product_id: 100, amount: 50, purchase_date: '2025-06-01' },
      { purchase_id: 2, profile_id: 1, product_id: 101, amount: 20, purchase_date: '2025-06-25' },
    ]);
  });
});

describe('loading data', () => {
  test('a failed load keeps the data in use; a good one replaces it', async () => {
    const broken = fixtureDataset();
    broken.tables = broken.tables.filter((t) => t.entity !== 'accounts');
    await expect(engine.loadDataset(broken)).rejects.toThrow(/accounts/);
    expect((await engine.counts(doc('union'))).counts.a).toBe(3);

    const more = { ...fixtureRows, profiles: [...fixtureRows.profiles!, { ...fixtureRows.profiles![0]!, profile_id: 7 }] };
    const info = await engine.loadDataset(fixtureDataset(more));
    expect(info.rowCounts.profiles).toBe(7);
    expect((await engine.counts(doc('union'))).counts.a).toBe(4);
  });
});
