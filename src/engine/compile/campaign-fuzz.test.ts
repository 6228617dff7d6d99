import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Engine } from '../engine';
import { parseCampaignValue } from '../../domain/serialization';
import { topologicalOrder } from '../../domain/graph';
import type { CampaignDoc } from '../../domain/campaign';
import { engineWith, rules } from '../testing/activity-harness';
import { fixtureRows } from '../testing/fixture';

/**
 * Random campaigns (wiring, ids, labels) over the fixture: each is either refused with located
 * problems, or counted exactly as a small evaluator written here recounts it from the fixture rows.
 * The evaluator knows four activities: Build audience (a few rules), Fork, Combine (union,
 * intersection) and End.
 */

// The rules' sets, recomputed from the fixture rows rather than taken from the engine.
const profiles = fixtureRows.profiles!;
const ids = (keep: (r: (typeof profiles)[number]) => boolean) => new Set(profiles.filter(keep).map((r) => Number(r.profile_id)));
const ruleSets = {
  FR: { rule: rules.FR, keys: ids((r) => r.country === 'FR') },
  HIGH: { rule: rules.HIGH, keys: ids((r) => typeof r.score === 'number' && r.score > 50) },
  OPT: { rule: rules.OPT, keys: ids((r) => r.opt_in === true) },
  US: { rule: rules.US, keys: ids((r) => r.country === 'US') },
};
type RuleName = keyof typeof ruleSets;

const idPool = ['a', 'b', 'c', 'd', 'e', 'f', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'x\ny'];
const hostileLabel = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('VIP\nDROP TABLE profiles; --', '\u001b[31mred', 'a\u2028b', '\u202eevil', '-- x'));
const portPool = ['out', 'in', 'complement', 'nope', '__proto__', 'b1', 'b2'];

const activityArb = fc.record({
  id: fc.constantFrom(...idPool),
  label: hostileLabel,
  kind: fc.oneof(
    fc.record({ type: fc.constant('build-audience' as const), rule: fc.constantFrom<RuleName>('FR', 'HIGH', 'OPT', 'US') }),
    fc.record({ type: fc.constant('combine' as const), mode: fc.constantFrom('union' as const, 'intersection' as const) }),
    fc.record({ type: fc.constant('fork' as const), branches: fc.constantFrom<string[]>(['b1', 'b2'], ['b1', '__proto__'], ['b1', 'b1']) }),
    fc.record({ type: fc.constant('end' as const) }),
  ),
  disabled: fc.boolean(),
});
const transitionArb = fc.record({
  id: fc.constantFrom(...idPool, 't1', 't2', 't3'),
  from: fc.nat(7),
  // Mostly ports that exist, sometimes one that does not.
  fromPort: fc.oneof({ arbitrary: fc.constant('out'), weight: 5 }, { arbitrary: fc.constantFrom('b1', 'b2', '__proto__'), weight: 3 }, { arbitrary: fc.constantFrom(...portPool), weight: 1 }),
  to: fc.nat(7),
  toPort: fc.oneof({ arbitrary: fc.constant('in'), weight: 8 }, { arbitrary: fc.constantFrom(...portPool), weight: 1 }),
});

function documentOf(acts: { id: string; label: string; kind: { type: string; rule?: RuleName; mode?: string; branches?: string[] }; disabled: boolean }[], trs: { id: string; from: number; fromPort: string; to: number; toPort: string }[]) {
  const at = (i: number) => acts[i % acts.length]!.id;
  return {
    id: 'fuzz',
    name: 'Fuzz',
    schemaVersion: 1,
    activities: acts.map((a, i) => ({
      id: a.id,
      type: a.kind.type,
      label: a.label,
      position: { x: i, y: 0 },
      disabled: a.disabled,
      config:
        a.kind.type === 'build-audience'
          ? { targetDimension: 'profiles', rule: ruleSets[a.kind.rule!].rule, emitWhenEmpty: true }
          : a.kind.type === 'combine'
            ? { mode: a.kind.mode }
            : a.kind.type === 'fork'
              ? { branches: a.kind.branches!.map((id) => ({ id, label: id })) }
              : {},
    })),
    transitions: trs.map((t) => ({ id: t.id, source: { activityId: at(t.from), port: t.fromPort }, target: { activityId: at(t.to), port: t.toPort } })),
  };
}

/** The independent recount: the keys each transition carries, or undefined when it carries none. */
function recount(doc: CampaignDoc): Map<string, Set<number> | undefined> {
  const out = new Map<string, Set<number> | undefined>();
  for (const a of topologicalOrder(doc).order) {
    const incoming = doc.transitions.filter((t) => t.target.activityId === a.id).map((t) => out.get(t.id));
    let result: Set<number> | undefined;
    if (a.disabled || incoming.some((s) => s === undefined)) result = undefined;
    else if (a.type === 'build-audience') result = Object.values(ruleSets).find((r) => JSON.stringify(r.rule) === JSON.stringify(a.config.rule))!.keys;
    else if (incoming.length === 0) result = undefined;
    else if (a.type === 'fork') result = incoming[0];
    else if (a.type === 'combine')
      result = (incoming as Set<number>[]).reduce((acc, s) => (a.config.mode === 'union' ? new Set([...acc, ...s]) : new Set([...acc].filter((k) => s.has(k)))));
    for (const t of doc.transitions) if (t.source.activityId === a.id) out.set(t.id, result);
  }
  return out;
}

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('random campaigns', () => {
  test('are refused with located problems, or counted as an independent recount says', async () => {
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(activityArb, { minLength: 1, maxLength: 6, selector: (a) => a.id }), fc.uniqueArray(transitionArb, { maxLength: 7, selector: (t) => t.id }), async (acts, trs) => {
        const parsed = parseCampaignValue(documentOf(acts, trs));
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) expect(e.path).toMatch(/^(activities|transitions)\[\d+\]/);
          return;
        }
        const doc = parsed.doc;
        const result = await engine.counts(doc);
        const expected = recount(doc);
        const hasCycle = topologicalOrder(doc).hasCycle;
        for (const t of doc.transitions) {
          const keys = expected.get(t.id);
          const got = Object.hasOwn(result.counts, t.id) ? result.counts[t.id] : undefined;
          if (hasCycle && !expected.has(t.id)) expect(got).toBeUndefined();
          else expect(got).toBe(keys?.size);
        }
        counted++;
      }),
      { numRuns: 200, seed: 15 },
    );
    // The property is not vacuous: many campaigns were counted, not only refused.
    expect(counted).toBeGreaterThan(20);
  }, 300_000);
});
