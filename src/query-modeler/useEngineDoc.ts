import { useMemo } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import { useEditorStore } from '../store/useEditorStore';
import { inlineSavedFiltersInDoc } from './inline-doc-filters';
import { useSavedFilters } from './useSavedFilters';

/**
 * The open campaign as the engine must see it: linked saved filters replaced by their rules.
 * Counts, previews and code view all read it, so they agree with the query modeler's Calculate.
 */
export function useEngineDoc(): CampaignDoc {
  const doc = useEditorStore((s) => s.doc);
  const { filters } = useSavedFilters();
  return useMemo(() => inlineSavedFiltersInDoc(doc, filters), [doc, filters]);
}
