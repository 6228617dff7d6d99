import type { SplitConfig, SplitSubset } from './definition';

/** One group of a random split: its label and its share of the whole audience, in percent. */
export interface RandomGroup {
  label: string;
  share: number;
}

/**
 * Subsets that cut the audience at random into groups of the given shares of the whole (A/B tests,
 * holdouts). Without overlap a subset's percentage applies to the records earlier subsets left, so
 * each share is converted into a share of what remains: 10 % / 45 % / 45 % becomes 10 %, then 50 %
 * of the rest, then everything left. When the shares add up to 100 the last group takes the rest
 * without a limit, so no record is lost to rounding; when they add up to less, the rest goes to
 * the complement.
 */
export function randomSplitConfig(groups: readonly RandomGroup[], base: Pick<SplitConfig, 'complementLabel'> = { complementLabel: 'Rest' }): SplitConfig {
  const total = groups.reduce((s, g) => s + g.share, 0);
  let remaining = 100;
  const subsets: SplitSubset[] = groups.map((g, i) => {
    const last = i === groups.length - 1;
    const takesRest = last && Math.abs(total - 100) < 1e-9;
    const value = takesRest || remaining <= 0 ? 100 : Math.min(100, roundShare((g.share / remaining) * 100));
    remaining -= g.share;
    return {
      id: `subset-${i + 1}`,
      label: g.label,
      filter: null,
      limit: takesRest ? null : { kind: 'percent', value },
      order: { mode: 'random' },
      skipEmpty: false,
    };
  });
  return { subsets, overlap: false, complement: total < 100 - 1e-9, complementLabel: base.complementLabel, singleTable: false };
}

/** Percentages kept to two decimals, so that the form shows them plainly. */
function roundShare(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Equal shares for `n` groups labelled A, B, C... (the last one absorbs what does not divide). */
export function equalGroups(n: number): RandomGroup[] {
  const share = Math.floor((100 / n) * 100) / 100;
  return Array.from({ length: n }, (_, i) => ({ label: `Group ${String.fromCharCode(65 + (i % 26))}`, share: i === n - 1 ? roundShare(100 - share * (n - 1)) : share }));
}

/** A holdout: a control group of `percent` % and the rest as the complement, the target. */
export function holdoutConfig(percent: number): SplitConfig {
  return {
    subsets: [{ id: 'control', label: 'Control', filter: null, limit: { kind: 'percent', value: percent }, order: { mode: 'random' }, skipEmpty: false }],
    overlap: false,
    complement: true,
    complementLabel: 'Target',
    singleTable: false,
  };
}
