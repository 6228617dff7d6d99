import type { Table } from 'apache-arrow';
import type { Dataset, TableSource } from './dataset';
import { generateProfiles } from './generate-profiles';
import { bookingsSource, contactAddressesSource, productCount, purchasesSource, storeCount, subscriptionsSource, webEventsSource } from './generate-activity';
import { generateProducts, generateStores } from './generate-reference';
import { generateAccounts, generateBuyingGroups } from './generate-b2b';
import { SAMPLE_REFERENCE_DATE, sampleDataModel } from './sample-model';

/** Sizes offered: tests, the app's default, and the benchmark. */
export const SAMPLE_SIZES = { test: 10_000, default: 100_000, benchmark: 1_000_000 } as const;

export interface SampleOptions {
  profiles: number;
  seed: number;
}

/**
 * The built-in sample dataset, deterministic for a given size and seed. Profiles, accounts and
 * buying groups are generated at once (later tables depend on them); the large tables (purchases,
 * web events, contact addresses...) are generated batch by batch while they are loaded.
 */
export function sampleDataset({ profiles, seed }: SampleOptions): Dataset {
  if (!Number.isInteger(profiles) || profiles < 1) throw new RangeError('profiles must be a positive integer');
  const ref = SAMPLE_REFERENCE_DATE;
  const { table: profileTable, facts } = generateProfiles(profiles, seed, ref);
  const once = (entity: string, make: () => Table): TableSource => ({
    entity,
    *batches() {
      yield make();
    },
  });
  let b2b: ReturnType<typeof generateBuyingGroups> | undefined;
  const buyingGroups = () => (b2b ??= generateBuyingGroups(facts, seed, ref));
  return {
    id: `sample-${profiles}-${seed}`,
    model: sampleDataModel,
    tables: [
      once('profiles', () => profileTable),
      once('products', () => generateProducts(productCount(profiles), seed, ref)),
      once('stores', () => generateStores(storeCount(profiles), seed, ref)),
      once('accounts', () => generateAccounts(facts, seed, ref)),
      once('buying_groups', () => buyingGroups().groups),
      once('buying_group_members', () => buyingGroups().members),
      contactAddressesSource(facts, seed),
      purchasesSource(facts, seed, ref),
      bookingsSource(facts, seed, ref),
      subscriptionsSource(facts, seed, ref),
      webEventsSource(facts, seed, ref),
    ],
  };
}
