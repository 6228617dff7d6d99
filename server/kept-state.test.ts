import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run';
import { parseServeArgs, startServer, type RunningServer } from './start';
import { campaign } from '../src/engine/testing/fixture';
import type { SavedAudiences } from '../src/engine/protocol';
import type { RunRecord } from '../src/engine/state/engine-store';

/**
 * A server on a database that outlives it (`--db <file>`, a warehouse) keeps its saved audiences
 * and run history there: restarted on the same database, it still has them, and the campaigns
 * that read them (an audience read back, an incremental query's high-water mark) count the same.
 */
const dir = mkdtempSync(join(tmpdir(), 'cc-kept-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'kept-state-token-42';

async function rpc<T>(running: RunningServer, type: string, params: unknown): Promise<T> {
  const res = await fetch(`${running.url}/rpc`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ id: 1, type, params }) });
  const answer = (await res.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!answer.ok) throw new Error(answer.error?.message);
  return answer.result;
}

const all = { kind: 'group', id: 'g', combinator: 'and', children: [] };
const optedIn = { ...all, children: [{ kind: 'attribute', id: 'o', path: ['email_opt_in'], operator: 'is-true' }] };
// A run saves the opted-in profiles and moves the incremental query's mark past every profile.
const runner = {
  ...campaign(
    [
      { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: optedIn } },
      { id: 's', type: 'save-audience', config: { audienceName: 'Opted in' } },
      { id: 'e', type: 'end' },
      { id: 'inc', type: 'incremental-query', config: { targetDimension: 'profiles', rule: all, dateField: 'created_date' } },
      { id: 'e2', type: 'end' },
    ],
    [['in', 'q', 's'], ['saved', 's', 'e'], ['new', 'inc', 'e2']],
  ),
  id: 'runner',
};
const reader = { ...campaign([{ id: 'r', type: 'build-audience', config: { source: 'audience', audienceName: 'Opted in', targetDimension: 'profiles' } }, { id: 'e', type: 'end' }], [['out', 'r', 'e']]), id: 'reader' };

type Counts = { counts: Record<string, number>; errors: Record<string, string> };

async function restartKeepsState(args: string[]) {
  let running = await startServer(parseServeArgs([...args, '--port', '0', '--token', TOKEN]));
  let before: { audiences: SavedAudiences; runs: RunRecord[]; counts: Counts };
  try {
    expect(running.kept).toEqual({ audiences: 0, runs: 0, problems: [] });
    const first = await rpc<Counts>(running, 'counts', { doc: runner });
    expect(first.counts.new).toBeGreaterThan(0);
    await rpc(running, 'recordRun', { doc: runner, runAt: '2025-07-01T10:00' });
    before = {
      audiences: await rpc<SavedAudiences>(running, 'savedAudiences', {}),
      runs: await rpc<RunRecord[]>(running, 'runs', { campaignId: 'runner' }),
      counts: await rpc<Counts>(running, 'counts', { doc: runner }),
    };
    expect(before.audiences.audiences.map((a) => [a.name, a.count])).toEqual([['Opted in', first.counts.saved]]);
    expect(before.runs).toHaveLength(1);
    expect(before.runs[0]!.marks.inc).not.toBeNull();
    // The mark leaves out every profile already counted.
    expect(before.counts.counts.new).toBeLessThan(first.counts.new!);
  } finally {
    await running.close();
  }

  running = await startServer(parseServeArgs([...args, '--port', '0', '--token', TOKEN]));
  try {
    expect(running.kept).toEqual({ audiences: 1, runs: 1, problems: [] });
    expect(await rpc<SavedAudiences>(running, 'savedAudiences', {})).toEqual(before.audiences);
    expect(await rpc<RunRecord[]>(running, 'runs', { campaignId: 'runner' })).toEqual(before.runs);
    expect((await rpc<Counts>(running, 'counts', { doc: reader })).counts.out).toBe(before.audiences.audiences[0]!.count);
    expect(await rpc<Counts>(running, 'counts', { doc: runner })).toMatchObject({ counts: before.counts.counts, errors: {} });
    // What is deleted stays deleted.
    await rpc(running, 'deleteSavedAudience', { datasetId: before.audiences.datasetId, name: 'Opted in' });
    await rpc(running, 'clearRuns', { campaignId: 'runner' });
  } finally {
    await running.close();
  }

  running = await startServer(parseServeArgs([...args, '--port', '0', '--token', TOKEN]));
  try {
    expect(running.kept).toEqual({ audiences: 0, runs: 0, problems: [] });
    expect((await rpc<SavedAudiences>(running, 'savedAudiences', {})).audiences).toEqual([]);
    expect((await rpc<Counts>(running, 'counts', { doc: reader })).errors.r).toMatch(/No audience named "Opted in"/);
  } finally {
    await running.close();
  }
}

describe('server state that survives a restart', () => {
  test('serve --db <file>: saved audiences and runs are kept in the file', async () => {
    await restartKeepsState(['--db', join(dir, 'engine.duckdb'), '--profiles', '400']);
  }, 180_000);

  test('serve --warehouse: saved audiences and runs are kept beside the data', async () => {
    const warehouse = `chdb://${join(dir, 'wh')}`;
    expect((await runCli(['load', '--warehouse', warehouse, '--profiles', '400'])).stderr).toBe('');
    await restartKeepsState(['--warehouse', warehouse]);
  }, 240_000);
});
