import type { SqlValue } from '../../activities/compile-types';
import { MAX_FOLLOWED, plural, type Followed } from './trace-follow';
import type { ActivityTrace, ChangeTrace, LinkedRecordTrace, TraceStatus } from './trace-types';

/**
 * The lines of the activities that follow records linked to the traced one (after a Change
 * dimension): each linked record traced by the same step as the traced record, then summed up in
 * one line ("2 of the 3 linked bookings are in; 23 out: ..."), and the Change dimension's own line.
 */

type Base = Pick<ActivityTrace, 'activityId' | 'label' | 'type'>;

/** A Change dimension: how many records it linked the followed ones to, and how many it left out. */
export function changeStep(base: Base, change: ChangeTrace, traced: boolean, named: (entity: string) => string = (e) => e): ActivityTrace {
  const from = named(change.from);
  const to = named(change.to);
  const records = (n: number, dimension: string) => `${n} record${n === 1 ? '' : 's'} of ${dimension}`;
  const followed = change.notFollowed > 0 ? `; the trace follows the first ${MAX_FOLLOWED}` : '';
  let status: TraceStatus;
  let reason: string;
  if (change.received === 0) {
    status = 'not-reached';
    reason = change.none ?? (traced ? 'The record did not reach it.' : `None of the linked ${from} reached it.`);
  } else if (change.linked === 0) {
    status = 'out';
    reason = `No ${to} linked to ${traced ? 'this record' : `the ${records(change.received, from)} it received`}: left out, with no linked record.`;
  } else {
    status = 'in';
    const what = traced ? 'this record' : `the ${records(change.received, from)} it received`;
    reason = `${records(change.linked, to)} linked to ${what}${change.unlinked > 0 ? `; ${change.unlinked} with no linked record (left out)` : ''}${followed}.`;
  }
  return { ...base, status, reason, outputs: status === 'in' ? ['out'] : [], change };
}

/** An activity after a Change dimension: each followed record traced alone, then the line that sums them up. */
export async function linkedStep(
  base: Base,
  followed: Followed,
  names: Map<string, string>,
  portLabel: (port: string) => string,
  traceOne: (key: SqlValue) => Promise<ActivityTrace>,
): Promise<ActivityTrace> {
  const dimension = plural(followed.entity);
  const records: LinkedRecordTrace[] = [];
  for (const key of followed.keys) {
    const t = await traceOne(key);
    records.push({
      key: String(key),
      name: names.get(String(key)) ?? '',
      status: t.status,
      reason: t.reason,
      outputs: t.outputs,
      ...(t.rules ? { rules: t.rules } : {}),
      ...(t.inputs ? { inputs: t.inputs } : {}),
      ...(t.duplicateOf ? { duplicateOf: t.duplicateOf } : {}),
      ...(t.criterion ? { criterion: t.criterion } : {}),
      ...(t.eligibility ? { eligibility: t.eligibility } : {}),
      ...(t.timeline ? { timeline: t.timeline } : {}),
    });
  }
  const linked = { dimension: followed.entity.name, records };
  if (records.length === 0) return { ...base, status: 'not-reached', reason: followed.none ?? `No ${dimension} linked to this record.`, outputs: [], linked };
  if (records.every((r) => r.status === 'other-dimension' || r.status === 'not-computed')) return { ...base, status: records[0]!.status, reason: records[0]!.reason, outputs: [], linked };
  const ins = records.filter((r) => r.status === 'in');
  const outs = records.filter((r) => r.status === 'out');
  const away = records.length - ins.length - outs.length;
  const status: TraceStatus = ins.length > 0 ? 'in' : outs.length > 0 ? 'out' : 'not-reached';
  const outputs = [...new Set(ins.flatMap((r) => r.outputs))];
  const named = (r: LinkedRecordTrace) => `${r.key}${r.name ? ` (${r.name})` : ''}`;
  const parts = [
    records.length === 1
      ? `The linked ${dimension} record ${named(records[0]!)} is ${statusText(records[0]!.status)}`
      : ins.length === 0 && outs.length === 0
        ? `None of the ${records.length} linked ${dimension} reached it`
        : `${ins.length} of the ${records.length} linked ${dimension} ${ins.length === 1 ? 'is' : 'are'} in${byOutput(ins, portLabel)}`,
  ];
  if (records.length === 1 && records[0]!.status !== 'not-reached') parts[0] += `: ${records[0]!.reason.replace(/\.$/, '')}`;
  if (records.length > 1) {
    if (outs[0]) parts.push(`${named(outs[0])} out: ${outs[0].reason.replace(/\.$/, '')}${outs.length > 1 ? ` (and ${outs.length - 1} more out)` : ''}`);
    if (away > 0 && (ins.length > 0 || outs.length > 0)) parts.push(`${away} did not reach it`);
  }
  return { ...base, status, reason: `${parts.join('; ')}.`, outputs, linked };
}

/** Where the records that are in went, when they went to more than one output: " (2 to Flight, 1 to Complement)". */
function byOutput(ins: LinkedRecordTrace[], portLabel: (port: string) => string): string {
  const ports = [...new Set(ins.flatMap((r) => r.outputs))];
  if (ports.length < 2) return '';
  return ` (${ports.map((p) => `${ins.filter((r) => r.outputs.includes(p)).length} to ${portLabel(p)}`).join(', ')})`;
}

const statusText = (s: TraceStatus) => (s === 'in' ? 'in' : s === 'out' ? 'out' : 'not reached');
