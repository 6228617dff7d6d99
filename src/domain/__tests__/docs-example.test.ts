import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCampaign } from '../serialization';
import { validateCampaign } from '../validate';

// Keeps docs/campaign-format.md true: its complete example must import and validate cleanly.
describe('docs/campaign-format.md example', () => {
  it('imports without errors and has no problems', () => {
    const text = readFileSync(new URL('../../../docs/campaign-format.md', import.meta.url), 'utf8');
    const example = text.split('## A complete example')[1]?.match(/```json\n([\s\S]*?)```/)?.[1];
    expect(example).toBeDefined();
    const result = parseCampaign(example!);
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(validateCampaign(result.doc)).toEqual([]);
  });
});
