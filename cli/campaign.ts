import { runCli } from './run';

/** Entry point of `npm run campaign -- <command> <campaign.json> [options]`; see docs/cli.md. */
const out = await runCli(process.argv.slice(2));
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.code;
