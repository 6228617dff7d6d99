import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from './run';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../src/engine/data/sample-dataset';

const campaignFile = 'cli/fixtures/shop-campaign.json';
const dataDir = 'cli/fixtures/shop-data';

// Expected counts worked out by hand from cli/fixtures/shop-data:
//   VIP = {1, 3, 5}; with orders = {1, 3, 4}; both = {1, 3}; VIP without orders = {5};
//   the Segment A branch is disabled, so its transitions have no count.
const expectedCounts = { t_vip_all: 3, t_vip: 3, t_buyers_all: 3, t_buyers: 3, t_both: 2, t_sent: 2, t_vip2: 3, t_buyers2: 3, t_only_vip: 1, t_texted: 1 };

describe('campaign command line', () => {
  test('counts on a data directory', async () => {
    const out = await runCli(['counts', campaignFile, '--data', dataDir]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(expectedCounts);
  });

  test('counts on the sample data agree with a direct query', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'campaign-cli-'));
    const file = join(dir, 'c.json');
    const rule = { kind: 'group', id: 'r', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'in', value: ['gold', 'platinum'] }] };
    await writeFile(
      file,
      JSON.stringify({
        id: 'c',
        name: 'Gold',
        schemaVersion: 1,
        activities: [
          { id: 'q', type: 'build-audience', label: 'Gold', position: { x: 0, y: 0 }, config: { rule } },
          { id: 'm', type: 'email', label: 'Mail', position: { x: 0, y: 0 }, config: {} },
        ],
        transitions: [{ id: 't', source: { activityId: 'q', port: 'out' }, target: { activityId: 'm', port: 'in' } }],
      }),
    );
    const out = await runCli(['counts', file, '--profiles', '3000', '--seed', '5']);
    expect(out.code).toBe(0);
    const engine = new Engine(await openNodeDuckDB());
    await engine.loadDataset(sampleDataset({ profiles: 3000, seed: 5 }));
    const tiers = await engine.distribution('profiles', 'loyalty_tier');
    await engine.close();
    const expected = tiers.filter((t) => t.value === 'gold' || t.value === 'platinum').reduce((s, t) => s + t.count, 0);
    expect(expected).toBeGreaterThan(0);
    expect(JSON.parse(out.stdout)).toEqual({ t: expected });
  });

  test('sql prints each activity', async () => {
    const out = await runCli(['sql', campaignFile, '--data', dataDir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('-- VIP customers (vip)\n-- out\nCREATE TEMP TABLE wt_');
    expect(out.stdout).toContain('WHERE t."vip" = TRUE');
    expect(out.stdout).toMatch(/-- VIP buyers \(both\)[\s\S]*IN \(SELECT "id" FROM/);
    expect(out.stdout).not.toContain('(seg)');
  });

  test('a rule on message results needs a run: a note, not a failure; a rule that cannot compile is one', async () => {
    const doc = JSON.parse(await readFile(campaignFile, 'utf8'));
    const opened = { kind: 'group', id: 'r', combinator: 'and', children: [{ kind: 'delivery', id: 'd', activityId: 'mail', event: 'opened' }] };
    doc.activities.push(
      { id: 'opened', type: 'build-audience', label: 'Opened the thank-you', position: { x: 0, y: 400 }, config: { targetDimension: 'customers', rule: opened } },
      { id: 'end2', type: 'end', label: 'End', position: { x: 300, y: 400 }, config: {} },
    );
    doc.transitions.push({ id: 't_opened', source: { activityId: 'opened', port: 'out' }, target: { activityId: 'end2', port: 'in' } });
    const dir = await mkdtemp(join(tmpdir(), 'campaign-cli-'));
    await writeFile(join(dir, 'c.json'), JSON.stringify(doc));
    const waiting = await runCli(['counts', join(dir, 'c.json'), '--data', dataDir]);
    expect(waiting.code).toBe(0);
    expect(JSON.parse(waiting.stdout)).toEqual(expectedCounts);
    expect(waiting.stderr).toBe('needs a run: Opened the thank-you (opened): Conditions on message results need a simulation: press Simulate to count them.\n');
    const sql = await runCli(['sql', join(dir, 'c.json'), '--data', dataDir]);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toContain('-- Opened the thank-you (opened)\n-- needs a run: Conditions on message results need a simulation');

    opened.children.unshift({ kind: 'attribute', id: 'x', path: ['shoe_size'], operator: 'equals', value: 42 } as never);
    await writeFile(join(dir, 'c.json'), JSON.stringify(doc));
    const failed = await runCli(['counts', join(dir, 'c.json'), '--data', dataDir]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^error: Opened the thank-you \(opened\): .*shoe_size/);
  });

  test('validate prints problems and fails on errors', async () => {
    expect(await runCli(['validate', campaignFile])).toEqual({ stdout: 'no problems\n', stderr: '', code: 0 });
    const doc = JSON.parse(await readFile(campaignFile, 'utf8'));
    doc.transitions = doc.transitions.filter((t: { id: string }) => t.id !== 't_both');
    const dir = await mkdtemp(join(tmpdir(), 'campaign-cli-'));
    await writeFile(join(dir, 'c.json'), JSON.stringify(doc));
    const out = await runCli(['validate', join(dir, 'c.json'), '--json']);
    const problems = JSON.parse(out.stdout) as { activityId?: string; severity: string }[];
    expect(problems.some((p) => p.activityId === 'mail')).toBe(true);
  });

  test('a bad campaign file or bad data is reported with where it is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'campaign-cli-'));
    await writeFile(join(dir, 'bad.json'), '{"id": 1}');
    const bad = await runCli(['counts', join(dir, 'bad.json')]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/bad\.json: /);
    await writeFile(join(dir, 'data-model.json'), await readFile(join(dataDir, 'data-model.json'), 'utf8'));
    await writeFile(join(dir, 'customers.csv'), 'id,name,vip,joined,segment\n1,Ann,true,2024-01-02,a\n1,Bob,false,,b\n');
    await writeFile(join(dir, 'orders.csv'), 'order_id,customer_id,total,ordered_at\n');
    const data = await runCli(['counts', campaignFile, '--data', dir]);
    expect(data.code).toBe(65);
    expect(data.stderr).toBe(`${join(dir, 'customers.csv')}:3:1: id: duplicate key 1 (first on line 2)\n`);
    expect((await runCli(['frobnicate', campaignFile])).code).toBe(64);
  });

  test('npm run campaign wiring: stdout is the JSON, the exit code is kept', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'cli/campaign.ts', 'counts', campaignFile, '--data', dataDir]);
    expect(JSON.parse(stdout)).toEqual(expectedCounts);
  });
});
