import type { Table } from 'apache-arrow';
import { Prng, skew, cumulative, pickWeighted } from './prng';
import { allPresent, boolColumn, dateColumn, dictionaryColumn, float64Column, int32Column, isoToDays, setMissing, tableOf, timestampColumn, Utf8Builder } from './columns';
import { vocab } from './vocabulary';

/** What later tables need to know about each profile, indexed by profile_id - 1. */
export interface ProfileFacts {
  count: number;
  /** 0..100, skewed low: drives how many purchases and events a profile has. */
  engagement: Uint8Array;
  /** Days since epoch. */
  created: Int32Array;
  /** Index into vocab.countries. */
  country: Int8Array;
  /** Index into vocab.loyaltyTiers. */
  tier: Int8Array;
  /** 0 when the profile belongs to no account. */
  accountId: Int32Array;
  accounts: number;
}

const DAY = 86_400;

/** Every city of every country, in one dictionary. */
export const allCities: string[] = vocab.countries.flatMap((c) => [...c.cities]);
const cityOffset: number[] = [];
vocab.countries.reduce((off, c, i) => {
  cityOffset[i] = off;
  return off + c.cities.length;
}, 0);

/**
 * Profiles with realistic flaws: missing values, invalid emails (about 2%), emails shared by two
 * profiles (about 3%, for deduplication demos), opt-outs and a few denylisted people.
 */
export function generateProfiles(count: number, seed: number, referenceDate: string): { table: Table; facts: ProfileFacts } {
  const rng = new Prng(seed, 'profiles');
  const ref = isoToDays(referenceDate);
  const countryCum = cumulative(vocab.countries.map((c) => c.weight));
  const tierCum = cumulative(vocab.loyaltyWeights);
  const domainCum = cumulative(vocab.emailDomainWeights);
  const accounts = Math.max(1, Math.round(count / 50));

  const id = new Int32Array(count);
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  const email = new Utf8Builder(count);
  const phone = new Utf8Builder(count);
  const push = new Utf8Builder(count);
  const street = new Utf8Builder(count);
  const postal = new Utf8Builder(count);
  const emailPresent = new Uint8Array(count);
  const city = new Int32Array(count);
  const country = new Int8Array(count);
  const language = new Int8Array(count);
  const birth = new Int32Array(count);
  const birthValid = allPresent(count);
  const gender = new Int8Array(count);
  const tier = new Int8Array(count);
  const engagement = new Uint8Array(count);
  const engagementCol = new Int32Array(count);
  const ltv = new Float64Array(count);
  const emailOpt = new Uint8Array(count);
  const smsOpt = new Uint8Array(count);
  const pushOpt = new Uint8Array(count);
  const mailOpt = new Uint8Array(count);
  const deny = new Uint8Array(count);
  const created = new Int32Array(count);
  const lastSeen = new Int32Array(count);
  const lastSeenValid = allPresent(count);
  const accountId = new Int32Array(count);
  const accountValid = allPresent(count);

  const languageOf = vocab.countries.map((c) => vocab.languages.findIndex((l) => l.code === c.lang));
  const localParts = vocab.firstNames.map((fn) =>
    vocab.lastNames.map((ln) => `${fn}.${ln}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '')),
  );
  for (let i = 0; i < count; i++) {
    id[i] = i + 1;
    const c = pickWeighted(rng, countryCum);
    const cdef = vocab.countries[c]!;
    country[i] = c;
    city[i] = cityOffset[c]! + rng.skewed(cdef.cities.length, 1.6);
    language[i] = rng.chance(0.9) ? languageOf[c]! : 1;
    const fn = rng.int(vocab.firstNames.length);
    const ln = rng.int(vocab.lastNames.length);
    first[i] = fn;
    last[i] = ln;
    const local = localParts[fn]![ln]!;
    const r = rng.next();
    if (r < 0.03) email.append(null);
    else if (r < 0.05) email.append(rng.chance(0.5) ? `${local}${i}@` : `${local}${i}.${vocab.emailDomains[0]}`);
    else if (r < 0.08 && i > 0) {
      const other = rng.int(i);
      if (emailPresent[other]) email.appendCopyOf(other);
      else email.append(`${local}${i}@${vocab.emailDomains[pickWeighted(rng, domainCum)]}`);
    } else email.append(`${local}${i}@${vocab.emailDomains[pickWeighted(rng, domainCum)]}`);
    emailPresent[i] = r < 0.03 ? 0 : 1;
    const hasPhone = !rng.chance(0.15);
    phone.append(hasPhone ? `${cdef.phone}${String(10_000_000 + rng.int(89_999_999))}` : null);
    const hasPush = rng.chance(0.35);
    push.append(hasPush ? rng.uint32().toString(16).padStart(8, '0') + rng.uint32().toString(16).padStart(8, '0') : null);
    const hasStreet = !rng.chance(0.06);
    street.append(hasStreet ? `${1 + rng.int(180)} ${vocab.streets[rng.int(vocab.streets.length)]}` : null);
    postal.append(hasStreet ? String(10000 + rng.int(89999)) : null);
    const age = Math.max(18, Math.min(90, Math.round(rng.normal(42, 14))));
    birth[i] = ref - age * 365 - rng.int(365);
    if (rng.chance(0.05)) setMissing(birthValid, i);
    gender[i] = rng.chance(0.48) ? 0 : rng.chance(0.92) ? 1 : rng.chance(0.5) ? 2 : 3;
    const t = pickWeighted(rng, tierCum);
    tier[i] = t;
    const eng = Math.min(100, Math.round(100 * skew(rng.next(), 2) + t * 6));
    engagement[i] = eng;
    engagementCol[i] = eng;
    ltv[i] = Math.round((20 + eng * 8 + t * 150) * (0.5 + rng.next()) * 100) / 100;
    emailOpt[i] = emailPresent[i] && rng.chance(0.72) ? 1 : 0;
    smsOpt[i] = hasPhone && rng.chance(0.4) ? 1 : 0;
    pushOpt[i] = hasPush && rng.chance(0.65) ? 1 : 0;
    mailOpt[i] = rng.chance(0.8) ? 1 : 0;
    deny[i] = rng.chance(0.01) ? 1 : 0;
    created[i] = ref - Math.floor(8 * 365 * skew(rng.next(), 1.5)) - 1;
    if (rng.chance(0.1)) setMissing(lastSeenValid, i);
    lastSeen[i] = (ref - Math.floor((120 - eng) * rng.next() * 3)) * DAY - rng.int(DAY);
    if (rng.chance(0.2)) accountId[i] = 1 + rng.skewed(accounts, 1.8);
    else setMissing(accountValid, i);
  }

  const table = tableOf({
    profile_id: int32Column(id),
    first_name: dictionaryColumn(first, vocab.firstNames),
    last_name: dictionaryColumn(last, vocab.lastNames),
    email: email.finish(),
    phone: phone.finish(),
    push_token: push.finish(),
    address_line: street.finish(),
    postal_code: postal.finish(),
    city: dictionaryColumn(city, allCities),
    country: dictionaryColumn(country, vocab.countries.map((c) => c.code)),
    language: dictionaryColumn(language, vocab.languages.map((l) => l.code)),
    birth_date: dateColumn(birth, birthValid),
    gender: dictionaryColumn(gender, vocab.genders),
    loyalty_tier: dictionaryColumn(tier, vocab.loyaltyTiers),
    engagement_score: int32Column(engagementCol),
    lifetime_value: float64Column(ltv),
    email_opt_in: boolColumn(emailOpt),
    sms_opt_in: boolColumn(smsOpt),
    push_opt_in: boolColumn(pushOpt),
    direct_mail_opt_in: boolColumn(mailOpt),
    denylisted: boolColumn(deny),
    created_date: dateColumn(created),
    last_seen_at: timestampColumn(lastSeen, lastSeenValid),
    account_id: int32Column(accountId, accountValid),
  });
  return { table, facts: { count, engagement, created, country, tier, accountId, accounts } };
}
