import type { EngineClientOptions } from './client';
import type { DataSource } from './protocol';
import { normalizeServerUrl, serverEngineOptions } from './http-transport';

/**
 * Where the app's engine runs: in this browser (DuckDB-WASM in a worker), or on an engine server
 * (`npm run serve`) at `url`, with the token it printed. Chosen on the Data screen, remembered in
 * this browser, and given in the address by the link the server prints
 * (`?engine=http://127.0.0.1:7700&token=…`).
 */
export type EngineChoice = { kind: 'browser' } | { kind: 'server'; url: string; token: string };

const KEY = 'campaign-canvas.engine';

/** The remembered choice; the browser when none is, or when what is kept cannot be read. */
export function rememberedEngine(storage: Pick<Storage, 'getItem'> | undefined): EngineChoice {
  try {
    const kept = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<{ kind: string; url: string; token: string }> | null;
    const url = kept?.kind === 'server' && typeof kept.url === 'string' ? normalizeServerUrl(kept.url) : undefined;
    if (url && typeof kept?.token === 'string') return { kind: 'server', url, token: kept.token };
  } catch {
    // a value written by something else: the browser's engine
  }
  return { kind: 'browser' };
}

export function rememberEngine(storage: Pick<Storage, 'setItem'> | undefined, choice: EngineChoice): void {
  try {
    storage?.setItem(KEY, JSON.stringify(choice));
  } catch {
    // storage refused (private mode, full): the choice lasts this visit
  }
}

/**
 * The engine the address asks for, and the address without it: `engine` (a server URL, or
 * `browser`) and `token` are removed so that the token does not stay in the address bar, the
 * history or a shared link. Undefined when the address asks for nothing (or for an invalid URL).
 */
export function engineFromAddress(search: string): { choice: EngineChoice; search: string } | undefined {
  const params = new URLSearchParams(search);
  const asked = params.get('engine');
  if (asked === null) return undefined;
  const token = params.get('token') ?? '';
  params.delete('engine');
  params.delete('token');
  const rest = params.toString();
  const cleaned = rest ? `?${rest}` : '';
  if (asked === 'browser') return { choice: { kind: 'browser' }, search: cleaned };
  const url = normalizeServerUrl(asked);
  return url ? { choice: { kind: 'server', url, token }, search: cleaned } : undefined;
}

/** The engine client's options for a choice; the browser's engine starts with `initialData`. */
export function engineOptions(choice: EngineChoice, initialData: DataSource): EngineClientOptions {
  return choice.kind === 'server' ? serverEngineOptions(choice) : { initialData };
}
