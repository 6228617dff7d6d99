import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { Table2 } from 'lucide-react';
import { ReportTableView } from './ReportTableView';
import type { ReportTable } from './report-tables';

/**
 * A chart drawn by Observable Plot at the width it is given, with its data as a table beside it on
 * demand (the chart's accessible alternative: the same rows, readable and downloadable). The SVG
 * is named and described for assistive technology; the table is what a keyboard or screen reader
 * user reads.
 */
export function PlotFigure({ title, description, table, campaignName, draw }: { title: string; description: string; table: ReportTable; campaignName: string; draw: (width: number) => Element }) {
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [showTable, setShowTable] = useState(false);
  const tableId = `${table.id}-data`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = host.current;
    if (!el || width < 100) return;
    const chart = draw(width);
    // The figure is one image named and described by its host (its data is the table); Plot's
    // labels of its inner groups would be read as stray names inside it.
    for (const g of chart.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
    for (const svg of chart.querySelectorAll('svg')) svg.setAttribute('aria-hidden', 'true');
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [draw, width]);

  return (
    <figure className="report-figure">
      <div className="report-figure__bar">
        <figcaption className="report-table__title">{title}</figcaption>
        <Button className="cc-button cc-button-quiet" aria-expanded={showTable} aria-controls={tableId} onPress={() => setShowTable((v) => !v)}>
          <Table2 size={14} aria-hidden />
          {showTable ? 'Hide data table' : 'Show data table'}
        </Button>
      </div>
      <div ref={host} className="report-figure__chart" role="img" aria-label={`${title}: ${description}`} />
      <div id={tableId} hidden={!showTable} className="report-figure__table">
        {showTable && <ReportTableView table={table} campaignName={campaignName} showTitle={false} />}
      </div>
    </figure>
  );
}
