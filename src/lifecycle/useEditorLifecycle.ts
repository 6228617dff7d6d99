import { useCallback } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import type { DataModel } from '../domain/data-model';
import { isFrozen, latestVersion, publish, startDraft, type CampaignLifecycle } from '../domain/lifecycle/versions';
import { problemsOf } from '../store/selectors';
import { flushDrafts } from '../ui/draft-flush';
import { useLifecycle, useSaveLifecycle } from '../campaigns/lifecycle/useLifecycle';

export type LifecycleOutcome = { ok: true; lifecycle: CampaignLifecycle } | { ok: false; reason: string; errors?: number };

/** What the editor says on a published version, in its banner and on every refused edit. */
export function publishedReason(number: number): string {
  return `Version ${number} is published. Edit as a new draft to change it.`;
}

/**
 * The editor page's part of a campaign's life (docs/lifecycle.md): its status and versions, the
 * reason the document is locked (a published version with no draft in progress), and the steps
 * the editor takes: publish the draft, edit as a new draft, revert to an older version.
 * `latestDoc` reads the document as edited this instant (a field being typed in included).
 */
export function useEditorLifecycle(campaignId: string, latestDoc: () => CampaignDoc) {
  const query = useLifecycle(campaignId);
  const save = useSaveLifecycle();
  const lifecycle = query.data;
  const latest = lifecycle ? latestVersion(lifecycle) : undefined;
  const lockReason = lifecycle && latest && isFrozen(lifecycle) ? publishedReason(latest.number) : null;

  const publishDraft = useCallback(
    async (note: string, model: DataModel | null): Promise<LifecycleOutcome> => {
      if (!lifecycle) return { ok: false, reason: 'The versions of this campaign are not read yet.' };
      flushDrafts();
      const doc = latestDoc();
      const problems = problemsOf(doc, model).all;
      const step = publish(lifecycle, doc, { problems, note, at: new Date().toISOString() });
      if (!step.ok) return { ...step, errors: problems.filter((p) => p.severity === 'error').length };
      await save.mutateAsync({ id: campaignId, lifecycle: step.lifecycle });
      return step;
    },
    [lifecycle, latestDoc, save, campaignId],
  );

  /** Starts a draft from version `number`: the document to edit next, or why not. */
  const draftFrom = useCallback(
    async (number: number): Promise<{ ok: true; doc: CampaignDoc } | { ok: false; reason: string }> => {
      if (!lifecycle) return { ok: false, reason: 'The versions of this campaign are not read yet.' };
      const step = startDraft(lifecycle, number, new Date().toISOString());
      if (!step.ok) return step;
      await save.mutateAsync({ id: campaignId, lifecycle: step.lifecycle });
      return { ok: true, doc: step.doc };
    },
    [lifecycle, save, campaignId],
  );

  return { lifecycle, error: query.error, isPending: query.isPending, lockReason, publishDraft, draftFrom };
}

export type EditorLifecycle = ReturnType<typeof useEditorLifecycle>;
