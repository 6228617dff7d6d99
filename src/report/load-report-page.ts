import type ReportPageComponent from './ReportPage';

type ReportModule = { default: typeof ReportPageComponent };

let loading: Promise<ReportModule> | undefined;
let loaded: ReportModule | undefined;

/**
 * The Report screen's code (its charts' library among it), loaded once and only when wanted: when
 * a report is opened, or ahead of it once a simulation is done in the editor (the only time a
 * report has something to show), while the page is idle.
 */
export function loadReportPage(): Promise<ReportModule> {
  loading ??= import('./ReportPage').then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/**
 * The Report screen once its code is loaded, else undefined: rendered directly rather than through
 * `React.lazy`, which suspends on its first render even when the code is there, and then holds the
 * screen back for up to 300 ms after its fallback showed.
 */
export function loadedReportPage(): typeof ReportPageComponent | undefined {
  return loaded?.default;
}

/** Loads the Report screen's code when the page is next idle (at the latest after 2 s). */
export function preloadReportPage(): () => void {
  if (loading) return () => undefined;
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(() => void loadReportPage(), 200);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(() => void loadReportPage(), { timeout: 2000 });
  return () => cancelIdleCallback(handle);
}
