import { useEngineDoc } from '../../query-modeler/useEngineDoc';
import { useRememberedOpen } from '../section-memory';
import { Button } from 'react-aria-components';
import { ChevronDown, Copy, Loader2 } from 'lucide-react';
import { useActivitySql } from '../../queries/useActivitySql';
import { useActivityCount } from '../../canvas/nodes/useActivityCount';
import { showToast } from '../../ui/Toast';

/**
 * "Code view" of an activity: the SQL its outputs compile to, read-only, monospace, with a copy
 * button. Compiled only while open.
 */
export function ActivityCodeView({ activityId }: { activityId: string }) {
  const [open, setOpen] = useRememberedOpen(activityId, 'code-view');
  const doc = useEngineDoc();
  const query = useActivitySql(doc, activityId, { enabled: open });
  const sql = query.data?.sql;
  // The Records section above already tells why the activity has no count, which is why it has no SQL.
  const count = useActivityCount(activityId);
  const toldAbove = count !== undefined && (count.needsRun === true || count.error !== undefined || count.fromProblems === true);
  const panelId = `code-view-${activityId}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sql ?? '');
      showToast({ title: 'SQL copied', tone: 'success' });
    } catch {
      showToast({ title: 'Could not copy the SQL', tone: 'error' });
    }
  };

  return (
    <div className="insp-engine__block">
      <button type="button" className="insp-engine__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <ChevronDown size={15} aria-hidden className={open ? undefined : 'insp-rotated'} />
        Activity code view
      </button>
      {open && (
        <div id={panelId} className="insp-engine__panel" role="region" aria-label="Activity code view">
          {query.isPending && (
            <p className="insp-engine__note">
              <Loader2 size={14} className="cc-spinner" aria-hidden /> Compiling…
            </p>
          )}
          {query.error && <p className="insp-engine__note insp-engine__note--error">{query.error.message}</p>}
          {query.data && !sql && (
            <p className="insp-engine__note">
              {query.data.error !== undefined && toldAbove
                ? 'No SQL, for the reason given above.'
                : (query.data.error ?? 'This activity runs no query of its own (it passes its input on, or does not run).')}
            </p>
          )}
          {sql && (
            <>
              <pre className="insp-engine__code" tabIndex={0} aria-label="SQL">
                <code>{sql}</code>
              </pre>
              <Button className="insp-button" onPress={() => void copy()}>
                <Copy size={14} aria-hidden /> Copy SQL
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
