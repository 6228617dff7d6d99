import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { DuckConnection } from '../duckdb/connection';
import { sampleDataset } from './sample-dataset';
import { loadDatasetInto } from './load-dataset';
import { Prng, skew } from './prng';

function fingerprint(profiles: number, seed: number): string[] {
  return sampleDataset({ profiles, seed }).tables.map((t) => {
    let h = 0;
    // Row contents, not IPC bytes: Arrow numbers dictionaries from a global counter.
    for (const batch of t.batches()) {
      const text = JSON.stringify(batch.toArray(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    }
    return `${t.entity}:${h}`;
  });
}

describe('sample data generation', () => {
  test('the same seed gives byte-identical tables; another seed gives others', () => {
    const a = fingerprint(1500, 7);
    expect(fingerprint(1500, 7)).toEqual(a);
    const b = fingerprint(1500, 8);
    expect(b.filter((x, i) => x === a[i])).toEqual([]);
  });

  test('a table read on its own has the same rows as when read after the profiles', () => {
    const inOrder = fingerprint(1500, 7);
    const alone = sampleDataset({ profiles: 1500, seed: 7 }).tables.find((t) => t.entity === 'purchases')!;
    let h = 0;
    for (const batch of alone.batches()) {
      const text = JSON.stringify(batch.toArray(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    }
    expect(inOrder).toContain(`purchases:${h}`);
  });

  test('the PRNG is reproducible and roughly uniform', () => {
    const r1 = new Prng(3, 's');
    const r2 = new Prng(3, 's');
    const xs = Array.from({ length: 10_000 }, () => r1.next());
    expect(Array.from({ length: 10_000 }, () => r2.next())).toEqual(xs);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(skew(0.5, 2)).toBe(0.25);
    expect(skew(0.5, 1.5)).toBeCloseTo(0.5 * 0.75);
  });
});

describe('sample data loaded in DuckDB', () => {
  let db: DuckConnection;
  beforeAll(async () => {
    db = await openNodeDuckDB();
    await loadDatasetInto(db, sampleDataset({ profiles: 10_000, seed: 42 }), 'sample');
  }, 60_000);
  afterAll(async () => db.close());

  const one = async (sql: string) => Number((await db.query(sql)).toArray()[0]!.v);

  test('has the demo flaws: missing and invalid emails, duplicates, opt-outs', async () => {
    expect(await one(`SELECT count(*) AS v FROM sample.profiles`)).toBe(10_000);
    expect(await one(`SELECT count(DISTINCT profile_id) AS v FROM sample.profiles`)).toBe(10_000);
    const missing = await one(`SELECT count(*) AS v FROM sample.profiles WHERE email IS NULL`);
    const invalid = await one(`SELECT count(*) AS v FROM sample.profiles WHERE email IS NOT NULL AND NOT regexp_matches(email, '^[^@]+@[^@]+\\.[a-z]+$')`);
    const dupes = await one(`SELECT count(*) AS v FROM (SELECT email FROM sample.profiles WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1)`);
    const optOut = await one(`SELECT count(*) AS v FROM sample.profiles WHERE NOT email_opt_in`);
    expect(missing).toBeGreaterThan(150);
    expect(invalid).toBeGreaterThan(100);
    expect(dupes).toBeGreaterThan(150);
    expect(optOut).toBeGreaterThan(2000);
  });

  test('the denylist lists the email of every profile marked denylisted, matched by the identity rule, and addresses of no profile', async () => {
    const marked = await one(`SELECT count(*) AS v FROM sample.profiles WHERE denylisted AND email IS NOT NULL`);
    expect(marked).toBeGreaterThan(50);
    const listed = await one(`SELECT count(*) AS v FROM sample.profiles p WHERE p.denylisted AND p.email IS NOT NULL
      AND EXISTS (SELECT 1 FROM sample.denylist d WHERE lower(trim(d.address)) = lower(trim(p.email)) AND d.channel = 'email')`);
    expect(listed).toBe(marked);
    expect(await one(`SELECT count(*) AS v FROM sample.denylist WHERE address <> lower(trim(address))`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*) AS v FROM sample.denylist WHERE channel IS NULL OR channel = 'sms'`)).toBe(2);
  });

  test('countries and tiers are skewed', async () => {
    const fr = await one(`SELECT count(*) AS v FROM sample.profiles WHERE country = 'FR'`);
    const br = await one(`SELECT count(*) AS v FROM sample.profiles WHERE country = 'BR'`);
    expect(fr).toBeGreaterThan(4 * br);
    const platinum = await one(`SELECT count(*) AS v FROM sample.profiles WHERE loyalty_tier = 'platinum'`);
    expect(platinum).toBeLessThan(500);
  });

  test('every foreign key points to an existing row', async () => {
    const orphans = await one(`SELECT
      (SELECT count(*) FROM sample.purchases p WHERE NOT EXISTS (SELECT 1 FROM sample.profiles x WHERE x.profile_id = p.profile_id))
    + (SELECT count(*) FROM sample.purchases p WHERE NOT EXISTS (SELECT 1 FROM sample.products x WHERE x.product_id = p.product_id))
    + (SELECT count(*) FROM sample.purchases p WHERE p.store_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sample.stores x WHERE x.store_id = p.store_id))
    + (SELECT count(*) FROM sample.web_events p WHERE NOT EXISTS (SELECT 1 FROM sample.profiles x WHERE x.profile_id = p.profile_id))
    + (SELECT count(*) FROM sample.profiles p WHERE p.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sample.accounts x WHERE x.account_id = p.account_id))
    + (SELECT count(*) FROM sample.buying_group_members m JOIN sample.buying_groups g USING (buying_group_id) JOIN sample.profiles p USING (profile_id) WHERE p.account_id IS DISTINCT FROM g.account_id) AS v`);
    expect(orphans).toBe(0);
  });

  test('buying group completeness is the share of the five roles filled', async () => {
    const wrong = await one(`SELECT count(*) AS v FROM sample.buying_groups g
      WHERE round(g.completeness * 5) <> (SELECT count(*) FROM sample.buying_group_members m WHERE m.buying_group_id = g.buying_group_id)`);
    expect(wrong).toBe(0);
  });

  test('dates stay on or before the reference date, except future trips and subscription ends', async () => {
    expect(await one(`SELECT count(*) AS v FROM sample.purchases WHERE purchase_date > DATE '2025-06-30'`)).toBe(0);
    expect(await one(`SELECT count(*) AS v FROM sample.web_events WHERE event_time >= TIMESTAMP '2025-07-01'`)).toBe(0);
    expect(await one(`SELECT count(*) AS v FROM sample.bookings WHERE travel_date > DATE '2025-06-30'`)).toBeGreaterThan(0);
  });

  test('a failed load leaves no schema behind', async () => {
    const broken = sampleDataset({ profiles: 100, seed: 1 });
    broken.tables = broken.tables.filter((t) => t.entity !== 'stores');
    await expect(loadDatasetInto(db, broken, 'broken')).rejects.toThrow(/stores/);
    expect(await one(`SELECT count(*) AS v FROM information_schema.schemata WHERE schema_name = 'broken'`)).toBe(0);
  });
});
