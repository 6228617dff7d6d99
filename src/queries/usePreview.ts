import { useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { useEngineClient } from './EngineClientContext';
import { previewQuery, previewSchemaQuery } from './engine-queries';
import { useDataset } from './useDataset';

/**
 * Preview results of a transition: its first `limit` records (by key) with the target's key and
 * main attributes, plus the total. Runs only while `enabled` (e.g. while the panel is open).
 */
export function usePreview(doc: CampaignDoc, transitionId: string, options: { limit?: number; enabled?: boolean } = {}) {
  const client = useEngineClient();
  const version = useDataset().data?.version;
  return useQuery({
    ...previewQuery(client, version ?? '', doc, transitionId, options.limit ?? 100),
    enabled: version !== undefined && (options.enabled ?? true),
  });
}

/** Preview schema of a transition: the columns of its working table, with their types. */
export function usePreviewSchema(doc: CampaignDoc, transitionId: string, options: { enabled?: boolean } = {}) {
  const client = useEngineClient();
  const version = useDataset().data?.version;
  return useQuery({
    ...previewSchemaQuery(client, version ?? '', doc, transitionId),
    enabled: version !== undefined && (options.enabled ?? true),
  });
}
