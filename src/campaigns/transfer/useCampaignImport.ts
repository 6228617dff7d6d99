import { useCallback, useState } from 'react';
import type { CampaignDoc } from '../../domain/campaign';
import type { PathError } from '../../domain/zod-issues';
import { useCampaignMutations } from '../useCampaigns';
import { useCampaignRepository } from '../useCampaignRepository';
import { importedName } from './imported-name';
import { readCampaignFile } from './read-campaign-file';
import { showToast } from '../../ui/Toast';
import { useSaveLifecycle } from '../lifecycle/useLifecycle';
import { lifecycleForCopy } from '../../domain/lifecycle/transfer';

/** A refused import: the file's name and every problem found in it. */
export interface ImportFailure {
  fileName: string;
  errors: PathError[];
}

/**
 * Imports campaign files as new campaigns, never over an existing one: a name already in use gets
 * "(imported)". The versions and status a file carries come with it (docs/campaign-format.md). A file with any problem is refused whole: nothing is stored, and `failure` lists
 * its problems until cleared.
 */
export function useCampaignImport(options: { onImported?: (doc: CampaignDoc) => void } = {}) {
  const { createFrom, remove } = useCampaignMutations();
  const repo = useCampaignRepository();
  // Saved through the mutation that refreshes the list's statuses once the versions are stored.
  const saveLifecycle = useSaveLifecycle();
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const { onImported } = options;

  const importFile = useCallback(
    async (file: File) => {
      setBusy(true);
      try {
        const result = await readCampaignFile(file);
        if (!result.ok) {
          setFailure({ fileName: file.name, errors: result.errors });
          return;
        }
        const taken = (await repo.list()).map((c) => c.name);
        const doc = await createFrom.mutateAsync({ doc: result.doc, name: importedName(result.doc.name, taken) });
        if (result.lifecycle) {
          // The versions come with the copy, under its new id; if they cannot be stored, the copy
          // is taken back, so that an import is whole or nothing.
          try {
            await saveLifecycle.mutateAsync({ id: doc.id, lifecycle: lifecycleForCopy(result.lifecycle, doc.id) });
          } catch (e) {
            await remove.mutateAsync(doc.id);
            throw e;
          }
        }
        onImported?.(doc);
      } catch (e) {
        setFailure({ fileName: file.name, errors: [{ path: '(file)', message: e instanceof Error ? e.message : String(e) }] });
      } finally {
        setBusy(false);
      }
    },
    [createFrom, remove, saveLifecycle, onImported, repo],
  );

  /**
   * Imports the first file of a selection or a drop: one campaign per file, and one error report
   * at a time. Extra files are named in a notice rather than silently ignored.
   */
  const importFiles = useCallback(
    async (files: FileList | File[] | null) => {
      const list = Array.from(files ?? []);
      const [first, ...rest] = list;
      if (!first) return;
      if (rest.length > 0)
        showToast({
          title: `Only “${first.name}” was imported`,
          description: 'Import one campaign file at a time.',
          tone: 'info',
        });
      await importFile(first);
    },
    [importFile],
  );

  return { importFile, importFiles, failure, clearFailure: () => setFailure(null), busy };
}
