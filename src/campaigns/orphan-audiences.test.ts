import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { audienceUses, audiencesLeftBy, orphanAudiences, readersOf } from './orphan-audiences';

type Act = { id: string; type: string; config: unknown };
const doc = (id: string, activities: Act[]) => ({ id, activities }) as never;
const save = (id: string, audienceName: string, disabled = false) => ({ id, type: 'save-audience', config: { audienceName }, ...(disabled ? { disabled } : {}) });
const read = (id: string, audienceName: string) => ({ id, type: 'build-audience', config: { source: 'audience', audienceName, targetDimension: 'profiles' } });
const query = (id: string) => ({ id, type: 'build-audience', config: { source: 'query', audienceName: 'VIP', targetDimension: 'profiles' } });
const saved = (name: string, campaignId: string) => ({ name, campaignId, datasetId: 'sample-10000-42' });

describe('orphan saved audiences', () => {
  // Campaign "a" saved "Gold", renamed its Save audience to "Gold 2", then "Gold members";
  // campaign "b" saves "Silver" and reads "Gold 2"; campaign "c" was deleted after saving "Old".
  const docs = [
    doc('a', [query('q'), save('s', 'Gold members')]),
    doc('b', [read('r', 'Gold 2'), save('s', 'Silver')]),
  ];
  const audiences = [saved('Gold', 'a'), saved('Gold 2', 'a'), saved('Gold members', 'a'), saved('Silver', 'b'), saved('Old', 'c')];

  test('who writes and reads what comes from the documents', () => {
    const uses = audienceUses(docs);
    expect([...uses.writers].map(([n, ids]) => [n, [...ids]])).toEqual([
      ['Gold members', ['a']],
      ['Silver', ['b']],
    ]);
    // A Build audience on a query names no audience, even with a leftover name in its settings.
    expect([...uses.readers].map(([n, ids]) => [n, [...ids]])).toEqual([['Gold 2', ['b']]]);
    expect(readersOf('Gold 2', docs)).toEqual(['b']);
    expect(readersOf('Gold 2', docs, 'b')).toEqual([]);
  });

  test('audiences no campaign writes are orphans: renamed away, or saved by a deleted campaign', () => {
    expect(orphanAudiences(audiences, docs).map((a) => a.name)).toEqual(['Gold', 'Gold 2', 'Old']);
  });

  test('a disabled Save audience still writes its audience; names are compared trimmed', () => {
    const d = [doc('a', [save('s', '  Gold  ', true)])];
    expect(orphanAudiences([saved('Gold', 'a'), saved('gold', 'a')], d).map((a) => a.name)).toEqual(['gold']);
    // A Save audience without a name writes nothing.
    expect(orphanAudiences([saved('Gold', 'a')], [doc('a', [save('s', '   ')])])).toHaveLength(1);
  });

  test('deleting a campaign leaves without a writer what it writes or wrote and no other campaign writes', () => {
    expect(audiencesLeftBy('a', audiences, docs).map((a) => a.name)).toEqual(['Gold', 'Gold 2', 'Gold members']);
    // Another campaign writing the same name keeps it.
    const shared = [...docs, doc('d', [save('s', 'Gold members')])];
    expect(audiencesLeftBy('a', audiences, shared).map((a) => a.name)).toEqual(['Gold', 'Gold 2']);
    // "b" alone writes "Silver"; "Old" (left by a deleted campaign) and "Gold 2" (which "b" only reads) are not its own.
    expect(audiencesLeftBy('b', audiences, docs).map((a) => a.name)).toEqual(['Silver']);
    // An audience "b" last wrote under a name that "a" writes now is "a"'s: not offered.
    expect(audiencesLeftBy('b', [saved('Gold members', 'b')], docs)).toEqual([]);
  });

  test('property: an audience is an orphan exactly when no document has a Save audience with its name', () => {
    const name = fc.constantFrom('A', 'B', 'C', ' A', 'b');
    const activity = fc.record({ type: fc.constantFrom('save-audience', 'build-audience', 'end'), name });
    const docsArb = fc.array(fc.array(activity, { maxLength: 4 }), { maxLength: 4 });
    fc.assert(
      fc.property(docsArb, fc.array(fc.record({ name, campaignId: fc.constantFrom('c0', 'c1', 'c9') }), { maxLength: 6 }), (raw, list) => {
        const ds = raw.map((acts, i) =>
          doc(
            `c${i}`,
            acts.map((a, j) => ({ id: `x${j}`, type: a.type, config: a.type === 'build-audience' ? { source: 'audience', audienceName: a.name } : { audienceName: a.name } })),
          ),
        );
        const written = new Set(raw.flatMap((acts) => acts.filter((a) => a.type === 'save-audience').map((a) => a.name.trim())));
        const orphans = orphanAudiences(list, ds);
        expect(orphans).toEqual(list.filter((a) => !written.has(a.name.trim())));
        // What deleting a campaign offers is among the orphans once it is gone, and is its own.
        for (const d of ds as { id: string }[]) {
          const left = audiencesLeftBy(d.id, list, ds);
          const after = orphanAudiences(list, (ds as { id: string }[]).filter((x) => x.id !== d.id) as never);
          for (const a of left) expect(after).toContain(a);
        }
      }),
    );
  });
});
