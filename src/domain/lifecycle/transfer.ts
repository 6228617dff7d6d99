import { z } from 'zod';
import type { CampaignDoc } from '../campaign';
import { parseCampaignValue } from '../serialization';
import { zodErrors, type PathError } from '../zod-issues';
import { campaignStatuses } from './status';
import { lifecycleProblems, type CampaignLifecycle, type PublishedVersion } from './versions';

/**
 * A campaign file with its life (docs/campaign-format.md#versions-and-status): the document, plus
 * an optional `lifecycle` member holding its status and published versions. A reader that knows
 * nothing of it (an older app, the command line) reads the document alone.
 */
export type CampaignFileWithLifecycle = CampaignDoc & { lifecycle?: CampaignLifecycle };

/** The document to export, with its versions when it has any. */
export function withLifecycle(doc: CampaignDoc, lifecycle: CampaignLifecycle | undefined): CampaignFileWithLifecycle {
  if (!lifecycle || (lifecycle.versions.length === 0 && lifecycle.status === 'draft')) return doc;
  return { ...doc, lifecycle };
}

// The shape first, each version's document checked apart by the document reader (migrations,
// activity configs), so that an error in it is told with its full path.
const fileLifecycleSchema = z.object({
  status: z.enum(campaignStatuses),
  versions: z.array(
    z.object({
      number: z.number().int().positive(),
      publishedAt: z.string(),
      note: z.string().default(''),
      doc: z.unknown(),
    }),
  ),
  draft: z.object({ from: z.number().int().positive(), startedAt: z.string() }).optional(),
});

export type FileLifecycleResult = { ok: true; lifecycle: CampaignLifecycle | undefined } | { ok: false; errors: PathError[] };

/**
 * Reads the `lifecycle` member of a campaign file whose document (`doc`) is already read: absent,
 * the campaign is a draft never published; present, it must be whole and consistent (versions
 * numbered 1, 2, 3… in order, each a valid document of this campaign, a status that fits), or the
 * import is refused with the path of each problem (`lifecycle.versions[1].number: …`).
 */
export function readFileLifecycle(raw: unknown, doc: CampaignDoc): FileLifecycleResult {
  if (typeof raw !== 'object' || raw === null || !('lifecycle' in raw)) return { ok: true, lifecycle: undefined };
  const value = (raw as { lifecycle: unknown }).lifecycle;
  const parsed = fileLifecycleSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, value, 'lifecycle') };
  const errors: PathError[] = [];
  const versions: PublishedVersion[] = [];
  parsed.data.versions.forEach((v, i) => {
    const read = parseCampaignValue(v.doc, { wiring: 'keep' });
    if (!read.ok) errors.push(...read.errors.map((e) => ({ path: `lifecycle.versions[${i}].doc.${e.path}`, message: e.message })));
    else versions.push({ ...v, doc: read.doc });
  });
  if (errors.length > 0) return { ok: false, errors };
  const lifecycle: CampaignLifecycle = {
    status: parsed.data.status,
    versions,
    ...(parsed.data.draft ? { draft: parsed.data.draft } : {}),
  };
  const problems = lifecycleProblems(lifecycle, doc.id);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => ({ path: `lifecycle.${p.path}`, message: p.message })) };
  return { ok: true, lifecycle };
}

/** The lifecycle of an imported copy: its versions' documents take the new campaign's id. */
export function lifecycleForCopy(lifecycle: CampaignLifecycle, campaignId: string): CampaignLifecycle {
  return { ...lifecycle, versions: lifecycle.versions.map((v) => ({ ...v, doc: { ...v.doc, id: campaignId } })) };
}
