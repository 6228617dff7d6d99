import type { Table } from 'apache-arrow';
import { sampleDatasetId, type Dataset, type TableSource } from './dataset';
import { profilesSource } from './generate-profiles';
import { bookingsSource, contactAddressesSource, productCount, purchasesSource, storeCount, subscriptionsSource, webEventsSource } from './generate-activity';
import { generateProducts, generateStores } from './generate-reference';
import { generateAccounts, generateBuyingGroups } from './generate-b2b';
import { SAMPLE_REFERENCE_DATE, sampleDataModel } from './sample-model';
import { generateDenylist } from './generate-denylist';

/** Sizes offered: tests, the app's default, and the benchmark. */
export const SAMPLE_SIZES = { test: 10_000, default: 100_000, benchmark: 1_000_000 } as const;

export interface SampleOptions {
  profiles: number;
  seed: number;
}

/**
 * The built-in sample dataset, deterministic for a given size and seed. Every table is generated
 * while it is loaded, profiles and the large tables batch by batch. Tables that depend on the
 * profiles (accounts, buying groups, purchases...) make sure the profiles were generated first,
 * so any table can also be read on its own with the same rows.
 */
export function sampleDataset({ profiles, seed }: SampleOptions): Dataset {
  if (!Number.isInteger(profiles) || profiles < 1) throw new RangeError('profiles must be a positive integer');
  const ref = SAMPLE_REFERENCE_DATE;
  const people = profilesSource(profiles, seed, ref);
  const facts = people.facts;
  const once = (entity: string, make: () => Table): TableSource => ({
    entity,
    *batches() {
      yield make();
    },
  });
  let b2b: ReturnType<typeof generateBuyingGroups> | undefined;
  const buyingGroups = () => {
    people.ensureFacts();
    return (b2b ??= generateBuyingGroups(facts, seed, ref));
  };
  /** Tables generated from the profiles' facts: profiles come first, unless iterated on their own. */
  // The per-profile tables are the large ones (about 17 rows per profile together): they load in
  // the background, after the engine is ready, and only rules that read them wait.
  const afterProfiles = (source: TableSource): TableSource => ({
    entity: source.entity,
    deferred: true,
    *batches() {
      people.ensureFacts();
      yield* source.batches();
    },
  });
  return {
    id: sampleDatasetId(profiles, seed),
    model: sampleDataModel,
    tables: [
      people.source,
      once('products', () => generateProducts(productCount(profiles), seed, ref)),
      once('stores', () => generateStores(storeCount(profiles), seed, ref)),
      once('accounts', () => {
        people.ensureFacts();
        return generateAccounts(facts, seed, ref);
      }),
      once('buying_groups', () => buyingGroups().groups),
      once('buying_group_members', () => buyingGroups().members),
      once('denylist', () => {
        people.ensureFacts();
        return generateDenylist(sampleDataModel.entities.find((e) => e.name === 'denylist')!, facts, seed, ref);
      }),
      afterProfiles(contactAddressesSource(facts, seed)),
      afterProfiles(purchasesSource(facts, seed, ref)),
      afterProfiles(bookingsSource(facts, seed, ref)),
      afterProfiles(subscriptionsSource(facts, seed, ref)),
      afterProfiles(webEventsSource(facts, seed, ref)),
    ],
  };
}
