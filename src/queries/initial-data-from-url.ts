import { DEFAULT_DATA } from '../engine/client';
import type { DataSource } from '../engine/protocol';

/** Smallest and largest sample sizes the `profiles` URL parameter accepts. */
const MIN_PROFILES = 100;
const MAX_PROFILES = 5_000_000;

/**
 * The data the engine starts with: the built-in sample (100,000 profiles), or another size given
 * in the page's URL, e.g. `/?profiles=10000#/campaigns` (end-to-end tests) or `?profiles=1000000`
 * (the benchmark). `seed` may be given too. Anything unreadable falls back to the default.
 */
export function initialDataFromUrl(search: string): DataSource {
  const params = new URLSearchParams(search);
  const profiles = Number(params.get('profiles'));
  const seed = Number(params.get('seed'));
  if (DEFAULT_DATA.kind !== 'sample') return DEFAULT_DATA;
  return {
    kind: 'sample',
    profiles: Number.isInteger(profiles) && profiles >= MIN_PROFILES && profiles <= MAX_PROFILES ? profiles : DEFAULT_DATA.profiles,
    seed: params.has('seed') && Number.isInteger(seed) ? seed : DEFAULT_DATA.seed,
  };
}
