import type { EntityDef, FieldDef } from '../domain/data-model';
import { useDistribution } from '../queries/useDataExplorer';
import { fieldTitle, formatCount, formatShare, formatValue } from './format';
import { errorText, Failed, Waiting } from './LoadState';

/** The engine's default: the 20 most frequent values. */
const TOP = 20;

/**
 * The most frequent values of a field with their counts and share of rows, as a table whose share
 * column carries a horizontal bar (plain CSS: a chart library would weigh more than this view).
 * Bars are scaled to the most frequent value so that small differences stay visible.
 */
export function DistributionChart({ entity, field, isLoadingInBackground }: { entity: EntityDef; field: FieldDef; isLoadingInBackground: boolean }) {
  const dist = useDistribution(entity.name, field.name);
  const title = `${fieldTitle(field)}${field.label ? ` (${field.name})` : ''}`;
  return (
    <section className="dx-distribution" aria-labelledby="dx-distribution-title">
      <h3 id="dx-distribution-title" className="dx-subtitle">
        Distribution of {title}
      </h3>
      {dist.isPending ? (
        <Waiting>{isLoadingInBackground ? `${entity.label || entity.name} is still loading in the background…` : 'Counting values…'}</Waiting>
      ) : dist.isError ? (
        <Failed>The values could not be counted: {errorText(dist.error)}</Failed>
      ) : dist.data.length === 0 ? (
        <p className="dx-empty">No rows, so no values.</p>
      ) : (
        <DistributionTable values={dist.data} field={field} />
      )}
    </section>
  );
}

function DistributionTable({ values, field }: { values: { value: string | number | boolean | null; count: number; share: number }[]; field: FieldDef }) {
  const max = Math.max(...values.map((v) => v.count));
  const covered = values.reduce((sum, v) => sum + v.share, 0);
  return (
    <>
      <p className="dx-note">
        {values.length < TOP ? `All ${values.length} distinct values.` : `The ${TOP} most frequent values; the others make ${formatShare(Math.max(0, 1 - covered))} of the rows.`}
      </p>
      <table className="dx-table dx-dist-table" aria-label={`Distribution of ${field.name}`}>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col" className="dx-num">
              Rows
            </th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v, i) => (
            <tr key={i}>
              <th scope="row" className={v.value === null ? 'dx-cell-empty' : undefined}>
                {formatValue(v.value, field)}
              </th>
              <td className="dx-num">{formatCount(v.count)}</td>
              <td className="dx-dist-share">
                <span className="dx-bar-track" aria-hidden>
                  <span className="dx-bar" style={{ width: `${(v.count / max) * 100}%` }} />
                </span>
                <span className="dx-dist-pct">{formatShare(v.share)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
