// The workload the scale benchmark times on each engine: the reference campaign
// (bench/reference-campaign.json) on the sample data, as a marketer meets it. Loading, every count
// from cold, a rule edit and its recount, and Calculate (one Build audience), the last two as the
// engine suite measures them in the browser.
import { readFileSync } from 'node:fs';
import type { CampaignDoc } from '../../src/domain/campaign';
import type { ConditionGroup } from '../../src/domain/rule';
import { parseCampaign } from '../../src/domain/serialization';
import { RULE_DOC_IDS, ruleDoc } from '../../src/query-modeler/rule-doc';
import { median, percentile, round } from '../stats.mjs';
import type { EngineTarget } from './engine-target';

const parsed = parseCampaign(readFileSync(new URL('../reference-campaign.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('the reference campaign does not parse');
export const referenceCampaign: CampaignDoc = parsed.doc;

/** "Enterprise contacts" with at least `employees` employees: the edit the engine suite makes. */
export function withEmployees(doc: CampaignDoc, employees: number): CampaignDoc {
  return {
    ...doc,
    activities: doc.activities.map((a) => {
      if (a.id !== 'ref_enterprise') return a;
      const rule = a.config.rule as ConditionGroup;
      return { ...a, config: { ...a.config, rule: { ...rule, children: rule.children.map((c) => (c.id === 'c_emp' ? { ...c, value: employees } : c)) } } };
    }),
  };
}

/** The rule Calculate counts: enterprise accounts of at least `employees` employees. */
function calculateRule(employees: number): ConditionGroup {
  return {
    kind: 'group',
    id: 'root',
    combinator: 'and',
    children: [
      { kind: 'attribute', id: 'c_tier', path: ['account', 'tier'], operator: 'equals', value: 'enterprise' },
      { kind: 'attribute', id: 'c_emp', path: ['account', 'employees'], operator: 'gte', value: employees },
    ],
  } as ConditionGroup;
}

const since = (t: number) => performance.now() - t;

/** Waits until no table of the data in use is still loading in the background. */
async function fullyLoaded(target: EngineTarget): Promise<void> {
  for (;;) {
    const info = await target.request('dataset', {});
    if ((info.loading ?? []).length === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface WorkloadOptions {
  /** Load the sample data of this size first (an engine started empty or on other data). */
  load?: number;
  edits: number;
  /** When the engine was started (the benchmark's clock), for the load figures; now by default. */
  startedAt?: number;
}

/** Times the workload on one engine. Every number is from the benchmark's clock, in ms. */
export async function runWorkload(target: EngineTarget, options: WorkloadOptions) {
  const out: Record<string, unknown> = { engine: target.label };
  const startedAt = options.startedAt ?? performance.now();
  let t = performance.now();
  if (options.load !== undefined) {
    const loaded = await target.request('load', { source: { kind: 'sample', profiles: options.load, seed: 42 } });
    if (!loaded.ok) throw new Error(`the sample data did not load: ${JSON.stringify(loaded.problems)}`);
    out.readyMs = round(since(startedAt));
  }
  // The large tables load in the background after `ready`; counts that read them wait for them.
  await fullyLoaded(target);
  out.allDataLoadedMs = round(since(startedAt));
  const info = await target.request('dataset', {});
  out.rows = Object.values(info.rowCounts).reduce((a, b) => a + b, 0);

  t = performance.now();
  const cold = await target.request('counts', { doc: referenceCampaign });
  out.allCountsColdMs = round(since(t));
  out.transitionsCounted = Object.keys(cold.counts).length;
  if (Object.keys(cold.errors).length > 0) throw new Error(`the reference campaign has errors on ${target.label}: ${JSON.stringify(cold.errors)}`);
  out.countsChecksum = checksum(cold.counts);

  const edits: number[] = [];
  for (let i = 0; i < options.edits; i++) {
    t = performance.now();
    await target.request('counts', { doc: withEmployees(referenceCampaign, 60 + i) });
    edits.push(since(t));
  }
  out.editToCountsMs = { p95: percentile(edits, 95), median: median(edits), edits: edits.length };

  const calculations: number[] = [];
  for (let i = 0; i < options.edits; i++) {
    t = performance.now();
    await target.request('preview', { doc: ruleDoc(calculateRule(200 + i), 'profiles'), transitionId: RULE_DOC_IDS.transition, limit: 0 });
    calculations.push(since(t));
  }
  out.calculateMs = { p95: percentile(calculations, 95), median: median(calculations), runs: calculations.length };
  out.peakMemoryMB = target.peakMemoryMB();
  return out;
}

/** A short fingerprint of every transition's count, so that engines can be seen to agree. */
function checksum(transitions: Record<string, unknown>): string {
  const text = JSON.stringify(Object.entries(transitions).sort(([a], [b]) => a.localeCompare(b)));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
