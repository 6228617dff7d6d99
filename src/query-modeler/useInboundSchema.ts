import { useMemo } from 'react';
import { inboundSchema, type TransitionSchema } from '../activities/inbound-columns';
import { useDataset } from '../queries/useDataset';
import { useEditorStore } from '../store/useEditorStore';

/**
 * What the first transition into an activity's `port` carries (dimension and working-table
 * columns), told from the open document and the data model, without waiting for the engine: the
 * query modeler offers these columns as soon as an Enrichment upstream names them.
 */
export function useInboundSchema(activityId: string, port = 'in'): TransitionSchema | undefined {
  const doc = useEditorStore((s) => s.doc);
  const model = useDataset().data?.model;
  return useMemo(() => (model ? inboundSchema(doc, model, activityId, port) : undefined), [doc, model, activityId, port]);
}
