import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { showToast } from '../ui/Toast';
import { useEngineClient } from './EngineClientContext';
import { datasetQuery } from './engine-queries';

/** Told once per browser tab session (a reload does not tell it again). */
const TOLD = 'campaign-canvas:kept-data-notice';

/**
 * Says once, in a notice, that the data will not be kept between visits when the browser's storage
 * refuses it (full, private browsing, missing): the app works as before and the Data screen keeps
 * saying why. Reads the dataset only as others ask for it: it starts no engine.
 */
export function useKeptDataNotice(): void {
  const { data } = useQuery({ ...datasetQuery(useEngineClient()), enabled: false });
  const reason = data?.kept?.status === 'not-kept' ? data.kept.reason : undefined;
  useEffect(() => {
    if (reason === undefined || told()) return;
    remember();
    showToast(
      {
        title: 'Your data will not be kept between visits',
        description: `${capitalise(reason)}. Everything works as usual: the data loads again at your next visit, and your campaigns are saved as always. The Data screen says more.`,
        tone: 'info',
      },
      { timeout: 15_000 },
    );
  }, [reason]);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

let toldHere = false;
function told(): boolean {
  try {
    return toldHere || sessionStorage.getItem(TOLD) === '1';
  } catch {
    return toldHere;
  }
}
function remember(): void {
  toldHere = true;
  try {
    sessionStorage.setItem(TOLD, '1');
  } catch {
    // Told in this page only.
  }
}
