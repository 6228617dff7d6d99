import type { CampaignDoc } from '../../domain/campaign';
import type { PathError } from '../../domain/zod-issues';
import { readCampaignFile } from '../transfer/read-campaign-file';
import { decodeSharedCampaign, type SharedData } from './share-link';

/** Where a read-only campaign comes from: the link itself, or a file served with the app. */
export type SharedSource = { kind: 'link'; payload: string } | { kind: 'file'; url: string };

export type SharedResult = { ok: true; doc: CampaignDoc; data: SharedData | null } | { ok: false; errors: PathError[] };

/**
 * Reads a shared campaign, validated like an imported file. A file must be served by the app
 * itself (a relative URL, same origin): a link must not make the page fetch from elsewhere.
 */
export async function readSharedSource(source: SharedSource, base = window.location.href): Promise<SharedResult> {
  if (source.kind === 'link') {
    const result = await decodeSharedCampaign(source.payload);
    return result.ok ? { ok: true, doc: result.shared.doc, data: result.shared.data } : result;
  }
  const fail = (message: string): SharedResult => ({ ok: false, errors: [{ path: source.url, message }] });
  let url: URL;
  try {
    url = new URL(source.url, base);
  } catch {
    return fail('not a valid address');
  }
  if (url.origin !== new URL(base).origin) return fail('only a campaign file served with the app (a relative address) can be opened');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    return fail(`could not be fetched: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) return fail(`could not be fetched (HTTP ${response.status})`);
  // A static server answers a missing file with the app's own page rather than a 404.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) return fail('no campaign file at this address');
  const result = await readCampaignFile(await response.blob());
  return result.ok ? { ok: true, doc: result.doc, data: null } : result;
}
