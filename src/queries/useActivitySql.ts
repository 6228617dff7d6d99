import { byId } from '../domain/ids';
import { useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { useEngineClient } from './EngineClientContext';
import { sqlQuery } from './engine-queries';
import { useDataset } from './useDataset';

/**
 * Code view of an activity: `data.sql` is its SQL (undefined when it does not compile or does not
 * run), `data.error` the compile problem, if any.
 */
export function useActivitySql(doc: CampaignDoc, activityId: string, options: { enabled?: boolean } = {}) {
  const client = useEngineClient();
  const version = useDataset().data?.version;
  return useQuery({
    ...sqlQuery(client, version ?? '', doc),
    enabled: version !== undefined && (options.enabled ?? true),
    select: (r) => ({ sql: byId(r.sql, activityId), error: byId(r.errors, activityId) }),
  });
}
