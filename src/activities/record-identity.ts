/**
 * The identity rule: when do two values say that two records are the same one? Combine reconciling
 * on columns, Deduplication and Reconciliation all compare through `identityKey`, so that an
 * address typed `" Shared@Example.com "` in a suppression list is the profile's
 * `shared@example.com` in every one of them (docs/activities.md, "Values that identify records").
 *
 * - Text ignores case and surrounding spaces.
 * - Blank text is empty, like a missing value: both become NULL, which never equals anything
 *   (a Deduplication groups its empties on purpose, see its compile).
 * - Text compared with a value of another type compares as text (a file's `"0042"` with a number
 *   is `"0042"` against `"42"`); numbers of either kind compare as numbers; other mixes as text.
 */

/** A value read per record, as far as the identity rule cares: its SQL and its type. */
export interface IdentityValue {
  sql: string;
  type: string;
}

const isText = (type: string) => type === 'string' || type === 'enum';
const isNumber = (type: string) => type === 'integer' || type === 'decimal';

/**
 * SQL for the identity key of a value: two records are the same when their keys are equal; an
 * empty value has the key NULL. `comparedWith` lists the types of the values it is compared with
 * (in other sets, on the other side of a pair): when any of them is text, every side is text.
 */
export function identityKey(value: IdentityValue, comparedWith: readonly string[] = []): string {
  const types = [value.type, ...comparedWith];
  if (types.some(isText)) {
    // A string column is VARCHAR already; anything else is cast so that lower() and trim() apply.
    const text = value.type === 'string' ? value.sql : `CAST(${value.sql} AS VARCHAR)`;
    return `nullif(lower(trim(${text})), '')`;
  }
  if (types.every((t) => t === value.type) || types.every(isNumber)) return value.sql;
  return `CAST(${value.sql} AS VARCHAR)`;
}

/** SQL that is true when a value is empty by the identity rule (missing, or blank text). */
export function isEmptyIdentity(value: IdentityValue): string {
  return isText(value.type) ? `(${identityKey(value)} IS NULL)` : `(${value.sql} IS NULL)`;
}

/** The identity rule in the words the settings forms use (the same as docs/activities.md). */
export const identityRuleText =
  'Text ignores case and surrounding spaces, and blank text is empty like a missing value.';
