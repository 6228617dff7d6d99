import type { CampaignDoc } from '../../domain/campaign';
import { parseCampaign } from '../../domain/serialization';
import type { PathError } from '../../domain/zod-issues';
import { decodeUtf8, stripBom } from '../../domain/text-file';
import type { CampaignLifecycle } from '../../domain/lifecycle/versions';
import { readFileLifecycle } from '../../domain/lifecycle/transfer';

/** Files larger than this are refused before reading: no campaign comes near it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ReadResult =
  | { ok: true; doc: CampaignDoc; lifecycle?: CampaignLifecycle | undefined }
  | { ok: false; errors: PathError[] };

/** Reads and validates a campaign file; every problem comes back with its path, nothing throws. */
export async function readCampaignFile(file: Pick<Blob, 'size' | 'arrayBuffer'>): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return { ok: false, errors: [{ path: '(file)', message: `too large (${Math.round(file.size / 1024 / 1024)} MB); a campaign file is a few hundred KB at most` }] };
  if (file.size === 0) return { ok: false, errors: [{ path: '(file)', message: 'the file is empty' }] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  // UTF-8 only, as the command line reads it: other bytes would silently become U+FFFD.
  const text = decodeUtf8(bytes);
  if (!text.ok) return { ok: false, errors: [{ path: '(file)', message: `line ${text.line}, column ${text.column}: ${text.message}` }] };
  const read = parseCampaign(text.text);
  if (!read.ok) return read;
  // The versions and status the file may carry: refused whole, with their paths, when inconsistent.
  const life = readFileLifecycle(JSON.parse(stripBom(text.text)), read.doc);
  return life.ok ? { ok: true, doc: read.doc, lifecycle: life.lifecycle } : life;
}
