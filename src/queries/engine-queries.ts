import { queryOptions } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { hash64, stableStringify } from '../engine/compile/hash';
import type { EngineClient } from '../engine/client';

/**
 * Query definitions over the engine client, kept apart from the hooks so that they are testable
 * without a browser. Every key starts with `engine` and the dataset version, so loading other data
 * invalidates everything at once.
 */

/**
 * What the counts depend on: activities (type, config, disabled) and transitions, not positions or
 * labels. Moving a node or renaming it does not recompute anything.
 */
export function campaignComputeKey(doc: Pick<CampaignDoc, 'activities' | 'transitions' | 'settings'>): string {
  return hash64(
    stableStringify({
      activities: doc.activities.map((a) => [a.id, a.type, a.configVersion, a.config, a.disabled]),
      transitions: doc.transitions.map((t) => [t.id, t.source, t.target]),
      seed: doc.settings.seed,
    }),
  );
}

export const engineKeys = {
  all: ['engine'] as const,
  dataset: () => ['engine', 'dataset'] as const,
  counts: (version: string, computeKey: string) => ['engine', version, 'counts', computeKey] as const,
  preview: (version: string, computeKey: string, transitionId: string, limit: number) => ['engine', version, 'preview', computeKey, transitionId, limit] as const,
  previewSchema: (version: string, computeKey: string, transitionId: string) => ['engine', version, 'schema', computeKey, transitionId] as const,
  sql: (version: string, computeKey: string) => ['engine', version, 'sql', computeKey] as const,
  entityRows: (version: string, entity: string, limit: number) => ['engine', version, 'rows', entity, limit] as const,
  distribution: (version: string, entity: string, field: string) => ['engine', version, 'distribution', entity, field] as const,
};

/** The dataset; polled every second while large tables still load, so row counts fill in. */
export function datasetQuery(client: EngineClient) {
  return queryOptions({
    queryKey: engineKeys.dataset(),
    queryFn: ({ signal }) => client.dataset(signal),
    staleTime: Infinity,
    retry: false,
    refetchInterval: (query) => ((query.state.data?.loading?.length ?? 0) > 0 ? 1000 : false),
  });
}

export function countsQuery(client: EngineClient, version: string, doc: CampaignDoc) {
  return queryOptions({
    queryKey: engineKeys.counts(version, campaignComputeKey(doc)),
    queryFn: ({ signal }) => client.counts(doc, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function previewQuery(client: EngineClient, version: string, doc: CampaignDoc, transitionId: string, limit = 100) {
  return queryOptions({
    queryKey: engineKeys.preview(version, campaignComputeKey(doc), transitionId, limit),
    queryFn: ({ signal }) => client.preview(doc, transitionId, limit, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function previewSchemaQuery(client: EngineClient, version: string, doc: CampaignDoc, transitionId: string) {
  return queryOptions({
    queryKey: engineKeys.previewSchema(version, campaignComputeKey(doc), transitionId),
    queryFn: ({ signal }) => client.previewSchema(doc, transitionId, signal),
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
