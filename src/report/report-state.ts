import type { ReportBreakdownId, ReportBucket, ReportFilters, ReportParams } from '../domain/report';

/**
 * The Report screen's state, kept in its address (`#/campaigns/<id>/report?<query>`) so that a
 * copied link opens the same view: the filters, the breakdown shown and the time series' bucket.
 * Anything the address holds that does not read is left out (the default view), never an error.
 */
export interface ReportViewState {
  filters: ReportFilters;
  breakdown: ReportBreakdownId;
  /** Unset: the engine picks (hour over two days or less, else day). */
  bucket?: ReportBucket;
}

export const BREAKDOWNS: readonly { id: ReportBreakdownId; label: string }[] = [
  { id: 'activity', label: 'Channel activity' },
  { id: 'channel', label: 'Channel' },
  { id: 'domain', label: 'Email domain' },
  { id: 'link', label: 'Link' },
  { id: 'exclusion-reason', label: 'Exclusion reason' },
  { id: 'failure-reason', label: 'Failure reason' },
  { id: 'branch', label: 'Split branch' },
];

export const DEFAULT_BREAKDOWN: ReportBreakdownId = 'activity';

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** The state a query string (without `?`) holds. */
export function parseReportState(query: string): ReportViewState {
  const params = new URLSearchParams(query);
  const filters: ReportFilters = {};
  const activities = (params.get('activities') ?? '').split(',').filter(Boolean);
  if (activities.length > 0) filters.activities = activities;
  const branch = params.get('branch');
  if (branch && branch.includes('/')) filters.branch = branch;
  const from = params.get('from');
  if (from && TIME.test(from)) filters.from = from;
  const to = params.get('to');
  if (to && TIME.test(to)) filters.to = to;
  const breakdownParam = params.get('breakdown');
  const breakdown = BREAKDOWNS.find((b) => b.id === breakdownParam)?.id ?? DEFAULT_BREAKDOWN;
  const bucketParam = params.get('bucket');
  const bucket = bucketParam === 'hour' || bucketParam === 'day' ? bucketParam : undefined;
  return { filters, breakdown, ...(bucket ? { bucket } : {}) };
}

/** The query string (without `?`) of a state; defaults are left out, so the plain view has none. */
export function formatReportState(state: ReportViewState): string {
  const params = new URLSearchParams();
  const { activities, branch, from, to } = state.filters;
  if (activities && activities.length > 0) params.set('activities', activities.join(','));
  if (branch) params.set('branch', branch);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (state.breakdown !== DEFAULT_BREAKDOWN) params.set('breakdown', state.breakdown);
  if (state.bucket) params.set('bucket', state.bucket);
  return params.toString();
}

/** What the engine's report request is asked, from the state. */
export function reportParams(state: ReportViewState): ReportParams {
  // The breakdown by email domain reads every email's address: asked for only while it is shown.
  return { filters: state.filters, ...(state.bucket ? { bucket: state.bucket } : {}), ...(state.breakdown === 'domain' ? {} : { omitDomain: true }) };
}
