import { describe, expect, test } from 'vitest';
import { describeDataset } from './dataset-label';

describe('dataset names in lists of saved audiences', () => {
  test('the sample by its size, with its seed when not the default', () => {
    expect(describeDataset('sample-100000-42')).toBe('Sample data, 100,000 profiles');
    expect(describeDataset('sample-1000-7')).toBe('Sample data, 1,000 profiles (seed 7)');
  });

  test('imported data by the start of its content hash; anything else as is', () => {
    expect(describeDataset('import-0123456789abcdef')).toBe('Imported data (01234567)');
    expect(describeDataset('fixture')).toBe('Data fixture');
    expect(describeDataset('')).toBe('Unknown data');
  });
});
