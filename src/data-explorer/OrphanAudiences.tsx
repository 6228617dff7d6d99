import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import { useCampaignNames } from '../queries/useCampaignNames';
import { totalSize, useDeleteSavedAudiences, useOrphanAudiences } from '../campaigns/useOrphanAudiences';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatBytes } from '../ui/format-bytes';
import { formatCount } from './format';

/**
 * The saved audiences no campaign writes any more (a Save audience renamed or removed, a campaign
 * deleted), with the room they take, and one action to remove them all. Shown under the saved
 * audiences on the Data screen when there are some.
 */
export function OrphanAudiences({ onOutcome }: { onOutcome: (outcome: { ok: boolean; text: string }) => void }) {
  const { orphans, problem, readers } = useOrphanAudiences();
  const names = useCampaignNames();
  const deleteAll = useDeleteSavedAudiences();
  const [confirming, setConfirming] = useState(false);

  if (problem) return <p className="dx-muted">{problem}</p>;
  if (!orphans || orphans.length === 0) return null;
  const read = orphans.filter((a) => readers(a.name).length > 0);

  const confirm = async () => {
    const failed = await deleteAll(orphans);
    onOutcome(
      failed.length === 0
        ? { ok: true, text: `Removed ${orphans.length} orphan ${orphans.length === 1 ? 'audience' : 'audiences'} (${totalSize(orphans)}).` }
        : { ok: false, text: `Some orphan audiences could not be removed: ${failed.join('; ')}` },
    );
  };

  return (
    <div className="dx-orphans">
      <h3 className="dx-orphans-title" id="dx-orphans-title">
        Orphan audiences
      </h3>
      <p className="dx-muted">
        No campaign writes {orphans.length === 1 ? 'this audience' : 'these audiences'} any more: a Save audience was
        renamed or removed, or its campaign deleted. {orphans.length === 1 ? 'It takes' : 'They take'}{' '}
        {totalSize(orphans)} in this browser.
      </p>
      <div className="dx-audiences-scroll">
        <table className="dx-table dx-audiences-table" aria-labelledby="dx-orphans-title">
          <thead>
            <tr>
              <th scope="col">Audience</th>
              <th scope="col" className="dx-num">
                Records
              </th>
              <th scope="col" className="dx-num">
                Size
              </th>
              <th scope="col">Last saved by</th>
              <th scope="col">Read by</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {orphans.map((a) => (
              <tr key={`${a.datasetId}/${a.name}`}>
                <th scope="row" className="dx-audiences-name">
                  {a.name}
                </th>
                <td className="dx-num">{formatCount(a.count)}</td>
                <td className="dx-num">{a.bytes === undefined ? <span className="dx-cell-empty">unknown</span> : formatBytes(a.bytes)}</td>
                <td className="dx-audiences-by">
                  {names.get(a.campaignId) ?? <span className="dx-cell-empty">a deleted campaign</span>}
                </td>
                <td className="dx-audiences-by">
                  {readers(a.name).join(', ') || <span className="dx-cell-empty">no campaign</span>}
                </td>
                <td>{a.datasetLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <button type="button" className="cc-button dx-orphans-remove" onClick={() => setConfirming(true)}>
          <Trash2 size={14} aria-hidden />
          Remove orphan audiences
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          isOpen
          onOpenChange={setConfirming}
          title="Remove the orphan audiences?"
          confirmLabel={`Remove ${orphans.length} ${orphans.length === 1 ? 'audience' : 'audiences'}`}
          destructive
          onConfirm={confirm}
        >
          <p>
            {orphans.map((a) => `“${a.name}”`).join(', ')}: {totalSize(orphans)} in all, removed from this browser for
            good.
          </p>
          {read.length > 0 && (
            <p>
              Still read by a Build audience: {read.map((a) => `“${a.name}” (${readers(a.name).join(', ')})`).join('; ')}.
              It shows a problem until another audience is chosen.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
