import { useEffect } from 'react';
import { useDataset } from '../queries/useDataset';
import { useEditorStoreApi } from '../store/useEditorStore';

/**
 * Hands the loaded dataset's data model to the editor store, so that validation checks rules
 * against the fields that really exist (an unknown field, an enum value that is not one of the
 * field's values) and the problems panel and node badges show it.
 */
export function useDataModelSync(): void {
  const store = useEditorStoreApi();
  const model = useDataset().data?.model ?? null;
  useEffect(() => store.getState().setDataModel(model), [store, model]);
}
