import { useMemo } from 'react';
import { transitionSchemas } from '../activities/inbound-columns';
import { useWorkingTableColumns } from '../inspector/fields/useActivityFormData';
import { useDataset } from '../queries/useDataset';
import { useEditorStore } from '../store/useEditorStore';
import { knownColumns } from './known-columns';
import type { WorkingTableColumn } from '../domain/rule-columns';

/**
 * Columns of the working table a transition into `activityId` carries, for a form's pickers: what
 * the document declares (at once) merged with what the engine reports (once computed).
 */
export function useKnownColumns(activityId: string, transitionId: string | undefined): WorkingTableColumn[] {
  const doc = useEditorStore((s) => s.doc);
  const model = useDataset().data?.model;
  const engine = useWorkingTableColumns(transitionId);
  const declared = useMemo(() => (model && transitionId ? transitionSchemas(doc, model, activityId).get(transitionId)?.columns : undefined), [doc, model, activityId, transitionId]);
  return useMemo(() => knownColumns(engine, declared), [engine, declared]);
}
