import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import type { ReportParams } from '../domain/report';
import { useEngineClient } from '../queries/EngineClientContext';
import { useDataset } from '../queries/useDataset';
import { campaignComputeKey } from '../queries/engine-queries';
import { stableStringify } from '../engine/compile/hash';
import { inlineSavedFiltersInDoc } from '../query-modeler/inline-doc-filters';
import { useSavedFilters } from '../query-modeler/useSavedFilters';
import { useIsSimulated } from '../simulation/simulation-store';
import { parseReportState, reportParams } from './report-state';

/** The key of a campaign's report: per dataset version, campaign (as computed) and params. */
const reportKey = (version: string, doc: CampaignDoc | undefined, params: ReportParams) => ['engine', version, 'report', doc ? campaignComputeKey(doc) : '', stableStringify(params)];

/**
 * The report of a campaign as the engine computes it (simulating it as the counts do, from the
 * same cache), for the filters and bucket asked; kept per dataset version, campaign and params.
 * Off (`enabled: false`) until the campaign is known to be simulated.
 */
export function useReport(doc: CampaignDoc | undefined, params: ReportParams, enabled: boolean) {
  const client = useEngineClient();
  const version = useDataset().data?.version ?? '';
  return useQuery({
    queryKey: reportKey(version, doc, params),
    queryFn: ({ signal }) => client.report(doc!, params, signal),
    enabled: enabled && doc !== undefined && version !== '',
    staleTime: Infinity,
    retry: false,
    // Changing a filter keeps the previous report on screen, dimmed, until the new one arrives.
    placeholderData: (previous) => previous,
  });
}

/**
 * Asks for a simulated campaign's report as it first opens (no filter) the moment the person
 * reaches for Report (pointer down, or the link activated), so that the engine computes it while
 * the screen changes; the Report screen's query then finds it under way or done. Nothing when the
 * campaign is not simulated: its Report screen shows how to simulate it.
 */
export function usePrefetchReport(doc: CampaignDoc): () => void {
  const queryClient = useQueryClient();
  const client = useEngineClient();
  const version = useDataset().data?.version ?? '';
  const { filters } = useSavedFilters();
  const simulated = useIsSimulated(doc.id);
  return useCallback(() => {
    if (!simulated || version === '') return;
    const engineDoc = inlineSavedFiltersInDoc(doc, filters);
    const params = reportParams(parseReportState(''));
    void queryClient.prefetchQuery({ queryKey: reportKey(version, engineDoc, params), queryFn: ({ signal }) => client.report(engineDoc, params, signal), staleTime: Infinity, retry: false });
  }, [queryClient, client, version, doc, filters, simulated]);
}
