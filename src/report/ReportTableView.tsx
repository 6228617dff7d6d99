import { Button } from 'react-aria-components';
import { Download } from 'lucide-react';
import { csvFileName } from '../domain/csv';
import { downloadText } from '../ui/download-text';
import { MetricTerm } from './MetricTerm';
import { formatCell, tableCsv, type ReportTable } from './report-tables';

/**
 * A table of the report with its title as caption, metric headers that tell their definition, and
 * a Download CSV of exactly its rows. Wide tables scroll on their own, never the page.
 */
export function ReportTableView({ table, campaignName, showTitle = true, empty = 'Nothing to show for these filters.' }: { table: ReportTable; campaignName: string; showTitle?: boolean; empty?: string }) {
  return (
    <div className="report-table">
      <div className="report-table__bar">
        {showTitle && <h3 className="report-table__title">{table.title}</h3>}
        <Button className="cc-button cc-button-quiet report-table__csv" aria-label={`Download ${table.title} as CSV`} isDisabled={table.rows.length === 0} onPress={() => downloadText(tableCsv(table), csvFileName(campaignName, table.id))}>
          <Download size={14} aria-hidden />
          CSV
        </Button>
      </div>
      {table.rows.length === 0 ? (
        <p className="report-table__empty">{empty}</p>
      ) : (
        <div className="report-table__scroll" role="region" aria-label={table.title} tabIndex={0}>
          <table>
            <caption className="sr-only">{table.title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.kind === 'text' ? '' : 'report-num'}>
                    {c.metric ? <MetricTerm metric={c.metric} /> : c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {table.columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row">
                        {formatCell(row[c.key] ?? null, c.kind)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.kind === 'text' ? '' : 'report-num'}>
                        {formatCell(row[c.key] ?? null, c.kind)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
