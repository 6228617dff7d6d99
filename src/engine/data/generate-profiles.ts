import type { Table } from 'apache-arrow';
import { Prng, skew, cumulative, pickWeighted } from './prng';
import { allPresent, boolColumn, dateColumn, dictionaryColumn, float64Column, int32Column, isoToDays, setMissing, tableOf, timestampColumn, Utf8Builder } from './columns';
import type { TableSource } from './dataset';
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
  /** 1 for the profiles marked denylisted (the denylist table lists their emails). */
  denylisted: Uint8Array;
  /** Profile j's email as generated (flaws included), or null when it has none. */
  emailOf: (j: number) => string | null;
}

const DAY = 86_400;
const PROFILES_PER_BATCH = 100_000;

/** Every city of every country, in one dictionary. */
export const allCities: string[] = vocab.countries.flatMap((c) => [...c.cities]);
const cityOffset: number[] = [];
vocab.countries.reduce((off, c, i) => {
  cityOffset[i] = off;
  return off + c.cities.length;
}, 0);
const languageOf = vocab.countries.map((c) => vocab.languages.findIndex((l) => l.code === c.lang));
const localParts = vocab.firstNames.map((fn) => vocab.lastNames.map((ln) => `${fn}.${ln}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '')));

/** How a profile's email was made; a copy reuses the address of another profile (its root). */
const enum EmailKind {
  Missing = 0,
  NoDomain = 1,
  NoAt = 2,
  Normal = 3,
  Copy = 4,
}

/**
 * Profiles with realistic flaws: missing values, invalid emails (about 2%), emails shared by two
 * profiles (about 3%, for deduplication demos), opt-outs and a few denylisted people. Generated in
 * batches so that loading one batch overlaps generating the next; `facts` is complete once every
 * batch was produced (`ensureFacts` produces them when a later table needs the facts first).
 */
export function profilesSource(count: number, seed: number, referenceDate: string): { source: TableSource; facts: ProfileFacts; ensureFacts: () => void } {
  const facts: ProfileFacts = {
    count,
    engagement: new Uint8Array(count),
    created: new Int32Array(count),
    country: new Int8Array(count),
    tier: new Int8Array(count),
    accountId: new Int32Array(count),
    accounts: Math.max(1, Math.round(count / 50)),
    denylisted: new Uint8Array(count),
    emailOf: (j) => emailText(j),
  };
  // Enough to rebuild any earlier profile's email when a later one shares it.
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  const emailKind = new Int8Array(count);
  const emailDomain = new Int8Array(count);
  const emailRoot = new Int32Array(count);
  let complete = false;

  /** Appends profile j's email: its own, or the address of the profile it shares one with. */
  const appendEmail = (b: Utf8Builder, j: number): void => {
    const root = emailKind[j] === EmailKind.Copy ? emailRoot[j]! : j;
    const local = localParts[first[root]!]![last[root]!]!;
    switch (emailKind[root] as EmailKind) {
      case EmailKind.Missing:
      case EmailKind.Copy:
        return b.append(null);
      case EmailKind.NoDomain:
        return b.text(local).int(root).text('@').end();
      case EmailKind.NoAt:
        return b.text(local).int(root).text('.').text(vocab.emailDomains[0]).end();
      case EmailKind.Normal:
        return b.text(local).int(root).text('@').text(vocab.emailDomains[emailDomain[root]!]!).end();
    }
  };

  /** The same address as appendEmail, as a string. */
  const emailText = (j: number): string | null => {
    const root = emailKind[j] === EmailKind.Copy ? emailRoot[j]! : j;
    const local = localParts[first[root]!]![last[root]!]!;
    switch (emailKind[root] as EmailKind) {
      case EmailKind.Missing:
      case EmailKind.Copy:
        return null;
      case EmailKind.NoDomain:
        return `${local}${root}@`;
      case EmailKind.NoAt:
        return `${local}${root}.${vocab.emailDomains[0]}`;
      case EmailKind.Normal:
        return `${local}${root}@${vocab.emailDomains[emailDomain[root]!]!}`;
    }
  };

  function* batches(): Generator<Table> {
    const rng = new Prng(seed, 'profiles');
    const ref = isoToDays(referenceDate);
    const countryCum = cumulative(vocab.countries.map((c) => c.weight));
    const tierCum = cumulative(vocab.loyaltyWeights);
    const domainCum = cumulative(vocab.emailDomainWeights);
    for (let start = 0; start < count; start += PROFILES_PER_BATCH) {
      const n = Math.min(PROFILES_PER_BATCH, count - start);
      const id = new Int32Array(n);
      const email = new Utf8Builder(n);
      const phone = new Utf8Builder(n);
      const push = new Utf8Builder(n);
      const street = new Utf8Builder(n);
      const postal = new Utf8Builder(n);
      const city = new Int32Array(n);
      const language = new Int8Array(n);
      const birth = new Int32Array(n);
      const birthValid = allPresent(n);
      const gender = new Int8Array(n);
      const engagementCol = new Int32Array(n);
      const ltv = new Float64Array(n);
      const emailOpt = new Uint8Array(n);
      const smsOpt = new Uint8Array(n);
      const pushOpt = new Uint8Array(n);
      const mailOpt = new Uint8Array(n);
      const deny = new Uint8Array(n);
      const lastSeen = new Int32Array(n);
      const lastSeenValid = allPresent(n);
      const accountId = new Int32Array(n);
      const accountValid = allPresent(n);

      for (let k = 0; k < n; k++) {
        const i = start + k;
        id[k] = i + 1;
        const c = pickWeighted(rng, countryCum);
        const cdef = vocab.countries[c]!;
        facts.country[i] = c;
        city[k] = cityOffset[c]! + rng.skewed(cdef.cities.length, 1.6);
        language[k] = rng.chance(0.9) ? languageOf[c]! : 1;
        first[i] = rng.int(vocab.firstNames.length);
        last[i] = rng.int(vocab.lastNames.length);
        const r = rng.next();
        if (r < 0.03) emailKind[i] = EmailKind.Missing;
        else if (r < 0.05) emailKind[i] = rng.chance(0.5) ? EmailKind.NoDomain : EmailKind.NoAt;
        else if (r < 0.08 && i > 0) {
          const other = rng.int(i);
          const root = emailKind[other] === EmailKind.Copy ? emailRoot[other]! : other;
          if (emailKind[root] === EmailKind.Missing) {
            emailKind[i] = EmailKind.Normal;
            emailDomain[i] = pickWeighted(rng, domainCum);
          } else {
            emailKind[i] = EmailKind.Copy;
            emailRoot[i] = root;
          }
        } else {
          emailKind[i] = EmailKind.Normal;
          emailDomain[i] = pickWeighted(rng, domainCum);
        }
        appendEmail(email, i);
        const hasPhone = !rng.chance(0.15);
        if (hasPhone) phone.text(cdef.phone).int(10_000_000 + rng.int(89_999_999)).end();
        else phone.append(null);
        const hasPush = rng.chance(0.35);
        if (hasPush) push.hex32(rng.uint32()).hex32(rng.uint32()).end();
        else push.append(null);
        const hasStreet = !rng.chance(0.06);
        if (hasStreet) {
          street.int(1 + rng.int(180)).text(' ').text(vocab.streets[rng.int(vocab.streets.length)]!).end();
          postal.int(10000 + rng.int(89999)).end();
        } else {
          street.append(null);
          postal.append(null);
        }
        const age = Math.max(18, Math.min(90, Math.round(rng.normal(42, 14))));
        birth[k] = ref - age * 365 - rng.int(365);
        if (rng.chance(0.05)) setMissing(birthValid, k);
        gender[k] = rng.chance(0.48) ? 0 : rng.chance(0.92) ? 1 : rng.chance(0.5) ? 2 : 3;
        const t = pickWeighted(rng, tierCum);
        facts.tier[i] = t;
        const eng = Math.min(100, Math.round(100 * skew(rng.next(), 2) + t * 6));
        facts.engagement[i] = eng;
        engagementCol[k] = eng;
        ltv[k] = Math.round((20 + eng * 8 + t * 150) * (0.5 + rng.next()) * 100) / 100;
        emailOpt[k] = emailKind[i] !== EmailKind.Missing && rng.chance(0.72) ? 1 : 0;
        smsOpt[k] = hasPhone && rng.chance(0.4) ? 1 : 0;
        pushOpt[k] = hasPush && rng.chance(0.65) ? 1 : 0;
        mailOpt[k] = rng.chance(0.8) ? 1 : 0;
        deny[k] = facts.denylisted[i] = rng.chance(0.01) ? 1 : 0;
        facts.created[i] = ref - Math.floor(8 * 365 * skew(rng.next(), 1.5)) - 1;
        if (rng.chance(0.1)) setMissing(lastSeenValid, k);
        lastSeen[k] = (ref - Math.floor((120 - eng) * rng.next() * 3)) * DAY - rng.int(DAY);
        if (rng.chance(0.2)) accountId[k] = facts.accountId[i] = 1 + rng.skewed(facts.accounts, 1.8);
        else setMissing(accountValid, k);
      }
      if (start + n >= count) complete = true;
      yield tableOf({
        profile_id: int32Column(id),
        first_name: dictionaryColumn(first.subarray(start, start + n), vocab.firstNames),
        last_name: dictionaryColumn(last.subarray(start, start + n), vocab.lastNames),
        email: email.finish(),
        phone: phone.finish(),
        push_token: push.finish(),
        address_line: street.finish(),
        postal_code: postal.finish(),
        city: dictionaryColumn(city, allCities),
        country: dictionaryColumn(facts.country.subarray(start, start + n), vocab.countries.map((x) => x.code)),
        language: dictionaryColumn(language, vocab.languages.map((l) => l.code)),
        birth_date: dateColumn(birth, birthValid),
        gender: dictionaryColumn(gender, vocab.genders),
        loyalty_tier: dictionaryColumn(facts.tier.subarray(start, start + n), vocab.loyaltyTiers),
        engagement_score: int32Column(engagementCol),
        lifetime_value: float64Column(ltv),
        email_opt_in: boolColumn(emailOpt),
        sms_opt_in: boolColumn(smsOpt),
        push_opt_in: boolColumn(pushOpt),
        direct_mail_opt_in: boolColumn(mailOpt),
        denylisted: boolColumn(deny),
        created_date: dateColumn(facts.created.slice(start, start + n)),
        last_seen_at: timestampColumn(lastSeen, lastSeenValid),
        account_id: int32Column(accountId, accountValid),
      });
    }
  }

  return {
    source: { entity: 'profiles', batches },
    facts,
    ensureFacts: () => {
      if (complete) return;
      for (const _batch of batches()) {
        // Generating is what fills the facts; the rows themselves are not needed here.
      }
    },
  };
}
