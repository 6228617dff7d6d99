import { describe, expect, test } from 'vitest';
import { compareProportions } from './compare-rates';

describe('two-proportion comparison (unpooled Wald, 95 %)', () => {
  test('the published worked example: OpenIntro Statistics, "CPR and blood thinner" (Diez, Çetinkaya-Rundel, Barr, 4th ed., section 6.2)', () => {
    // Treatment (blood thinner): 14 of 40 survived; control: 11 of 50. The book: p̂T − p̂C = 0.35 − 0.22 = 0.13,
    // SE = sqrt(0.35·0.65/40 + 0.22·0.78/50) = 0.095496, 95 % CI 0.13 ± 1.96 × 0.095 = (−0.056, 0.316) with the SE
    // rounded to 0.095, (−0.057, 0.317) with it unrounded: the interval contains 0, not significant.
    const d = compareProportions(11, 50, 14, 40);
    expect(d.controlRate).toBeCloseTo(0.22, 10);
    expect(d.variantRate).toBeCloseTo(0.35, 10);
    expect(d.difference).toBeCloseTo(0.13, 10);
    expect((d.high! - d.low!) / 2 / 1.96).toBeCloseTo(0.095496, 5);
    expect(d.low).toBeCloseTo(-0.0572, 3);
    expect(d.high).toBeCloseTo(0.3172, 3);
    expect(d.significant).toBe(false);
    expect(d.lift).toBeCloseTo(0.13 / 0.22, 10);
  });

  test('an interval that excludes 0 is significant, either way', () => {
    // 200 of 1000 against 260 of 1000: d = 0.06, SE = sqrt(0.2·0.8/1000 + 0.26·0.74/1000) = sqrt(0.0003524) = 0.018772,
    // 0.06 ± 0.036794 = (0.023206, 0.096794).
    const up = compareProportions(200, 1000, 260, 1000);
    expect(up.low).toBeCloseTo(0.023206, 5);
    expect(up.high).toBeCloseTo(0.096794, 5);
    expect(up.significant).toBe(true);
    const down = compareProportions(260, 1000, 200, 1000);
    expect(down.high).toBeCloseTo(-0.023206, 5);
    expect(down.significant).toBe(true);
  });

  test('a side with nothing to divide has no rate, no interval and no lift, never NaN', () => {
    const d = compareProportions(0, 0, 5, 10);
    expect(d).toEqual({ controlRate: null, variantRate: 0.5, difference: null, low: null, high: null, significant: false, lift: null });
    expect(compareProportions(0, 10, 3, 10).lift).toBeNull();
  });
});
