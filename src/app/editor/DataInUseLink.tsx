import { Database } from 'lucide-react';
import { dataInUseName } from '../../data-explorer/describe-dataset';
import { useDataset } from '../../queries/useDataset';

/**
 * The data the counts are on, in the editor's top bar, as the link to the Data screen: counts mean
 * nothing without knowing which data they count.
 */
export function DataInUseLink() {
  const dataset = useDataset();
  const name = dataset.data ? dataInUseName(dataset.data) : dataset.isError ? 'Data not loaded' : 'Loading data…';
  return (
    <a className="cc-button cc-button-quiet cc-data-in-use" href="#/data" title="The data the counts are on: open the Data screen">
      <Database size={16} aria-hidden />
      <span className="cc-data-in-use__lead">Counts on</span>{' '}
      <span className="cc-data-in-use__name">{name}</span>
    </a>
  );
}
