import type { Table } from 'apache-arrow';
import { Prng, skew } from './prng';
import { dateColumn, dictionaryColumn, float64Column, int32Column, isoToDays, stringColumn, tableOf } from './columns';
import type { ProfileFacts } from './generate-profiles';
import { vocab } from './vocabulary';

/** Accounts (companies): a few large ones, many small ones. Profiles point to them. */
export function generateAccounts(facts: ProfileFacts, seed: number, referenceDate: string): Table {
  const rng = new Prng(seed, 'accounts');
  const ref = isoToDays(referenceDate);
  const n = facts.accounts;
  const id = new Int32Array(n);
  const name: string[] = [];
  const industry = new Int8Array(n);
  const country = new Int8Array(n);
  const employees = new Int32Array(n);
  const revenue = new Float64Array(n);
  const tier = new Int8Array(n);
  const created = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = i + 1;
    name[i] = `${vocab.companyWords[rng.int(vocab.companyWords.length)]} ${vocab.companySuffixes[rng.int(vocab.companySuffixes.length)]} ${i + 1}`;
    industry[i] = rng.skewed(vocab.industries.length, 1.4);
    country[i] = rng.skewed(vocab.countries.length, 1.5);
    // Lower account ids receive more profiles (see profilesSource), so they are the big companies.
    employees[i] = Math.max(2, Math.round(20000 * skew(1 - i / n, 6) * rng.next() + 5 + rng.int(40)));
    revenue[i] = Math.round(employees[i]! * (60_000 + rng.int(140_000)));
    tier[i] = employees[i]! > 1000 ? 2 : employees[i]! > 100 ? 1 : 0;
    created[i] = ref - rng.int(10 * 365);
  }
  return tableOf({
    account_id: int32Column(id),
    name: stringColumn(name),
    industry: dictionaryColumn(industry, vocab.industries),
    country: dictionaryColumn(country, vocab.countries.map((c) => c.code)),
    employees: int32Column(employees),
    annual_revenue: float64Column(revenue),
    tier: dictionaryColumn(tier, vocab.accountTiers),
    created_date: dateColumn(created),
  });
}

/**
 * Buying groups per account and their members. Each group fills some of the five roles with people
 * of its own account; completeness is the share of roles filled and engagement the members' mean
 * engagement score, so both can be checked against the member rows.
 */
export function generateBuyingGroups(facts: ProfileFacts, seed: number, referenceDate: string): { groups: Table; members: Table } {
  const rng = new Prng(seed, 'buying_groups');
  const ref = isoToDays(referenceDate);
  // People of each account, as compressed rows (offsets + profile indexes).
  const start = new Int32Array(facts.accounts + 2);
  for (let p = 0; p < facts.count; p++) if (facts.accountId[p]) start[facts.accountId[p]! + 1]!++;
  for (let a = 1; a < start.length; a++) start[a]! += start[a - 1]!;
  const people = new Int32Array(start[start.length - 1]!);
  const fillPos = start.slice();
  for (let p = 0; p < facts.count; p++) if (facts.accountId[p]) people[fillPos[facts.accountId[p]!]!++] = p;

  const g = { id: [] as number[], account: [] as number[], solution: [] as number[], status: [] as number[], completeness: [] as number[], engagement: [] as number[], created: [] as number[] };
  const m = { id: [] as number[], group: [] as number[], profile: [] as number[], role: [] as number[], joined: [] as number[] };
  for (let a = 1; a <= facts.accounts; a++) {
    const members = people.subarray(start[a]!, start[a + 1]!);
    if (members.length === 0) continue;
    const groups = rng.chance(0.3) ? 0 : 1 + rng.skewed(3, 2);
    for (let k = 0; k < groups; k++) {
      const gid = g.id.length + 1;
      const groupCreated = ref - rng.int(3 * 365);
      let filled = 0;
      let engagementSum = 0;
      for (let r = 0; r < vocab.roles.length; r++) {
        if (!rng.chance(r === 0 ? 0.8 : 0.55)) continue;
        const p = members[rng.int(members.length)]!;
        filled++;
        engagementSum += facts.engagement[p]!;
        m.id.push(m.id.length + 1);
        m.group.push(gid);
        m.profile.push(p + 1);
        m.role.push(r);
        m.joined.push(groupCreated + rng.int(Math.max(1, ref - groupCreated)));
      }
      g.id.push(gid);
      g.account.push(a);
      g.solution.push(rng.skewed(vocab.solutions.length, 1.3));
      g.status.push(filled === 0 ? 0 : rng.skewed(vocab.buyingGroupStatuses.length, 1.5));
      g.completeness.push(Math.round((filled / vocab.roles.length) * 100) / 100);
      g.engagement.push(filled === 0 ? 0 : Math.round(engagementSum / filled));
      g.created.push(groupCreated);
    }
  }
  const groupsTable = tableOf({
    buying_group_id: int32Column(Int32Array.from(g.id)),
    account_id: int32Column(Int32Array.from(g.account)),
    solution_interest: dictionaryColumn(Int8Array.from(g.solution), vocab.solutions),
    status: dictionaryColumn(Int8Array.from(g.status), vocab.buyingGroupStatuses),
    completeness: float64Column(Float64Array.from(g.completeness)),
    engagement_score: int32Column(Int32Array.from(g.engagement)),
    created_date: dateColumn(Int32Array.from(g.created)),
  });
  const membersTable = tableOf({
    member_id: int32Column(Int32Array.from(m.id)),
    buying_group_id: int32Column(Int32Array.from(m.group)),
    profile_id: int32Column(Int32Array.from(m.profile)),
    role: dictionaryColumn(Int8Array.from(m.role), vocab.roles),
    joined_date: dateColumn(Int32Array.from(m.joined)),
  });
  return { groups: groupsTable, members: membersTable };
}
