import { queryOptions } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { hash64, stableStringify } from '../engine/compile/hash';
import type { EngineClient } from '../engine/client';
import { keepableCounts, type KeptCountsStore } from './kept-counts';

/**
 * Query definitions over the engine client, kept apart from the hooks so that they are testable
 * without a browser. Every key starts with `engine` and the dataset version, so loading other data
 * invalidates everything at once.
 */

/**
 * What the counts depend on: activities (type, config, disabled) and transitions, not positions or
 * labels. Moving a node or renaming it does not recompute anything.
 *
 * Every counts, preview and kept-counts hook asks for it on every render; on a campaign of hundreds
 * of activities, serializing it each time kept the main thread busy for whole seconds while a
 * campaign opened. The document's parts are immutable (an edit makes new ones), so the key is
 * remembered per activities array and recomputed only when that array, the transitions or the
 * settings are other objects.
 */
export function campaignComputeKey(
  doc: Pick<CampaignDoc, 'activities' | 'transitions' | 'settings'>,
): string {
  const known = computeKeys.get(doc.activities);
  if (known && known.transitions === doc.transitions && known.settings === doc.settings) return known.key;
  const key = hash64(
    stableStringify({
      activities: doc.activities.map((a) => [a.id, a.type, a.configVersion, a.config, a.disabled]),
      transitions: doc.transitions.map((t) => [t.id, t.source, t.target]),
      seed: doc.settings.seed,
      // A Test activity reads them (as literals in its SQL): a changed value is other counts.
      ...(doc.settings.variables?.length ? { variables: doc.settings.variables } : {}),
    }),
  );
  computeKeys.set(doc.activities, { transitions: doc.transitions, settings: doc.settings, key });
  return key;
}

const computeKeys = new WeakMap<CampaignDoc['activities'], { transitions: CampaignDoc['transitions']; settings: CampaignDoc['settings']; key: string }>();

export const engineKeys = {
  all: ['engine'] as const,
  dataset: () => ['engine', 'dataset'] as const,
  counts: (version: string, computeKey: string) => ['engine', version, 'counts', computeKey] as const,
  preview: (version: string, computeKey: string, transitionId: string, limit: number) =>
    ['engine', version, 'preview', computeKey, transitionId, limit] as const,
  previewSchema: (version: string, computeKey: string, transitionId: string) =>
    ['engine', version, 'schema', computeKey, transitionId] as const,
  sql: (version: string, computeKey: string) => ['engine', version, 'sql', computeKey] as const,
  recipientPreview: (version: string, computeKey: string, transitionId: string, paths: readonly string[], offset: number) =>
    ['engine', version, 'recipient-preview', computeKey, transitionId, paths.join('\u0000'), offset] as const,
  entityRows: (version: string, entity: string, limit: number) =>
    ['engine', version, 'rows', entity, limit] as const,
  distribution: (version: string, entity: string, field: string) =>
    ['engine', version, 'distribution', entity, field] as const,
  runs: (version: string, campaignId: string) => ['engine', version, 'runs', campaignId] as const,
  savedAudiences: (version: string) => ['engine', version, 'saved-audiences'] as const,
};

/**
 * Whether a campaign's counts depend on what other campaigns write (a Build audience reading a saved
 * audience): such counts are refreshed whenever the campaign is shown again, instead of kept.
 */
export function readsSavedAudiences(doc: Pick<CampaignDoc, 'activities'>): boolean {
  return doc.activities.some(
    (a) => a.type === 'build-audience' && (a.config as { source?: unknown }).source === 'audience',
  );
}

/**
 * Whether a query's result follows from the engine's state (saved audiences, runs) rather than from
 * its key alone: everything about campaigns except the dataset itself, the data explorer's rows and
 * value distributions. Refreshed after a run is recorded.
 */
export function dependsOnEngineState(queryKey: readonly unknown[]): boolean {
  return (
    queryKey[0] === 'engine' &&
    queryKey[1] !== 'dataset' &&
    queryKey[2] !== 'rows' &&
    queryKey[2] !== 'distribution'
  );
}

/**
 * The dataset; polled every second while large tables still load, so row counts fill in, and while
 * the data is being kept in the browser's storage, so that the Data screen says when it is.
 */
export function datasetQuery(client: EngineClient) {
  return queryOptions({
    queryKey: engineKeys.dataset(),
    queryFn: ({ signal }) => client.dataset(signal),
    staleTime: Infinity,
    retry: false,
    refetchInterval: (query) => ((query.state.data?.loading?.length ?? 0) > 0 || query.state.data?.kept?.status === 'keeping' ? 1000 : false),
  });
}

/**
 * Counts of a campaign; `simulate` adds the delivery simulation (a separate cache entry). With
 * `kept`, a complete answer is also kept in the browser under that key (see kept-counts.ts).
 */
export function countsQuery(client: EngineClient, version: string, doc: CampaignDoc, simulate = false, kept?: { key: string; store: KeptCountsStore }) {
  return queryOptions({
    queryKey: engineKeys.counts(version, simulate ? `sim\u0000${campaignComputeKey(doc)}` : campaignComputeKey(doc)),
    queryFn: async ({ signal }) => {
      const result = await client.counts(doc, signal, { simulate });
      if (kept && !simulate && keepableCounts(result)) void kept.store.set(kept.key, result);
      return result;
    },
    staleTime: readsSavedAudiences(doc) ? 0 : Infinity,
    retry: false,
  });
}

export function previewQuery(
  client: EngineClient,
  version: string,
  doc: CampaignDoc,
  transitionId: string,
  limit = 100,
) {
  return queryOptions({
    queryKey: engineKeys.preview(version, campaignComputeKey(doc), transitionId, limit),
    queryFn: ({ signal }) => client.preview(doc, transitionId, limit, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function previewSchemaQuery(
  client: EngineClient,
  version: string,
  doc: CampaignDoc,
  transitionId: string,
) {
  return queryOptions({
    queryKey: engineKeys.previewSchema(version, campaignComputeKey(doc), transitionId),
    queryFn: ({ signal }) => client.previewSchema(doc, transitionId, signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** A channel's message preview: its tokens' values for the recipient at `offset` (send only the upstream part of the campaign). */
export function recipientPreviewQuery(client: EngineClient, version: string, doc: CampaignDoc, transitionId: string, paths: string[], offset: number) {
  return queryOptions({
    queryKey: engineKeys.recipientPreview(version, campaignComputeKey(doc), transitionId, paths, offset),
    queryFn: ({ signal }) => client.recipientPreview(doc, transitionId, paths, offset, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function sqlQuery(client: EngineClient, version: string, doc: CampaignDoc) {
  return queryOptions({
    queryKey: engineKeys.sql(version, campaignComputeKey(doc)),
    queryFn: ({ signal }) => client.sql(doc, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function entityRowsQuery(client: EngineClient, version: string, entity: string, limit = 100) {
  return queryOptions({
    queryKey: engineKeys.entityRows(version, entity, limit),
    queryFn: ({ signal }) => client.entityRows(entity, limit, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function distributionQuery(client: EngineClient, version: string, entity: string, field: string) {
  return queryOptions({
    queryKey: engineKeys.distribution(version, entity, field),
    queryFn: ({ signal }) => client.distribution(entity, field, 20, signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** The recorded runs of a campaign on the data in use. */
export function runsQuery(client: EngineClient, version: string, campaignId: string) {
  return queryOptions({
    queryKey: engineKeys.runs(version, campaignId),
    queryFn: ({ signal }) => client.runs(campaignId, signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Every saved audience kept in this browser; any campaign's computation may write one, so it is read afresh when shown. */
export function savedAudiencesQuery(client: EngineClient, version: string) {
  return queryOptions({
    queryKey: engineKeys.savedAudiences(version),
    queryFn: ({ signal }) => client.savedAudiences(signal),
    staleTime: 0,
    retry: false,
  });
}
