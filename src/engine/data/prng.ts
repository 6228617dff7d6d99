/**
 * Seeded pseudo-random numbers for the sample data. sfc32 is fast, has a long period and gives the
 * same sequence in every JavaScript engine, so the same seed yields the same rows in Node and in the
 * browser.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from a number and a stream name, so that each table gets its own independent stream. */
  constructor(seed: number, stream = '') {
    let h = 1779033703 ^ stream.length;
    const mix = (k: number) => {
      h = Math.imul(h ^ k, 3432918353);
      h = (h << 13) | (h >>> 19);
    };
    mix(seed | 0);
    mix(Math.floor(seed / 2 ** 32));
    for (let i = 0; i < stream.length; i++) mix(stream.charCodeAt(i));
    const next = () => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    // `| 0` keeps the state in small-integer representation, which V8 optimises far better.
    this.a = next() | 0;
    this.b = next() | 0;
    this.c = next() | 0;
    this.d = next() | 0;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Approximately normal (sum of three uniforms), cheap and bounded. */
  normal(mean: number, sd: number): number {
    return mean + sd * (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  /** An index drawn with a Zipf-like skew: low indices are much more frequent. */
  skewed(n: number, power = 2): number {
    return Math.min(n - 1, Math.floor(n * skew(this.next(), power)));
  }

  /** Poisson-distributed count (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** Cumulative weights for `pickWeighted`, built once per list. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** An index drawn from cumulative weights. */
export function pickWeighted(rng: Prng, cum: Float64Array): number {
  const u = rng.next();
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]!) i++;
  return i;
}

/**
 * A fast stand-in for `u ** power` on [0, 1]: exact for whole powers, a blend of the two nearest
 * whole powers otherwise. `Math.pow` with a fractional exponent costs ~150 ns, which dominated the
 * generation of tens of millions of rows.
 */
export function skew(u: number, power: number): number {
  const whole = Math.floor(power);
  let v = 1;
  for (let i = 0; i < whole; i++) v *= u;
  const frac = power - whole;
  return frac === 0 ? v : v * (1 - frac + frac * u);
}
