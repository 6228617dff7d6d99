import { describe, expect, it } from 'vitest';
import { campaignVariables, variableProblems } from '../variables';
import { setVariables } from '../edits';
import { validateCampaign } from '../validate';
import { campaign } from './fixtures';

describe('campaign variables', () => {
  it('are read by name, the first of two alike winning, and set or removed as one edit', () => {
    const doc = setVariables(campaign([]), [
      { name: 'season', value: 'summer' },
      { name: 'season', value: 'winter' },
      { name: '', value: 'x' },
    ]);
    expect([...campaignVariables(doc)]).toEqual([['season', 'summer']]);
    expect(setVariables(doc, []).settings.variables).toBeUndefined();
  });

  it('an empty or repeated name is an error on the campaign, at its place in the list', () => {
    const doc = setVariables(campaign([]), [
      { name: 'season', value: 'summer' },
      { name: ' ', value: '' },
      { name: 'season', value: 'winter' },
    ]);
    expect(variableProblems(doc).map((p) => p.path)).toEqual(['variables[1].name', 'variables[2].name']);
    expect(validateCampaign(doc).filter((p) => p.code === 'variable').map((p) => [p.severity, p.message])).toEqual([
      ['error', 'Variable 2 has no name.'],
      ['error', 'Two variables are named "season": Test activities read the first.'],
    ]);
  });
});
