import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useEngineClient } from '../queries/EngineClientContext';
import { campaignComputeKey } from '../queries/engine-queries';
import { useDataset } from '../queries/useDataset';
import { useEngineDoc } from '../query-modeler/useEngineDoc';
import { useSimulationStore } from '../simulation/simulation-store';
import { useEditorStore } from '../store/useEditorStore';
import { useTraceStore } from './trace-store';

/**
 * Asks the engine for the trace of the record chosen in the Trace panel, again after every edit
 * (the same document the counts use, simulated when the campaign is), and hands it to the store the
 * canvas and the panel read. A leaf: it renders nothing.
 */
export function TraceSync() {
  const campaignId = useEditorStore((s) => s.doc.id);
  const key = useTraceStore((s) => (s.campaignId === campaignId ? s.key : null));
  const settle = useTraceStore((s) => s.settle);
  const simulate = useSimulationStore((s) => s.on[campaignId] === true);
  const doc = useEngineDoc();
  const client = useEngineClient();
  const version = useDataset().data?.version;
  const query = useQuery({
    queryKey: ['engine', version ?? '', 'trace', campaignComputeKey(doc), key, simulate],
    queryFn: ({ signal }) => client.trace(doc, key!, { simulate }, signal),
    enabled: key !== null && version !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => {
    if (key === null) return;
    if (query.data) settle(key, { result: query.data });
    else if (query.error) settle(key, { error: query.error.message });
    else settle(key, { loading: true });
  }, [key, query.data, query.error, settle]);
  return null;
}
