/**
 * What a campaign's report holds (docs/reports.md): the engine's `report` request answers it, the
 * Report screen, the command line's `report` and the CSV exports read it. Every number in it is a
 * count metric of the registry (src/domain/metrics.ts) by id; rates are never stored here, they are
 * computed from these counts through the registry, so that a rate has one definition everywhere.
 */

/** How the report is cut: the filters a marketer sets, kept in the report's address. */
export interface ReportFilters {
  /** Channel activities to include (ids); none or empty: every channel activity. */
  activities?: string[];
  /** One branch of a Split: `<split activity id>/<subset id>`; none: every branch. */
  branch?: string;
  /** Simulated time range, `YYYY-MM-DD HH:MM` (inclusive start, exclusive end) on event times. */
  from?: string;
  to?: string;
}

export type ReportBucket = 'hour' | 'day';

export interface ReportParams {
  filters?: ReportFilters;
  /** Width of the time series' buckets (default: hour when the events span two days or less, else day). */
  bucket?: ReportBucket;
  /**
   * Leave out the breakdown by email domain, the one that reads every email's address: its rows
   * are then absent from `breakdowns`. The Report screen asks for it only while it is shown.
   */
  omitDomain?: boolean;
}

/** Values of count metrics by metric id (e.g. `sent`, `unique-opens`). Missing: not applicable. */
export type MetricCounts = Record<string, number>;

/** One row of a breakdown: a key (stable, for addresses and CSV), its label, its counts. */
export interface ReportRow {
  key: string;
  label: string;
  counts: MetricCounts;
}

export type ReportBreakdownId = 'activity' | 'channel' | 'domain' | 'link' | 'exclusion-reason' | 'failure-reason' | 'branch';

export interface ReportBreakdown {
  id: ReportBreakdownId;
  rows: ReportRow[];
}

/**
 * A rate compared between two branches of a Split: variant minus control, with its 95 % interval
 * (two-proportion, unpooled standard error) and whether the interval excludes 0.
 */
export interface RateComparison {
  /** Rate metric id of the registry (e.g. `open-rate`). */
  metric: string;
  control: string;
  variant: string;
  controlRate: number | null;
  variantRate: number | null;
  difference: number | null;
  low: number | null;
  high: number | null;
  significant: boolean;
  /** Holdout only: (treated rate − control rate) / control rate. */
  lift?: number | null;
}

/** A Split whose branches lead to channels: an A/B test, or a holdout (a branch that gets nothing). */
export interface SplitReport {
  splitActivityId: string;
  label: string;
  kind: 'ab' | 'holdout';
  /** One row per branch, key = subset id. */
  branches: ReportRow[];
  comparisons: RateComparison[];
}

export interface TimePoint {
  /** Start of the bucket, `YYYY-MM-DD HH:MM`. */
  at: string;
  counts: MetricCounts;
}

export interface ReportResult {
  /** False when the campaign has no simulation to report (the screen says how to simulate). */
  simulated: boolean;
  /** Simulated launch time of the campaign, `YYYY-MM-DD HH:MM`. */
  launch?: string;
  /** First and last event times, for the time range filter. */
  span?: { from: string; to: string };
  /** The whole campaign (after filters): every count metric of the registry. */
  totals: MetricCounts;
  breakdowns: ReportBreakdown[];
  splits: SplitReport[];
  timeline: { bucket: ReportBucket; points: TimePoint[] };
  /** One funnel per channel activity: targeted → sent → delivered → opened → clicked (its row's counts). */
  funnels: ReportRow[];
}
