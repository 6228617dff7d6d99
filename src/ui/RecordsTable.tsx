import './records-table.css';

/** A cell value as text: empty for missing values, Yes/No for booleans. */
export function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/**
 * Records in a scrollable table with a sticky header: the rows behind a transition's preview and
 * behind a rule's "View results". The region is focusable so the keyboard can scroll it.
 */
export function RecordsTable({
  columns,
  rows,
  label,
}: {
  columns: readonly { name: string; type?: string }[];
  rows: readonly Record<string, unknown>[];
  /** Accessible name of the scrollable region. */
  label: string;
}) {
  return (
    <div className="cc-records-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="cc-records">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col" title={c.type}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.name}>{formatCell(row[c.name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
