import { afterEach, describe, expect, test } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { campaign, fixtureDataset } from '../testing/fixture';
import { keysOf, rules } from '../testing/activity-harness';
import type { ConditionGroup } from '../../domain/rule';
import { createMemoryStateStorage } from './state-storage';
import type { StateStorage } from './state-storage';
import { listSavedAudiences } from './list-saved-audiences';

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

/** A fresh engine (its own DuckDB, as after a page reload) keeping its state in `storage`, on `datasetId`. */
async function engineOn(storage: StateStorage, datasetId = 'fixture'): Promise<Engine> {
  const engine = new Engine(await openNodeDuckDB());
  engines.push(engine);
  engine.keepStateIn(storage);
  await engine.loadDataset({ ...fixtureDataset(), id: datasetId });
  return engine;
}

const saver = (rule: ConditionGroup, name = 'French') =>
  campaign(
    [
      { id: 'q', type: 'build-audience', config: { rule } },
      { id: 's', type: 'save-audience', config: { audienceName: name } },
      { id: 'e', type: 'end' },
    ],
    [
      ['in', 'q', 's'],
      ['saved', 's', 'e'],
    ],
  );
const reader = (name = 'French') =>
  campaign(
    [
      { id: 'r', type: 'build-audience', config: { source: 'audience', audienceName: name } },
      { id: 'e', type: 'end' },
    ],
    [['out', 'r', 'e']],
  );
// Opted-in profiles {1, 3, 4, 6}, created 2025-06-20, 2025-05-31, 2023-03-01, 2025-06-01.
const incremental = {
  ...campaign(
    [
      { id: 'inc', type: 'incremental-query', config: { rule: rules.OPT, dateField: 'created' } },
      { id: 'e', type: 'end' },
    ],
    [['new', 'inc', 'e']],
  ),
  id: 'weekly',
};

describe('saved audiences and runs kept between sessions', () => {
  test('a saved audience is written to the storage under its dataset, its keys as one Arrow column', async () => {
    const storage = createMemoryStateStorage();
    const engine = await engineOn(storage);
    await engine.restoreState('Fixture data');
    await engine.recordRun(saver(rules.FR));
    expect(await engine.stateWritten()).toBeUndefined();
    const record = await storage.record('fixture');
    expect(record?.datasetLabel).toBe('Fixture data');
    expect(record?.audiences.map((a) => [a.name, a.dimension, a.count, a.keyColumn])).toEqual([
      ['French', 'profiles', 3, 'profile_id'],
    ]);
    const keys = tableFromIPC((await storage.audienceKeys('fixture', 'French'))!);
    expect(keys.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([['profile_id', 'Int32']]);
    expect([...(keys.getChild('profile_id')!.toArray() as Int32Array)].sort((a, b) => a - b)).toEqual([1, 3, 6]);
  });

  test('after a reload, the same data gets its audiences and run marks back', async () => {
    const storage = createMemoryStateStorage();
    const before = await engineOn(storage);
    await before.recordRun(saver(rules.FR));
    const run = await before.recordRun(incremental, '2025-06-30T12:00:00Z');
    expect(run.marks).toEqual({ inc: '2025-06-20' });
    await before.stateWritten();

    const after = await engineOn(storage);
    expect(after.savedAudiences()).toEqual([]);
    // Two runs: the saving campaign's and the incremental one's.
    expect(await after.restoreState()).toEqual({ audiences: 1, runs: 2, problems: [] });
    expect(after.savedAudiences().map((a) => [a.name, a.count, a.campaignId])).toEqual([
      ['French', 3, saver(rules.FR).id],
    ]);
    expect(await keysOf(after, reader(), 'out')).toEqual([1, 3, 6]);
    expect(after.runs('weekly').map((r) => [r.runAt, r.marks])).toEqual([
      ['2025-06-30T12:00:00Z', { inc: '2025-06-20' }],
    ]);
    // Nobody opted in was created after 2025-06-20.
    expect((await after.counts(incremental)).counts).toEqual({ new: 0 });
  });

  test('other data gets none of them, and lists them as belonging to their data', async () => {
    const storage = createMemoryStateStorage();
    const sample = await engineOn(storage, 'sample-100000-42');
    await sample.restoreState();
    await sample.recordRun(saver(rules.FR));
    await sample.recordRun(incremental, '2025-06-30T12:00:00Z');
    await sample.stateWritten();

    const imported = await engineOn(storage, 'import-abc123');
    expect(await imported.restoreState('Imported data: 6 profiles')).toEqual({
      audiences: 0,
      runs: 0,
      problems: [],
    });
    expect((await imported.counts(reader())).errors.r).toMatch(
      /No audience named "French" has been saved yet from the data in use/,
    );
    expect(imported.runs('weekly')).toEqual([]);
    expect((await imported.counts(incremental)).counts).toEqual({ new: 4 });
    const listed = await listSavedAudiences(imported, storage, []);
    expect(listed.datasetId).toBe('import-abc123');
    expect(listed.audiences.map((a) => [a.name, a.datasetLabel, a.usable, a.count])).toEqual([
      ['French', 'Sample data, 100,000 profiles', false, 3],
    ]);

    // Saving under the same name on the imported data leaves the sample's audience as it was.
    await imported.recordRun(saver(rules.US));
    await imported.stateWritten();
    const both = await listSavedAudiences(imported, storage, []);
    expect(both.audiences.map((a) => [a.name, a.datasetId, a.usable, a.count])).toEqual([
      ['French', 'import-abc123', true, 1],
      ['French', 'sample-100000-42', false, 3],
    ]);
  });

  test('an unchanged audience is not written again', async () => {
    const storage = createMemoryStateStorage();
    let keyWrites = 0;
    const counting: StateStorage = {
      ...storage,
      putAudience: (id, label, a, keys) => {
        if (keys) keyWrites++;
        return storage.putAudience(id, label, a, keys);
      },
    };
    const engine = await engineOn(counting);
    await engine.recordRun(saver(rules.FR));
    await engine.recordRun(saver(rules.FR));
    await engine.stateWritten();
    expect(keyWrites).toBe(1);
    await engine.recordRun(saver(rules.HIGH));
    await engine.stateWritten();
    expect(keyWrites).toBe(2);
  });

  test('a storage that fails is reported; counts and the audience in the engine are unaffected', async () => {
    const failing: StateStorage = {
      ...createMemoryStateStorage(),
      putAudience: () => Promise.reject(new Error('QuotaExceededError')),
      putRun: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const engine = await engineOn(failing);
    expect((await engine.recordRun(saver(rules.FR))).result.counts.saved).toBe(3);
    expect(await engine.stateWritten()).toMatch(
      /could not keep the saved audiences and runs: QuotaExceededError/,
    );
    expect((await engine.counts(reader())).counts.out).toBe(3);
  });

  test('an audience whose keys are missing is reported, and its entry is kept', async () => {
    const storage = createMemoryStateStorage();
    const before = await engineOn(storage);
    await before.recordRun(saver(rules.FR));
    await before.stateWritten();
    const withoutKeys: StateStorage = { ...storage, audienceKeys: async () => undefined };
    const after = await engineOn(withoutKeys);
    const outcome = await after.restoreState();
    expect(outcome.problems).toEqual([
      'The saved audience "French" could not be restored: its records are missing from this browser’s storage',
    ]);
    expect((await storage.record('fixture'))?.audiences).toHaveLength(1);
  });

  test('a deleted audience is gone from the engine and the storage, also after a reload', async () => {
    const storage = createMemoryStateStorage();
    const before = await engineOn(storage);
    await before.recordRun(saver(rules.FR));
    await before.recordRun(saver(rules.US, 'American'));
    await before.stateWritten();

    expect(await before.deleteSavedAudience('fixture', 'French')).toBe(true);
    expect(before.savedAudiences().map((a) => a.name)).toEqual(['American']);
    expect((await before.counts(reader())).errors.r).toMatch(/No audience named "French" .*deleted/);
    expect((await storage.record('fixture'))?.audiences.map((a) => a.name)).toEqual(['American']);
    expect(await storage.audienceKeys('fixture', 'French')).toBeUndefined();
    // Deleting it again is not an error; there was nothing left to delete.
    expect(await before.deleteSavedAudience('fixture', 'French')).toBe(false);

    const after = await engineOn(storage);
    expect(await after.restoreState()).toEqual({ audiences: 1, runs: 2, problems: [] });
    expect((await after.counts(reader())).errors.r).toMatch(/No audience named "French"/);
    expect((await after.counts(reader('American'))).counts.out).toBe(1);
  });

  test('a campaign that still saves a deleted audience writes it again at its next run', async () => {
    const storage = createMemoryStateStorage();
    const engine = await engineOn(storage);
    await engine.recordRun(saver(rules.FR));
    await engine.deleteSavedAudience('fixture', 'French');
    // The same campaign, unchanged: its working tables are reused, the audience is still written.
    await engine.recordRun(saver(rules.FR));
    await engine.stateWritten();
    expect(engine.savedAudiences().map((a) => [a.name, a.count])).toEqual([['French', 3]]);
    expect((await storage.record('fixture'))?.audiences.map((a) => a.name)).toEqual(['French']);
  });

  test('an audience of other data is deleted from the storage alone; the dataset record goes when empty', async () => {
    const storage = createMemoryStateStorage();
    const sample = await engineOn(storage, 'sample-100000-42');
    await sample.recordRun(saver(rules.FR));
    await sample.clearRuns(saver(rules.FR).id);
    await sample.stateWritten();

    const imported = await engineOn(storage, 'import-abc123');
    await imported.restoreState();
    expect(await imported.deleteSavedAudience('sample-100000-42', 'French')).toBe(true);
    expect(await storage.record('sample-100000-42')).toBeUndefined();
    expect(await storage.audienceKeys('sample-100000-42', 'French')).toBeUndefined();
    expect((await listSavedAudiences(imported, storage, [])).audiences).toEqual([]);
  });

  test('a delete the storage refuses is an error, not a silent success', async () => {
    const storage = createMemoryStateStorage();
    const engine = await engineOn({
      ...storage,
      deleteAudience: () => Promise.reject(new Error('QuotaExceededError')),
    });
    await engine.recordRun(saver(rules.FR));
    await expect(engine.deleteSavedAudience('fixture', 'French')).rejects.toThrow('QuotaExceededError');
    // Later writes still happen.
    await engine.recordRun(saver(rules.US, 'American'));
    expect(await engine.stateWritten()).toBeUndefined();
  });

  test('clearing a run history forgets its marks, on this data and for this campaign only', async () => {
    const storage = createMemoryStateStorage();
    const other = { ...incremental, id: 'monthly' };
    const sample = await engineOn(storage, 'sample-100000-42');
    await sample.recordRun(incremental, '2025-06-30T12:00:00Z');
    await sample.stateWritten();
    const engine = await engineOn(storage);
    await engine.recordRun(saver(rules.FR), '2025-06-28T12:00:00Z');
    await engine.recordRun(incremental, '2025-06-29T12:00:00Z');
    await engine.recordRun(incremental, '2025-06-30T12:00:00Z');
    await engine.recordRun(other, '2025-06-30T12:00:00Z');
    expect((await engine.counts(incremental)).counts).toEqual({ new: 0 });

    expect(await engine.clearRuns('weekly')).toBe(2);
    expect(engine.runs('weekly')).toEqual([]);
    expect(engine.runs('monthly')).toHaveLength(1);
    // Every opted-in profile counts again.
    expect((await engine.counts(incremental)).counts).toEqual({ new: 4 });
    expect((await engine.counts(other)).counts).toEqual({ new: 0 });
    expect((await storage.record('fixture'))?.runs.map((r) => r.campaignId)).toEqual([saver(rules.FR).id, 'monthly']);
    expect((await storage.record('sample-100000-42'))?.runs.map((r) => r.campaignId)).toEqual(['weekly']);
    expect(await engine.clearRuns('weekly')).toBe(0);

    const after = await engineOn(storage);
    expect(await after.restoreState()).toEqual({ audiences: 1, runs: 2, problems: [] });
    expect(after.runs('weekly')).toEqual([]);
    expect((await after.counts(incremental)).counts).toEqual({ new: 4 });
  });
});

describe('the storage in memory', () => {
  const audience = (name: string) => ({
    name,
    dimension: 'profiles',
    campaignId: 'c',
    activityId: 's',
    datasetId: 'd',
    count: 1,
    savedAt: '2025-06-30T12:00:00.000Z',
    keyColumn: 'id',
    fingerprint: name,
  });

  test('deletes an audience with its keys, and the record once nothing is left', async () => {
    const storage = createMemoryStateStorage();
    await storage.putAudience('d', 'Data', audience('A'), new Uint8Array([1]));
    await storage.putAudience('d', 'Data', audience('B'), new Uint8Array([2]));
    expect(await storage.deleteAudience('d', 'A')).toBe(true);
    expect(await storage.deleteAudience('d', 'A')).toBe(false);
    expect(await storage.deleteAudience('elsewhere', 'A')).toBe(false);
    expect((await storage.record('d'))?.audiences.map((a) => a.name)).toEqual(['B']);
    expect(await storage.audienceKeys('d', 'A')).toBeUndefined();
    expect(await storage.audienceKeys('d', 'B')).toEqual(new Uint8Array([2]));
    expect(await storage.deleteAudience('d', 'B')).toBe(true);
    expect(await storage.records()).toEqual([]);
  });

  test('clears the runs of one campaign, keeping the others and the audiences', async () => {
    const storage = createMemoryStateStorage();
    const run = (campaignId: string, runAt: string) => ({ campaignId, runAt, marks: {}, datasetId: 'd' });
    await storage.putRun('d', 'Data', run('a', '2025-06-01T00:00:00Z'));
    await storage.putRun('d', 'Data', run('b', '2025-06-02T00:00:00Z'));
    await storage.putRun('d', 'Data', run('a', '2025-06-03T00:00:00Z'));
    expect(await storage.clearRuns('d', 'a')).toBe(2);
    expect((await storage.record('d'))?.runs.map((r) => r.campaignId)).toEqual(['b']);
    await storage.putAudience('d', 'Data', audience('A'), new Uint8Array([1]));
    expect(await storage.clearRuns('d', 'b')).toBe(1);
    expect((await storage.record('d'))?.audiences.map((a) => a.name)).toEqual(['A']);
    expect(await storage.clearRuns('d', 'b')).toBe(0);
  });
});

describe('restoring with nothing kept', () => {
  test('does not wait behind the tables loading in the background', async () => {
    const conn = await openNodeDuckDB();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first batch of a background table stays in DuckDB until released: the statement queue is busy.
    const engine = new Engine({
      query: (sql) => conn.query(sql),
      insertArrowIPC: async (bytes, target) => {
        if (target.name === 'purchases') await held;
        return conn.insertArrowIPC(bytes, target);
      },
      close: () => conn.close(),
    });
    engines.push(engine);
    engine.keepStateIn(createMemoryStateStorage());
    const d = fixtureDataset();
    d.tables = d.tables.map((t) => (t.entity === 'purchases' ? { ...t, deferred: true } : t));
    await engine.loadDataset(d);
    expect(engine.dataset!.loading).toEqual(['purchases']);
    expect(await engine.restoreState('Fixture')).toEqual({ audiences: 0, runs: 0, problems: [] });
    expect(engine.dataset!.loading).toEqual(['purchases']);
    release();
  });
});
