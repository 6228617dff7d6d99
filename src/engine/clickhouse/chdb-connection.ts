import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import type { DuckConnection } from '../duckdb/connection';
import { CLICKHOUSE_SETTINGS } from './settings';
import { clickhouseConnection } from './warehouse-connection';

/**
 * Embedded ClickHouse (chdb) for tests and the command line: the same engine as a server, in this
 * process. chdb holds one data directory per process, so connections share one session; each has
 * a database of its own, where its working tables live, made current before each of its
 * statements (statements run one at a time).
 */
let shared: { session: Session; dir: string; current: string; queue: Promise<unknown>; users: number } | undefined;
let opened = 0;

function sessionFor(dir: string | undefined) {
  if (shared && dir && shared.dir !== dir) throw new Error(`Embedded ClickHouse already runs on ${shared.dir}; one data directory per process.`);
  if (!shared) {
    const session = dir ? new Session(dir) : new Session();
    const settings = Object.entries(CLICKHOUSE_SETTINGS)
      .map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`)
      .join(', ');
    session.query(`SET ${settings}`);
    shared = { session, dir: session.path, current: 'default', queue: Promise.resolve(), users: 0 };
  }
  return shared;
}

/** Opens embedded ClickHouse in `dir` (a temporary directory when absent). */
export async function openChdb(dir?: string): Promise<DuckConnection> {
  const s = sessionFor(dir);
  s.users++;
  const database = `cc_work_${process.pid}_${++opened}`;
  const files = mkdtempSync(join(tmpdir(), 'cc-chdb-'));
  let closed = false;
  // One statement at a time in the shared session, in its connection's database.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = s.queue.then(async () => {
      if (closed) throw new Error('The ClickHouse connection is closed.');
      if (s.current !== database) {
        await s.session.queryAsync(`USE ${database}`);
        s.current = database;
      }
      return work();
    });
    s.queue = next.catch(() => undefined);
    return next;
  };
  await s.session.queryAsync(`CREATE DATABASE IF NOT EXISTS ${database}`);
  let n = 0;
  const connection = clickhouseConnection({
    run: (sql) => serial(async () => (await s.session.queryAsync(sql, { format: 'ArrowStream' })).bytes()),
    insertArrow: (table, bytes) =>
      serial(async () => {
        // chdb takes no binary insert payload: the bytes go through a file it reads.
        const file = join(files, `in-${++n}.arrows`);
        writeFileSync(file, bytes);
        try {
          await s.session.queryAsync(`INSERT INTO ${table} SELECT * FROM file('${file.replace(/'/g, "\\'")}', 'ArrowStream')`);
        } finally {
          rmSync(file, { force: true });
        }
      }),
    close: async () => {
      await serial(() => s.session.queryAsync(`DROP DATABASE IF EXISTS ${database}`)).catch(() => undefined);
      closed = true;
      rmSync(files, { recursive: true, force: true });
      s.current = s.current === database ? '' : s.current;
      if (--s.users === 0) {
        s.session.cleanup();
        shared = undefined;
      }
    },
  });
  return { ...connection, schemaPrefix: `${database}_` };
}
