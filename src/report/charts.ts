import * as Plot from '@observablehq/plot';
import type { ReportResult, ReportRow } from '../domain/report';
import { metricInfo } from './report-metrics';
import { filledTimeline, FUNNEL_STEPS } from './report-tables';

/**
 * The report's charts, drawn with Observable Plot (docs/architecture.md says why): declarative,
 * SVG, and loaded only with the Report screen. Times are the simulated wall clock, drawn as UTC so
 * that no time zone shifts them.
 */
const SERIES = ['sent', 'delivered', 'unique-opens', 'unique-clicks'] as const;
const asUtc = (stamp: string) => new Date(`${stamp.replace(' ', 'T')}Z`);
const font = 'system-ui, sans-serif';

/** Sends, deliveries, opens and clicks per hour or day, one line each. */
export function timelineChart(result: ReportResult, width: number): Element {
  const labels = SERIES.map((id) => metricInfo(id).label);
  const data = filledTimeline(result).flatMap((p) => SERIES.map((id, i) => ({ at: asUtc(p.at), series: labels[i]!, value: p.counts[id] ?? 0 })));
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 64,
    marginBottom: 36,
    style: { fontFamily: font, fontSize: '12px' },
    x: { type: 'utc', label: null, ...(result.timeline.bucket === 'day' ? { interval: 'day', tickFormat: '%a %-d %b' } : {}) },
    y: { grid: true, label: 'Messages', tickFormat: '~s' },
    color: { domain: labels, range: ['#1f5fbf', '#2e8540', '#b35c00', '#7a3db8'], legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(
        data.filter((d) => d.series !== labels[0]),
        { x: 'at', y: 'value', stroke: 'series', strokeWidth: 2 },
      ),
      // Sent dashed, on top: where every message is delivered the two lines meet and both stay seen.
      Plot.lineY(
        data.filter((d) => d.series === labels[0]),
        { x: 'at', y: 'value', stroke: 'series', strokeWidth: 2, strokeDasharray: '5,4' },
      ),
      Plot.dot(data, { x: 'at', y: 'value', fill: 'series', r: 2.5, tip: true }),
    ],
  });
}

/** One channel activity's funnel: a bar per step, its count at the end. */
export function funnelChart(row: ReportRow, width: number): Element {
  const steps = FUNNEL_STEPS.filter((id) => row.counts[id] !== undefined);
  const data = steps.map((id) => ({ step: metricInfo(id).label, value: row.counts[id]! }));
  return Plot.plot({
    width,
    height: 40 + steps.length * 30,
    marginLeft: 110,
    marginRight: 72,
    style: { fontFamily: font, fontSize: '12px' },
    x: { axis: null },
    y: { domain: data.map((d) => d.step), label: null, tickSize: 0 },
    marks: [
      Plot.barX(data, { x: 'value', y: 'step', fill: '#1f5fbf' }),
      Plot.text(data, { x: 'value', y: 'step', text: (d: { value: number }) => d.value.toLocaleString('en-US'), textAnchor: 'start', dx: 6, fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  });
}
