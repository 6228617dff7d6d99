import { CURRENT_SCHEMA_VERSION } from './campaign';
import type { PathError } from './zod-issues';

/**
 * Lifts a parsed JSON document saved by an older version to the current schema version. Each step
 * takes version N to N+1; add one whenever `CURRENT_SCHEMA_VERSION` is bumped.
 */
const steps: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrateDocument(
  raw: unknown,
): { ok: true; value: unknown } | { ok: false; errors: PathError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [{ path: '(document)', message: 'expected a campaign object' }] };
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, errors: [{ path: 'schemaVersion', message: 'expected a whole number of at least 1' }] };
  if (version > CURRENT_SCHEMA_VERSION)
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `version ${version} was made by a newer Campaign Canvas; this one reads up to ${CURRENT_SCHEMA_VERSION}`,
        },
      ],
    };
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) return { ok: false, errors: [{ path: 'schemaVersion', message: `no migration from version ${v}` }] };
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return { ok: true, value: doc };
}
