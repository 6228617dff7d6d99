import { useMemo, useState } from 'react';
import { Button, Input, SearchField } from 'react-aria-components';
import { Loader2, Plus, Search, Upload, X } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import { showToast } from '../../ui/Toast';
import { templateDoc, type CampaignTemplate } from '../../templates';
import { matchesSearch, type CampaignSummary } from '../campaign-summary';
import { useCampaignList, useCampaignMutations } from '../useCampaigns';
import { useCampaignRepository } from '../useCampaignRepository';
import { downloadCampaign } from '../transfer/download-campaign';
import { ImportButton } from '../transfer/ImportButton';
import { ImportErrorDialog } from '../transfer/ImportErrorDialog';
import { useCampaignImport } from '../transfer/useCampaignImport';
import { CampaignTable } from './CampaignTable';
import type { RowAction } from './CampaignRowActions';
import { ListEmptyState } from './ListEmptyState';
import { RenameCampaignDialog } from './RenameCampaignDialog';
import { DeleteCampaignDialog } from './DeleteCampaignDialog';
import { TemplateGallery } from './TemplateGallery';
import { useFileDrop } from './useFileDrop';
import { AppHeader } from '../../ui/AppHeader';
import { campaignStatuses, statusLabels, type CampaignStatus } from '../../domain/lifecycle/status';
import { act } from '../../domain/lifecycle/versions';
import { useCampaignStatuses, useSaveLifecycle } from '../lifecycle/useLifecycle';
import { useLifecycleRepository } from '../lifecycle/lifecycle-context';
import '../../lifecycle/versions.css';
import './list.css';

export interface CampaignListPageProps {
  /** Opens a campaign in the editor. */
  onOpen: (id: string) => void;
  /** Link to a campaign's editor, for the name links (so that middle-click opens a tab). */
  campaignHref: (id: string) => string;
  /** Opens a campaign's report. */
  onOpenReport: (id: string) => void;
  /** Opens the campaign's runs over a simulated schedule. */
  onOpenRuns?: (id: string) => void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The campaign list: search, create, open, rename, duplicate, export, delete, import (picker or
 * drop), and the starter templates. Sorted by last modification.
 */
export function CampaignListPage({ onOpen, campaignHref, onOpenReport, onOpenRuns }: CampaignListPageProps) {
  const list = useCampaignList();
  const repo = useCampaignRepository();
  const mutations = useCampaignMutations();
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<CampaignStatus | 'all'>('all');
  const lifecycles = useLifecycleRepository();
  const saveLifecycle = useSaveLifecycle();
  const [renaming, setRenaming] = useState<CampaignSummary | null>(null);
  const [deleting, setDeleting] = useState<CampaignSummary | null>(null);
  const [importedId, setImportedId] = useState<string>();
  const importer = useCampaignImport({
    onImported: (doc) => {
      showToast({ title: `Imported “${doc.name}”`, tone: 'success' });
      // Selected in the list, which a search could hide.
      setQuery('');
      setStatusFilter('all');
      setImportedId(doc.id);
    },
  });
  const { isDragging, dropProps } = useFileDrop((files) => void importer.importFiles(files));

  const campaigns = list.data;
  const ids = useMemo(() => campaigns?.map((c) => c.id), [campaigns]);
  const statuses = useCampaignStatuses(ids).data;
  // A campaign whose status is not read yet counts as a draft, the status of most campaigns.
  const visible = useMemo(
    () =>
      (campaigns ?? []).filter(
        (c) => matchesSearch(c, query) && (statusFilter === 'all' || (statuses?.get(c.id) ?? 'draft') === statusFilter),
      ),
    [campaigns, query, statusFilter, statuses],
  );
  const filtered = query !== '' || statusFilter !== 'all';
  const busy = mutations.create.isPending || mutations.createFrom.isPending || importer.busy;

  const create = () =>
    mutations.create.mutate(undefined, {
      onSuccess: (doc) => onOpen(doc.id),
      onError: (e) => showToast({ title: 'The campaign could not be created', description: errorText(e), tone: 'error' }),
    });
  const openTemplate = (t: CampaignTemplate) =>
    mutations.createFrom.mutate(
      { doc: templateDoc(t) },
      {
        onSuccess: (doc: CampaignDoc) => onOpen(doc.id),
        onError: (e) => showToast({ title: 'The template could not be opened', description: errorText(e), tone: 'error' }),
      },
    );

  const onAction = async (action: RowAction, c: CampaignSummary) => {
    if (action.startsWith('status:')) {
      const step = action.slice('status:'.length) as Parameters<typeof act>[1];
      try {
        const next = act(await lifecycles.load(c.id), step);
        if (!next.ok) throw new Error(next.reason);
        await saveLifecycle.mutateAsync({ id: c.id, lifecycle: next.lifecycle });
        showToast({ title: `“${c.name}” is ${statusLabels[next.lifecycle.status].toLowerCase()}`, tone: 'success' });
      } catch (e) {
        showToast({ title: 'The status could not be changed', description: errorText(e), tone: 'error' });
      }
      return;
    }
    switch (action) {
      case 'open':
        return onOpen(c.id);
      case 'report':
        return onOpenReport(c.id);
      case 'runs':
        return onOpenRuns?.(c.id);
      case 'rename':
        return setRenaming(c);
      case 'delete':
        return setDeleting(c);
      case 'duplicate':
        return mutations.duplicate.mutate(c.id, {
          onSuccess: (doc) => showToast({ title: `Duplicated as “${doc.name}”`, tone: 'success' }),
          onError: (e) => showToast({ title: 'The campaign could not be duplicated', description: errorText(e), tone: 'error' }),
        });
      case 'export': {
        try {
          const doc = await repo.get(c.id);
          if (!doc) throw new Error('This campaign no longer exists.');
          downloadCampaign(doc, await lifecycles.load(c.id));
        } catch (e) {
          showToast({ title: 'The campaign could not be exported', description: errorText(e), tone: 'error' });
        }
        return;
      }
    }
  };

  const isEmpty = campaigns !== undefined && campaigns.length === 0;

  return (
    <div className="cc-list-page" {...dropProps}>
      <AppHeader current="campaigns" brandIsHeading />
      <main className="cc-list-main">
        <div className="cc-list-titlebar">
          <h2 className="cc-page-title">Campaigns</h2>
          {campaigns && !isEmpty && (
            <div className="cc-list-toolbar">
              <SearchField className="cc-search" aria-label="Search campaigns" value={query} onChange={setQuery}>
                <Search size={16} aria-hidden className="cc-search-icon" />
                <Input className="cc-search-input" placeholder="Search by name" />
                <Button className="cc-search-clear" aria-label="Clear search">
                  <X size={14} aria-hidden />
                </Button>
              </SearchField>
              <div className="lc-status-filter">
                <label htmlFor="campaign-status-filter">Status</label>
                <select id="campaign-status-filter" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as CampaignStatus | 'all')}>
                  <option value="all">All statuses</option>
                  {campaignStatuses.map((s) => (
                    <option key={s} value={s}>
                      {statusLabels[s]}
                    </option>
                  ))}
                </select>
              </div>
              <ImportButton onSelect={(f) => void importer.importFiles(f)} isDisabled={busy} />
              <Button className="cc-button cc-button-primary" onPress={create} isDisabled={busy}>
                <Plus size={16} aria-hidden /> New campaign
              </Button>
            </div>
          )}
        </div>

        {list.isPending && (
          <div className="cc-list-loading" role="status">
            <Loader2 size={18} aria-hidden className="cc-spinner" /> Loading campaigns…
          </div>
        )}
        {list.isError && (
          <div className="cc-list-error" role="alert">
            Your campaigns could not be loaded: {errorText(list.error)}.{' '}
            <Button className="cc-button cc-button-small" onPress={() => void list.refetch()}>
              Try again
            </Button>
          </div>
        )}

        {isEmpty && <ListEmptyState onCreate={create} onImport={(f) => void importer.importFiles(f)} isBusy={busy} />}

        {campaigns && !isEmpty && (
          <>
            <p className="sr-only" role="status">
              {filtered ? `${visible.length} of ${campaigns.length} campaigns shown` : ''}
            </p>
            {visible.length > 0 ? (
              <div className="cc-table-card">
                <CampaignTable
                  campaigns={visible}
                  campaignHref={campaignHref}
                  onAction={(a, c) => void onAction(a, c)}
                  selectedId={importedId}
                  statuses={statuses}
                />
              </div>
            ) : (
              <div className="cc-no-match">
                <p>
                  No campaign matches
                  {query ? ` “${query}”` : ''}
                  {statusFilter !== 'all' ? ` with the status ${statusLabels[statusFilter]}` : ''}.
                </p>
                <Button
                  className="cc-button"
                  onPress={() => {
                    setQuery('');
                    setStatusFilter('all');
                  }}
                >
                  Clear {query && statusFilter !== 'all' ? 'search and filter' : statusFilter !== 'all' ? 'filter' : 'search'}
                </Button>
              </div>
            )}
          </>
        )}

        {campaigns && <TemplateGallery onUse={openTemplate} isDisabled={busy} />}
        {campaigns && (
          <p className="cc-drop-hint">
            <Upload size={14} aria-hidden /> Tip: drop a campaign <code>.json</code> file anywhere on this page to
            import it.
          </p>
        )}
      </main>

      {isDragging && (
        <div className="cc-drop-overlay" aria-hidden>
          <div className="cc-drop-overlay-inner">
            <Upload size={28} />
            Drop the campaign file to import it
          </div>
        </div>
      )}

      <RenameCampaignDialog
        key={renaming?.id ?? 'none'}
        currentName={renaming?.name ?? ''}
        isOpen={renaming !== null}
        onOpenChange={(open) => !open && setRenaming(null)}
        onRename={async (name) => {
          if (!renaming) return;
          await mutations.rename.mutateAsync({ id: renaming.id, name });
        }}
      />
      {deleting && <DeleteCampaignDialog key={deleting.id} campaign={deleting} onClose={() => setDeleting(null)} />}
      <ImportErrorDialog failure={importer.failure} onClose={importer.clearFailure} />
    </div>
  );
}
