import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openClickHouse } from './client-connection';
import { startHttpClickHouse, type HttpClickHouse } from './testing/http-clickhouse';
import { campaign, fixtureDataset } from '../testing/fixture';
import { all, attr, audience } from '../testing/activity-harness';
import { withoutTimings } from '../testing/comparable';
import { CLICKHOUSE_SETTINGS } from './settings';

/**
 * A warehouse reached through the official HTTP client (`--warehouse clickhouse://…`,
 * client-connection.ts), over ClickHouse's HTTP protocol (testing/http-clickhouse.ts): data loaded
 * as Arrow, working tables, results read back as Arrow, settings sent with each statement, the
 * warehouse's refusal shown on the activity, and closing removes what the connection made. The
 * numbers are DuckDB's.
 */

let http: HttpClickHouse;
let warehouse: Engine;
let duck: Engine;
beforeAll(async () => {
  http = await startHttpClickHouse();
  warehouse = new Engine(await openClickHouse(`clickhouse://default:@${http.url.slice('http://'.length)}/default`, 'cc_http_test_'));
  duck = new Engine(await openNodeDuckDB());
  await warehouse.loadDataset(fixtureDataset());
  await duck.loadDataset(fixtureDataset());
}, 120_000);
afterAll(async () => {
  await duck?.close();
  await http?.close();
});

const targeted = campaign(
  [
    audience('a', all(attr('country', 'equals', 'FR'))),
    { id: 's', type: 'split', config: { complement: true, subsets: [{ id: 'x', label: 'High score', filter: all(attr('score', 'gt', 40)) }] } },
    { id: 'd', type: 'deduplication', config: { fields: ['country'], keep: 1, method: 'expression', expression: { field: 'score', order: 'highest' }, complement: true } },
    { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>', emitOutbound: true } },
    { id: 'e', type: 'end' },
  ],
  [['ta', 'a', 's'], ['tx', 's', 'd', 'x'], ['tr', 's', 'e', 'complement'], ['td', 'd', 'm'], ['tk', 'd', 'e', 'complement'], ['tm', 'm', 'e']],
);
const simulated = { ...targeted, settings: { ...targeted.settings, seed: 5, simulation: { launch: '2025-07-01T09:00', model: { email: { hardBounce: 0.1, softBounce: 0.1, open: 0.7, click: 0.5 } } } } };

describe('a ClickHouse warehouse through its HTTP interface', () => {
  test('the data loaded over HTTP reads back as it was', async () => {
    expect(warehouse.dataset?.rowCounts).toEqual(duck.dataset?.rowCounts);
    expect(await warehouse.entityRows('profiles', 6)).toEqual(await duck.entityRows('profiles', 6));
  });

  test('counts, the simulation, a preview and a trace are DuckDB’s', async () => {
    const [c, d] = [await warehouse.counts(simulated, { simulate: true }), await duck.counts(simulated, { simulate: true })];
    expect(d.errors).toEqual({});
    expect(c.errors).toEqual({});
    expect(Object.values(d.counts).some((n) => n > 0)).toBe(true);
    expect(c.counts).toEqual(d.counts);
    expect(c.figures).toEqual(d.figures);
    expect((await warehouse.preview(simulated, 'tx', 100)).rows).toEqual((await duck.preview(simulated, 'tx', 100)).rows);
    for (const key of ['1', '3', '6']) expect(withoutTimings(await warehouse.trace(simulated, key, { simulate: true }))).toEqual(withoutTimings(await duck.trace(simulated, key, { simulate: true })));
  });

  test('the settings that make ClickHouse read SQL as DuckDB does go with every statement', () => {
    // The HTTP interface keeps no session: each request carries them (settings.ts).
    expect(http.requests.length).toBeGreaterThan(10);
    const expected = Object.fromEntries(Object.entries(CLICKHOUSE_SETTINGS).map(([k, v]) => [k, String(v)]));
    // The first is the database the connection makes for itself, sent before any setting applies.
    for (const r of http.requests.slice(1)) expect(r.settings, r.statement.slice(0, 80)).toMatchObject(expected);
  });

  test('a statement the warehouse refuses shows its reason on the activity, the others still compute', async () => {
    // A Split ordered by a value read through a link: ClickHouse refuses the correlated sub-query.
    const refused = campaign(
      [
        audience('a'),
        { id: 's', type: 'split', config: { complement: true, subsets: [{ id: 'x', label: 'X', filter: all(), limit: { kind: 'count', value: 2 }, order: { mode: 'sort', field: 'account.tier', direction: 'desc' } }] } },
        { id: 'e', type: 'end' },
      ],
      [['ta', 'a', 's'], ['tx', 's', 'e', 'x'], ['tr', 's', 'e', 'complement']],
    );
    const r = await warehouse.counts(refused);
    expect(r.counts.ta).toBe(6);
    expect(r.errors.s).toMatch(/^ClickHouse refused the statement: .+ \([A-Z_]+\)$/);
    expect(r.errors.s).not.toContain('SELECT');
  });

  test('closing drops the databases the connection made', async () => {
    await warehouse.close();
    const listed = http.requests.length;
    const left = await (await fetch(`${http.url}/?default_format=JSONEachRow`, { method: 'POST', body: "SELECT name FROM system.databases WHERE startsWith(name, 'cc_http_test_')" })).text();
    expect(http.requests.length).toBe(listed + 1);
    expect(left.trim()).toBe('');
  });
});
