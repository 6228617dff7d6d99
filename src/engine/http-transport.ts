import type { EngineClientOptions, WorkerLike } from './client';
import { WRONG_TOKEN, type EngineMessage, type EngineResponse } from './protocol';

/**
 * The engine's protocol over HTTP: each request is POSTed as JSON to the server's `/rpc` with the
 * server's token, and its response (the same `{ id, ok, result | error }` the worker posts) comes
 * back as the answer. Made to look like a worker (WorkerLike) so that the client's ordering,
 * cancelling and watching work the same on both transports.
 */

/** Where the server is and the token it printed when it started. */
export interface ServerAddress {
  url: string;
  token: string;
}

/** A server URL without a trailing slash, or undefined when it is not an http(s) URL. */
export function normalizeServerUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}


async function responseOf(res: Response, id: number, url: string): Promise<EngineResponse> {
  if (res.status === 401)
    return { id, ok: false, error: { name: WRONG_TOKEN, message: `The server at ${url} refused the token (wrong token): copy the token it printed when it started.` } };
  const text = await res.text();
  try {
    const body = JSON.parse(text) as EngineResponse | { error?: string };
    if ('ok' in body) return body;
    return { id, ok: false, error: { name: 'ServerError', message: body.error ?? `The server answered ${res.status}.` } };
  } catch {
    return { id, ok: false, error: { name: 'ServerError', message: `The server answered ${res.status}: ${text.slice(0, 200)}` } };
  }
}

/**
 * A "worker" whose messages go to the server. A request the server cannot be reached for (refused,
 * reset, or a ping unanswered for `pingTimeoutMs`, 20 s by default: the server answers pings between
 * the steps of its work) is reported as the worker's `error`, which the client treats as a lost
 * engine; other failures answer the request with an error.
 */
export function httpWorker(server: ServerAddress, options: { fetch?: typeof fetch; pingTimeoutMs?: number } = {}): WorkerLike {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let ended = false;
  const inFlight = new Set<AbortController>();
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => {
      if (ended || message.type === 'stop-database') return;
      const abort = new AbortController();
      inFlight.add(abort);
      const timer = message.type === 'ping' ? setTimeout(() => abort.abort(), options.pingTimeoutMs ?? 20_000) : undefined;
      doFetch(`${server.url}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify(message),
        signal: abort.signal,
      })
        .then((res) => responseOf(res, message.id, server.url))
        .then(
          (response) => {
            if (!ended) worker.onmessage?.({ data: response } as MessageEvent<EngineMessage>);
          },
          () => {
            if (!ended) worker.onerror?.({ message: `The server at ${server.url} does not answer.` } as ErrorEvent);
          },
        )
        .finally(() => {
          clearTimeout(timer);
          inFlight.delete(abort);
        });
    },
    terminate: () => {
      ended = true;
      for (const a of inFlight) a.abort();
      inFlight.clear();
    },
  };
  return worker;
}

/** The engine client's options for a server: its transport, its own data, reconnection. */
export function serverEngineOptions(server: ServerAddress): EngineClientOptions {
  return { createWorker: () => httpWorker(server), initialData: null, recovery: 'reconnect' };
}

/** Why a server could not be used, as the Data screen says it. */
export type ServerCheck =
  | { ok: true }
  | { ok: false; problem: 'unreachable' | 'wrong-token' | 'origin' | 'other'; message: string };

/**
 * Asks the server whether it answers this app with this token (a ping). A request the browser
 * refuses for lack of permission (CORS) fails like an unreachable server; a second request that
 * needs no permission (`no-cors`, whose answer cannot be read) tells them apart.
 */
export async function checkServer(server: ServerAddress, doFetch: typeof fetch = (...args) => fetch(...args)): Promise<ServerCheck> {
  let res: Response;
  try {
    res = await doFetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ id: 1, type: 'ping', params: {} }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    const reachable = await doFetch(`${server.url}/`, { mode: 'no-cors', signal: AbortSignal.timeout(10_000) }).then(
      () => true,
      () => false,
    );
    if (reachable)
      return { ok: false, problem: 'origin', message: `The server at ${server.url} answers but not to this app: start it with --origin ${globalThis.location?.origin ?? '<this address>'}.` };
    return { ok: false, problem: 'unreachable', message: `Nothing answers at ${server.url}: is the server started (npm run serve)?` };
  }
  const response = await responseOf(res, 1, server.url);
  if (response.ok) return { ok: true };
  if (response.error.name === WRONG_TOKEN) return { ok: false, problem: 'wrong-token', message: response.error.message };
  return { ok: false, problem: 'other', message: response.error.message };
}
