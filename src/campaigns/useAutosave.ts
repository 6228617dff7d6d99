import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { Autosaver, type SaveState } from './autosaver';
import { crashBackup } from './crash-backup';
import { flushDrafts } from '../ui/draft-flush';
import { campaignKeys } from './query-keys';
import { useCampaignRepository } from './useCampaignRepository';

/** Longest wait between an edit and its write: well inside the one second a crash may lose. */
export const AUTOSAVE_INTERVAL_MS = 400;

/**
 * Saves `doc` whenever it changes (not on first render: the loaded document is already stored).
 * Writes are throttled, and flushed when the page is hidden or closed (`pagehide`,
 * `visibilitychange`) and when the editor unmounts; drafts still in text fields are committed
 * first (see draft-flush.ts). Because a closing tab may abort an IndexedDB
 * write, an unsaved document is also copied to localStorage at that moment (see crash-backup.ts).
 */
export function useAutosave(
  doc: CampaignDoc,
  {
    paused = false,
    current,
  }: {
    paused?: boolean;
    /**
     * The newest document, with changes made since the last render (a draft committed as the page
     * goes away changes it before anything is rendered); `doc` when absent.
     */
    current?: () => CampaignDoc;
  } = {},
): SaveState {
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

  // A layout effect, so the change is scheduled in the same task as the edit: a tab closed right
  // after typing still sees it as pending.
  // While `paused` (another tab edits the campaign and saves it), nothing is scheduled, and what
  // was waiting is written at once.
  useLayoutEffect(() => {
    if (!paused && doc !== initial.current) saver.schedule(doc);
  }, [doc, saver, paused]);
  useEffect(() => {
    if (paused) void saver.flush();
  }, [paused, saver]);

  const latest = useRef(doc);
  useLayoutEffect(() => {
    latest.current = doc;
  }, [doc]);
  const newest = useRef(current);
  useLayoutEffect(() => {
    newest.current = current;
  }, [current]);

  useEffect(() => {
    const leave = () => {
      const id = latest.current.id;
      // Text typed into a field and not committed yet becomes part of the document first. Its
      // backup is written as soon as the document holds it, before the editor renders it: a tab
      // being closed may not live through that render.
      const drafted = flushDrafts(() => crashBackup.write(newest.current?.() ?? latest.current));
      if (saver.saveState === 'saved') {
        // The drafts changed nothing (or the document is written already): no backup to keep.
        if (drafted) crashBackup.clear(id);
        return;
      }
      crashBackup.write(latest.current);
      void saver.flush().then(() => {
        if (saver.saveState === 'saved') crashBackup.clear(id);
      });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the editor: write what is waiting, then let the list show it.
      void saver.flush().then(() => client.invalidateQueries({ queryKey: campaignKeys.list() }));
    };
  }, [saver, client]);

  // A warning before closing the tab only while writes are failing; normal saving is fast enough
  // that the flush on pagehide covers it.
  useEffect(() => {
    if (state !== 'error') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state]);

  return state;
}
