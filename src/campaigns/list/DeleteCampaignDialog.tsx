import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../../ui/Toast';
import type { CampaignSummary } from '../campaign-summary';
import { useCampaignMutations } from '../useCampaigns';
import { totalSize, useDeleteSavedAudiences, useOrphanAudiences } from '../useOrphanAudiences';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Confirms deleting a campaign, and offers to remove with it the saved audiences it leaves without
 * a writer (those no other campaign writes): ticked unless another campaign's Build audience reads
 * one of them. Mounted only while a deletion is asked, so the engine is asked nothing before.
 */
export function DeleteCampaignDialog({ campaign, onClose }: { campaign: CampaignSummary; onClose: () => void }) {
  const mutations = useCampaignMutations();
  const { leftBy, readers, problem } = useOrphanAudiences();
  const deleteAudiences = useDeleteSavedAudiences();
  const left = leftBy(campaign.id);
  const read = (left ?? []).filter((a) => readers(a.name, campaign.id).length > 0);
  // Undefined until the user chooses: the default follows what is found.
  const [chosen, setChosen] = useState<boolean | undefined>();
  const removeAudiences = chosen ?? read.length === 0;

  const confirm = async () => {
    try {
      await mutations.remove.mutateAsync(campaign.id);
    } catch (e) {
      showToast({ title: 'The campaign could not be deleted', description: errorText(e), tone: 'error' });
      return;
    }
    if (!removeAudiences || !left || left.length === 0) {
      showToast({ title: `Deleted “${campaign.name}”`, tone: 'success' });
      return;
    }
    const failed = await deleteAudiences(left);
    if (failed.length === 0)
      showToast({
        title: `Deleted “${campaign.name}” and ${left.length} saved ${left.length === 1 ? 'audience' : 'audiences'} (${totalSize(left)})`,
        tone: 'success',
      });
    else showToast({ title: `Deleted “${campaign.name}”; some saved audiences could not be removed`, description: failed.join('; '), tone: 'error' });
  };

  return (
    <ConfirmDialog
      title="Delete campaign?"
      isOpen
      onOpenChange={(open) => !open && onClose()}
      confirmLabel="Delete"
      destructive
      onConfirm={confirm}
    >
      <p>
        “<strong>{campaign.name}</strong>” and its {campaign.activityCount} activities will be deleted. This cannot be
        undone; export it first if you may need it again.
      </p>
      {problem ? (
        <p className="cc-muted">{problem}</p>
      ) : left === undefined ? (
        <p className="cc-muted" role="status">
          Looking for saved audiences only this campaign writes…
        </p>
      ) : (
        left.length > 0 && (
          <>
            <label className="cc-checkbox-row">
              <input type="checkbox" checked={removeAudiences} onChange={(e) => setChosen(e.target.checked)} />
              <span>
                Also remove the {left.length === 1 ? 'saved audience' : `${left.length} saved audiences`} no other
                campaign writes ({totalSize(left)}): {left.map((a) => `“${a.name}”`).join(', ')}
              </span>
            </label>
            {read.length > 0 && (
              <p>
                Still read by a Build audience:{' '}
                {read.map((a) => `“${a.name}” (${readers(a.name, campaign.id).join(', ')})`).join('; ')}.
              </p>
            )}
          </>
        )
      )}
    </ConfirmDialog>
  );
}
