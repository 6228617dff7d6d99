import { describe, expect, test } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../src/engine/data/sample-dataset';
import { parseCampaign } from '../src/domain/serialization';

const all = { kind: 'group', id: 'r', combinator: 'and', children: [] };
const daily = { kind: 'daily', time: '09:00', timeZone: 'UTC' };

/** A daily campaign: the customers (or profiles) new since the last run, then an email with capping. */
function dailyCampaign(dimension: string, dateField: string, withEmail: boolean, schedule: unknown = daily) {
  return {
    id: 'c',
    name: 'Daily',
    schemaVersion: 1,
    settings: { seed: 3, ...(schedule ? { schedule } : {}) },
    activities: [
      { id: 'q', type: 'incremental-query', label: 'New', position: { x: 0, y: 0 }, config: { targetDimension: dimension, rule: all, dateField } },
      ...(withEmail ? [{ id: 'm', type: 'email', label: 'Mail', position: { x: 0, y: 0 }, config: { subject: 'Hi', body: '<a href="https://a.example/x">x</a>', capping: { enabled: true, maxMessages: 1, periodDays: 7 } } }] : []),
    ],
    transitions: withEmail ? [{ id: 't', source: { activityId: 'q', port: 'out' }, target: { activityId: 'm', port: 'in' } }] : [],
  };
}

async function campaignFile(content: unknown): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-runs-'));
  const file = join(dir, 'c.json');
  await writeFile(file, JSON.stringify(content));
  return { dir, file };
}

describe('campaign runs', () => {
  test('each daily launch sees the customers who joined since the one before (worked out by hand)', async () => {
    const { dir, file } = await campaignFile(dailyCampaign('customers', 'joined', false));
    // Joined: 1 2024-01-02, 2 2025-06-01, 3 2025-06-20, 4 none, 5 2023-05-05.
    const out = await runCli(['runs', file, '--data', 'cli/fixtures/shop-data', '--from', '2025-06-01T00:00', '--until', '2025-06-21T10:00', '--events', join(dir, 'ev')]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('2025-06-01T09:00  targeted 0, sent 0, delivered 0, unique-opens 0, unique-clicks 0');
    expect(lines[20]!.startsWith('2025-06-21T09:00')).toBe(true);
    const runs = (await readdir(join(dir, 'ev'))).sort();
    expect(runs).toHaveLength(21);
    const newRecords = await Promise.all(runs.map(async (r) => Number((await readFile(join(dir, 'ev', r, 'steps.csv'), 'utf8')).split('\r\n')[1]!.split(',')[4])));
    // 1, 2 and 5 at the first run; 3 on the 20th; nobody else.
    expect(newRecords).toEqual([3, ...Array(18).fill(0), 1, 0]);
  }, 60_000);

  test('--json gives each run’s figures, as the engine’s runs give them', async () => {
    const content = dailyCampaign('profiles', 'created_date', true);
    const { file } = await campaignFile(content);
    const out = await runCli(['runs', file, '--profiles', '2000', '--from', '2025-06-20T00:00', '--until', '2025-06-24T09:00', '--json']);
    expect(out.stderr).toBe('');
    const printed = JSON.parse(out.stdout) as { launch: string; totals: Record<string, number> }[];
    expect(printed.map((r) => r.launch)).toEqual(['2025-06-20T09:00', '2025-06-21T09:00', '2025-06-22T09:00', '2025-06-23T09:00', '2025-06-24T09:00']);
    const engine = new Engine(await openNodeDuckDB());
    await engine.loadDataset(sampleDataset({ profiles: 2000, seed: 42 }));
    const parsed = parseCampaign(JSON.stringify(content));
    if (!parsed.ok) throw new Error('fixture campaign');
    for (const [i, r] of printed.entries()) expect((await engine.simulateRun(parsed.doc, `r${i}`, r.launch)).totals).toEqual(r.totals);
    await engine.close();
    expect(printed[0]!.totals.sent).toBeGreaterThan(0);
  }, 120_000);

  test('a campaign without a schedule, or without --until, gets a clear message', async () => {
    const { file } = await campaignFile(dailyCampaign('customers', 'joined', false, null));
    const none = await runCli(['runs', file, '--data', 'cli/fixtures/shop-data', '--until', '2025-07-10T09:00']);
    expect(none.code).toBe(64);
    expect(none.stderr).toBe('runs: This campaign has no schedule: set its launches in the campaign settings, or run it now.\n');
    const noUntil = await runCli(['runs', file, '--data', 'cli/fixtures/shop-data']);
    expect(noUntil.code).toBe(64);
    expect(noUntil.stderr).toMatch(/^runs: until when\? --until/);
  });
});
