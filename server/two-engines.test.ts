import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { EngineClient } from '../src/engine/client';
import type { CampaignDoc } from '../src/domain/campaign';
import { parseCampaignValue } from '../src/domain/serialization';
import { campaignTemplates, templateDoc } from '../src/templates';
import { eventTableNames } from '../src/engine/simulation/event-tables';
import { activityArb, documentOf, ruleSets, transitionArb, type RuleName } from '../src/engine/testing/campaign-arbitraries';
import { campaign } from '../src/engine/testing/fixture';
import { fixtureSource } from '../src/engine/testing/fixture-source';
import { withoutTimings } from '../src/engine/testing/comparable';
import { twoEngines, type TwoEngines } from './two-engines';

/**
 * The browser's engine (DuckDB-WASM behind the worker protocol) and the server's (native DuckDB
 * behind HTTP) give the same answers: every count, every preview row, every simulation event and
 * report figure. Each answer is asked of both and compared whole (timings left out).
 */

/** What an engine answers to a request: its result, or its error's message. */
async function answer<T>(ask: (engine: EngineClient) => Promise<T>, engine: EngineClient): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: withoutTimings(await ask(engine)) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function same<T>(engines: TwoEngines, what: string, ask: (engine: EngineClient) => Promise<T>): Promise<{ ok: T } | { error: string }> {
  const [browser, server] = [await answer(ask, engines.browser), await answer(ask, engines.server)];
  expect(server, what).toEqual(browser);
  return browser;
}

/** Counts, then the preview of every transition that has a count. */
async function countsAndPreviews(engines: TwoEngines, doc: CampaignDoc, simulate = false): Promise<number> {
  const counts = await same(engines, `counts of ${doc.name}`, (e) => e.counts(doc, undefined, { simulate }));
  if (!('ok' in counts)) return 0;
  const counted = Object.keys(counts.ok.counts);
  for (const t of counted) await same(engines, `preview of ${t} in ${doc.name}`, (e) => e.preview(doc, t, 1000));
  return counted.length;
}

describe('on the fixture', () => {
  let engines: TwoEngines;
  beforeAll(async () => {
    engines = await twoEngines(fixtureSource());
  });
  afterAll(async () => engines.close());

  test('the data loads the same', async () => {
    await same(engines, 'dataset', (e) => e.dataset());
    for (const entity of ['profiles', 'purchases', 'products', 'accounts']) await same(engines, `rows of ${entity}`, (e) => e.entityRows(entity, 100));
    await same(engines, 'distribution', (e) => e.distribution('profiles', 'country'));
  });

  test('random campaigns get the same counts and previews, or the same problems', async () => {
    let campaigns = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(activityArb, { minLength: 1, maxLength: 6, selector: (a) => a.id }), fc.uniqueArray(transitionArb, { maxLength: 7, selector: (t) => t.id }), async (acts, trs) => {
        const parsed = parseCampaignValue(documentOf(acts, trs));
        if (!parsed.ok) return;
        campaigns++;
        await countsAndPreviews(engines, parsed.doc);
        await same(engines, 'sql', (e) => e.sql(parsed.doc));
      }),
      { numRuns: 60, seed: 15 },
    );
    // Not vacuous: campaigns were counted and previewed, not only refused.
    expect(campaigns).toBeGreaterThan(5);
  }, 120_000);

  test('random well-formed campaigns (audiences combined, forked, ended) get the same counts and previews', async () => {
    let transitions = 0;
    const audiences = fc.array(fc.constantFrom<RuleName>('FR', 'HIGH', 'OPT', 'US'), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(audiences, fc.constantFrom('union', 'intersection', 'exclusion'), fc.boolean(), async (names, mode, fork) => {
        const doc = campaign(
          [
            ...names.map((n, i) => ({ id: `q${i}`, type: 'build-audience', config: { targetDimension: 'profiles', rule: ruleSets[n].rule, emitWhenEmpty: true } })),
            { id: 'c', type: 'combine', config: { mode } },
            { id: 'f', type: 'fork', config: { branches: [{ id: 'b1', label: 'b1' }, { id: 'b2', label: 'b2' }] } },
            { id: 'e1', type: 'end' },
            { id: 'e2', type: 'end' },
          ],
          [
            ...names.map((_, i): [string, string, string] => [`t${i}`, `q${i}`, 'c']),
            ...(fork ? ([['tc', 'c', 'f'], ['tb1', 'f', 'e1', 'b1'], ['tb2', 'f', 'e2', 'b2']] as [string, string, string, string?][]) : ([['tc', 'c', 'e1']] as [string, string, string][])),
          ],
        );
        transitions += await countsAndPreviews(engines, doc);
      }),
      { numRuns: 15, seed: 7 },
    );
    expect(transitions).toBeGreaterThan(30);
  }, 120_000);
});

describe('on the sample data', () => {
  let engines: TwoEngines;
  beforeAll(async () => {
    engines = await twoEngines({ kind: 'sample', profiles: 1000, seed: 42 });
  });
  afterAll(async () => engines.close());

  test.each(campaignTemplates.map((t) => [t.id, t] as const))('the %s template: counts, previews, simulation events and report', async (_, template) => {
    const doc = templateDoc(template);
    expect(await countsAndPreviews(engines, doc, true)).toBeGreaterThan(0);
    for (const table of eventTableNames) {
      const page = await same(engines, `${table} events`, (e) => e.events(doc, table, { csv: true }));
      if (table === 'feedback' && 'ok' in page) expect(page.ok.total).toBeGreaterThan(0);
    }
    await same(engines, 'report', (e) => e.report(doc));
    await same(engines, 'event tables', (e) => e.eventTables(doc));
  }, 120_000);

  test('a recorded run, its saved audiences and the run history are the same', async () => {
    const doc = templateDoc(campaignTemplates.find((t) => t.id === 'win-back')!);
    await same(engines, 'record a run', (e) => e.recordRun(doc, '2025-06-30T09:00:00'));
    await same(engines, 'runs', (e) => e.runs(doc.id));
    const saved = await same(engines, 'saved audiences', (e) => e.savedAudiences());
    expect('ok' in saved && saved.ok.audiences.length).toBeGreaterThan(0);
    await same(engines, 'simulated run', (e) => e.simulateRun(doc, 'run-1', '2025-07-01T09:00'));
    await same(engines, 'simulated run events', (e) => e.simulatedRunEvents('run-1', 'feedback', { csv: true }));
  }, 120_000);
});
