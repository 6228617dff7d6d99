import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCampaign } from '../src/domain/serialization';
import { validateCampaign } from '../src/domain/validate';
import type { CampaignDoc } from '../src/domain/campaign';
import { topologicalOrder } from '../src/domain/graph';
import { needsRun } from '../src/domain/rule-needs-run';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset, SAMPLE_SIZES } from '../src/engine/data/sample-dataset';
import { decodeImportFile, importCsvDataset, type ImportProblem } from '../src/engine/data/csv-import';
import { decodeUtf8 } from '../src/domain/text-file';
import type { Dataset } from '../src/engine/data/dataset';
import type { DuckConnection } from '../src/engine/duckdb/connection';
import { duckErrorMessage } from '../src/engine/duckdb/connection';
import { byId, idRecord } from '../src/domain/ids';
import { oneLine, safeLines } from '../src/domain/one-line';
import { launchTimestamp } from '../src/domain/simulation-settings';
import { scheduledRunLaunches } from '../src/domain/schedule/run-launches';
import { eventTableNames } from '../src/engine/simulation/event-tables';
import type { ReportBreakdownId, ReportParams, ReportResult } from '../src/domain/report';
import { printReport, reportBreakdownIds, reportFormats, reportJson, type ReportFormat } from './report';
import { traceCommand } from './trace';
import { loadIntoWarehouse, computeOnWarehouseData } from './warehouse';
import { openWarehouse } from '../src/engine/clickhouse/open-warehouse';

/** What a command printed and its exit code (kept apart from process.* so that tests call it). */
export interface CliOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Exit codes (docs/cli.md). Every failure prints one line per problem on stderr, never a stack.
 */
export const EXIT = {
  ok: 0,
  /** validate: the campaign has errors. */
  problems: 1,
  /** counts, sql: some activity could not be computed (the others are printed). */
  activityFailed: 2,
  usage: 64,
  /** The campaign or the data files are invalid (each problem with its path or file:line:column). */
  invalidInput: 65,
  cannotRead: 66,
  /** simulate --events: the event tables could not be written. */
  cannotWrite: 73,
  /** The engine failed: the data could not be loaded (e.g. out of memory), or an internal error. */
  engineFailed: 70,
} as const;

/** Largest built-in sample the command line generates: the benchmark's size. */
export const MAX_SAMPLE_PROFILES = SAMPLE_SIZES.benchmark;

export interface CliDeps {
  /** Opens the DuckDB the engine runs on (tests replace it to make the engine fail). */
  openDuckDB: () => Promise<DuckConnection>;
}

const defaultDeps: CliDeps = { openDuckDB: openNodeDuckDB };

/** The first line of an error's message, safe for a terminal. */
function firstLine(e: unknown): string {
  const message = e instanceof Error ? duckErrorMessage(e) : String(e);
  return oneLine(message.split('\n')[0] ?? '');
}

export const usage = `Usage: npm run campaign -- <command> <campaign.json> [options]

Commands:
  counts     print a JSON object: transition id -> exact record count
  sql        print the SQL of every activity
  validate   print the campaign's problems
  simulate   simulate delivery and print the figures of each activity (sent, delivered, unique-opens...)
  report     simulate delivery and print the report: every metric of the registry, and its breakdowns
  trace      print the trace of one record: each activity, in or out and why (docs/trace.md)
  runs       simulate every launch of the campaign's schedule up to --until and print each run's figures
  load       write the data (--data or --profiles) into the warehouse given by --warehouse (no campaign file)

Options:
  --data <dir>      a directory with data-model.json and one <entity>.csv per entity
  --profiles <n>    size of the built-in sample data (default ${SAMPLE_SIZES.default}, at most ${MAX_SAMPLE_PROFILES})
  --seed <s>        seed of the built-in sample data (default 42)
  --json            validate: print the problems as JSON; simulate, runs: print the figures as JSON
  --start <time>    simulate, report: the launch, YYYY-MM-DDTHH:MM (default: the campaign's launch setting)
  --events <dir>    simulate: also write feedback.csv, tracking.csv and steps.csv into <dir>;
                    runs: the same for each run, into <dir>/<launch>/
  --format <f>      report: text (default), json or csv; trace: text (default) or json
  --breakdown <id>  report: only this breakdown (${reportBreakdownIds.join(', ')}); default all
  --activity <id>   report: only this channel activity (repeat for several)
  --branch <s/o>    report: only the messages that came through output <o> of Split <s>
  --from <time>     report: only events at or after this time (YYYY-MM-DD HH:MM);
                    runs: the first launch at or after this time (default: the simulated present)
  --until <time>    runs: the last launch at or before this time (YYYY-MM-DD HH:MM)
  --to <time>       report: only events before this time
  --record <key>    trace: the key of the record to trace (of the campaign's targeting dimension)
  --simulate        trace: simulate delivery first, so that channels show the record's events
  --warehouse <url> compute on a ClickHouse warehouse instead of DuckDB in this process:
                    clickhouse://[user[:password]@]host[:8123]/database, or chdb://<dir> (embedded);
                    without --data or --profiles, on the data a load wrote there
`;

/** `file:line:column: message`, leaving out a line or column that is not known (0). */
function located(dir: string, p: ImportProblem): string {
  const place = [join(dir, p.file), ...(p.line > 0 ? [p.line] : []), ...(p.line > 0 && p.column > 0 ? [p.column] : [])].join(':');
  return `${place}: ${p.message}`;
}

/** Reads `dir/data-model.json` and every `dir/*.csv` (UTF-8, a byte-order mark allowed), and checks them. */
export async function readDataDirectory(dir: string): Promise<{ ok: true; dataset: Dataset } | { ok: false; message: string }> {
  const modelBytes = await readFile(join(dir, 'data-model.json')).catch(() => undefined);
  if (modelBytes === undefined) return { ok: false, message: `${join(dir, 'data-model.json')}: not found` };
  const names = (await readdir(dir)).filter((n) => n.endsWith('.csv')).sort();
  const decoded = [
    { name: 'data-model.json', ...decodeImportFile('data-model.json', modelBytes) },
    ...(await Promise.all(names.map(async (name) => ({ name, ...decodeImportFile(name, await readFile(join(dir, name))) })))),
  ];
  const unreadable = decoded.flatMap((d) => (d.ok ? [] : [d.problem]));
  if (unreadable.length > 0) return { ok: false, message: unreadable.map((p) => located(dir, p)).join('\n') };
  const [model, ...files] = decoded.map((d) => ({ name: d.name, text: d.ok ? d.text : '' }));
  const result = importCsvDataset(model!.text, files);
  if (result.ok) return { ok: true, dataset: result.dataset };
  return { ok: false, message: result.problems.map((p) => located(dir, p)).join('\n') };
}

function positiveInteger(text: string | undefined, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} expects a positive whole number`);
  if (n > max) throw new Error(`--${name} is at most ${max.toLocaleString('en-US')}`);
  return n;
}

/**
 * Runs one command of the command-line tool. Whatever fails (the engine, the data, a bug) ends as
 * one line on stderr and a documented exit code; labels and ids never start a line of their own.
 */
export async function runCli(argv: string[], deps: CliDeps = defaultDeps): Promise<CliOutput> {
  try {
    const out = await runCommand(argv, deps);
    return { ...out, stderr: safeLines(out.stderr) };
  } catch (e) {
    return { stdout: '', stderr: `error: ${firstLine(e)}\n`, code: EXIT.engineFailed };
  }
}

/** The data a command computes on: a data directory, or the built-in sample. */
async function readDataset(values: { data?: string; profiles?: string; seed?: string }): Promise<{ ok: true; dataset: Dataset } | { ok: false; out: CliOutput }> {
  try {
    if (values.data) {
      const read = await readDataDirectory(values.data);
      if (!read.ok) return { ok: false, out: { stdout: '', stderr: `${read.message}\n`, code: EXIT.invalidInput } };
      return { ok: true, dataset: read.dataset };
    }
    return {
      ok: true,
      dataset: sampleDataset({
        profiles: positiveInteger(values.profiles, SAMPLE_SIZES.default, 'profiles', MAX_SAMPLE_PROFILES),
        seed: positiveInteger(values.seed, 42, 'seed'),
      }),
    };
  } catch (e) {
    return { ok: false, out: { stdout: '', stderr: `${firstLine(e)}\n`, code: EXIT.usage } };
  }
}

/**
 * `load --warehouse <url> (--data <dir> | --profiles N)`: writes the data model's tables into the
 * warehouse, replacing what a previous load wrote, and prints the rows of each table.
 */
async function loadCommand(values: { warehouse?: string; data?: string; profiles?: string; seed?: string }): Promise<CliOutput> {
  if (values.warehouse === undefined) return { stdout: '', stderr: `load: into which warehouse? --warehouse <url>\n\n${usage}`, code: EXIT.usage };
  if (values.data === undefined && values.profiles === undefined) return { stdout: '', stderr: `load: which data? --data <dir> or --profiles <n>\n\n${usage}`, code: EXIT.usage };
  const read = await readDataset(values);
  if (!read.ok) return read.out;
  let conn;
  try {
    conn = await openWarehouse(values.warehouse);
  } catch (e) {
    return { stdout: '', stderr: `--warehouse: ${firstLine(e)}\n`, code: EXIT.usage };
  }
  try {
    const rows = await loadIntoWarehouse(conn, conn.dataDatabase, read.dataset);
    return { stdout: `${terminalJson({ database: conn.dataDatabase, rows })}\n`, stderr: '', code: EXIT.ok };
  } catch (e) {
    return { stdout: '', stderr: `error: the data could not be written to the warehouse: ${firstLine(e)}\n`, code: EXIT.engineFailed };
  } finally {
    await conn.close().catch(() => undefined);
  }
}

async function runCommand(argv: string[], deps: CliDeps): Promise<CliOutput> {
  let args: ReturnType<typeof parse>;
  const parse = (a: string[]) =>
    parseArgs({
      args: a,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        profiles: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        start: { type: 'string' },
        events: { type: 'string' },
        format: { type: 'string' },
        breakdown: { type: 'string' },
        activity: { type: 'string', multiple: true },
        branch: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        until: { type: 'string' },
        record: { type: 'string' },
        simulate: { type: 'boolean' },
        warehouse: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    args = parse(argv);
  } catch (e) {
    return { stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n\n${usage}`, code: EXIT.usage };
  }
  const [command, file] = args.positionals;
  if (args.values.help || !command) return { stdout: usage, stderr: '', code: command || args.values.help ? 0 : 64 };
  if (!['counts', 'sql', 'validate', 'simulate', 'report', 'trace', 'runs', 'load'].includes(command)) return { stdout: '', stderr: `unknown command ${command}\n\n${usage}`, code: EXIT.usage };
  if (command === 'load') return loadCommand(args.values);
  if (!file) return { stdout: '', stderr: `${command}: which campaign file?\n\n${usage}`, code: EXIT.usage };

  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return { stdout: '', stderr: `${file}: cannot read the file\n`, code: EXIT.cannotRead };
  // UTF-8 only (a byte-order mark is dropped): other bytes would become U+FFFD without a sign.
  const text = decodeUtf8(bytes);
  if (!text.ok) return { stdout: '', stderr: `${file}:${text.line}:${text.column}: ${text.message}\n`, code: EXIT.invalidInput };
  // validate lists wiring problems as problems; counts and sql refuse the file, with their paths.
  const parsed = parseCampaign(text.text, { wiring: command === 'validate' ? 'keep' : 'refuse' });
  if (!parsed.ok) return { stdout: '', stderr: parsed.errors.map((e) => `${file}: ${e.path}: ${e.message}`).join('\n') + '\n', code: EXIT.invalidInput };
  let doc = parsed.doc;
  if ((command === 'simulate' || command === 'report') && args.values.start !== undefined) {
    const start = launchTimestamp(args.values.start, '2000-01-01');
    if (!start.ok || args.values.start.trim() === '') return { stdout: '', stderr: `--start: ${start.ok ? 'give a date and time (YYYY-MM-DDTHH:MM)' : start.message}\n`, code: EXIT.usage };
    const simulation = typeof doc.settings.simulation === 'object' && doc.settings.simulation !== null ? doc.settings.simulation : {};
    doc = { ...doc, settings: { ...doc.settings, simulation: { ...simulation, launch: args.values.start.trim() } } };
  }

  if (command === 'validate') return validate(doc, Boolean(args.values.json));
  const format = (args.values.format ?? (args.values.json ? 'json' : 'text')) as ReportFormat;
  if (command === 'report' && !reportFormats.includes(format)) return { stdout: '', stderr: `--format: "${oneLine(format)}" is not one of ${reportFormats.join(', ')}\n`, code: EXIT.usage };
  const breakdown = args.values.breakdown as ReportBreakdownId | undefined;
  if (command === 'report' && breakdown !== undefined && !reportBreakdownIds.includes(breakdown))
    return { stdout: '', stderr: `--breakdown: "${oneLine(breakdown)}" is not one of ${reportBreakdownIds.join(', ')}\n`, code: EXIT.usage };
  if (command === 'trace' && (args.values.record === undefined || args.values.record.trim() === '')) return { stdout: '', stderr: `trace: which record? --record <key>\n\n${usage}`, code: EXIT.usage };
  if (command === 'runs' && (args.values.until === undefined || args.values.until.trim() === '')) return { stdout: '', stderr: `runs: until when? --until <YYYY-MM-DDTHH:MM>\n\n${usage}`, code: EXIT.usage };
  if (command === 'trace' && format !== 'json' && format !== 'text') return { stdout: '', stderr: `--format: json or text, not ${oneLine(format)}\n`, code: EXIT.usage };

  // With a warehouse and no data of its own, the command computes on what `load` wrote there.
  const onWarehouseData = args.values.warehouse !== undefined && args.values.data === undefined && args.values.profiles === undefined;
  let dataset: Dataset | undefined;
  if (!onWarehouseData) {
    const read = await readDataset(args.values);
    if (!read.ok) return read.out;
    dataset = read.dataset;
  }

  let conn: DuckConnection & { dataDatabase?: string };
  if (args.values.warehouse === undefined) conn = await deps.openDuckDB();
  else {
    try {
      conn = await openWarehouse(args.values.warehouse);
    } catch (e) {
      return { stdout: '', stderr: `--warehouse: ${firstLine(e)}\n`, code: EXIT.usage };
    }
  }
  const engine = new Engine(conn);
  try {
    try {
      if (dataset) await engine.loadDataset(dataset);
      else await computeOnWarehouseData(engine, conn, conn.dataDatabase!);
    } catch (e) {
      return { stdout: '', stderr: `error: the data could not be loaded: ${firstLine(e)}\n`, code: EXIT.engineFailed };
    }
    if (command === 'report') {
      const filters = {
        ...(args.values.activity ? { activities: args.values.activity } : {}),
        ...(args.values.branch ? { branch: args.values.branch } : {}),
        ...(args.values.from ? { from: args.values.from } : {}),
        ...(args.values.to ? { to: args.values.to } : {}),
      };
      return await report(engine, doc, { filters }, format, breakdown ? [breakdown] : reportBreakdownIds);
    }
    if (command === 'trace') {
      try {
        const out = await traceCommand(engine, doc, args.values.record!, { format: format as 'json' | 'text', simulate: Boolean(args.values.simulate), json: terminalJson });
        return { ...out, stderr: '' };
      } catch (e) {
        // A key of the wrong type or a dimension the data does not have: the input's fault.
        if (e instanceof Error && e.name === 'EngineError') return { stdout: '', stderr: `--record: ${firstLine(e)}\n`, code: EXIT.usage };
        throw e;
      }
    }
    if (command === 'runs')
      return await runsCommand(engine, doc, { until: args.values.until!, json: Boolean(args.values.json), ...(args.values.from ? { from: args.values.from } : {}), ...(args.values.events ? { events: args.values.events } : {}) });
    if (command === 'simulate') return await simulate(engine, doc, { json: Boolean(args.values.json), ...(args.values.events ? { events: args.values.events } : {}) });
    return command === 'counts' ? await counts(engine, doc) : sql(engine, doc);
  } finally {
    await engine.close().catch(() => undefined);
  }
}

function activityLabel(doc: CampaignDoc, id: string): string {
  const a = doc.activities.find((x) => x.id === id);
  return oneLine(a ? `${a.label || a.type} (${id})` : id);
}

async function counts(engine: Engine, doc: CampaignDoc): Promise<CliOutput> {
  const result = await engine.counts(doc);
  // Transitions in document order, so that the output is stable and easy to diff.
  const ordered = idRecord<number>();
  for (const t of doc.transitions) {
    const n = byId(result.counts, t.id);
    if (n !== undefined) ordered[t.id] = n;
  }
  // A rule on message results is counted once the campaign has run: a note, not a failure.
  const failed = Object.entries(result.errors).filter(([, message]) => !needsRun(message));
  const waiting = Object.entries(result.errors).filter(([, message]) => needsRun(message));
  const lines = [
    ...failed.map(([id, message]) => `error: ${activityLabel(doc, id)}: ${oneLine(message)}`),
    ...waiting.map(([id, message]) => `needs a run: ${activityLabel(doc, id)}: ${oneLine(message)}`),
  ];
  return { stdout: `${terminalJson(ordered)}\n`, stderr: lines.length ? `${lines.join('\n')}\n` : '', code: failed.length ? 2 : 0 };
}

/**
 * Simulates delivery: the figures of each activity that has some (channels), in document order,
 * as JSON or as one line per activity; `events` writes the event tables as CSV files.
 */
async function simulate(engine: Engine, doc: CampaignDoc, options: { json: boolean; events?: string }): Promise<CliOutput> {
  const result = await engine.counts(doc, { simulate: true });
  const figures = idRecord<Record<string, number>>();
  for (const a of doc.activities) {
    const f = byId(result.figures ?? {}, a.id);
    if (f) figures[a.id] = f;
  }
  const failed = Object.entries(result.errors);
  const lines = failed.map(([id, message]) => `error: ${activityLabel(doc, id)}: ${oneLine(message)}`);
  if (options.events) {
    try {
      await mkdir(options.events, { recursive: true });
      for (const name of eventTableNames) await writeFile(join(options.events, `${name}.csv`), (await engine.events(doc, name, { limit: 0, csv: true })).csv ?? '');
    } catch (e) {
      return { stdout: '', stderr: `${options.events}: cannot write the event tables: ${firstLine(e)}\n`, code: EXIT.cannotWrite };
    }
  }
  const text = Object.entries(figures)
    .map(([id, f]) => `${activityLabel(doc, id)}: ${Object.entries(f).map(([name, n]) => `${name} ${n}`).join(', ')}`)
    .join('\n');
  const stdout = options.json ? `${terminalJson(figures)}\n` : text ? `${text}\n` : 'no channel was simulated\n';
  return { stdout, stderr: lines.length ? `${lines.join('\n')}\n` : '', code: failed.length ? EXIT.activityFailed : EXIT.ok };
}

/** The figures a run prints in text, in this order (metric registry ids). */
const RUN_FIGURES = ['targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks'];

/**
 * Simulates every launch of the campaign's schedule from the simulated present (or `from`) up to
 * `until`, in order, each run carrying over what the ones before it left (docs/lifecycle.md#runs),
 * and prints each run's figures: one line per run, or JSON. `events` writes each run's event tables
 * into `<events>/<launch>/`.
 */
async function runsCommand(engine: Engine, doc: CampaignDoc, options: { until: string; from?: string; json: boolean; events?: string }): Promise<CliOutput> {
  const planned = scheduledRunLaunches(doc, engine.dataset!.model.referenceDate, options.until, options.from);
  if (!planned.ok) return { stdout: '', stderr: `runs: ${planned.message}\n`, code: EXIT.usage };
  const results = [];
  const errors: string[] = [];
  for (const [i, launch] of planned.launches.entries()) {
    const run = await engine.simulateRun(doc, `run-${i + 1}`, launch);
    results.push(run);
    for (const line of run.log) for (const e of line.errors) errors.push(`error: ${launch}: ${activityLabel(doc, line.activityId)}: ${oneLine(e)}`);
    if (options.events) {
      const dir = join(options.events, launch.replace(':', ''));
      try {
        await mkdir(dir, { recursive: true });
        for (const name of eventTableNames) await writeFile(join(dir, `${name}.csv`), (await engine.simulatedRunEvents(run.runId, name, { limit: 0, csv: true })).csv ?? '');
      } catch (e) {
        return { stdout: '', stderr: `${options.events}: cannot write the event tables: ${firstLine(e)}\n`, code: EXIT.cannotWrite };
      }
    }
  }
  const stdout = options.json
    ? `${terminalJson(results.map((r) => ({ launch: r.launch, totals: r.totals, figures: r.figures, ...(r.signals.length ? { signals: r.signals } : {}) })))}\n`
    : results
        .map((r) => [`${r.launch}  ${RUN_FIGURES.map((id) => `${id} ${r.totals[id] ?? 0}`).join(', ')}`, ...r.signals.map((s) => `  signals campaign ${oneLine(s.campaignId)} at ${s.at} (${s.records} records reached ${activityLabel(doc, s.activityId)})`)].join('\n'))
        .join('\n') + '\n';
  return { stdout, stderr: errors.length ? `${errors.join('\n')}\n` : '', code: errors.length ? EXIT.activityFailed : EXIT.ok };
}

/**
 * The report through the engine's report request. A filter the engine cannot apply (a branch the
 * campaign does not have, a time that is not one) is a usage error; a channel that failed is
 * reported as simulate does.
 */
async function report(engine: Engine, doc: CampaignDoc, params: ReportParams, format: ReportFormat, breakdowns: readonly ReportBreakdownId[]): Promise<CliOutput> {
  // The simulation first, for its errors; the report then reads its tables as they are.
  const failed = Object.entries((await engine.counts(doc, { simulate: true })).errors);
  let result: ReportResult;
  try {
    result = await engine.report(doc, params);
  } catch (e) {
    if (e instanceof Error && e.name === 'EngineError') return { stdout: '', stderr: `error: ${firstLine(e)}\n`, code: EXIT.usage };
    throw e;
  }
  const lines = failed.map(([id, message]) => `error: ${activityLabel(doc, id)}: ${oneLine(message)}`);
  const stdout = format === 'json' ? terminalJson(reportJson(result, breakdowns)) : printReport(doc, result, format, breakdowns);
  return { stdout: `${stdout}\n`, stderr: lines.length ? `${lines.join('\n')}\n` : '', code: failed.length ? EXIT.activityFailed : EXIT.ok };
}

/**
 * JSON that reads back as the same value, with the characters JSON leaves raw that a terminal
 * would act on (C1 controls, line separators, bidi controls) written as \\u escapes.
 */
function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sql(engine: Engine, doc: CampaignDoc): CliOutput {
  const { sql: byActivity, errors } = engine.sql(doc);
  const blocks: string[] = [];
  // Execution order, then the activities on a loop (they have no place in it, and an error line).
  const ordered = topologicalOrder(doc).order;
  const placed = new Set(ordered);
  for (const a of [...ordered, ...doc.activities.filter((x) => !placed.has(x))]) {
    const text = byId(byActivity, a.id);
    if (text !== undefined) blocks.push(`-- ${activityLabel(doc, a.id)}\n${text}`);
    else {
      const error = byId(errors, a.id);
      if (error) blocks.push(`-- ${activityLabel(doc, a.id)}\n-- ${needsRun(error) ? 'needs a run' : 'error'}: ${oneLine(error)}`);
    }
  }
  return { stdout: `${blocks.join('\n\n')}\n`, stderr: '', code: Object.values(errors).some((e) => !needsRun(e)) ? 2 : 0 };
}

function validate(doc: CampaignDoc, json: boolean): CliOutput {
  const problems = validateCampaign(doc);
  const code = problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
  if (json) return { stdout: `${terminalJson(problems)}\n`, stderr: '', code };
  const lines = problems.map((p) => `${p.severity}\t${p.code}\t${p.activityId ? activityLabel(doc, p.activityId) : oneLine(p.transitionId ?? '-')}\t${oneLine(p.message)}`);
  return { stdout: problems.length ? `${lines.join('\n')}\n` : 'no problems\n', stderr: '', code };
}
