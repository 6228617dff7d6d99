// Where the scale benchmark sends the engine's requests: an engine in this process (the request
// handler the worker and the server use, on a DuckConnection of choice) or a server over HTTP.
// Both speak the same protocol (src/engine/protocol.ts), so the workload is written once.
import { readFileSync } from 'node:fs';
import type { DuckConnection } from '../../src/engine/duckdb/connection';
import type { EngineApi, EngineRequest, EngineResponse, RequestType } from '../../src/engine/protocol';
import { createRequestHandler } from '../../src/engine/worker-handler';

export interface EngineTarget {
  /** How the results name it ("server (native DuckDB)", "DuckDB-WASM in Node"…). */
  label: string;
  request<K extends RequestType>(type: K, params: EngineApi[K]['params']): Promise<EngineApi[K]['result']>;
  /** Peak resident memory of the process that holds the engine, in MB, when it can be read. */
  peakMemoryMB(): number | undefined;
  close(): Promise<void>;
}

let nextId = 1;

function unwrap(response: EngineResponse): unknown {
  if (response.ok) return response.result;
  throw new Error(`${response.error.name}: ${response.error.message}`);
}

/** Peak resident set (VmHWM) of a process, from Linux's /proc. */
export function peakResidentMB(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** The engine in this process, on the connection `open` gives. */
export function inProcessTarget(label: string, open: () => Promise<DuckConnection>): EngineTarget {
  let connection: DuckConnection | undefined;
  const handle = createRequestHandler(async () => (connection = await open()));
  return {
    label,
    request: async (type, params) => unwrap(await handle({ id: nextId++, type, params } as EngineRequest)) as never,
    peakMemoryMB: () => peakResidentMB(process.pid),
    close: async () => {
      await connection?.close();
    },
  };
}

/** A server engine at `url` (`npm run serve`), whose process is `pid` when this benchmark started it. */
export function httpTarget(label: string, url: string, token: string, pid?: number): EngineTarget {
  return {
    label,
    request: async (type, params) => {
      const res = await fetch(new URL('/rpc', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: nextId++, type, params }),
      });
      if (!res.ok && res.status !== 200) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
      return unwrap((await res.json()) as EngineResponse) as never;
    },
    peakMemoryMB: () => (pid === undefined ? undefined : peakResidentMB(pid)),
    close: async () => {},
  };
}
