import { campaignSchema, type CampaignDoc } from './campaign';
import { getActivityDef } from '../activities/registry';
import { migrateDocument } from './migrations';
import { formatPath, outOfRangeMessage, zodErrors, type PathError } from './zod-issues';
import { hasNonFiniteNumber, outOfRangeNumbers } from './json-numbers';
import { stripBom } from './text-file';
import { findNestingProblem } from './nesting';
import { wiringProblems } from './wiring';

export type ImportResult = { ok: true; doc: CampaignDoc } | { ok: false; errors: PathError[] };

export interface ParseOptions {
  /**
   * `refuse` (files: import, the command line, templates): a transition to a port that does not
   * exist, an output feeding two transitions or a single input taking two is an error with its path.
   * `keep` (the browser's own saved campaigns and the command line's `validate`): the campaign opens
   * and validation lists the same problems, so that nothing the user made is lost.
   */
  wiring?: 'refuse' | 'keep';
}

/**
 * Reads a campaign from JSON text: syntax, schema version (migrating older documents), document
 * shape, each activity's config against its definition, and references between transitions and
 * activities. Either the whole document is valid and returned with configs normalised (defaults
 * filled), or every error found is returned with its path; nothing is half-imported.
 */
export function parseCampaign(text: string, options: ParseOptions = {}): ImportResult {
  // A byte-order mark is not part of the JSON: files saved "UTF-8 with BOM" are read the same.
  const source = stripBom(text);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (hasNonFiniteNumber(raw))
    return { ok: false, errors: outOfRangeNumbers(source).map((n) => ({ path: formatPath(n.path), message: outOfRangeMessage(n.source) })) };
  return parseCampaignValue(raw, options);
}

/** Same as parseCampaign, for an already parsed JSON value. */
export function parseCampaignValue(raw: unknown, options: ParseOptions = {}): ImportResult {
  const migrated = migrateDocument(raw);
  if (!migrated.ok) return migrated;
  // Before zod, whose parse of a rule recurses: a rule nested thousands of groups deep is refused
  // with its path instead of overflowing the stack.
  const deep = findNestingProblem(migrated.value);
  if (deep) return { ok: false, errors: [deep] };
  const parsed = campaignSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, migrated.value) };
  const doc = parsed.data;
  const errors: PathError[] = [];

  const activityIds = new Set<string>();
  doc.activities.forEach((activity, i) => {
    if (activityIds.has(activity.id))
      errors.push({ path: `activities[${i}].id`, message: `duplicate activity id "${activity.id}"` });
    activityIds.add(activity.id);
    const def = getActivityDef(activity.type);
    if (!def) {
      errors.push({ path: `activities[${i}].type`, message: `unknown activity type "${activity.type}"` });
      return;
    }
    const config =
      activity.configVersion < def.version && def.migrate
        ? def.migrate(activity.config, activity.configVersion)
        : activity.config;
    const result = def.schema.safeParse(config);
    if (!result.success) errors.push(...zodErrors(result.error, config, `activities[${i}].config`));
    else {
      activity.config = result.data as Record<string, unknown>;
      activity.configVersion = def.version;
    }
  });

  const transitionIds = new Set<string>();
  doc.transitions.forEach((t, i) => {
    if (transitionIds.has(t.id)) errors.push({ path: `transitions[${i}].id`, message: `duplicate transition id "${t.id}"` });
    transitionIds.add(t.id);
    if (!activityIds.has(t.source.activityId))
      errors.push({ path: `transitions[${i}].source.activityId`, message: `no activity "${t.source.activityId}"` });
    if (!activityIds.has(t.target.activityId))
      errors.push({ path: `transitions[${i}].target.activityId`, message: `no activity "${t.target.activityId}"` });
  });

  if (errors.length === 0 && options.wiring !== 'keep') errors.push(...wiringProblems(doc).map(({ path, message }) => ({ path, message })));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, doc };
}

/** The campaign as pretty-printed JSON, the format of export files and of the CLI. */
export function serializeCampaign(doc: CampaignDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `path: message` lines, as shown to the user. */
export function formatErrors(errors: readonly PathError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
