import { useEngineDoc } from '../../query-modeler/useEngineDoc';
import { Loader2 } from 'lucide-react';
import { formatCount } from '../../canvas/counts/format-count';
import { usePreview } from '../../queries/usePreview';
import { Dialog } from '../../ui/Dialog';
import { RecordsTable } from '../../ui/RecordsTable';
import { useEditorStore } from '../../store/useEditorStore';
import { useTraceStore } from '../../trace/trace-store';

const LIMIT = 100;

/**
 * "Preview results" of a transition: its first 100 records by key, with the target's key and main
 * attributes, in a scrollable table with a sticky header, and the total. Queried only while open.
 */
export function PreviewResultsDialog({ transitionId, title, isOpen, onOpenChange }: { transitionId: string; title: string; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const doc = useEngineDoc();
  const query = usePreview(doc, transitionId, { limit: LIMIT, enabled: isOpen });
  const model = useEditorStore((s) => s.dataModel);
  const traceRecord = useTraceStore((s) => s.traceRecord);
  // The key comes first in a working table; a loaded file's lines are no records to trace.
  const key = query.data?.columns[0]?.name;
  const traceable = key !== undefined && (model?.entities.some((e) => e.primaryKey === key) ?? false);
  return (
    <Dialog title={`Preview results: ${title}`} isOpen={isOpen} onOpenChange={onOpenChange} size="large">
      {query.isPending && (
        <p className="insp-engine__note">
          <Loader2 size={14} className="cc-spinner" aria-hidden /> Reading records…
        </p>
      )}
      {query.error && <p className="insp-engine__note insp-engine__note--error">{query.error.message}</p>}
      {query.data && (
        <>
          <p className="insp-engine__note" aria-label="Preview total">
            {query.data.total === 0
              ? 'No records on this transition.'
              : `${formatCount(query.data.total)} ${query.data.total === 1 ? 'record' : 'records'}${query.data.total > query.data.rows.length ? `; the first ${query.data.rows.length}, by key` : ''}.`}
          </p>
          {query.data.rows.length > 0 && (
            <RecordsTable
              columns={query.data.columns}
              rows={query.data.rows}
              label="Preview records"
              {...(traceable
                ? {
                    rowAction: {
                      text: 'Trace',
                      name: (row: Record<string, unknown>) => `Trace record ${String(row[key])}`,
                      onPress: (row: Record<string, unknown>) => {
                        traceRecord(doc.id, String(row[key]));
                        onOpenChange(false);
                      },
                    },
                  }
                : {})}
            />
          )}
        </>
      )}
    </Dialog>
  );
}
