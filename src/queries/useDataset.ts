import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataSource, LoadOutcome } from '../engine/protocol';
import { useEngineClient } from './EngineClientContext';
import { datasetQuery, engineKeys } from './engine-queries';

/**
 * The loaded dataset (model, row counts, version); loading until the engine is ready. With
 * `enabled: false` it asks nothing (the engine starts with its first request).
 */
export function useDataset(options: { enabled?: boolean } = {}) {
  return useQuery({ ...datasetQuery(useEngineClient()), enabled: options.enabled !== false });
}

/**
 * Loads other data (sample of another size, or an imported data model with CSVs). On success every
 * engine query is refreshed; on import problems the result lists them and the data stays as it was.
 */
export function useLoadData() {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  return useMutation<LoadOutcome, Error, DataSource>({
    mutationFn: (source) => (source.kind === 'sample' ? client.loadSample(source.profiles, source.seed) : client.importCsv(source.model, source.files)),
    onSuccess: (outcome) => {
      if (outcome.ok) void queryClient.invalidateQueries({ queryKey: engineKeys.all });
    },
  });
}
