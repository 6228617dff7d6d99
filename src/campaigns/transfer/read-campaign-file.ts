import type { CampaignDoc } from '../../domain/campaign';
import { parseCampaign } from '../../domain/serialization';
import type { PathError } from '../../domain/zod-issues';

/** Files larger than this are refused before reading: no campaign comes near it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; doc: CampaignDoc } | { ok: false; errors: PathError[] };

/** Reads and validates a campaign file; every problem comes back with its path, nothing throws. */
export async function readCampaignFile(file: Pick<Blob, 'size' | 'text'>): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return { ok: false, errors: [{ path: '(file)', message: `too large (${Math.round(file.size / 1024 / 1024)} MB); a campaign file is a few hundred KB at most` }] };
  if (file.size === 0) return { ok: false, errors: [{ path: '(file)', message: 'the file is empty' }] };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseCampaign(text);
}
