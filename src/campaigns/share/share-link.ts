import type { CampaignDoc } from '../../domain/campaign';
import { parseCampaignValue } from '../../domain/serialization';
import type { PathError } from '../../domain/zod-issues';
import type { DatasetInfo } from '../../engine/engine';

/**
 * A campaign carried whole in a link: `#/shared/<payload>`, where the payload is the JSON below,
 * deflated with the browser's CompressionStream and written in base64url (A–Z a–z 0–9 - _, no
 * padding), so it needs no escaping in a URL. Reading it back runs the same validation as an
 * imported campaign file. No React here: unit-tested in Node, which has the same streams.
 */

/** What the counts of a shared campaign were computed on. */
export type SharedData = { kind: 'sample'; profiles: number; seed: number } | { kind: 'import'; name: string };

export interface SharedCampaign {
  doc: CampaignDoc;
  data: SharedData;
}

/**
 * The longest link the editor hands out. Browsers accept far longer addresses (Chromium 2 MB),
 * but chat tools, mail clients and servers commonly cut them at 32 KB (e.g. IIS and many proxies
 * default to 32,768 bytes of URL); past this the editor offers the campaign file instead.
 */
export const MAX_LINK_LENGTH = 32_000;

/** The hash route prefix of a shared campaign. */
export const SHARED_ROUTE = '#/shared/';

/** Version of the payload layout, so that later layouts can still read older links. */
const PAYLOAD_VERSION = 1;

/** The base64url payload of a campaign and its data. */
export async function encodeSharedCampaign(shared: SharedCampaign): Promise<string> {
  const json = JSON.stringify({ v: PAYLOAD_VERSION, campaign: shared.doc, data: shared.data });
  const deflated = await pipe(new Blob([json]).stream(), new CompressionStream('deflate'));
  return toBase64Url(new Uint8Array(await new Response(deflated).arrayBuffer()));
}

export type ReadShared = { ok: true; shared: SharedCampaign } | { ok: false; errors: PathError[] };

/**
 * Reads a payload back. Every way it can be wrong comes back as a reason, nothing throws: not
 * base64url, not deflated data (a link cut short), not JSON, or a campaign that the import
 * validation refuses (then with the path of each problem).
 */
export async function decodeSharedCampaign(payload: string): Promise<ReadShared> {
  const fail = (message: string): ReadShared => ({ ok: false, errors: [{ path: '(link)', message }] });
  if (payload.length === 0) return fail('the link holds no campaign');
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return fail('the link has characters a campaign link never has; it may have been changed or cut');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await inflate(fromBase64Url(payload)));
  } catch {
    return fail('the link is damaged or incomplete (it could not be decompressed); ask for it again');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('the link does not hold a campaign (not JSON)');
  }
  if (!isRecord(raw) || raw.v !== PAYLOAD_VERSION || !('campaign' in raw))
    return fail('the link does not hold a campaign this version of the app can read');
  const data = readData(raw.data);
  if (!data) return fail('the link does not say which data its counts are on');
  const parsed = parseCampaignValue(raw.campaign);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ ...e, path: `campaign.${e.path}` })) };
  return { ok: true, shared: { doc: parsed.doc, data } };
}

/**
 * The whole link: this page's address with the shared route. A sample's size and seed also go in
 * the query (`?profiles=&seed=`), so that the page opening it loads the same data before counting.
 */
export function sharedLink(location: Pick<Location, 'origin' | 'pathname' | 'search'>, data: SharedData, payload: string): string {
  const params = new URLSearchParams(location.search);
  params.delete('campaign');
  if (data.kind === 'sample') {
    params.set('profiles', String(data.profiles));
    params.set('seed', String(data.seed));
  }
  const query = params.toString();
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${SHARED_ROUTE}${payload}`;
}

/** "Sample data · 10,000 profiles, seed 42" / "Imported data “shop”". */
export function sharedDataLabel(data: SharedData): string {
  return data.kind === 'sample'
    ? `Sample data · ${data.profiles.toLocaleString('en-US')} profiles, seed ${data.seed}`
    : `Imported data “${data.name}”`;
}

function readData(value: unknown): SharedData | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'sample' && Number.isInteger(value.profiles) && Number.isInteger(value.seed))
    return { kind: 'sample', profiles: value.profiles as number, seed: value.seed as number };
  if (value.kind === 'import' && typeof value.name === 'string' && value.name.length > 0) return { kind: 'import', name: value.name };
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Inflates bytes, rejecting (never hanging) on data that is cut short or not deflate: the input is
 * written and closed by hand, so that its error reaches the reading side, with a time limit as a
 * last guard.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  const read = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('inflating took too long')), 10_000);
  });
  try {
    await Promise.race([read, limit]);
  } finally {
    clearTimeout(timer);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function pipe(stream: ReadableStream<Uint8Array>, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return stream.pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The data a dataset is, as a link names it: a sample by size and seed, imported data by name. */
export function sharedDataOf(dataset: Pick<DatasetInfo, 'id' | 'model'>): SharedData {
  const sample = /^sample-(\d+)-(-?\d+)$/.exec(dataset.id);
  if (sample) return { kind: 'sample', profiles: Number(sample[1]), seed: Number(sample[2]) };
  return { kind: 'import', name: dataset.model.name };
}

export function sameData(a: SharedData, b: SharedData): boolean {
  return a.kind === 'sample' && b.kind === 'sample'
    ? a.profiles === b.profiles && a.seed === b.seed
    : a.kind === 'import' && b.kind === 'import' && a.name === b.name;
}
