import { Button, FileTrigger } from 'react-aria-components';
import { Database, HardDrive, Loader2, RefreshCw, Upload } from 'lucide-react';
import type { DatasetInfo } from '../engine/engine';
import { datasetSource, totalRows } from './describe-dataset';
import { formatCount } from './format';

/** What the summary says of keeping the data in the browser's storage. */
const keptText = {
  opened: 'Yes: opened from this browser’s storage, nothing loaded again',
  keeping: 'Being kept in this browser’s storage…',
  kept: 'Yes: the next visit opens it without loading it again',
  small: 'Not needed: this data loads again in about a second',
  'not-kept': 'No (see below)',
} as const;

/**
 * The dataset in use (sample with its size and seed, or the imported files), its reference date
 * and size, what is still loading, and the actions that replace it.
 */
export function DatasetSummary({
  dataset,
  busy,
  onImport,
  onChooseSample,
}: {
  dataset: DatasetInfo;
  busy: 'import' | 'sample' | null;
  onImport: (files: File[]) => void;
  onChooseSample: () => void;
}) {
  const source = datasetSource(dataset);
  const loading = dataset.loading ?? [];
  const label = (name: string) => dataset.model.entities.find((e) => e.name === name)?.label || name;
  return (
    <section className="dx-summary" aria-labelledby="dx-summary-title">
      <div className="dx-summary-main">
        <Database size={22} aria-hidden className="dx-summary-icon" />
        <div className="dx-summary-text">
          <h2 id="dx-summary-title" className="dx-summary-title">
            {source.kind === 'sample' ? 'Sample data' : dataset.model.name}
          </h2>
          <dl className="dx-facts">
            {source.kind === 'sample' && (
              <>
                <div>
                  <dt>Size</dt>
                  <dd>{formatCount(source.profiles)} profiles</dd>
                </div>
                <div>
                  <dt>Seed</dt>
                  <dd>{source.seed}</dd>
                </div>
              </>
            )}
            {source.kind === 'import' && (
              <div>
                <dt>Imported from</dt>
                <dd>{source.files.length > 0 ? source.files.join(', ') : 'your files'}</dd>
              </div>
            )}
            <div>
              <dt>Reference date</dt>
              <dd>
                <time dateTime={dataset.model.referenceDate}>{dataset.model.referenceDate}</time>
                {dataset.referenceDateIsImportDay && (
                  <span className="dx-muted"> (the day of import: the data model sets no reference date)</span>
                )}
              </dd>
            </div>
            <div>
              <dt>Entities</dt>
              <dd>{dataset.model.entities.length}</dd>
            </div>
            <div>
              <dt>Rows</dt>
              <dd>
                {formatCount(totalRows(dataset))}
                {loading.length > 0 && ' so far'}
              </dd>
            </div>
            {dataset.kept && (
              <div>
                <dt>Kept between visits</dt>
                <dd>{keptText[dataset.kept.status]}</dd>
              </div>
            )}
            <div>
              <dt>Targeting dimensions</dt>
              <dd>{dataset.model.dimensions.map((d) => d.label || label(d.entity)).join(', ') || 'none'}</dd>
            </div>
          </dl>
        </div>
        <div className="dx-summary-actions">
          <FileTrigger allowsMultiple acceptedFileTypes={['.json', '.csv', 'application/json', 'text/csv']} onSelect={(list) => list && onImport(Array.from(list))}>
            <Button className="cc-button cc-button-primary" isDisabled={busy !== null}>
              <Upload size={16} aria-hidden />
              Import data…
            </Button>
          </FileTrigger>
          <Button className="cc-button" onPress={onChooseSample} isDisabled={busy !== null}>
            <RefreshCw size={16} aria-hidden />
            Use sample data…
          </Button>
        </div>
      </div>
      {(busy || loading.length > 0) && (
        <p className="dx-summary-status" role="status">
          <Loader2 size={14} aria-hidden className="cc-spinner" />
          {busy === 'import' && 'Checking and loading the imported files… The data in use stays until they are in.'}
          {busy === 'sample' && 'Generating and loading the sample data… The data in use stays until it is in.'}
          {!busy && `Loading in the background: ${loading.map(label).join(', ')}. Their row counts appear once they are in.`}
        </p>
      )}
      {dataset.kept?.status === 'not-kept' && (
        <p className="dx-summary-status dx-summary-note" role="note" aria-label="Kept between visits">
          <HardDrive size={14} aria-hidden />
          <span>
            This data will not be kept between visits: {dataset.kept.reason}. Everything works as usual; the data
            is generated and loaded again at your next visit, and your campaigns are saved as always.
          </span>
        </p>
      )}
    </section>
  );
}
