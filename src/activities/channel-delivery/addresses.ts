import type { DataModel, EntityDef, TargetingDimension } from '../../domain/data-model';
import { findDimension } from '../../domain/data-model';
import { identityKey } from '../record-identity';
import type { SqlDialect } from '../../engine/sql/dialect';

/**
 * Where each channel finds its address and its consent, and what a well-formed address looks like
 * (docs/simulation.md, "Who can be reached"). Patterns are RE2 syntax, as DuckDB's regexp functions
 * read them.
 */

/** Channel activity types, as written in the `channel` column of the denylist and the event tables. */
export const channelKinds = ['email', 'sms', 'push', 'direct-mail'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export function isChannelKind(type: string): type is ChannelKind {
  return (channelKinds as readonly string[]).includes(type);
}

/**
 * Well-formed addresses, checked on the trimmed value:
 * - email: one `@`, no spaces, a dot in the domain (`ann@example.com`);
 * - phone (SMS): E.164-like, an optional `+` then 7 to 15 digits not starting with 0, once spaces,
 *   dots, dashes and parentheses are removed (`+33 6 12 34 56 78`);
 * - push token: at least 16 characters of letters, digits, `-`, `_`, `:` or `.` (FCM and APNs tokens);
 * - postal code (direct mail): 3 to 10 letters, digits, spaces or dashes, starting with a letter or digit.
 */
export const addressPatterns = {
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$',
  phone: '^\\+?[1-9][0-9]{6,14}$',
  pushToken: '^[A-Za-z0-9_:.\\-]{16,}$',
  postalCode: '^[A-Za-z0-9][A-Za-z0-9 \\-]{2,9}$',
} as const;

/** The consent field name of each channel in the data model. */
const consentKey = { email: 'email', sms: 'sms', push: 'push', 'direct-mail': 'directMail' } as const;

/** A field whose name says it holds a postal code (`postal_code`, `zip`, `postcode`). */
const isPostalCodeField = (name: string) => /postal|zip|postcode/i.test(name);

/** How one channel reads its address from a dimension's record. */
export interface ChannelAddress {
  /** Fields of the record holding the address (several lines for postal mail), empty when the model declares none. */
  fields: string[];
  /** The field of those holding the postal code, for direct mail. */
  postalCode?: string;
  /** The consent (opt-in) field, when the model declares one. */
  consent?: string;
}

export function channelAddress(model: DataModel, dimension: string, kind: ChannelKind): ChannelAddress {
  const dim: TargetingDimension | undefined = findDimension(model, dimension);
  const consent = dim?.consents[consentKey[kind]];
  const a = dim?.addresses ?? {};
  const fields = kind === 'email' ? [a.email] : kind === 'sms' ? [a.phone] : kind === 'push' ? [a.pushToken] : (a.postal ?? []);
  const present = fields.filter((f): f is string => f !== undefined);
  const postalCode = kind === 'direct-mail' ? present.find(isPostalCodeField) : undefined;
  return { fields: present, ...(postalCode ? { postalCode } : {}), ...(consent ? { consent } : {}) };
}

/** What separates the digits of a phone number as people write it: spaces, brackets, dots, dashes. */
const PHONE_SEPARATORS = '[\\s().\\-]';

/**
 * The identity of an address, as SQL over text: the identity rule (case and surrounding spaces
 * ignored, blank is empty), and for phone numbers their separators ignored too, so that
 * `+33 6 12 34 56 78` and `+33612345678` are one number.
 */
export function addressIdentity(d: SqlDialect, kind: ChannelKind, text: string): string {
  const value = kind === 'sms' ? d.regexReplaceAll(text, PHONE_SEPARATORS, '') : text;
  return identityKey({ sql: value, type: 'string' });
}

/** SQL of a value as trimmed text, NULL when missing or blank. */
export function trimmedText(sql: string, type: string): string {
  const text = type === 'string' ? sql : `CAST(${sql} AS VARCHAR)`;
  return `nullif(trim(${text}), '')`;
}

/**
 * The address of a message and whether it is well formed, as SQL over the record (or linked record)
 * aliased `alias`. `fields` are fields of `entity`; for direct mail, the lines joined by `, `, present
 * when any line is, valid when every line is there and the postal code is well formed.
 */
export function addressSql(
  kind: ChannelKind,
  entity: EntityDef,
  fields: readonly string[],
  postalCode: string | undefined,
  alias: string,
  ident: (name: string) => string,
  d: SqlDialect,
): { address: string; valid: string } {
  if (fields.length === 0) return { address: 'CAST(NULL AS VARCHAR)', valid: 'false' };
  const typeOf = (f: string) => entity.fields.find((x) => x.name === f)?.type ?? 'string';
  const line = (f: string) => trimmedText(`${alias}.${ident(f)}`, typeOf(f));
  if (kind !== 'direct-mail' || fields.length === 1 && postalCode === undefined) {
    const address = line(fields[0]!);
    const pattern =
      kind === 'email'
        ? d.regexFullMatch(address, addressPatterns.email)
        : kind === 'sms'
          ? d.regexFullMatch(d.regexReplaceAll(address, PHONE_SEPARATORS, ''), addressPatterns.phone)
          : kind === 'push'
            ? d.regexFullMatch(address, addressPatterns.pushToken)
            : 'true';
    return { address, valid: `coalesce(${pattern}, false)` };
  }
  const lines = fields.map(line);
  const address = `nullif(${d.joinTexts(', ', lines)}, '')`;
  const everyLine = lines.map((l) => `${l} IS NOT NULL`).join(' AND ');
  const code = postalCode ? ` AND ${d.regexFullMatch(line(postalCode), addressPatterns.postalCode)}` : '';
  return { address, valid: `coalesce(${everyLine}${code}, false)` };
}
