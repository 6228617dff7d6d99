import type { Activity, CampaignDoc } from '../../domain/campaign';
import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { indexGraph, topologicalOrder } from '../../domain/graph';
import { getActivityDef } from '../../activities/registry';
import { CompileError, LEFT_OUT_OUTPUT, auxTable, isAuxOutput } from '../../activities/compile-types';
import type { CompileContext, CompiledOutputs, EarlierChannelRef, EngineStateView, SqlToolkit, WorkingTableRef } from '../../activities/compile-types';
import { earlierChannelActivities } from '../../activities/earlier-channels';
import { withSimulation, type SimulatedChannelConfig } from '../simulation/simulate-sql';
import { launchTimestamp, readSimulationSettings } from '../../domain/simulation-settings';
import { quoteIdent } from '../sql/quote';
import { duckdbDialect, type SqlDialect } from '../sql/dialect';
import { ruleSql, type RuleScope } from './rule-sql';
import { hash64, stableStringify } from './hash';
import { idRecord, byId } from '../../domain/ids';
import { oneLine } from '../../domain/one-line';
import { findNestingProblem } from '../../domain/nesting';
import { wiringBlocks } from '../../domain/wiring';
import { campaignVariables } from '../../domain/variables';

/** What the compiler needs to know about the loaded data. */
export interface CompileEnv {
  model: DataModel;
  /** Schema that holds the dataset's tables. */
  dataSchema: string;
  /** The SQL engine's dialect; DuckDB when absent. */
  dialect?: SqlDialect;
  /** Changes whenever other data is loaded; part of every hash. */
  dataVersion: string;
  /** Saved audiences and run history, when an engine holds them. */
  state?: EngineStateView;
  /** Simulate delivery: channels also plan their event tables, and retargeting reads them. */
  simulate?: boolean;
  /**
   * Called right after each activity compiled, with its parsed configuration and the very context
   * it compiled with (same rule compiler, same earlier channels): the trace of one record compiles
   * each condition of a rule this way, so that it reads the data exactly as the counts do.
   */
  probe?: (activity: Activity, config: unknown, ctx: CompileContext) => void;
  /**
   * A run over a simulated schedule (docs/lifecycle.md#runs): what earlier runs of the same
   * campaign left, which this run carries over. Absent for the live counts of the draft.
   */
  run?: CompileRun;
}

/** What a simulated run of a campaign carries over from the earlier runs (in launch order). */
export interface CompileRun {
  /** The previous run's launch (`YYYY-MM-DD HH:MM:SS`): an Incremental query sees only records newer than it. */
  previousLaunch?: string;
  /**
   * The channels of earlier runs, with their kept tables: capping counts their sends, fatigue too,
   * and the denylist grows from their feedback, exactly as for an earlier channel of the same run.
   */
  priorChannels: EarlierChannelRef[];
  /** Seed of the delivery simulation's draws for this run (each launch draws anew, deterministically). */
  drawSeed: number;
}

/** One output of one activity, with the working table that holds it. */
export interface PlannedOutput {
  port: string;
  /** Working table name (unquoted): `wt_` + a content hash. */
  table: string;
  /** SELECT that fills the table; empty when `sameAs` reuses an upstream table. */
  sql: string;
  dimension: string;
  columns: { name: string; type: string }[];
  /** Upstream working table this output reuses as is (pass-through). */
  sameAs?: string;
  /** See CompiledOutput: effects the engine applies once the table exists. */
  saveAudience?: string;
  runMark?: string;
  skipWhenEmpty?: boolean;
  /** See CompiledOutput.figures, with this activity's table names in place of placeholders. */
  figures?: string;
  /** Counted and not kept: the records the activity leaves out (LEFT_OUT_OUTPUT). */
  countOnly?: boolean;
}

export interface PlannedActivity {
  activityId: string;
  hash: string;
  /** Working tables this activity reads (its inputs). */
  inputs: string[];
  /**
   * Activities its inbound transitions come from. A pass-through (And-join, Fork) shares its
   * input's table, so whether an activity before it ran is known by activity, not by table.
   */
  sources: string[];
  /** Entities of the dataset its SQL reads (so that it can wait for a table still loading). */
  tables: string[];
  /** Facts tables its SQL reads, in the order to create them (see SqlToolkit.facts). */
  facts: PlannedFacts[];
  /** Auxiliary tables (keys starting with `@`) first, in the order the activity listed them, then its ports. */
  outputs: PlannedOutput[];
  /** Simulated time at which it starts and at which its records leave (`YYYY-MM-DD HH:MM:SS`). */
  start: string;
  end: string;
}

/** A table of facts derived from the dataset alone, shared by every activity that reads it. */
export interface PlannedFacts {
  /** `df_` + a hash of its SQL (which names the dataset's schema). */
  table: string;
  sql: string;
}

/** Why an activity produces nothing, when it is not an error. */
export type SkipReason = 'disabled' | 'upstream' | 'no-input' | 'not-computed' | 'no-output';

/** The compiled campaign: what to materialise, in order, and what each transition carries. */
export interface CampaignPlan {
  steps: PlannedActivity[];
  /** Working table carried by each transition that has one. */
  transitions: Record<string, string>;
  /** Activities whose configuration or rule cannot be compiled, with the reason. */
  errors: Record<string, string>;
  skipped: Record<string, SkipReason>;
  /** The launch in simulated time (`YYYY-MM-DD HH:MM:SS`). */
  launch: string;
  /** Whether the plan simulates delivery. */
  simulated: boolean;
}

/** What the rule compiler may read of earlier messages, for the activity being compiled. */
interface MessageScope {
  current?: { clock: string; channels: EarlierChannelRef[]; simulated: boolean };
}

function toolkit(env: CompileEnv, used: Set<string>, factsUsed: Map<string, string>, messages: MessageScope): SqlToolkit {
  const entity = (name: string) => {
    const e = findEntity(env.model, name);
    if (!e) throw new CompileError(`The data has no ${name}`);
    return e;
  };
  const table = (name: string) => {
    used.add(entity(name).name);
    return `${quoteIdent(env.dataSchema)}.${quoteIdent(entity(name).name)}`;
  };
  const facts = (sql: string) => {
    const name = `df_${hash64(sql)}`;
    factsUsed.set(name, sql);
    return quoteIdent(name);
  };
  const scope = (entityName: string, alias: string, row?: RuleScope['row'], point?: RuleScope['point']): RuleScope => ({
    dialect: env.dialect ?? duckdbDialect,
    model: env.model,
    entity: entity(entityName),
    alias,
    referenceDate: env.model.referenceDate,
    table,
    facts,
    aliases: { next: 0 },
    ...(row ? { row } : {}),
    ...(point ? { point } : {}),
    ...(messages.current ? { messages: messages.current } : {}),
  });
  return {
    dialect: env.dialect ?? duckdbDialect,
    ident: quoteIdent,
    literal: (env.dialect ?? duckdbDialect).literal,
    table,
    entity,
    facts,
    condition: (rule, entityName, alias, row, point) => ruleSql(rule, scope(entityName, alias, row, point), 'value'),
    filter: (rule, entityName, alias, row) => ruleSql(rule, scope(entityName, alias, row), 'filter'),
  };
}

/**
 * Compiles a campaign against the loaded data. Never throws for a bad activity: its problem is
 * reported in `errors` and the branches that do not depend on it still compile.
 */
export function compileCampaign(doc: CampaignDoc, env: CompileEnv): CampaignPlan {
  const g = indexGraph(doc);
  const { order, hasCycle } = topologicalOrder(doc);
  const used = new Set<string>();
  const factsUsed = new Map<string, string>();
  const messages: MessageScope = {};
  const sql = toolkit(env, used, factsUsed, messages);
  const simulation = readSimulationSettings(doc.settings.simulation).settings;
  const launchRead = launchTimestamp(simulation.launch, env.model.referenceDate);
  // A launch that does not parse is a problem on the campaign (validation); counts go on from the default.
  const launch = launchRead.ok ? launchRead.value : `${env.model.referenceDate} 09:00:00`;
  const simulated = env.simulate === true;
  const variables = Object.fromEntries(campaignVariables(doc));
  const plan: CampaignPlan = { steps: [], transitions: idRecord(), errors: idRecord(), skipped: idRecord(), launch, simulated };
  // Simulated time at which each planned activity's records leave it, and the channels planned so far.
  const leaves = new Map<string, string>();
  const channelRefs = new Map<string, EarlierChannelRef>();
  // Nothing is computed through a transition wired against the connection rules (see wiring.ts).
  const blocked = wiringBlocks(doc);
  const outputTable = new Map<string, PlannedOutput>();
  const portKey = (activityId: string, port: string) => `${activityId}\u0000${port}`;

  for (const activity of order) {
    try {
      if (activity.disabled) {
        plan.skipped[activity.id] = 'disabled';
        continue;
      }
      const def = getActivityDef(activity.type);
      if (!def) {
        plan.errors[activity.id] = `Unknown activity type ${activity.type}`;
        continue;
      }
      const wiring = blocked.activities.get(activity.id);
      if (wiring !== undefined) {
        plan.errors[activity.id] = wiring;
        continue;
      }
      const incoming = g.incoming.get(activity.id) ?? [];
      const inputs = idRecord<WorkingTableRef[]>();
      let ready = true;
      for (const t of incoming) {
        const out = outputTable.get(portKey(t.source.activityId, t.source.port));
        if (!out) {
          ready = false;
          break;
        }
        (inputs[t.target.port] ??= []).push({ relation: quoteIdent(out.table), dimension: out.dimension, columns: out.columns, transitionId: t.id });
      }
      if (!ready) {
        plan.skipped[activity.id] = 'upstream';
        continue;
      }
      if (incoming.length === 0 && !def.producesAudience) {
        plan.skipped[activity.id] = 'no-input';
        continue;
      }
      if (!def.compile) {
        plan.skipped[activity.id] = def.ports(def.defaults()).out.length === 0 ? 'no-output' : 'not-computed';
        continue;
      }
      const deep = findNestingProblem(activity.config);
      if (deep) {
        plan.errors[activity.id] = `Invalid settings at ${deep.path}: ${deep.message}`;
        continue;
      }
      const parsed = def.schema.safeParse(activity.config);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        plan.errors[activity.id] = `Invalid settings${issue ? ` at ${issue.path.join('.') || 'config'}: ${issue.message}` : ''}`;
        continue;
      }
      const config = parsed.data;
      const hash = hash64(
        stableStringify({
          type: activity.type,
          version: activity.configVersion,
          config,
          inputs: incoming.map((t) => [t.target.port, t.id, outputTable.get(portKey(t.source.activityId, t.source.port))!.table]),
          data: env.dataVersion,
          seed: doc.settings.seed,
        }),
      );
      const start = incoming.reduce((latest, t) => {
        const at = leaves.get(t.source.activityId) ?? launch;
        return at > latest ? at : latest;
      }, incoming.length === 0 ? launch : '');
      const end = def.advanceClock ? def.advanceClock(config, start) : start;
      const channels = [
        ...(env.run?.priorChannels ?? []),
        ...earlierChannelActivities(doc, activity.id)
          .map((c) => channelRefs.get(c.id))
          .filter((c): c is EarlierChannelRef => c !== undefined),
      ];
      const ctx: CompileContext = {
        activity,
        inputs,
        seed: doc.settings.seed,
        variables,
        model: env.model,
        referenceDate: env.model.referenceDate,
        sql,
        campaignId: doc.id,
        clock: start,
        channels,
        ...(simulated ? { simulation: { seed: env.run?.drawSeed ?? doc.settings.seed, launch, model: simulation.model } } : {}),
        ...(env.state ? { state: env.state } : {}),
        ...(env.run ? { run: { launch, ...(env.run.previousLaunch ? { previousLaunch: env.run.previousLaunch } : {}) } } : {}),
      };
      let compiled: CompiledOutputs;
      try {
        used.clear();
        factsUsed.clear();
        messages.current = { clock: start, channels, simulated };
        compiled = def.compile(config, ctx);
        // A simulated channel also writes what happens to its messages (engine/simulation), from its deliveries.
        if (def.meta.category === 'channel' && ctx.simulation) compiled = withSimulation(config as SimulatedChannelConfig, ctx, compiled);
        env.probe?.(activity, config, ctx);
      } catch (e) {
        plan.errors[activity.id] = e instanceof CompileError ? e.message : `Cannot compile: ${e instanceof Error ? e.message : String(e)}`;
        continue;
      }
      const ports = def.ports(config).out.map((p) => p.id);
      const outputs: PlannedOutput[] = [];
      // Auxiliary tables first, in the order listed; each may read the ones before it.
      const placeholders: [string, string][] = [];
      const resolve = (text: string) => placeholders.reduce((acc, [from, to]) => acc.split(from).join(to), text);
      const figuresOf = (figures: string | undefined) => (figures === undefined ? {} : { figures: resolve(figures) });
      const aux: Record<string, string> = {};
      for (const [key, c] of Object.entries(compiled)) {
        if (!isAuxOutput(key)) continue;
        const auxSql = resolve(c.sql);
        const table = `wt_${hash64(`${hash}\u0000${key}\u0000${auxSql}`)}`;
        placeholders.push([auxTable(key), quoteIdent(table)]);
        aux[key] = table;
        // Records left out are only counted (named like a table so that the count is kept and dropped with the others).
        outputs.push({ port: key, table, sql: auxSql, dimension: c.dimension, columns: c.columns, ...(key === LEFT_OUT_OUTPUT ? { countOnly: true } : {}) });
      }
      for (const o of outputs) {
        const c = compiled[o.port];
        if (c?.figures !== undefined) o.figures = resolve(c.figures);
      }
      for (const port of ports) {
        const compiledPort = byId(compiled, port);
        if (!compiledPort) continue;
        const c = { ...compiledPort, sql: resolve(compiledPort.sql) };
        const sameAs = c.sameAs ? [...outputTable.values()].find((o) => quoteIdent(o.table) === c.sameAs)?.table : undefined;
        // The SQL is part of the name: what an activity reads from engine state (a saved audience,
        // the last run) shows in its SQL, so a change there yields a new table.
        const table = sameAs ?? `wt_${hash64(`${hash}\u0000${port}\u0000${c.sql}`)}`;
        const out: PlannedOutput = {
          port,
          table,
          sql: sameAs ? '' : c.sql,
          dimension: c.dimension,
          columns: c.columns,
          ...(sameAs ? { sameAs } : {}),
          ...(c.saveAudience !== undefined ? { saveAudience: c.saveAudience } : {}),
          ...(c.runMark !== undefined ? { runMark: c.runMark } : {}),
          ...(c.skipWhenEmpty ? { skipWhenEmpty: true } : {}),
          ...figuresOf(c.figures),
        };
        outputs.push(out);
        outputTable.set(portKey(activity.id, port), out);
      }
      leaves.set(activity.id, end);
      if (def.meta.category === 'channel')
        channelRefs.set(activity.id, {
          activityId: activity.id,
          label: activity.label,
          type: activity.type,
          start,
          ...(aux['@deliveries'] ? { deliveries: quoteIdent(aux['@deliveries']), dimension: outputs.find((o) => o.port === '@deliveries')!.dimension } : {}),
          ...(aux['@feedback'] ? { feedback: quoteIdent(aux['@feedback']) } : {}),
          ...(aux['@tracking'] ? { tracking: quoteIdent(aux['@tracking']) } : {}),
        });
      const inputTables = incoming.map((t) => outputTable.get(portKey(t.source.activityId, t.source.port))!.table);
      const facts = [...factsUsed].map(([table, sql]) => ({ table, sql }));
      plan.steps.push({ activityId: activity.id, hash, inputs: inputTables, sources: incoming.map((t) => t.source.activityId), tables: [...used], facts, outputs, start, end });
    } catch (e) {
      // A definition that throws something other than a CompileError is still only that activity's problem.
      plan.errors[activity.id] = `Cannot compile: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (hasCycle) {
    const ordered = new Set(order.map((a) => a.id));
    for (const a of doc.activities) if (!ordered.has(a.id)) plan.errors[a.id] = 'This activity is on a loop of transitions; break the loop to count it.';
  }
  for (const t of doc.transitions) {
    const out = outputTable.get(portKey(t.source.activityId, t.source.port));
    if (out && !blocked.transitions.has(t.id)) plan.transitions[t.id] = out.table;
  }
  return plan;
}

/**
 * The SQL of one activity as shown in its code view: one statement per output, in the dialect of
 * the engine that computes it (DuckDB's temporary tables, ClickHouse's in-memory tables).
 */
export function activitySql(plan: CampaignPlan, activityId: string, dialect: SqlDialect = duckdbDialect): string | undefined {
  const step = plan.steps.find((s) => s.activityId === activityId);
  if (!step) return undefined;
  const facts = step.facts.map((f) => `-- facts from the data, computed once and shared\n${dialect.createTableAs(f.table, f.sql, { temporary: true, ifNotExists: true })};`);
  // A port id is a subset's or branch's id, typed by a person: it must not end its comment.
  const outputs = step.outputs.map((o) =>
    o.sameAs
      ? `-- ${oneLine(o.port)}: passes ${o.sameAs} through unchanged`
      : o.countOnly
        ? `-- records left out: counted, not kept\nSELECT count(*) FROM (\n${o.sql}\n) AS left_out;`
        : `-- ${oneLine(o.port)}\n${dialect.createTableAs(o.table, o.sql, { temporary: true })};`,
  );
  return [...facts, ...outputs].join('\n\n');
}
