import type { CampaignDoc } from '../../domain/campaign';
import { getActivityDef } from '../../activities/registry';
import { branchName, portsOf } from '../../domain/ports';
import { byId, idRecord } from '../../domain/ids';
import type { Problem } from '../../domain/problems';
import type { SkipReason } from '../../engine/compile/compile-campaign';
import { lastCountText, notEmittedText, skipReasonText, waitingText, type ActivityCount, type OutputCount, type TransitionCount } from './count-types';
import { judgeEngineError, type EngineVerdict } from './engine-messages';

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
 * `problemsOf` gives each activity's validation problems: an engine error they already explain is
 * told as "fix these problems" rather than as a failed query, so that one defect is told once.
 */
export function deriveCounts(
  doc: CampaignDoc,
  snapshot: CountsSnapshot | undefined,
  previous?: DerivedCounts,
  problemsOf?: (activityId: string) => readonly Problem[] | undefined,
): DerivedCounts {
  const transitions = idRecord<TransitionCount>();
  const activities = idRecord<ActivityCount>();
  // The answer crossed from the worker as plain objects: keyed by ids again without a prototype,
  // so that an id such as `constructor` reads its own entry, never Object.prototype's.
  const snap = snapshot && ownedSnapshot(snapshot);
  const why = snap ? explainer(doc, snap, problemsOf) : undefined;
  for (const t of doc.transitions) {
    const next = snap && why ? transitionEntry(t.id, t.source.activityId, t.source.port, snap, why) : loadingTransition;
    const before = byId(previous?.transitions, t.id);
    transitions[t.id] = keep(before, keptWhileIncomplete(next, before));
  }
  // Incoming transitions grouped once: a search per activity is quadratic on a large campaign.
  const incomingOf = new Map<string, TransitionCount[]>();
  const inboundOf = new Map<string, CampaignDoc['transitions']>();
  for (const t of doc.transitions) {
    const list = incomingOf.get(t.target.activityId);
    if (list) list.push(transitions[t.id]!);
    else incomingOf.set(t.target.activityId, [transitions[t.id]!]);
    const inbound = inboundOf.get(t.target.activityId);
    if (inbound) inbound.push(t);
    else inboundOf.set(t.target.activityId, [t]);
  }
  for (const a of doc.activities) {
    let next: ActivityCount = loadingActivity;
    if (snap && why) {
      const incoming = incomingOf.get(a.id) ?? [];
      next = withLeftOut(a, inboundOf.get(a.id) ?? [], activityEntry(a.id, portsOf(a).out, incoming, snap, why), transitions, snap);
      next = keptWhileIncomplete(next, byId(previous?.activities, a.id));
    }
    activities[a.id] = keep(byId(previous?.activities, a.id), next);
  }
  return { transitions, activities };
}

/**
 * An activity whose settings became incomplete (a condition just added, its field not chosen yet)
 * keeps the count it had, dimmed, rather than losing it for a moment: the marketer is still
 * writing the rule. So do its transitions and everything after it, which have no count for the
 * same reason. An error, or an entry never counted, has nothing to keep.
 */
function keptWhileIncomplete<T extends ActivityCount | TransitionCount>(next: T, previous: T | undefined): T {
  if (next.incomplete === undefined || next.count !== undefined || previous?.count === undefined) return next;
  // An activity keeps what it told with that count too: its outputs and the records it left out.
  const outputs = 'outputs' in previous ? previous.outputs : undefined;
  const leftOut = 'leftOut' in previous ? previous.leftOut : undefined;
  return { ...next, count: previous.count, ...(outputs ? { outputs } : {}), ...(leftOut ? { leftOut } : {}), stale: true, lastCount: true };
}

function ownedSnapshot(s: CountsSnapshot): CountsSnapshot {
  const outputs = idRecord<Record<string, number>>();
  for (const [id, byPort] of Object.entries(s.outputs)) outputs[id] = idRecord(byPort);
  return { counts: idRecord(s.counts), errors: idRecord(s.errors), skipped: idRecord(s.skipped), outputs, stale: s.stale };
}

/** Why an activity has no count, as its own entry and as the entry of the transitions leaving it. */
interface NoCount {
  activity: ActivityCount;
  transition: TransitionCount;
}

/**
 * Explains the activities that have no count: an engine error read next to the activity's problems,
 * a skipped activity with the reason, and one skipped because of an activity before it with the
 * name of that activity and what is the matter with it.
 */
function explainer(doc: CampaignDoc, s: CountsSnapshot, problemsOf?: (activityId: string) => readonly Problem[] | undefined) {
  const labels = new Map(doc.activities.map((a) => [a.id, a.label]));
  const verdicts = new Map<string, EngineVerdict>();
  for (const [id, raw] of Object.entries(s.errors)) verdicts.set(id, judgeEngineError(raw, problemsOf?.(id)));
  const sources = new Map<string, CampaignDoc['transitions']>();
  for (const t of doc.transitions) sources.set(t.target.activityId, [...(sources.get(t.target.activityId) ?? []), t]);
  const memo = new Map<string, NoCount | undefined>();

  const own = (id: string): NoCount | undefined => {
    const verdict = verdicts.get(id);
    const name = `“${labels.get(id) ?? id}”`;
    if (verdict) {
      switch (verdict.kind) {
        case 'needs-run': {
          const entry = { loading: false, needsRun: true, reason: verdict.reason };
          return { activity: entry, transition: entry };
        }
        case 'problems': {
          const technical = { fromProblems: true, ...(verdict.technical !== undefined ? { technical: verdict.technical } : {}) };
          return verdict.severity === 'error'
            ? {
                activity: { loading: false, error: 'No count until the errors of this activity are fixed.', ...technical },
                transition: { loading: false, error: `No count: ${name} has an error to fix. ${verdict.first}`, ...technical },
              }
            : {
                activity: { loading: false, reason: 'No count until the settings of this activity are complete.', incomplete: lastCountText(), ...technical },
                transition: {
                  loading: false,
                  reason: `No count: ${name} is not set up yet. ${verdict.first}`,
                  incomplete: lastCountText(labels.get(id) ?? id),
                  ...technical,
                },
              };
        }
        case 'failed': {
          const entry = { loading: false, error: verdict.text, ...(verdict.technical !== undefined ? { technical: verdict.technical } : {}) };
          return { activity: entry, transition: entry };
        }
      }
    }
    const skipped = s.skipped[id];
    if (!skipped) return undefined;
    if (skipped === 'upstream') {
      const waiting = waitingFor(id);
      if (waiting) return { activity: waiting, transition: waiting };
      const cause = causeBefore(id);
      const entry = cause ?? { loading: false, reason: skipReasonText.upstream };
      return { activity: entry, transition: entry };
    }
    const entry = { loading: false, reason: skipReasonText[skipped] };
    return { activity: entry, transition: entry };
  };

  // An activity with several inputs waits for every branch: the branches not emitted, by name.
  const waitingFor = (id: string): ActivityCount | undefined => {
    const inbound = sources.get(id) ?? [];
    if (inbound.length < 2) return undefined;
    const missing = inbound.filter((t) => s.counts[t.id] === undefined && s.outputs[t.source.activityId]?.[t.source.port] === 0);
    if (missing.length === 0) return undefined;
    return { loading: false, waiting: true, reason: waitingText(missing.map((t) => branchName(doc.activities, t))) };
  };

  // The nearest activity before `id` that has no count for a reason of its own, told from `id`'s side.
  const causeBefore = (id: string): TransitionCount | undefined => {
    const seen = new Set([id]);
    let layer = sources.get(id) ?? [];
    while (layer.length > 0) {
      const next: CampaignDoc['transitions'] = [];
      for (const t of layer) {
        const before = t.source.activityId;
        // An empty output that is not emitted: what follows it does not run.
        if (s.counts[t.id] === undefined && s.outputs[before]?.[t.source.port] === 0)
          return { loading: false, reason: `No count: “${labels.get(before) ?? before}” before this one has no records to pass on.` };
        if (seen.has(before)) continue;
        seen.add(before);
        const name = `“${labels.get(before) ?? before}”`;
        const verdict = verdicts.get(before);
        if (verdict?.kind === 'needs-run') return { loading: false, needsRun: true, reason: `${name} before this one reads message results, which exist once the campaign is simulated.` };
        if (verdict?.kind === 'problems')
          return verdict.severity === 'error'
            ? { loading: false, reason: `No count: ${name} before this one has an error to fix.` }
            : { loading: false, reason: `No count: ${name} before this one is not set up yet.`, incomplete: lastCountText(labels.get(before) ?? before) };
        if (verdict?.kind === 'failed') return { loading: false, reason: `No count: the query of ${name} before this one failed.` };
        if (s.skipped[before] === 'disabled') return { loading: false, reason: `No count: ${name} before this one is disabled.` };
        if (s.skipped[before] === 'upstream') next.push(...(sources.get(before) ?? []));
      }
      layer = next;
    }
    return undefined;
  };

  return (id: string): NoCount | undefined => {
    if (!memo.has(id)) memo.set(id, own(id));
    return memo.get(id);
  };
}

function transitionEntry(id: string, source: string, port: string, s: CountsSnapshot, why: (id: string) => NoCount | undefined): TransitionCount {
  const none = why(source);
  if (none) return none.transition;
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
  why: (id: string) => NoCount | undefined,
): ActivityCount {
  const none = why(id);
  const stale = s.stale ? { stale: true } : {};
  // An End computes nothing (the engine skips it as having no output), yet it receives records:
  // it shows them, like a channel at the end of a branch, rather than a node with no count.
  if (s.skipped[id] === 'no-output' && outPorts.length === 0) {
    const known = incoming.filter((t) => t.count !== undefined);
    if (known.length > 0) return { loading: false, count: known.reduce((sum, t) => sum + t.count!, 0), ...stale };
  }
  if (none) return none.activity;
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

/**
 * Adds what the activity loses without a trace (its definition's `leftOut`), once every inbound
 * transition and every output of it is counted: from the engine's counts, nothing recomputed.
 */
function withLeftOut(
  activity: CampaignDoc['activities'][number],
  inbound: CampaignDoc['transitions'],
  entry: ActivityCount,
  transitions: Record<string, TransitionCount>,
  s: CountsSnapshot,
): ActivityCount {
  const def = getActivityDef(activity.type);
  const outputs = byId(s.outputs, activity.id);
  if (!def?.leftOut || entry.count === undefined || !outputs || inbound.length === 0) return entry;
  const counts = idRecord<number>();
  for (const t of inbound) {
    const count = byId(transitions, t.id)?.count;
    if (count === undefined) return entry;
    counts[t.id] = count;
  }
  const leftOut = def.leftOut(activity.config, { inbound: counts, outputs });
  return leftOut ? { ...entry, leftOut } : entry;
}

/** `previous` when it says the same as `next`, so that identity means "unchanged". */
function keep<T extends TransitionCount | ActivityCount>(previous: T | undefined, next: T): T {
  return previous !== undefined && sameEntry(previous, next) ? previous : next;
}

function sameEntry(a: TransitionCount | ActivityCount, b: TransitionCount | ActivityCount): boolean {
  if (a === b) return true;
  if (a.loading !== b.loading || a.count !== b.count || a.stale !== b.stale || a.reason !== b.reason || a.error !== b.error) return false;
  if (a.needsRun !== b.needsRun || a.fromProblems !== b.fromProblems || a.technical !== b.technical || a.waiting !== b.waiting) return false;
  if (a.lastCount !== b.lastCount || a.incomplete !== b.incomplete) return false;
  const al = 'leftOut' in a ? a.leftOut : undefined;
  const bl = 'leftOut' in b ? b.leftOut : undefined;
  if (al?.count !== bl?.count || al?.text !== bl?.text) return false;
  const ao = 'outputs' in a ? a.outputs : undefined;
  const bo = 'outputs' in b ? b.outputs : undefined;
  if (ao === bo) return true;
  if (!ao || !bo || ao.length !== bo.length) return false;
  return ao.every((o, i) => o.port === bo[i]!.port && o.label === bo[i]!.label && o.count === bo[i]!.count);
}
