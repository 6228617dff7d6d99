import { simMillis } from '../domain/sim-time';
import { rateMetric, rateValue } from '../domain/metrics';

/**
 * How the simulation reads in the editor: its state line and a channel's funnel. Pure, so that it
 * is unit-tested without a browser.
 */

const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-06-30 09:00:00" -> "Mon 30 Jun 2025 09:00" (simulated wall clock, no time zone). */
export function formatSimTime(stamp: string): string {
  const ms = simMillis(stamp);
  if (ms === undefined) return stamp;
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${weekday[d.getUTCDay()]} ${d.getUTCDate()} ${month[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm}`;
}

/** "Simulated from Mon 30 Jun 2025 09:00 · seed 42". */
export function simulatedLabel(launch: string, seed: number): string {
  return `Simulated from ${formatSimTime(launch)} · seed ${seed}`;
}

/** One step of a channel's funnel. */
export interface FunnelStep {
  key: string;
  label: string;
  count: number;
  /** The rate of this step as its metric defines it (docs/metrics.md), when it has one. */
  rate?: { name: string; value: number | null; of: string };
}

/**
 * A channel's funnel from its figures (keyed by the metric registry's ids, src/domain/metrics.ts):
 * targeted → to send → sent → delivered → opened → clicked. Each rate is the registry's: delivery
 * rate = delivered / sent, open rate = unique opens / delivered, click-through rate = unique clicks
 * / delivered; over 0 it is null (no rate). Steps the figures lack are left out (a direct mail has
 * no opens; eligibility alone has no sends).
 */
export function channelFunnel(figures: Readonly<Record<string, number>>): FunnelStep[] {
  const steps: FunnelStep[] = [];
  const add = (key: string, label: string, rateId?: string) => {
    const count = figures[key];
    if (count === undefined) return;
    const metric = rateId === undefined ? undefined : rateMetric(rateId);
    steps.push({ key, label, count, ...(metric ? { rate: { name: metric.label, value: rateValue(metric, figures), of: metric.denominator } } : {}) });
  };
  add('targeted', 'Targeted');
  add('to-send', 'To send');
  add('sent', 'Sent');
  add('delivered', 'Delivered', 'delivery-rate');
  add('unique-opens', 'Opened', 'open-rate');
  add('unique-clicks', 'Clicked', 'click-rate');
  return steps;
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 0.2271 -> "22.7%"; no rate -> "–". */
export function formatRate(value: number | null): string {
  return value === null ? '–' : percent.format(value);
}

/** The figures a channel node shows after a simulation, in order: registry ids and how the node words them. */
export const NODE_FIGURES = [
  { key: 'sent', label: 'sent' },
  { key: 'delivered', label: 'delivered' },
  { key: 'unique-opens', label: 'opened' },
  { key: 'unique-clicks', label: 'clicked' },
] as const;
