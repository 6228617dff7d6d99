import { spawn, type ChildProcess } from 'node:child_process';

/**
 * An engine server (`npm run serve`) started by a spec on its own port, with a known token, that
 * lets the suite's app (its origin) call it; stopped (its process only) at the end of the spec.
 */
export interface EngineServer {
  url: string;
  token: string;
  /** The app's address that connects to this server (the link the server prints). */
  appPath(hash: string): string;
  stop(): Promise<void>;
  /** Starts it again on the same port with the same token (the data is loaded again). */
  restart(): Promise<void>;
}

export const SERVER_TOKEN = 'e2e-server-token-0123';

function launch(port: number, origin: string, profiles: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    // Node itself runs the server (tsx as its loader), so that stopping this process stops the server.
    ['--import', 'tsx', 'server/serve.ts', '--profiles', String(profiles), '--port', String(port), '--token', SERVER_TOKEN, '--origin', origin, '--threads', '1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the engine server did not start within 120 s:\n${out}`)), 120_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Engine server ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the engine server stopped (${code}):\n${out}`));
    });
  });
}

function end(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Starts a server on `port` (the specs use 7711–7719) with the sample data of `profiles` profiles. */
export async function startEngineServer(port: number, appOrigin: string, profiles = 10_000): Promise<EngineServer> {
  let child: ChildProcess | undefined = await launch(port, appOrigin, profiles);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    token: SERVER_TOKEN,
    appPath: (hash) => `/?engine=${encodeURIComponent(url)}&token=${SERVER_TOKEN}${hash}`,
    stop: async () => {
      await end(child);
      child = undefined;
    },
    restart: async () => {
      await end(child);
      child = await launch(port, appOrigin, profiles);
    },
  };
}
