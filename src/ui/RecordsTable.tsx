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
  rowAction,
}: {
  columns: readonly { name: string; type?: string }[];
  rows: readonly Record<string, unknown>[];
  /** Accessible name of the scrollable region. */
  label: string;
  /** A button at the start of each row (the preview's "Trace"), named for its row. */
  rowAction?: { text: string; name: (row: Record<string, unknown>) => string; onPress: (row: Record<string, unknown>) => void };
}) {
  return (
    <div className="cc-records-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="cc-records">
        <thead>
          <tr>
            {rowAction && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
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
              {rowAction && (
                <td>
                  <button type="button" className="cc-records__action" aria-label={rowAction.name(row)} onClick={() => rowAction.onPress(row)}>
                    {rowAction.text}
                  </button>
                </td>
              )}
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
