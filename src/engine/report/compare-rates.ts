/**
 * Comparing two proportions (an A/B test's rates, a holdout's conversion): the difference of the
 * variant's rate over the control's with its 95 % interval, unpooled Wald:
 * d ± 1.96 · sqrt(p1(1 − p1)/n1 + p2(1 − p2)/n2). Significant when the interval excludes 0.
 */
export const Z95 = 1.96;

export interface ProportionDifference {
  controlRate: number | null;
  variantRate: number | null;
  difference: number | null;
  low: number | null;
  high: number | null;
  significant: boolean;
  /** (variant − control) / control; null when the control's rate is 0 or unknown. */
  lift: number | null;
}

/** `x1` successes of `n1` (control) against `x2` of `n2` (variant). A side with n = 0 has no rate. */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ProportionDifference {
  const p1 = n1 > 0 ? x1 / n1 : null;
  const p2 = n2 > 0 ? x2 / n2 : null;
  if (p1 === null || p2 === null) return { controlRate: p1, variantRate: p2, difference: null, low: null, high: null, significant: false, lift: null };
  const difference = p2 - p1;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const low = difference - Z95 * se;
  const high = difference + Z95 * se;
  return { controlRate: p1, variantRate: p2, difference, low, high, significant: low > 0 || high < 0, lift: p1 > 0 ? difference / p1 : null };
}
