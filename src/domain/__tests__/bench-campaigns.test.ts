import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCampaign } from '../serialization';

// The benchmark campaigns must stay importable as the format evolves.
describe('benchmark campaigns', () => {
  it('bench/campaign-200.json imports with 200 activities', () => {
    const result = parseCampaign(readFileSync(new URL('../../../bench/campaign-200.json', import.meta.url), 'utf8'));
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(result.doc.activities).toHaveLength(200);
  });
});
