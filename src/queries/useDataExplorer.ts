import { useQuery } from '@tanstack/react-query';
import { useEngineClient } from './EngineClientContext';
import { distributionQuery, entityRowsQuery } from './engine-queries';
import { useDataset } from './useDataset';

/** A sample of an entity's rows (the first `limit` by key), for the data explorer. */
export function useEntityRows(entity: string | undefined, limit = 100) {
  const client = useEngineClient();
  const version = useDataset().data?.version;
  return useQuery({ ...entityRowsQuery(client, version ?? '', entity ?? '', limit), enabled: version !== undefined && entity !== undefined });
}

/** The 20 most frequent values of a field, with counts and share of rows. */
export function useDistribution(entity: string | undefined, field: string | undefined) {
  const client = useEngineClient();
  const version = useDataset().data?.version;
  return useQuery({
    ...distributionQuery(client, version ?? '', entity ?? '', field ?? ''),
    enabled: version !== undefined && entity !== undefined && field !== undefined,
  });
}
