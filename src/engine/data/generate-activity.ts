import type { Table } from 'apache-arrow';
import { Prng, skew, cumulative, pickWeighted } from './prng';
import { allPresent, boolColumn, dateColumn, dictionaryColumn, float64Column, int32Column, isoToDays, setMissing, tableOf, timestampColumn, Utf8Builder } from './columns';
import type { ProfileFacts } from './generate-profiles';
import type { TableSource } from './dataset';
import { vocab } from './vocabulary';

/** Profiles per batch: bounds the memory of the 10M-row tables to one batch at a time. */
const PROFILES_PER_BATCH = 100_000;
const DAY = 86_400;

/** Sizes of the small reference tables, scaled to the profile count. */
export function productCount(profiles: number): number {
  return Math.max(50, Math.min(2000, Math.round(profiles / 50)));
}
export function storeCount(profiles: number): number {
  return Math.max(10, Math.min(300, Math.round(profiles / 400)));
}

/**
 * A table generated per range of profiles, each range from its own seeded stream, so that batches
 * are reproducible one at a time and ids run on across batches.
 */
function perProfileSource(
  entity: string,
  facts: ProfileFacts,
  seed: number,
  rowsFor: (rng: Prng, profileIndex: number) => number,
  fill: (rng: Prng, rows: { profileIndex: Int32Array; firstId: number; count: number }) => Table,
): TableSource {
  return {
    entity,
    *batches() {
      let nextId = 1;
      for (let start = 0, batch = 0; start < facts.count; start += PROFILES_PER_BATCH, batch++) {
        const end = Math.min(facts.count, start + PROFILES_PER_BATCH);
        const rng = new Prng(seed, `${entity}:${batch}`);
        const perProfile = new Int32Array(end - start);
        let total = 0;
        for (let p = start; p < end; p++) total += perProfile[p - start] = rowsFor(rng, p);
        const profileIndex = new Int32Array(total);
        let k = 0;
        for (let p = start; p < end; p++) for (let j = 0; j < perProfile[p - start]!; j++) profileIndex[k++] = p;
        yield fill(rng, { profileIndex, firstId: nextId, count: total });
        nextId += total;
      }
    },
  };
}

function ids(firstId: number, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = firstId + i;
  return out;
}

function profileIds(profileIndex: Int32Array): Int32Array {
  const out = new Int32Array(profileIndex.length);
  for (let i = 0; i < out.length; i++) out[i] = profileIndex[i]! + 1;
  return out;
}

/** A day between the profile's creation and the reference date, skewed towards recent days. */
function activityDay(rng: Prng, facts: ProfileFacts, p: number, ref: number): number {
  const span = Math.max(1, ref - facts.created[p]!);
  return ref - Math.floor(span * skew(rng.next(), 1.7));
}

/** Purchases: about 3 per profile on average, heavily skewed by engagement and loyalty tier. */
export function purchasesSource(facts: ProfileFacts, seed: number, referenceDate: string): TableSource {
  const ref = isoToDays(referenceDate);
  const products = productCount(facts.count);
  const stores = storeCount(facts.count);
  return perProfileSource(
    'purchases',
    facts,
    seed,
    (rng, p) => (rng.chance(0.3) ? 0 : rng.poisson(0.6 + facts.engagement[p]! / 12 + facts.tier[p]!)),
    (rng, { profileIndex, firstId, count }) => {
      const product = new Int32Array(count);
      const store = new Int32Array(count);
      const storeValid = allPresent(count);
      const day = new Int32Array(count);
      const qty = new Int32Array(count);
      const amount = new Float64Array(count);
      const channel = new Int8Array(count);
      const status = new Int8Array(count);
      for (let i = 0; i < count; i++) {
        const p = profileIndex[i]!;
        product[i] = 1 + rng.skewed(products, 2.2);
        channel[i] = rng.chance(0.55) ? 0 : rng.chance(0.6) ? 1 : 2;
        if (channel[i] === 0) store[i] = 1 + rng.skewed(stores, 1.5);
        else setMissing(storeValid, i);
        day[i] = activityDay(rng, facts, p, ref);
        qty[i] = rng.chance(0.8) ? 1 : 2 + rng.int(4);
        amount[i] = Math.round(qty[i]! * (5 + 300 * skew(rng.next(), 3)) * 100) / 100;
        status[i] = rng.chance(0.9) ? 0 : rng.chance(0.7) ? 1 : 2;
      }
      return tableOf({
        purchase_id: int32Column(ids(firstId, count)),
        profile_id: int32Column(profileIds(profileIndex)),
        product_id: int32Column(product),
        store_id: int32Column(store, storeValid),
        purchase_date: dateColumn(day),
        quantity: int32Column(qty),
        amount: float64Column(amount),
        channel: dictionaryColumn(channel, vocab.purchaseChannels),
        status: dictionaryColumn(status, vocab.purchaseStatuses),
      });
    },
  );
}

/** Web events: about 10 per profile, most of them page views, timestamped to the second. */
export function webEventsSource(facts: ProfileFacts, seed: number, referenceDate: string): TableSource {
  const ref = isoToDays(referenceDate);
  const products = productCount(facts.count);
  const typeCum = cumulative(vocab.eventWeights);
  return perProfileSource(
    'web_events',
    facts,
    seed,
    (rng, p) => (rng.chance(0.15) ? 0 : rng.poisson(1.4 + facts.engagement[p]! / 3.5)),
    (rng, { profileIndex, firstId, count }) => {
      const type = new Int8Array(count);
      const time = new Int32Array(count);
      const product = new Int32Array(count);
      const productValid = allPresent(count);
      for (let i = 0; i < count; i++) {
        const p = profileIndex[i]!;
        const t = pickWeighted(rng, typeCum);
        type[i] = t;
        // Web events only cover the last year: older clickstream is not kept.
        const day = ref - Math.min(365, Math.floor((ref - facts.created[p]!) * skew(rng.next(), 2)));
        time[i] = day * DAY + rng.int(DAY);
        if (t === 1 || t === 3) product[i] = 1 + rng.skewed(products, 2.2);
        else setMissing(productValid, i);
      }
      return tableOf({
        event_id: int32Column(ids(firstId, count)),
        profile_id: int32Column(profileIds(profileIndex)),
        event_type: dictionaryColumn(type, vocab.eventTypes),
        event_time: timestampColumn(time),
        product_id: int32Column(product, productValid),
      });
    },
  );
}

/** Contact addresses: one to four per profile (emails, phones, postal addresses). */
export function contactAddressesSource(facts: ProfileFacts, seed: number): TableSource {
  return perProfileSource(
    'contact_addresses',
    facts,
    seed,
    (rng) => 1 + rng.skewed(4, 1.8),
    (rng, { profileIndex, firstId, count }) => {
      const kind = new Int8Array(count);
      const channel = new Int8Array(count);
      const value = new Utf8Builder(count);
      const primary = new Uint8Array(count);
      const verified = new Uint8Array(count);
      for (let i = 0; i < count; i++) {
        const p = profileIndex[i]!;
        kind[i] = rng.skewed(4, 1.5);
        const ch = rng.int(3);
        channel[i] = ch;
        if (ch === 0) value.text('contact').int(p + 1).text('.').int(i).text('@').text(vocab.emailDomains[rng.int(vocab.emailDomains.length)]!).end();
        else if (ch === 1) value.text('+33').int(600_000_000 + rng.int(99_999_999)).end();
        else value.int(1 + rng.int(200)).text(' ').text(vocab.streets[rng.int(vocab.streets.length)]!).end();
        primary[i] = i === 0 || profileIndex[i - 1] !== p ? 1 : 0;
        verified[i] = rng.chance(0.7) ? 1 : 0;
      }
      return tableOf({
        address_id: int32Column(ids(firstId, count)),
        profile_id: int32Column(profileIds(profileIndex)),
        kind: dictionaryColumn(kind, vocab.addressKinds),
        channel: dictionaryColumn(channel, vocab.addressChannels),
        value: value.finish(),
        is_primary: boolColumn(primary),
        verified: boolColumn(verified),
      });
    },
  );
}

/** Bookings: about one profile in three has some, a few travel a lot. */
export function bookingsSource(facts: ProfileFacts, seed: number, referenceDate: string): TableSource {
  const ref = isoToDays(referenceDate);
  return perProfileSource(
    'bookings',
    facts,
    seed,
    (rng) => (rng.chance(0.67) ? 0 : 1 + rng.skewed(6, 2.5)),
    (rng, { profileIndex, firstId, count }) => {
      const kind = new Int8Array(count);
      const dest = new Int32Array(count);
      const booked = new Int32Array(count);
      const travel = new Int32Array(count);
      const amount = new Float64Array(count);
      const status = new Int8Array(count);
      for (let i = 0; i < count; i++) {
        const p = profileIndex[i]!;
        kind[i] = rng.skewed(4, 1.4);
        dest[i] = rng.skewed(vocab.destinations.length, 1.5);
        booked[i] = activityDay(rng, facts, p, ref);
        travel[i] = booked[i]! + 1 + rng.int(180);
        amount[i] = Math.round((kind[i] === 2 ? 30 + rng.int(150) : 80 + 1500 * skew(rng.next(), 2)) * 100) / 100;
        status[i] = travel[i]! > ref ? (rng.chance(0.9) ? 0 : 2) : rng.chance(0.88) ? 1 : 2;
      }
      return tableOf({
        booking_id: int32Column(ids(firstId, count)),
        profile_id: int32Column(profileIds(profileIndex)),
        kind: dictionaryColumn(kind, vocab.bookingKinds),
        destination: dictionaryColumn(dest, vocab.destinations),
        booked_on: dateColumn(booked),
        travel_date: dateColumn(travel),
        amount: float64Column(amount),
        status: dictionaryColumn(status, vocab.bookingStatuses),
      });
    },
  );
}

/** Subscriptions: about a third of profiles, some with an end date. */
export function subscriptionsSource(facts: ProfileFacts, seed: number, referenceDate: string): TableSource {
  const ref = isoToDays(referenceDate);
  return perProfileSource(
    'subscriptions',
    facts,
    seed,
    (rng) => (rng.chance(0.7) ? 0 : rng.chance(0.85) ? 1 : 2),
    (rng, { profileIndex, firstId, count }) => {
      const plan = new Int8Array(count);
      const started = new Int32Array(count);
      const ends = new Int32Array(count);
      const endsValid = allPresent(count);
      const fee = new Float64Array(count);
      const status = new Int8Array(count);
      for (let i = 0; i < count; i++) {
        const p = profileIndex[i]!;
        plan[i] = rng.skewed(3, 1.6);
        started[i] = activityDay(rng, facts, p, ref);
        fee[i] = vocab.planFees[plan[i]!]!;
        const r = rng.next();
        if (r < 0.6) {
          status[i] = 0;
          setMissing(endsValid, i);
        } else if (r < 0.8) {
          status[i] = 1;
          ends[i] = Math.min(ref + 30, started[i]! + 30 + rng.int(700));
        } else {
          status[i] = 2;
          ends[i] = Math.min(ref - 1, started[i]! + 30 + rng.int(365));
        }
      }
      return tableOf({
        subscription_id: int32Column(ids(firstId, count)),
        profile_id: int32Column(profileIds(profileIndex)),
        plan: dictionaryColumn(plan, vocab.plans),
        started_on: dateColumn(started),
        ends_on: dateColumn(ends, endsValid),
        monthly_fee: float64Column(fee),
        status: dictionaryColumn(status, vocab.subscriptionStatuses),
      });
    },
  );
}
