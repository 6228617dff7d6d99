import { useQuery } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { ReportParams } from '../domain/report';
import { useEngineClient } from '../queries/EngineClientContext';
import { useDataset } from '../queries/useDataset';
import { campaignComputeKey } from '../queries/engine-queries';
import { stableStringify } from '../engine/compile/hash';

/**
 * The report of a campaign as the engine computes it (simulating it as the counts do, from the
 * same cache), for the filters and bucket asked; kept per dataset version, campaign and params.
 * Off (`enabled: false`) until the campaign is known to be simulated.
 */
export function useReport(doc: CampaignDoc | undefined, params: ReportParams, enabled: boolean) {
  const client = useEngineClient();
  const version = useDataset().data?.version ?? '';
  return useQuery({
    queryKey: ['engine', version, 'report', doc ? campaignComputeKey(doc) : '', stableStringify(params)],
    queryFn: ({ signal }) => client.report(doc!, params, signal),
    enabled: enabled && doc !== undefined && version !== '',
    staleTime: Infinity,
    retry: false,
    // Changing a filter keeps the previous report on screen, dimmed, until the new one arrives.
    placeholderData: (previous) => previous,
  });
}
