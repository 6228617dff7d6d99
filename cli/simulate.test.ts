import { describe, expect, test, vi } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../src/engine/data/sample-dataset';
import { parseCampaign } from '../src/domain/serialization';
import type * as ChannelCommon from '../src/activities/channel-common';

vi.mock('../src/activities/channel-common', async (importOriginal) => {
  const original = await importOriginal<typeof ChannelCommon>();
  const { withMinimalDeliveries } = await import('../src/engine/simulation/testing/minimal-deliveries');
  return { ...original, compileChannel: withMinimalDeliveries(original.compileChannel) };
});

const gold = { kind: 'group', id: 'r', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'in', value: ['gold', 'platinum'] }] };
const doc = {
  id: 'c',
  name: 'Gold',
  schemaVersion: 1,
  settings: { seed: 3, simulation: { launch: '2025-05-02T08:00' } },
  activities: [
    { id: 'q', type: 'build-audience', label: 'Gold', position: { x: 0, y: 0 }, config: { rule: gold } },
    { id: 'm', type: 'email', label: 'Mail', position: { x: 0, y: 0 }, config: { subject: 'Hi', body: '<a href="https://a.example/x">x</a>' } },
  ],
  transitions: [{ id: 't', source: { activityId: 'q', port: 'out' }, target: { activityId: 'm', port: 'in' } }],
};

async function campaignFile(content: unknown = doc): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-sim-'));
  const file = join(dir, 'c.json');
  await writeFile(file, JSON.stringify(content));
  return { dir, file };
}

describe('campaign simulate', () => {
  test('--json prints the figures Engine.counts gives with a simulation, and --events writes the event tables', async () => {
    const { dir, file } = await campaignFile();
    const out = await runCli(['simulate', file, '--profiles', '2000', '--seed', '5', '--json', '--events', join(dir, 'events')]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const engine = new Engine(await openNodeDuckDB());
    await engine.loadDataset(sampleDataset({ profiles: 2000, seed: 5 }));
    const parsed = parseCampaign(JSON.stringify(doc));
    if (!parsed.ok) throw new Error('fixture campaign');
    const result = await engine.counts(parsed.doc, { simulate: true });
    const feedbackRows = (await engine.events(parsed.doc, 'feedback', { limit: 0 })).total;
    await engine.close();
    expect(JSON.parse(out.stdout)).toEqual({ m: result.figures!.m });
    expect(result.figures!.m!.sent).toBeGreaterThan(0);
    const feedback = (await readFile(join(dir, 'events', 'feedback.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(feedback[0]).toBe('message_id,activity_id,channel,profile_id,linked_key,address,status,failure_type,failure_reason,retries,sent_at,status_at');
    expect(feedback.length - 1).toBe(feedbackRows);
    const steps = (await readFile(join(dir, 'events', 'steps.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(steps[0]).toBe('activity_id,label,type,records_in,records_out,start,end,warnings');
    expect(steps.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['q,Gold,build-audience', 'm,Mail,email']);
    expect(steps[2]).toContain('2025-05-02T08:00:00');
  }, 60_000);

  test('--start sets the launch: the steps start then', async () => {
    const { dir, file } = await campaignFile();
    const out = await runCli(['simulate', file, '--profiles', '500', '--start', '2026-01-05T10:00', '--events', dir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Mail \(m\): targeted \d+, excluded \d+, sent \d+, retries \d+, delivered \d+/);
    const steps = await readFile(join(dir, 'steps.csv'), 'utf8');
    expect(steps).toContain('2026-01-05T10:00:00');
  }, 60_000);

  test('a --start that is not a date and time is a usage error', async () => {
    const { file } = await campaignFile();
    const out = await runCli(['simulate', file, '--profiles', '500', '--start', '2026-13-40T10:00']);
    expect(out.code).toBe(64);
    expect(out.stderr).toBe('--start: The launch "2026-13-40T10:00" is not a real date and time.\n');
  });
});
