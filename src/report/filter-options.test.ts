import { describe, expect, it } from 'vitest';
import { createActivity, createCampaign } from '../domain/factory';
import { filterOptions } from './filter-options';

describe('report filter options', () => {
  it('offers the enabled channel activities and every branch of each Split, the rest included', () => {
    const doc = createCampaign('Test');
    const at = { x: 0, y: 0 };
    const email = { ...createActivity('email', at, doc), label: 'Welcome' };
    const off = { ...createActivity('sms', at, doc), label: 'Off', disabled: true };
    const audience = createActivity('build-audience', at, doc);
    const split = {
      ...createActivity('split', at, doc),
      label: 'Test',
      config: { subsets: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], complement: true, complementLabel: 'Holdout' },
    };
    const options = filterOptions({ ...doc, activities: [audience, email, off, split] });
    expect(options.activities).toEqual([{ id: email.id, label: 'Welcome' }]);
    expect(options.branches).toEqual([
      { value: `${split.id}/a`, label: 'Test: A' },
      { value: `${split.id}/b`, label: 'Test: B' },
      { value: `${split.id}/complement`, label: 'Test: Holdout' },
    ]);
  });
});
