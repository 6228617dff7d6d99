import type { CampaignDoc } from '../../domain/campaign';
import { portsOf } from '../../domain/ports';
import type { SkipReason } from '../../engine/compile/compile-campaign';
import { notEmittedText, skipReasonText, type ActivityCount, type OutputCount, type TransitionCount } from './count-types';

/** The engine's answer as the canvas needs it (absent while the first counts are computing). */
export interface CountsSnapshot {
  counts: Record<string, number>;
  errors: Record<string, string>;
  skipped: Record<string, SkipReason>;
  /** Records per output port of each computed activity. */
  outputs: Record<string, Record<string, number>>;
  /** The counts belong to an earlier version of the campaign. */
  stale: boolean;
}

export interface DerivedCounts {
  transitions: Record<string, TransitionCount>;
  activities: Record<string, ActivityCount>;
}

const loadingTransition: TransitionCount = Object.freeze({ loading: true });
const loadingActivity: ActivityCount = Object.freeze({ loading: true });

/**
 * One entry per transition and activity of `doc`. Entries equal to those in `previous` are returned
 * as the same objects, so that a subscriber keyed by id sees no change and does not re-render.
 */
export function deriveCounts(doc: CampaignDoc, snapshot: CountsSnapshot | undefined, previous?: DerivedCounts): DerivedCounts {
  const transitions: Record<string, TransitionCount> = {};
  const activities: Record<string, ActivityCount> = {};
  for (const t of doc.transitions) {
    const next = snapshot ? transitionEntry(t.id, t.source.activityId, t.source.port, snapshot) : loadingTransition;
    transitions[t.id] = keep(previous?.transitions[t.id], next);
  }
  for (const a of doc.activities) {
    let next: ActivityCount = loadingActivity;
    if (snapshot) {
      const incoming = doc.transitions.filter((t) => t.target.activityId === a.id).map((t) => transitions[t.id]!);
      next = activityEntry(a.id, portsOf(a).out, incoming, snapshot);
    }
    activities[a.id] = keep(previous?.activities[a.id], next);
  }
  return { transitions, activities };
}

function transitionEntry(id: string, source: string, port: string, s: CountsSnapshot): TransitionCount {
  const error = s.errors[source];
  if (error !== undefined) return { loading: false, error };
  const skipped = s.skipped[source];
  if (skipped) return { loading: false, reason: skipReasonText[skipped] };
  // Computed, empty, and not emitted (a Build audience or Split subset that does not continue when empty).
  if (s.counts[id] === undefined && s.outputs[source]?.[port] === 0 && !s.stale) return { loading: false, reason: notEmittedText };
  const count = s.counts[id] ?? s.outputs[source]?.[port];
  // A transition added since the counts were computed: it gets its count with the next answer.
  if (count === undefined) return s.stale ? loadingTransition : { loading: false, reason: 'No count: this output carries no records.' };
  return s.stale ? { loading: false, count, stale: true } : { loading: false, count };
}

function activityEntry(
  id: string,
  outPorts: readonly { id: string; label: string }[],
  incoming: readonly TransitionCount[],
  s: CountsSnapshot,
): ActivityCount {
  const error = s.errors[id];
  if (error !== undefined) return { loading: false, error };
  const skipped = s.skipped[id];
  if (skipped) return { loading: false, reason: skipReasonText[skipped] };
  const stale = s.stale ? { stale: true } : {};
  const byPort = s.outputs[id];
  if (outPorts.length === 0) {
    // An end of a branch (a channel without outputs): it shows the records it receives.
    const known = incoming.filter((t) => t.count !== undefined);
    if (known.length === 0) return s.stale ? loadingActivity : { loading: false };
    return { loading: false, count: known.reduce((sum, t) => sum + t.count!, 0), ...stale };
  }
  if (!byPort) return s.stale ? loadingActivity : { loading: false };
  if (outPorts.length === 1) {
    const count = byPort[outPorts[0]!.id];
    return count === undefined ? { loading: false } : { loading: false, count, ...stale };
  }
  const outputs: OutputCount[] = outPorts
    .filter((p) => byPort[p.id] !== undefined)
    .map((p) => ({ port: p.id, label: p.label, count: byPort[p.id]! }));
  // Several outputs (split, fork): the node shows the records it works on, which is what its
  // outputs share out (their sum would count a fork's copies twice); the tooltip lists each output.
  const known = incoming.filter((t) => t.count !== undefined);
  const count = known.length > 0 ? known.reduce((sum, t) => sum + t.count!, 0) : outputs.reduce((sum, o) => sum + o.count, 0);
  return { loading: false, count, outputs, ...stale };
}

/** `previous` when it says the same as `next`, so that identity means "unchanged". */
function keep<T extends TransitionCount | ActivityCount>(previous: T | undefined, next: T): T {
  return previous !== undefined && sameEntry(previous, next) ? previous : next;
}

function sameEntry(a: TransitionCount | ActivityCount, b: TransitionCount | ActivityCount): boolean {
  if (a === b) return true;
  if (a.loading !== b.loading || a.count !== b.count || a.stale !== b.stale || a.reason !== b.reason || a.error !== b.error) return false;
  const ao = 'outputs' in a ? a.outputs : undefined;
  const bo = 'outputs' in b ? b.outputs : undefined;
  if (ao === bo) return true;
  if (!ao || !bo || ao.length !== bo.length) return false;
  return ao.every((o, i) => o.port === bo[i]!.port && o.label === bo[i]!.label && o.count === bo[i]!.count);
}
