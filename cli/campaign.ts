import { EXIT, runCli } from './run';
import { oneLine } from '../src/domain/one-line';

/** Entry point of `npm run campaign -- <command> <campaign.json> [options]`; see docs/cli.md. */
// A failure outside the command (DuckDB's own worker, a promise nobody awaited) is one line and a
// documented exit code too, never a stack trace.
const fail = (e: unknown) => {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  process.stderr.write(`error: ${oneLine(message)}\n`);
  process.exit(EXIT.engineFailed);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const out = await runCli(process.argv.slice(2));
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.code;
