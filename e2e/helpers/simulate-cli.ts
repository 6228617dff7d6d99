import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignDoc } from '../../src/domain/campaign';
import { runCli } from '../../cli/run';

/**
 * The command line's simulation of `doc` (`campaign simulate --json`) on the same sample data as
 * the page, run in the test's own process: figures per activity id, and with `events` the event
 * tables it writes as CSV (file name -> lines, header included).
 */
export async function cliSimulation(doc: CampaignDoc, profiles = 10_000): Promise<{ figures: Record<string, Record<string, number>>; events: Record<string, string[]> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-simulate-'));
  const file = join(dir, 'campaign.json');
  const events = join(dir, 'events');
  writeFileSync(file, JSON.stringify(doc));
  const run = await runCli(['simulate', file, '--profiles', String(profiles), '--json', '--events', events]);
  if (!run.stdout.trim().startsWith('{')) throw new Error(`campaign simulate failed (${run.code}): ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as { figures?: Record<string, Record<string, number>> } & Record<string, Record<string, number>>;
  const tables: Record<string, string[]> = {};
  for (const name of readdirSync(events)) tables[name] = readFileSync(join(events, name), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  return { figures: parsed.figures ?? parsed, events: tables };
}

/**
 * The command line's report of `doc` (`campaign report --format json`) on the same sample data as
 * the page: every metric of the registry the campaign has, by id, with its label and value (rates
 * 0–1, null over nothing).
 */
export async function cliReport(doc: CampaignDoc, profiles = 10_000): Promise<{ id: string; label: string; kind: 'count' | 'rate'; value: number | null }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-report-'));
  const file = join(dir, 'campaign.json');
  writeFileSync(file, JSON.stringify(doc));
  const run = await runCli(['report', file, '--profiles', String(profiles), '--format', 'json']);
  if (!run.stdout.trim().startsWith('{')) throw new Error(`campaign report failed (${run.code}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { metrics: { id: string; label: string; kind: 'count' | 'rate'; value: number | null }[] }).metrics;
}
