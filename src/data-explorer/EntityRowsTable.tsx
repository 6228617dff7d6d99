import type { EntityDef } from '../domain/data-model';
import { useEntityRows } from '../queries/useDataExplorer';
import { formatCount, formatValue } from './format';
import { errorText, Failed, Waiting } from './LoadState';

const isNumeric = (f: EntityDef['fields'][number] | undefined) => f?.type === 'integer' || f?.type === 'decimal';

/** Rows shown: enough to get a feel for the data, few enough to cross the worker at once. */
export const SAMPLE_ROWS = 100;

/**
 * The first rows of an entity by primary key, in a scrollable table whose header stays in view.
 * A table still loading in the background is waited for (the engine holds the query until then).
 */
export function EntityRowsTable({ entity, rowCount, isLoadingInBackground }: { entity: EntityDef; rowCount: number | undefined; isLoadingInBackground: boolean }) {
  const rows = useEntityRows(entity.name, SAMPLE_ROWS);
  const title = entity.label || entity.name;
  if (rows.isPending) {
    return <Waiting>{isLoadingInBackground ? `${title} is still loading in the background; its rows appear once it is in…` : `Loading the rows of ${title}…`}</Waiting>;
  }
  if (rows.isError) return <Failed>The rows of {title} could not be read: {errorText(rows.error)}</Failed>;
  if (rows.data.length === 0) return <p className="dx-empty">{title} has no rows.</p>;
  const fieldOf = new Map(entity.fields.map((f) => [f.name, f]));
  const columns = Object.keys(rows.data[0]!);
  return (
    <>
      <p className="dx-note">
        The first {formatCount(rows.data.length)}
        {rowCount !== undefined && ` of ${formatCount(rowCount)}`} rows, ordered by <code>{entity.primaryKey}</code>.
      </p>
      <div className="dx-scroll" tabIndex={0} role="region" aria-label={`Rows of ${title}, scrollable`}>
        <table className="dx-table dx-rows-table" aria-label={`First rows of ${title}`}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" title={fieldOf.get(c)?.label || undefined} className={isNumeric(fieldOf.get(c)) ? 'dx-num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.data.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const v = row[c];
                  const empty = v === null || v === undefined || v === '';
                  const field = fieldOf.get(c);
                  return (
                    <td key={c} className={[empty && 'dx-cell-empty', typeof v === 'number' && 'dx-cell-number'].filter(Boolean).join(' ') || undefined}>
                      {/* Enum codes stay short here; their labels are in the Fields tab. */}
                      {formatValue(v, field?.type === 'enum' ? undefined : field)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
