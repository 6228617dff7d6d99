import type { Engine } from '../engine';
import type { SavedAudienceEntry, SavedAudiences } from '../protocol';
import type { StateStorage } from './state-storage';

/**
 * Every saved audience the browser keeps: those the engine holds (saved or restored in this
 * session) and those stored for other data, which are listed but cannot be read until their data
 * is loaded again. Storage is read at each call so that audiences saved by other tabs appear.
 */
export async function listSavedAudiences(
  engine: Pick<Engine, 'dataset' | 'savedAudiences' | 'datasetLabel'>,
  storage: StateStorage | undefined,
  problems: string[],
): Promise<SavedAudiences> {
  const datasetId = engine.dataset?.id ?? '';
  const entries = new Map<string, SavedAudienceEntry>();
  const keyOf = (datasetId: string, name: string) => `${datasetId}\u0000${name}`;
  for (const { relation: _relation, ...a } of engine.savedAudiences())
    entries.set(keyOf(a.datasetId, a.name), {
      ...a,
      datasetLabel: engine.datasetLabel(a.datasetId),
      usable: a.datasetId === datasetId,
    });
  const all = [...problems];
  if (storage) {
    try {
      for (const record of await storage.records())
        for (const { keyColumn: _k, fingerprint: _f, bytes: noted, ...a } of record.audiences) {
          const key = keyOf(record.datasetId, a.name);
          // Entries kept before sizes were noted: the size of their keys as stored.
          const bytes = noted ?? (await storage.audienceKeys(record.datasetId, a.name))?.length;
          const held = entries.get(key);
          if (held && bytes !== undefined) held.bytes = bytes;
          // What the engine holds is the latest; a stored entry of the data in use that it does not
          // hold was saved by another tab, and is read once this data is loaded again.
          if (!entries.has(key))
            entries.set(key, {
              ...a,
              datasetId: record.datasetId,
              datasetLabel: record.datasetLabel,
              usable: false,
              ...(bytes === undefined ? {} : { bytes }),
            });
        }
    } catch (e) {
      all.push(
        `The saved audiences kept in this browser could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  const audiences = [...entries.values()].sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) ||
      a.name.localeCompare(b.name) ||
      a.datasetLabel.localeCompare(b.datasetLabel),
  );
  return { datasetId, audiences, problems: all };
}
