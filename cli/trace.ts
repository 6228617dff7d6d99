import type { CampaignDoc } from '../src/domain/campaign';
import type { Engine } from '../src/engine/engine';
import type { RecordTrace, TraceCondition } from '../src/engine/trace/trace-types';
import { oneLine } from '../src/domain/one-line';

/** How `trace` prints: the engine's trace as JSON, or one block per activity for a person. */
export type TraceFormat = 'json' | 'text';

/**
 * The trace of one record (docs/trace.md), computed by the engine's trace request after the
 * campaign's counts (with the simulation when asked, so that channels show their events).
 */
export async function traceCommand(engine: Engine, doc: CampaignDoc, key: string, options: { format: TraceFormat; simulate: boolean; json: (v: unknown) => string }): Promise<{ stdout: string; code: number }> {
  await engine.counts(doc, { simulate: options.simulate });
  const trace = await engine.trace(doc, key, { simulate: options.simulate });
  const { elapsedMs: _elapsed, ...stable } = trace;
  return { stdout: options.format === 'json' ? `${options.json(stable)}\n` : traceText(trace), code: 0 };
}

const mark = (c: TraceCondition) => `${c.value === null ? '?' : c.value ? 'true ' : 'false'}${c.decided ? ' (decided)' : ''}`;

/** The trace as text: the record, then each activity with its status, reason and details. */
export function traceText(trace: RecordTrace): string {
  const lines = [`${trace.dimension} ${trace.key}${trace.found ? `: ${oneLine(trace.label)}` : ': no such record'}`];
  for (const a of trace.activities) {
    lines.push('', `${oneLine(a.label || a.type)} (${oneLine(a.activityId)}): ${a.status}. ${oneLine(a.reason)}`);
    for (const r of a.rules ?? []) {
      lines.push(`  ${oneLine(r.title)} (${r.combinator}): ${r.value === null ? 'not tested' : r.value}`);
      for (const c of r.conditions) lines.push(`    ${mark(c)}  ${oneLine(c.label)}`);
    }
    for (const i of a.inputs ?? []) lines.push(`  ${i.held ? 'held by' : 'not in '}  ${oneLine(i.from)}`);
    if (a.eligibility) lines.push(`  eligibility: ${a.eligibility.label}${a.eligibility.address ? ` (${oneLine(a.eligibility.address)})` : ''}`);
    for (const e of a.timeline ?? []) lines.push(`  ${e.at ?? '-'}  ${e.event}${e.detail ? ` ${oneLine(e.detail)}` : ''}`);
    // After a Change dimension: each record linked to the traced one, with its own reasons.
    for (const r of a.linked?.records ?? []) {
      lines.push(`  ${oneLine(a.linked!.dimension)} ${oneLine(r.key)}${r.name ? ` (${oneLine(r.name)})` : ''}: ${r.status}. ${oneLine(r.reason)}`);
      for (const rule of r.rules ?? []) {
        lines.push(`    ${oneLine(rule.title)} (${rule.combinator}): ${rule.value === null ? 'not tested' : rule.value}`);
        for (const c of rule.conditions) lines.push(`      ${mark(c)}  ${oneLine(c.label)}`);
      }
      for (const i of r.inputs ?? []) lines.push(`    ${i.held ? 'held by' : 'not in '}  ${oneLine(i.from)}`);
      if (r.eligibility) lines.push(`    eligibility: ${r.eligibility.label}${r.eligibility.address ? ` (${oneLine(r.eligibility.address)})` : ''}`);
      for (const e of r.timeline ?? []) lines.push(`    ${e.at ?? '-'}  ${e.event}${e.detail ? ` ${oneLine(e.detail)}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
