/**
 * How a person recognises a dataset from its id, where nothing better was recorded: the sample
 * data by its size and seed, imported data by the start of its content hash.
 */
export function describeDataset(datasetId: string): string {
  const sample = /^sample-(\d+)-(\d+)$/.exec(datasetId);
  if (sample)
    return `Sample data, ${Number(sample[1]).toLocaleString('en-US')} profiles${sample[2] === '42' ? '' : ` (seed ${sample[2]})`}`;
  const imported = /^import-(.+)$/.exec(datasetId);
  if (imported) return `Imported data (${imported[1]!.slice(0, 8)})`;
  return datasetId === '' ? 'Unknown data' : `Data ${datasetId}`;
}
