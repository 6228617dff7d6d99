import { describe, expect, test } from 'vitest';
import { createMemoryStateStorage, withAudience, type PersistedAudience } from './state-storage';
import { listSavedAudiences } from './list-saved-audiences';

const entry = (name: string): PersistedAudience => ({
  name,
  dimension: 'profiles',
  count: 3,
  campaignId: 'c',
  activityId: 's',
  datasetId: 'd',
  savedAt: '2025-06-30T09:00:00.000Z',
  keyColumn: 'profile_id',
  fingerprint: 'f',
});

describe('the size of a saved audience', () => {
  test('is noted when its keys are written, and kept when its entry is written alone', () => {
    const written = withAudience(undefined, 'd', 'Data', entry('A'), 1200);
    expect(written.audiences).toEqual([{ ...entry('A'), bytes: 1200 }]);
    const touched = withAudience(written, 'd', 'Data', { ...entry('A'), savedAt: '2025-07-01T09:00:00.000Z' });
    expect(touched.audiences[0]!.bytes).toBe(1200);
    expect(withAudience(touched, 'd', 'Data', entry('B')).audiences.map((a) => [a.name, a.bytes])).toEqual([
      ['A', 1200],
      ['B', undefined],
    ]);
  });

  test('is listed from the storage; an entry kept before sizes were noted gets the size of its stored keys', async () => {
    const storage = createMemoryStateStorage();
    await storage.putAudience('d', 'Data', entry('A'), new Uint8Array(640));
    // An entry written without keys has no size to note.
    await storage.putAudience('d', 'Data', entry('Old'), undefined);
    const engine = { dataset: undefined, savedAudiences: () => [], datasetLabel: (id: string) => id };
    const before = await listSavedAudiences(engine, storage, []);
    expect(before.audiences.map((a) => [a.name, a.bytes])).toEqual([
      ['A', 640],
      ['Old', undefined],
    ]);
    // Keys written separately from the entry's size (an entry of an older version).
    const legacy = createMemoryStateStorage();
    await legacy.putAudience('d', 'Data', entry('Old'), new Uint8Array(300));
    const record = (await legacy.records())[0]!;
    delete record.audiences[0]!.bytes;
    const stored = { ...legacy, records: async () => [record] };
    expect((await listSavedAudiences(engine, stored, [])).audiences.map((a) => [a.name, a.bytes])).toEqual([['Old', 300]]);
  });
});
