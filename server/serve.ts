import { parseServeArgs, serveUsage, startServer } from './start';

/**
 * Entry point of `npm run serve -- [options]`: the engine on native DuckDB, served over HTTP
 * (docs/running-on-larger-data.md). Prints its URL, its token and the app address that connects to
 * it; stops on Ctrl-C.
 */
const fail = (message: string, code: number) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

let options;
try {
  options = parseServeArgs(process.argv.slice(2));
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)}\n\n${serveUsage}`, 64);
}
if (options) {
  const what =
    options.data.kind === 'dir'
      ? options.data.dir
      : options.data.kind === 'warehouse'
        ? 'the data loaded in the warehouse'
        : `the sample data (${options.data.profiles.toLocaleString('en-US')} profiles)`;
  process.stdout.write(`Loading ${what}…\n`);
  const started = performance.now();
  const running = await startServer(options).catch((e: unknown) => fail(`error: ${e instanceof Error ? e.message : String(e)}`, 65));
  if (running) {
    process.stdout.write(
      [
        `Engine server ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${running.dataset}`,
        running.kept ? `  Kept from earlier starts: ${running.kept.audiences} saved audience${running.kept.audiences === 1 ? '' : 's'}, ${running.kept.runs} run${running.kept.runs === 1 ? '' : 's'}` : '',
        ...(running.kept?.problems ?? []).map((p) => `  ${p}`),
        `  URL:    ${running.url}`,
        `  Token:  ${options.token}`,
        `  Open the app connected to it: ${running.appUrl}`,
        options.host === '127.0.0.1' || options.host === 'localhost' ? '' : `  Listening on ${options.host}: anyone who can reach this address and has the token can use it.`,
        '',
      ].filter((l, i, all) => l !== '' || i === all.length - 1).join('\n'),
    );
    const stop = () => {
      void running.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
}
