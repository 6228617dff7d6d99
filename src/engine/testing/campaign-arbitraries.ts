import fc from 'fast-check';
import { rules } from './activity-harness';
import { fixtureRows } from './fixture';

/**
 * Random campaigns over the fixture (wiring, ids, labels, hostile text), for the property tests:
 * Build audience (a few rules), Fork, Combine (union, intersection) and End, wired at random, with
 * ids that collide with object keys and ports that sometimes do not exist.
 */

// The rules' sets, recomputed from the fixture rows rather than taken from the engine.
const profiles = fixtureRows.profiles!;
const ids = (keep: (r: (typeof profiles)[number]) => boolean) => new Set(profiles.filter(keep).map((r) => Number(r.profile_id)));
export const ruleSets = {
  FR: { rule: rules.FR, keys: ids((r) => r.country === 'FR') },
  HIGH: { rule: rules.HIGH, keys: ids((r) => typeof r.score === 'number' && r.score > 50) },
  OPT: { rule: rules.OPT, keys: ids((r) => r.opt_in === true) },
  US: { rule: rules.US, keys: ids((r) => r.country === 'US') },
};
export type RuleName = keyof typeof ruleSets;

const idPool = ['a', 'b', 'c', 'd', 'e', 'f', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'x\ny'];
const hostileLabel = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('VIP\nDROP TABLE profiles; --', '\u001b[31mred', 'a\u2028b', '\u202eevil', '-- x'));
const portPool = ['out', 'in', 'complement', 'nope', '__proto__', 'b1', 'b2'];

export const activityArb = fc.record({
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
export const transitionArb = fc.record({
  id: fc.constantFrom(...idPool, 't1', 't2', 't3'),
  from: fc.nat(7),
  // Mostly ports that exist, sometimes one that does not.
  fromPort: fc.oneof({ arbitrary: fc.constant('out'), weight: 5 }, { arbitrary: fc.constantFrom('b1', 'b2', '__proto__'), weight: 3 }, { arbitrary: fc.constantFrom(...portPool), weight: 1 }),
  to: fc.nat(7),
  toPort: fc.oneof({ arbitrary: fc.constant('in'), weight: 8 }, { arbitrary: fc.constantFrom(...portPool), weight: 1 }),
});

export function documentOf(acts: { id: string; label: string; kind: { type: string; rule?: RuleName; mode?: string; branches?: string[] }; disabled: boolean }[], trs: { id: string; from: number; fromPort: string; to: number; toPort: string }[]) {
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
