import { useEngineDoc } from '../../query-modeler/useEngineDoc';
import { useRememberedOpen } from '../section-memory';
import { ChevronDown, Loader2 } from 'lucide-react';
import { usePreviewSchema } from '../../queries/usePreview';

/** "Preview schema" of a transition: the columns of what it carries, with their types. */
export function PreviewSchema({ transitionId, available }: { transitionId: string; available: boolean }) {
  const [open, setOpen] = useRememberedOpen(transitionId, 'schema');
  const doc = useEngineDoc();
  const query = usePreviewSchema(doc, transitionId, { enabled: open && available });
  const panelId = `schema-${transitionId}`;
  return (
    <div className="insp-engine__block">
      <button type="button" className="insp-engine__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <ChevronDown size={15} aria-hidden className={open ? undefined : 'insp-rotated'} />
        Preview schema
      </button>
      {open && (
        <div id={panelId} className="insp-engine__panel" role="region" aria-label="Preview schema">
          {!available ? (
            <p className="insp-engine__note">No records reach this transition, so it has no schema to show.</p>
          ) : query.isPending ? (
            <p className="insp-engine__note">
              <Loader2 size={14} className="cc-spinner" aria-hidden /> Reading columns…
            </p>
          ) : query.error ? (
            <p className="insp-engine__note insp-engine__note--error">{query.error.message}</p>
          ) : query.data.length === 0 ? (
            <p className="insp-engine__note">No columns.</p>
          ) : (
            <table className="insp-engine__schema">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Type</th>
                </tr>
              </thead>
              <tbody>
                {query.data.map((c) => (
                  <tr key={c.name}>
                    <td>{c.name}</td>
                    <td className="insp-engine__type">{c.type}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
