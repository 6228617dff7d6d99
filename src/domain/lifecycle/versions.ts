import { z } from 'zod';
import { campaignSchema, type CampaignDoc } from '../campaign';
import type { Problem } from '../problems';
import { campaignStatuses, nextStatus, type CampaignStatus, type LifecycleAction } from './status';

/**
 * A campaign's published life (docs/lifecycle.md#versions): its status and its immutable,
 * numbered versions. The draft being edited is the campaign's document; publishing freezes a copy
 * of it here. Pure functions: storage and screens call them, and a refused step changes nothing.
 */
export const publishedVersionSchema = z.object({
  number: z.number().int().positive(),
  /** ISO time of publishing. */
  publishedAt: z.string(),
  note: z.string().default(''),
  doc: campaignSchema,
});

export const campaignLifecycleSchema = z.object({
  status: z.enum(campaignStatuses),
  versions: z.array(publishedVersionSchema),
  /**
   * A new draft in progress beside the published version ("Edit as a new draft", or a revert):
   * the version it started from. Absent: the campaign's document is the published version and
   * opens read-only. Publishing ends the draft.
   */
  draft: z.object({ from: z.number().int().positive(), startedAt: z.string() }).optional(),
});

export type PublishedVersion = z.infer<typeof publishedVersionSchema>;
export type CampaignLifecycle = z.infer<typeof campaignLifecycleSchema>;

/** A campaign never published. */
export const NEW_LIFECYCLE: CampaignLifecycle = { status: 'draft', versions: [] };

export type LifecycleStep = { ok: true; lifecycle: CampaignLifecycle } | { ok: false; reason: string };

/**
 * Publishes the draft `doc` as the next version. Refused while the campaign has any error (the
 * caller opens the problems panel on them) or when the status does not allow it.
 */
export function publish(
  lifecycle: CampaignLifecycle,
  doc: CampaignDoc,
  options: { problems: readonly Problem[]; note?: string; at: string },
): LifecycleStep {
  const errors = options.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0)
    return {
      ok: false,
      reason: `The campaign has ${errors} ${errors === 1 ? 'error' : 'errors'}: correct ${errors === 1 ? 'it' : 'them'} before publishing.`,
    };
  const step = nextStatus(lifecycle.status, 'publish', { hasSchedule: doc.settings.schedule !== undefined });
  if (!step.ok)
    return { ok: false, reason: `${step.reason.charAt(0).toUpperCase()}${step.reason.slice(1)}.` };
  const number = (lifecycle.versions.at(-1)?.number ?? 0) + 1;
  const version: PublishedVersion = {
    number,
    publishedAt: options.at,
    note: options.note?.trim() ?? '',
    doc: structuredClone(doc),
  };
  return { ok: true, lifecycle: { status: step.status, versions: [...lifecycle.versions, version] } };
}

/** A change of status (pause, resume, stop, archive…), or why it is refused. */
export function act(
  lifecycle: CampaignLifecycle,
  action: Exclude<LifecycleAction, 'publish'>,
): LifecycleStep {
  const step = nextStatus(lifecycle.status, action);
  if (!step.ok)
    return { ok: false, reason: `${step.reason.charAt(0).toUpperCase()}${step.reason.slice(1)}.` };
  return { ok: true, lifecycle: { ...lifecycle, status: step.status } };
}

/**
 * Starts a new draft from version `number` (the latest for "Edit as a new draft", an older one
 * for a revert): the document to edit, and the lifecycle that remembers the draft is in progress.
 * The versions themselves are not touched.
 */
export function startDraft(
  lifecycle: CampaignLifecycle,
  number: number,
  at: string,
): { ok: true; lifecycle: CampaignLifecycle; doc: CampaignDoc } | { ok: false; reason: string } {
  const doc = draftFrom(lifecycle, number);
  if (!doc) return { ok: false, reason: `There is no version ${number} of this campaign.` };
  return { ok: true, doc, lifecycle: { ...lifecycle, draft: { from: number, startedAt: at } } };
}

/** Whether the campaign's document is a published version, shown read-only (no draft in progress). */
export function isFrozen(lifecycle: CampaignLifecycle): boolean {
  return lifecycle.versions.length > 0 && lifecycle.draft === undefined;
}

/** The latest published version, if any. */
export function latestVersion(lifecycle: CampaignLifecycle): PublishedVersion | undefined {
  return lifecycle.versions.at(-1);
}

/**
 * The document of a new draft from version `number` (revert, or "Edit as a new draft" from the
 * latest): a copy, so that the version stays as it was published.
 */
export function draftFrom(lifecycle: CampaignLifecycle, number: number): CampaignDoc | undefined {
  const version = lifecycle.versions.find((v) => v.number === number);
  return version ? structuredClone(version.doc) : undefined;
}

/**
 * The problems of a lifecycle read from a file or storage: versions numbered 1, 2, 3… in order,
 * each a document of this campaign, and a status that a campaign with (or without) versions can
 * have. Said with the path, so that an import is refused where it is wrong.
 */
export function lifecycleProblems(
  lifecycle: CampaignLifecycle,
  campaignId: string,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  lifecycle.versions.forEach((v, i) => {
    if (v.number !== i + 1)
      problems.push({
        path: `versions[${i}].number`,
        message: `version ${v.number} is where version ${i + 1} should be: versions are numbered 1, 2, 3… in order`,
      });
    if (v.doc.id !== campaignId)
      problems.push({
        path: `versions[${i}].doc.id`,
        message: `version ${v.number} is a document of another campaign (${v.doc.id})`,
      });
  });
  if (lifecycle.draft && !lifecycle.versions.some((v) => v.number === lifecycle.draft?.from))
    problems.push({
      path: 'draft.from',
      message: `the draft in progress starts from version ${lifecycle.draft.from}, which does not exist`,
    });
  const status: CampaignStatus = lifecycle.status;
  if (lifecycle.versions.length === 0 && status !== 'draft')
    problems.push({ path: 'status', message: `a campaign without versions is a draft, not ${status}` });
  if (lifecycle.versions.length > 0 && status === 'draft')
    problems.push({
      path: 'status',
      message: 'a campaign with published versions is not a draft: its status is the published one',
    });
  return problems;
}
