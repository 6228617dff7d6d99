import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createEngineServer } from './http-server';
import { parseServeArgs, startServer, DEFAULT_ORIGINS, type RunningServer } from './start';
import { createRequestHandler } from '../src/engine/worker-handler';
import { openNativeDuckDB } from '../src/engine/duckdb/native-duckdb';
import { EngineClient } from '../src/engine/client';
import { checkServer, httpWorker, serverEngineOptions } from '../src/engine/http-transport';
import { parseCampaign } from '../src/domain/serialization';
import type { DataSource } from '../src/engine/protocol';

const TOKEN = 'secret-token-for-tests';
const APP = 'http://localhost:5173';

async function shop(): Promise<{ source: DataSource; doc: Awaited<ReturnType<typeof shopCampaign>> }> {
  const dir = 'cli/fixtures/shop-data';
  const source: DataSource = {
    kind: 'csv',
    model: await readFile(`${dir}/data-model.json`, 'utf8'),
    files: await Promise.all(['customers.csv', 'orders.csv'].map(async (name) => ({ name, text: await readFile(`${dir}/${name}`, 'utf8') }))),
  };
  return { source, doc: await shopCampaign() };
}

async function shopCampaign() {
  const parsed = parseCampaign(await readFile('cli/fixtures/shop-campaign.json', 'utf8'));
  if (!parsed.ok) throw new Error('fixture campaign does not parse');
  return parsed.doc;
}

/** The shop fixture's counts, as the worker's engine gives them (client.test.ts). */
const SHOP_COUNTS = { t_vip_all: 3, t_vip: 3, t_buyers_all: 3, t_buyers: 3, t_both: 2, t_sent: 2, t_vip2: 3, t_buyers2: 3, t_only_vip: 1, t_texted: 1 };

let server: Server;
let url: string;
beforeAll(async () => {
  const { source } = await shop();
  const handle = createRequestHandler(() => openNativeDuckDB({ threads: 1 }));
  await handle({ id: 1, type: 'load', params: { source } });
  server = createEngineServer({ handle, token: TOKEN, origins: [APP], maxRequestBytes: 1024 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const rpc = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the engine server', () => {
  test('refuses a request without the token, or with a wrong one, with 401 and a clear message', async () => {
    const missing = await rpc({ id: 1, type: 'ping', params: {} }, {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toMatch(/A token is needed/);
    const wrong = await rpc({ id: 1, type: 'ping', params: {} }, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/Wrong token/);
    const ok = await rpc({ id: 2, type: 'ping', params: {} });
    expect(await ok.json()).toEqual({ id: 2, ok: true, result: {} });
  });

  test('lets the app’s origin call it (preflight and request) and refuses other origins', async () => {
    const preflight = await fetch(`${url}/rpc`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const fromApp = await rpc({ id: 3, type: 'ping', params: {} }, { authorization: `Bearer ${TOKEN}`, origin: APP });
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP);

    const elsewhere = await fetch(`${url}/rpc`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    // Even with the token, a page of another origin gets nothing it could read.
    const refused = await rpc({ id: 4, type: 'dataset', params: {} }, { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { error: string }).error).toMatch(/not allowed: start the server with --origin https:\/\/evil\.example/);
  });

  test('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ id: 5, type: 'searchRecords', params: { text: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await rpc(huge);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/larger than 1 MB/);
  });

  test('answers a malformed request with 400 naming the field, and a body that is not JSON too', async () => {
    const res = await rpc({ id: 6, type: 'preview', params: { doc: {}, transitionId: 't' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { id: number; ok: boolean; error: { name: string; message: string } };
    expect(body).toMatchObject({ id: 6, ok: false, error: { name: 'BadRequest' } });
    expect(body.error.message).toMatch(/params\.doc\.id/);
    const notJson = await rpc('{"id": 7, ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(/not JSON/);
  });

  test('a counts round trip through the client gives the worker’s counts', async () => {
    const { doc } = await shop();
    const client = new EngineClient(serverEngineOptions({ url, token: TOKEN }));
    expect((await client.counts(doc)).counts).toEqual(SHOP_COUNTS);
    expect((await client.preview(doc, 't_both', 10)).rows).toHaveLength(2);
    client.terminate();
  });

  test('the app’s connection check says what failed', async () => {
    expect(await checkServer({ url, token: TOKEN })).toEqual({ ok: true });
    expect(await checkServer({ url, token: 'wrong-token' })).toMatchObject({ ok: false, problem: 'wrong-token' });
    expect(await checkServer({ url: 'http://127.0.0.1:9', token: TOKEN })).toMatchObject({ ok: false, problem: 'unreachable' });
    // A request the browser refuses for its origin fails as fetch does; the server is there all the same.
    const cors: typeof fetch = (input, init) => (init?.mode === 'no-cors' ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
    expect(await checkServer({ url, token: TOKEN }, cors)).toMatchObject({ ok: false, problem: 'origin' });
  });

  test('a request with a wrong token is answered with the “wrong token” error', async () => {
    const client = new EngineClient({ createWorker: () => httpWorker({ url, token: 'wrong-token' }), initialData: null, recovery: 'reconnect' });
    await expect(client.dataset()).rejects.toThrow(/wrong token/);
    client.terminate();
  });
});

describe('a server that stops in the middle of counts', () => {
  let running: RunningServer | undefined;
  afterAll(async () => {
    await running?.close();
  });

  test('the client says so, retries, and gets its counts once the server is back', async () => {
    const { source, doc } = await shop();
    // A server on the shop data, on a port of its own, with a handler that can be held mid-request.
    let hold: (() => void) | undefined;
    const options = { ...parseServeArgs(['--port', '0', '--token', TOKEN]), data: { kind: 'sample' as const, profiles: 1, seed: 1 } };
    const start = async (port: number) => {
      const handle = createRequestHandler(() => openNativeDuckDB({ threads: 1 }));
      await handle({ id: 1, type: 'load', params: { source } });
      const s = createEngineServer({
        handle: async (request) => {
          if ((request as { type?: string }).type === 'counts' && hold === undefined) await new Promise<void>((resolve) => (hold = resolve));
          return handle(request);
        },
        token: TOKEN,
        origins: DEFAULT_ORIGINS,
        maxRequestBytes: options.maxRequestBytes,
      });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', () => resolve()));
      return s;
    };
    const first = await start(0);
    const port = (first.address() as AddressInfo).port;
    const client = new EngineClient({ ...serverEngineOptions({ url: `http://127.0.0.1:${port}`, token: TOKEN }), retryDelaysMs: [100, 200] });
    const health: string[] = [];
    client.subscribe((h) => health.push(h.state === 'restarting' ? `restarting: ${h.reason}` : h.state));

    const counting = client.counts(doc);
    await expect.poll(() => hold !== undefined).toBe(true);
    // The server stops while the counts are being computed.
    first.closeAllConnections();
    await new Promise((resolve) => first.close(resolve));
    await expect.poll(() => health.length).toBeGreaterThan(0);
    expect(health[0]).toMatch(/^restarting: The server at http:\/\/127\.0\.0\.1:\d+ does not answer\. Trying again in 1 s\.$/);
    expect(client.getHealth().state).toBe('restarting');

    // Edits while it is away wait with the others (the newer counts supersede the older).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = client.counts(doc);
    await expect(counting).rejects.toThrow(/superseded/);

    const second = await start(port);
    try {
      expect((await again).counts).toEqual(SHOP_COUNTS);
      expect(client.getHealth()).toEqual({ state: 'running' });
    } finally {
      client.terminate();
      second.closeAllConnections();
      await new Promise((resolve) => second.close(resolve));
    }
  });

  test('a server restarted with another token: the client stops retrying and its requests say “wrong token”', async () => {
    const { source, doc } = await shop();
    const start = async (port: number, token: string) => {
      const handle = createRequestHandler(() => openNativeDuckDB({ threads: 1 }));
      await handle({ id: 1, type: 'load', params: { source } });
      const s = createEngineServer({ handle, token, origins: DEFAULT_ORIGINS, maxRequestBytes: 1_048_576 });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', () => resolve()));
      return s;
    };
    const first = await start(0, TOKEN);
    const port = (first.address() as AddressInfo).port;
    const client = new EngineClient({ ...serverEngineOptions({ url: `http://127.0.0.1:${port}`, token: TOKEN }), retryDelaysMs: [100] });
    expect((await client.counts(doc)).counts).toEqual(SHOP_COUNTS);
    first.closeAllConnections();
    await new Promise((resolve) => first.close(resolve));
    const waiting = client.counts({ ...doc, name: 'Edited' });
    await expect.poll(() => client.getHealth().state).toBe('restarting');
    const second = await start(port, 'another-token-123');
    try {
      await expect(waiting).rejects.toThrow(/refused the token \(wrong token\)/);
      expect(client.getHealth()).toEqual({ state: 'running' });
    } finally {
      client.terminate();
      second.closeAllConnections();
      await new Promise((resolve) => second.close(resolve));
    }
  });

  test('the server loads a data directory and prints an app address that connects to it', async () => {
    running = await startServer(parseServeArgs(['--data', 'cli/fixtures/shop-data', '--port', '0', '--token', TOKEN, '--origin', 'http://localhost:4321']));
    expect(running.dataset).toMatch(/5 customers, 4 orders/);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.appUrl).toBe(`http://localhost:4321/?engine=${encodeURIComponent(running.url)}&token=${TOKEN}`);
    const client = new EngineClient(serverEngineOptions({ url: running.url, token: TOKEN }));
    expect((await client.counts((await shop()).doc)).counts).toEqual(SHOP_COUNTS);
    client.terminate();
  });

  test('the command line refuses what it cannot use, saying why', () => {
    expect(() => parseServeArgs(['--data', 'x', '--profiles', '10'])).toThrow(/--data or --profiles/);
    expect(() => parseServeArgs(['--port', 'eighty'])).toThrow(/--port expects a whole number/);
    expect(() => parseServeArgs(['--origin', 'localhost'])).toThrow(/--origin expects an address/);
    expect(() => parseServeArgs(['--token', 'short'])).toThrow(/at least 8/);
    const defaults = parseServeArgs([]);
    expect(defaults).toMatchObject({ host: '127.0.0.1', port: 7700, maxRequestBytes: 64 * 1_048_576 });
    expect(defaults.token).toHaveLength(32);
    expect(parseServeArgs([]).token).not.toBe(defaults.token);
  });
});
