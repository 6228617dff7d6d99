import { describe, expect, test } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../src/engine/data/sample-dataset';
import { parseCampaign } from '../src/domain/serialization';
import { metricById } from '../src/domain/metrics';

const gold = { kind: 'group', id: 'r', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'in', value: ['gold', 'platinum'] }] };
const doc = {
  id: 'c',
  name: 'Gold',
  schemaVersion: 1,
  settings: { seed: 3, simulation: { launch: '2025-05-02T08:00' } },
  activities: [
    { id: 'q', type: 'build-audience', label: 'Gold', position: { x: 0, y: 0 }, config: { rule: gold } },
    { id: 'm', type: 'email', label: 'Mail', position: { x: 0, y: 0 }, config: { subject: 'Hi', body: '<a href="https://a.example/x">x</a> <a href="https://a.example/y">y</a>' } },
  ],
  transitions: [{ id: 't', source: { activityId: 'q', port: 'out' }, target: { activityId: 'm', port: 'in' } }],
};

async function campaignFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-report-'));
  const file = join(dir, 'c.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('campaign report', () => {
  test('--format json prints the engine report\'s metrics with the registry\'s labels; csv the same numbers', async () => {
    const file = await campaignFile();
    const json = await runCli(['report', file, '--profiles', '1500', '--format', 'json', '--breakdown', 'link']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as { metrics: { id: string; label: string; value: number | null }[]; breakdowns: { id: string; rows: Record<string, unknown>[] }[] };
    const engine = new Engine(await openNodeDuckDB());
    await engine.loadDataset(sampleDataset({ profiles: 1500, seed: 42 }));
    const parsed = parseCampaign(JSON.stringify(doc));
    if (!parsed.ok) throw new Error('fixture campaign');
    const report = await engine.report(parsed.doc);
    const figures = (await engine.counts(parsed.doc, { simulate: true })).figures!.m!;
    await engine.close();
    const byId = new Map(printed.metrics.map((m) => [m.id, m]));
    for (const [id, n] of Object.entries(report.totals)) {
      expect(byId.get(id)?.value, id).toBe(n);
      expect(byId.get(id)?.label, id).toBe(metricById(id)!.label);
      expect(figures[id], `figure ${id}`).toBe(n);
    }
    expect(byId.get('open-rate')!.value).toBe(report.totals['unique-opens']! / report.totals.delivered!);
    expect(byId.get('opt-out-rate')).toBeUndefined(); // an email has no opt-outs
    expect(printed.breakdowns.map((b) => b.id)).toEqual(['link']);
    expect(printed.breakdowns[0]!.rows.map((r) => r.key)).toEqual(['https://a.example/x', 'https://a.example/y']);

    const csv = await runCli(['report', file, '--profiles', '1500', '--format', 'csv', '--breakdown', 'channel']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['breakdown', 'key', 'label', 'targeted']);
    const total = lines[1]!.split(',');
    expect(total.slice(0, 3)).toEqual(['total', '', 'Total']);
    expect(Number(total[header.indexOf('sent')])).toBe(report.totals.sent);
    expect(Number(total[header.indexOf('delivery-rate')])).toBe(report.totals.delivered! / report.totals.sent!);
    expect(lines[2]!.split(',').slice(0, 3)).toEqual(['channel', 'email', 'Email']);
  }, 120_000);

  test('text names each metric by its label and id', async () => {
    const out = await runCli(['report', await campaignFile(), '--profiles', '500', '--breakdown', 'activity']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Gold: simulated from 2025-05-02 08:00/);
    expect(out.stdout).toMatch(/\n {2}Sent \(sent\): \d+\n/);
    expect(out.stdout).toMatch(/\n {2}Open rate \(open-rate\): (\d+\.\d%|—)\n/);
    expect(out.stdout).toContain('\nBy activity:\n  Mail [m]\n');
  }, 120_000);

  test('usage errors: an unknown format or breakdown, a branch the campaign does not have', async () => {
    const file = await campaignFile();
    expect(await runCli(['report', file, '--format', 'xml'])).toEqual({ stdout: '', stderr: '--format: "xml" is not one of text, json, csv\n', code: 64 });
    const breakdown = await runCli(['report', file, '--breakdown', 'colour']);
    expect(breakdown.code).toBe(64);
    expect(breakdown.stderr).toMatch(/^--breakdown: "colour" is not one of activity, channel/);
    const branch = await runCli(['report', file, '--profiles', '500', '--branch', 'nope/x']);
    expect(branch).toEqual({ stdout: '', stderr: 'error: The campaign has no Split branch "nope/x" (expected <split activity id>/<output id>).\n', code: 64 });
  }, 120_000);
});
