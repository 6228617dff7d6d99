import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { EngineResponse } from '../src/engine/protocol';

/**
 * The engine's protocol over HTTP (docs/running-on-larger-data.md): `POST /rpc` takes one request
 * as JSON (`{ id, type, params }`, the worker's message) and answers its response (`{ id, ok,
 * result | error }`). Every request needs `Authorization: Bearer <token>`; browsers may call it
 * only from the app's origins (CORS); bodies are limited in size. `GET /` says what this is and
 * needs no token, so that the app can tell an unreachable server from one that refuses its origin.
 */
export interface EngineServerOptions {
  /** Answers one request (the engine's request handler; it checks the request's schema). */
  handle: (request: unknown) => Promise<EngineResponse>;
  token: string;
  /** Origins whose pages may call the server (exact `scheme://host:port`). */
  origins: readonly string[];
  /** Largest request body, in bytes. */
  maxRequestBytes: number;
}

const ALLOWED_HEADERS = 'authorization, content-type';

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** Reads the body, refusing one past `max` bytes as soon as it gets there. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return resolve('too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Creates the HTTP server (not yet listening). */
export function createEngineServer(options: EngineServerOptions): Server {
  const megabytes = Math.round(options.maxRequestBytes / 1_048_576);
  const server = createServer((req, res) => {
    void respond(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { error: `The server failed: ${e instanceof Error ? e.message : String(e)}` });
      else res.destroy();
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && options.origins.includes(origin);
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') {
      // A preflight: only the app's origins are told they may send; others get no permission.
      if (!allowed) return send(res, 403, { error: `Requests from ${origin ?? 'this page'} are not allowed: start the server with --origin ${origin ?? '<origin>'}.` });
      res.writeHead(204, {
        'access-control-allow-methods': 'POST, GET, OPTIONS',
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    if (origin !== undefined && !allowed) return send(res, 403, { error: `Requests from ${origin} are not allowed: start the server with --origin ${origin}.` });
    if (req.method === 'GET' && path === '/') return send(res, 200, { service: 'Campaign Canvas engine', rpc: 'POST /rpc' });
    if (path !== '/rpc') return send(res, 404, { error: `Nothing at ${path}: the engine answers POST /rpc.` });
    if (req.method !== 'POST') return send(res, 405, { error: 'The engine answers POST /rpc.' });

    const auth = req.headers.authorization ?? '';
    const given = /^Bearer (.+)$/.exec(auth)?.[1];
    if (!given) return send(res, 401, { error: 'A token is needed: send Authorization: Bearer <the token the server printed>.' });
    if (!sameSecret(given, options.token)) return send(res, 401, { error: 'Wrong token: use the token the server printed when it started.' });

    const body = await readBody(req, options.maxRequestBytes);
    if (body === 'too-large') {
      res.setHeader('connection', 'close');
      return send(res, 413, { error: `The request is larger than ${megabytes} MB (the server's --max-request-mb).` });
    }
    let request: unknown;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { id: 0, ok: false, error: { name: 'BadRequest', message: 'The request is not JSON.' } });
    }
    const response = await options.handle(request);
    // Refused requests (schema) are 400; the engine's own errors are answers like any other.
    send(res, !response.ok && response.error.name === 'BadRequest' ? 400 : 200, response);
  }

  // Loading or simulating large data can take minutes: no timeout on a request being answered.
  server.requestTimeout = 0;
  return server;
}
