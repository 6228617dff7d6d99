import type { CampaignDoc } from '../campaign';
import type { Problem } from '../problems';
import { indexGraph, topologicalOrder } from '../graph';
import { getActivityDef } from '../../activities/registry';
import { alertNotice, type AlertNotice } from '../../activities/alert/definition';

/**
 * Test mode on a draft (docs/lifecycle.md#test-mode): every activity runs in topological order
 * except Save audience (never saved) and the channels, and the run pauses before the first channel.
 * Resume goes past the pause: channels then make test sends only, never events in reports. The
 * figures are the engine's counts of the campaign (what each transition carries), read once at
 * Start: this module only tells, from them, where the run is and what each activity did.
 */

export type TestPhase = 'idle' | 'running' | 'paused' | 'done' | 'stopped' | 'failed';
export type NodeTestStatus = 'pending' | 'running' | 'done' | 'paused' | 'failed' | 'skipped';

/** What the engine computed for the run (a subset of its counts result). */
export interface TestCounts {
  counts: Readonly<Record<string, number>>;
  errors: Readonly<Record<string, string>>;
  outputs?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface NodeTestState {
  status: NodeTestStatus;
  recordsIn?: number;
  recordsOut?: number;
  warnings: string[];
  errors: string[];
}

export interface TestRun {
  phase: TestPhase;
  /** The draft as it was at Start: the run never follows later edits (Restart takes them). */
  doc: CampaignDoc | null;
  /** Problems of that draft (validation), shown on their activities. */
  problems: readonly Problem[];
  result: TestCounts | null;
  /** Resume was pressed: the channels and what follows them ran (test sends only). */
  resumed: boolean;
  /** Why the run failed as a whole (the engine could not compute). */
  failure?: string;
}

export type TestEvent =
  | { type: 'start'; doc: CampaignDoc; problems: readonly Problem[] }
  | { type: 'computed'; result: TestCounts }
  | { type: 'failed'; message: string }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'restart'; doc: CampaignDoc; problems: readonly Problem[] };

export const idleRun: TestRun = { phase: 'idle', doc: null, problems: [], result: null, resumed: false };

/** The one transition function of test mode. An event that does not apply leaves the run as it is. */
export function testModeStep(run: TestRun, event: TestEvent): TestRun {
  switch (event.type) {
    case 'start':
      return run.phase === 'running' || run.phase === 'paused' ? run : { ...idleRun, phase: 'running', doc: event.doc, problems: event.problems };
    case 'restart':
      return run.phase === 'idle' ? run : { ...idleRun, phase: 'running', doc: event.doc, problems: event.problems };
    case 'computed': {
      if (run.phase !== 'running' || !run.doc) return run;
      const next = { ...run, result: event.result };
      return { ...next, phase: Object.values(nodeStates(next)).some((n) => n.status === 'paused') ? 'paused' : 'done' };
    }
    case 'failed':
      return run.phase === 'running' ? { ...run, phase: 'failed', failure: event.message } : run;
    case 'resume':
      return run.phase === 'paused' ? { ...run, phase: 'done', resumed: true } : run;
    case 'stop':
      return run.phase === 'running' || run.phase === 'paused' ? { ...run, phase: 'stopped' } : run;
  }
}

/** Activities the test run never executes: channels pause it, Save audience is never saved. */
export function heldKind(type: string): 'channel' | 'save' | null {
  if (type === 'save-audience') return 'save';
  return getActivityDef(type)?.meta.category === 'channel' ? 'channel' : null;
}

/**
 * The state of every activity of the run's draft, in topological order: pending until the engine
 * answers (running meanwhile), then done, failed, paused (a channel before Resume) or skipped.
 * An activity is only reached when every activity before it is done or skipped.
 */
export function nodeStates(run: TestRun): Record<string, NodeTestState> {
  const states: Record<string, NodeTestState> = {};
  const doc = run.doc;
  if (!doc) return states;
  const g = indexGraph(doc);
  const byActivity = new Map<string, Problem[]>();
  for (const p of run.problems) if (p.activityId) byActivity.set(p.activityId, [...(byActivity.get(p.activityId) ?? []), p]);
  for (const activity of topologicalOrder(doc).order) {
    const own = byActivity.get(activity.id) ?? [];
    const base = { warnings: own.filter((p) => p.severity === 'warning').map((p) => p.message), errors: own.filter((p) => p.severity === 'error').map((p) => p.message) };
    const incoming = g.incoming.get(activity.id) ?? [];
    const reached = incoming.every((t) => ['done', 'skipped'].includes(states[t.source.activityId]?.status ?? 'pending'));
    const r = run.result;
    if (!r || !reached) {
      states[activity.id] = { ...base, status: r || run.phase !== 'running' ? 'pending' : 'running' };
      continue;
    }
    if (activity.disabled) {
      states[activity.id] = { ...base, status: 'skipped', warnings: [...base.warnings, 'Disabled: it does not run.'] };
      continue;
    }
    const recordsIn = incoming.reduce((n, t) => n + (r.counts[t.id] ?? 0), 0);
    const outs = Object.entries(r.outputs?.[activity.id] ?? {}).filter(([port]) => !port.startsWith('@'));
    const recordsOut = outs.length > 0 ? outs.reduce((n, [, v]) => n + v, 0) : (g.outgoing.get(activity.id) ?? []).reduce((n, t) => n + (r.counts[t.id] ?? 0), 0);
    const engineError = r.errors[activity.id];
    if (engineError !== undefined || base.errors.length > 0) {
      states[activity.id] = { ...base, status: 'failed', recordsIn, errors: engineError !== undefined && !base.errors.includes(engineError) ? [...base.errors, engineError] : base.errors };
      continue;
    }
    const held = heldKind(activity.type);
    if (held === 'save') {
      states[activity.id] = { ...base, status: 'skipped', recordsIn, recordsOut, warnings: [...base.warnings, 'Test mode never saves an audience: records pass on, nothing is saved.'] };
      continue;
    }
    if (held === 'channel' && !run.resumed) {
      states[activity.id] = { ...base, status: 'paused', recordsIn };
      continue;
    }
    states[activity.id] = {
      ...base,
      status: 'done',
      // An activity that starts a branch reads the data, not records coming in.
      ...(incoming.length > 0 ? { recordsIn } : {}),
      recordsOut,
      ...(held === 'channel' ? { warnings: [...base.warnings, 'Test sends only: no message is sent and no event reaches the reports.'] } : {}),
    };
  }
  return states;
}

/** The Alert activities the run reached with records, in the order it reached them. */
export function reachedAlerts(run: TestRun, states: Readonly<Record<string, NodeTestState>> = nodeStates(run)): AlertNotice[] {
  if (!run.doc) return [];
  return topologicalOrder(run.doc)
    .order.filter((a) => a.type === 'alert' && states[a.id]?.status === 'done')
    .map((a) => alertNotice(a, states[a.id]?.recordsIn ?? 0))
    .filter((n): n is AlertNotice => n !== null);
}

/** One line on where the run is, for the bar and screen readers. */
export function describeRun(run: TestRun, states: Readonly<Record<string, NodeTestState>> = nodeStates(run)): string {
  const list = Object.values(states);
  const count = (s: NodeTestStatus) => list.filter((n) => n.status === s).length;
  switch (run.phase) {
    case 'idle':
      return 'Not testing';
    case 'running':
      return 'Testing…';
    case 'paused': {
      const paused = run.doc?.activities.filter((a) => states[a.id]?.status === 'paused').map((a) => a.label) ?? [];
      return `Paused before ${paused.length === 1 ? `the channel “${paused[0]}”` : `${paused.length} channels`}: ${count('done')} done`;
    }
    case 'done':
      return `Test done: ${count('done')} done${count('failed') ? `, ${count('failed')} failed` : ''}`;
    case 'stopped':
      return 'Test stopped';
    case 'failed':
      return `Test failed: ${run.failure ?? 'the engine could not compute'}`;
  }
}
