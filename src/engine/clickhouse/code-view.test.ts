import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import type { EngineClient } from '../client';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openChdb } from './chdb-connection';
import { campaign, fixtureDataset, fixtureModel } from '../testing/fixture';
import { all, attr } from '../testing/activity-harness';
import { ruleServicesFor } from '../../query-modeler/useRuleServices';
import type { Condition } from '../../domain/rule';

/**
 * The code view shows the SQL of the engine that computes: DuckDB's temporary tables in the
 * browser and on a DuckDB server, ClickHouse's in-memory tables on a warehouse.
 */

let duck: Engine;
let click: Engine;
beforeAll(async () => {
  [duck, click] = [new Engine(await openNodeDuckDB()), new Engine(await openChdb())];
  await duck.loadDataset(fixtureDataset());
  await click.loadDataset(fixtureDataset());
}, 120_000);
afterAll(async () => Promise.all([duck.close(), click.close()]));

// At least two purchases: a fact table shared by the rules that read it.
const twoPurchases: Condition = { kind: 'collection', id: 'p', path: ['purchases'], quantifier: 'aggregate', where: all(), aggregate: { fn: 'count', operator: 'gte', value: 2 } };
const doc = campaign(
  [
    { id: 'fr', type: 'build-audience', config: { targetDimension: 'profiles', rule: all(attr('country', 'equals', 'FR'), twoPurchases) } },
    { id: 'e', type: 'end' },
  ],
  [['t', 'fr', 'e']],
);

describe('the code view of an activity', () => {
  test('on DuckDB: temporary tables, DuckDB SQL', () => {
    const { sql, errors } = duck.sql(doc);
    expect(errors).toEqual({});
    expect(sql.fr).toMatch(/^-- facts from the data, computed once and shared\nCREATE TEMP TABLE IF NOT EXISTS df_[0-9a-f]+ AS\nSELECT /);
    expect(sql.fr).toMatch(/\n\n-- out\nCREATE TEMP TABLE wt_[0-9a-f]{16} AS\nSELECT t\."profile_id"\nFROM "ds_1"\."profiles" AS t\nWHERE /);
    expect(sql.fr).not.toMatch(/ENGINE =/);
  });

  test('on ClickHouse: tables of the engine\'s own database in memory, ClickHouse SQL', () => {
    const { sql, errors } = click.sql(doc);
    expect(errors).toEqual({});
    expect(sql.fr).toMatch(/^-- facts from the data, computed once and shared\nCREATE TABLE IF NOT EXISTS df_[0-9a-f]+\nENGINE = Memory AS\nSELECT /);
    expect(sql.fr).toMatch(/\n\n-- out\nCREATE TABLE wt_[0-9a-f]{16}\nENGINE = Memory AS\nSELECT t\."profile_id"\nFROM "cc_\w+_ds_1"\."profiles" AS t\nWHERE /);
    expect(sql.fr).not.toMatch(/TEMP TABLE/);
    // The same statements as on DuckDB (the facts, then the output), each in its engine's words.
    const comments = (text: string) => text.split('\n').filter((l) => l.startsWith('--'));
    expect(comments(sql.fr!)).toEqual(comments(duck.sql(doc).sql.fr!));
  });

  test("a rule's code view shows the query alone on both engines", async () => {
    const rule = all(attr('country', 'equals', 'FR'));
    const services = (engine: Engine) => ruleServicesFor({ sql: async (d: Parameters<Engine['sql']>[0]) => engine.sql(d) } as unknown as EngineClient, fixtureModel);
    expect(await services(duck).sql(rule, 'profiles')).toBe(`SELECT t."profile_id"\nFROM "ds_1"."profiles" AS t\nWHERE t."country" = 'FR'`);
    expect(await services(click).sql(rule, 'profiles')).toMatch(/^SELECT t\."profile_id"\nFROM "cc_\w+_ds_1"\."profiles" AS t\nWHERE t\."country" = 'FR'$/);
  });
});
