import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';

/**
 * ClickHouse's HTTP interface (https://clickhouse.com/docs/interfaces/http), answered by embedded
 * ClickHouse (chdb) in this process: the same SQL engine as a server, behind the same protocol, so
 * that the connection through the official client (client-connection.ts) is tested end to end
 * without a server on the machine. What it speaks is what that client sends: the statement in the
 * body, or in `query` with the data of an INSERT in the body; the current database in `database`;
 * settings and `param_<name>` bindings as URL parameters; the output format from `default_format`
 * or the statement's own FORMAT. A refused statement answers 500 with ClickHouse's own text and
 * the `X-ClickHouse-Exception-Code` header, as a server does.
 */
export interface HttpClickHouse {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The requests answered so far, in order: the statement and the settings sent with it. */
  requests: { statement: string; settings: Record<string, string> }[];
  close(): Promise<void>;
}

/** URL parameters that are the protocol's own, not settings. */
const PROTOCOL = new Set(['query', 'database', 'query_id', 'session_id', 'default_format', 'user', 'password']);

export async function startHttpClickHouse(): Promise<HttpClickHouse> {
  const session = new Session();
  const files = mkdtempSync(join(tmpdir(), 'cc-http-ch-'));
  const requests: HttpClickHouse['requests'] = [];
  let n = 0;
  // One statement at a time: the session has one current database.
  let queue: Promise<unknown> = Promise.resolve();

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const inUrl = url.searchParams.get('query');
    const statement = (inUrl ?? body.toString('utf8')).trim();
    const params: Record<string, string> = {};
    const sent: Record<string, string> = {};
    for (const [k, v] of url.searchParams) {
      if (k.startsWith('param_')) params[k.slice(6)] = v;
      else if (!PROTOCOL.has(k)) sent[k] = v;
    }
    const settings = Object.entries(sent).map(([k, v]) => `${k} = ${/^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`}`);
    const format = url.searchParams.get('default_format') ?? 'TabSeparated';
    const database = url.searchParams.get('database');
    const run = async (): Promise<Uint8Array> => {
      requests.push({ statement, settings: sent });
      if (settings.length > 0) await session.queryAsync(`SET ${settings.join(', ')}`);
      if (database) await session.queryAsync(`USE ${database.replace(/[^A-Za-z0-9_]/g, '')}`);
      const insert = inUrl !== null ? /^INSERT INTO ([\s\S]+?) FORMAT ArrowStream$/i.exec(statement) : null;
      if (insert) {
        // chdb takes no binary payload: the rows go through a file it reads.
        const file = join(files, `in-${++n}.arrows`);
        writeFileSync(file, body);
        try {
          await session.queryAsync(`INSERT INTO ${insert[1]} SELECT * FROM file('${file}', 'ArrowStream')`);
        } finally {
          rmSync(file, { force: true });
        }
        return new Uint8Array();
      }
      const result = Object.keys(params).length > 0 ? await session.queryBindAsync(statement, params, { format }) : await session.queryAsync(statement, { format });
      return result.bytes();
    };
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    try {
      const bytes = await next;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'X-ClickHouse-Format': format });
      res.end(Buffer.from(bytes));
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      const code = /Code: (\d+)/.exec(text)?.[1] ?? '1';
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': code });
      res.end(text.startsWith('Code:') ? text : `Code: ${code}. DB::Exception: ${text}`);
    }
  }

  const server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      session.cleanup();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
