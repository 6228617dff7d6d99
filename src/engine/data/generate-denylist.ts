import type { Table } from 'apache-arrow';
import { Prng } from './prng';
import type { ProfileFacts } from './generate-profiles';
import { rowsToArrow } from './rows-to-arrow';
import type { Cell } from './rows-to-arrow';
import type { EntityDef } from '../../domain/data-model';

const reasons = ['hard-bounce', 'complaint', 'unsubscribe', 'manual'] as const;

/** Addresses on no profile: a provider's role accounts and a number reported as spam. */
const extras: [address: string, channel: string | null, reason: string][] = [
  ['postmaster@example.com', 'email', 'manual'],
  ['abuse@example.com', null, 'manual'],
  ['+33600000000', 'sms', 'complaint'],
];

/**
 * The denylist of the sample data: the email of every profile marked denylisted (some written
 * with other case or spaces, as lists typed by people are, which the identity rule still matches),
 * and a few addresses of no profile. Each entry has a reason and the day it was added.
 */
export function generateDenylist(entity: EntityDef, facts: ProfileFacts, seed: number, referenceDate: string): Table {
  const rng = new Prng(seed, 'denylist');
  const ref = Date.parse(`${referenceDate}T00:00:00Z`);
  const rows: Record<string, Cell>[] = [];
  const added = () => new Date(ref - (1 + rng.int(700)) * 86_400_000 + rng.int(86_400) * 1000).toISOString().slice(0, 19);
  for (let j = 0; j < facts.count; j++) {
    if (facts.denylisted[j] !== 1) continue;
    const email = facts.emailOf(j);
    if (email === null) continue;
    const address = rng.chance(0.2) ? ` ${email.toUpperCase()}` : email;
    rows.push({ entry_id: rows.length + 1, address, channel: 'email', reason: reasons[rng.int(reasons.length)]!, added_at: added() });
  }
  for (const [address, channel, reason] of extras) rows.push({ entry_id: rows.length + 1, address, channel, reason, added_at: added() });
  return rowsToArrow(entity, rows);
}
