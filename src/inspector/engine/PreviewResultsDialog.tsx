import { useEngineDoc } from '../../query-modeler/useEngineDoc';
import { Loader2 } from 'lucide-react';
import { formatCount } from '../../canvas/counts/format-count';
import { usePreview } from '../../queries/usePreview';
import { Dialog } from '../../ui/Dialog';

const LIMIT = 100;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/**
 * "Preview results" of a transition: its first 100 records by key, with the target's key and main
 * attributes, in a scrollable table with a sticky header, and the total. Queried only while open.
 */
export function PreviewResultsDialog({ transitionId, title, isOpen, onOpenChange }: { transitionId: string; title: string; isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const doc = useEngineDoc();
  const query = usePreview(doc, transitionId, { limit: LIMIT, enabled: isOpen });
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
            <div className="insp-engine__table-wrap" tabIndex={0} role="region" aria-label="Preview records">
              <table className="insp-engine__table">
                <thead>
                  <tr>
                    {query.data.columns.map((c) => (
                      <th key={c.name} scope="col" title={c.type}>
                        {c.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {query.data.rows.map((row, i) => (
                    <tr key={i}>
                      {query.data.columns.map((c) => (
                        <td key={c.name}>{cell(row[c.name])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
