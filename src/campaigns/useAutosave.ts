import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { Autosaver, type SaveState } from './autosaver';
import { campaignKeys } from './query-keys';
import { useCampaignRepository } from './useCampaignRepository';

/** Longest wait between an edit and its write: well inside the one second a crash may lose. */
export const AUTOSAVE_INTERVAL_MS = 400;

/**
 * Saves `doc` whenever it changes (not on first render: the loaded document is already stored).
 * Writes are throttled, and flushed when the page is hidden or closed (`pagehide`,
 * `visibilitychange`), and when the editor unmounts, so leaving never loses an edit.
 */
export function useAutosave(doc: CampaignDoc): SaveState {
  const repo = useCampaignRepository();
  const client = useQueryClient();
  const [state, setState] = useState<SaveState>('saved');
  const [saver] = useState(
    () =>
      new Autosaver<CampaignDoc>({
        save: async (d) => {
          await repo.put(d);
        },
        intervalMs: AUTOSAVE_INTERVAL_MS,
        onStateChange: setState,
      }),
  );
  const initial = useRef(doc);

  useEffect(() => {
    if (doc !== initial.current) saver.schedule(doc);
  }, [doc, saver]);

  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the editor: write what is waiting, then let the list show it.
      void saver.flush().then(() => client.invalidateQueries({ queryKey: campaignKeys.list() }));
    };
  }, [saver, client]);

  // A warning before closing the tab only while a write is actually failing; normal saving is
  // fast enough that the pagehide flush covers it.
  useEffect(() => {
    if (state !== 'error') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state]);

  return state;
}
