import { describe, expect, it } from 'vitest';
import { splitConfigSchema } from './definition';
import { equalGroups, holdoutConfig, randomSplitConfig } from './split-presets';

describe('random split presets', () => {
  it('turns shares of the whole into shares of what earlier subsets left', () => {
    const config = randomSplitConfig([
      { label: 'Control', share: 10 },
      { label: 'A', share: 45 },
      { label: 'B', share: 45 },
    ]);
    expect(config.subsets.map((s) => [s.label, s.limit])).toEqual([
      ['Control', { kind: 'percent', value: 10 }],
      ['A', { kind: 'percent', value: 50 }],
      ['B', null],
    ]);
    expect(config.complement).toBe(false);
    expect(config.overlap).toBe(false);
    expect(splitConfigSchema.safeParse(config).success).toBe(true);
  });

  it('sends what the shares do not cover to the complement', () => {
    const config = randomSplitConfig([
      { label: 'A', share: 20 },
      { label: 'B', share: 20 },
    ]);
    expect(config.subsets.map((s) => s.limit)).toEqual([
      { kind: 'percent', value: 20 },
      { kind: 'percent', value: 25 },
    ]);
    expect(config.complement).toBe(true);
    expect(config.subsets.map((s) => s.id)).toEqual(['subset-1', 'subset-2']);
  });

  it('makes equal groups that add up to 100', () => {
    const groups = equalGroups(3);
    expect(groups.map((g) => g.label)).toEqual(['Group A', 'Group B', 'Group C']);
    expect(groups.reduce((s, g) => s + g.share, 0)).toBeCloseTo(100, 9);
    expect(randomSplitConfig(groups).subsets.map((s) => s.limit?.value ?? null)).toEqual([33.33, 49.99, null]);
  });

  it('builds a holdout with the complement as the target', () => {
    const config = holdoutConfig(10);
    expect(config.subsets).toHaveLength(1);
    expect(config.complement).toBe(true);
    expect(config.complementLabel).toBe('Target');
  });
});
