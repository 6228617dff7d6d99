import { idRecord } from '../domain/ids';
import { findNestingProblem } from '../domain/nesting';
import type { Activity, CampaignDoc } from '../domain/campaign';
import type { DataModel } from '../domain/data-model';
import { findEntity } from '../domain/data-model';
import { indexGraph, topologicalOrder, upstreamOf } from '../domain/graph';
import type { WorkingTableColumn } from '../domain/rule-columns';
import { CompileError, isAuxOutput } from './compile-types';
import type { CompileContext, CompiledOutputs, SqlToolkit, WorkingTableRef } from './compile-types';
import { getActivityDef } from './registry';
import { duckdbDialect } from '../engine/sql/dialect';

/** What the document says a transition carries: the dimension of its records and their columns. */
export interface TransitionSchema {
  dimension: string;
  columns: WorkingTableColumn[];
}

/**
 * SQL building blocks that build nothing: the schema is read from what each definition's compile
 * says its outputs hold, and the SQL it writes on the way is thrown away.
 */
function schemaToolkit(model: DataModel): SqlToolkit {
  const entity = (name: string) => {
    const e = findEntity(model, name);
    if (!e) throw new CompileError(`The data has no ${name}`);
    return e;
  };
  return {
    dialect: duckdbDialect,
    ident: (name) => `"${name.replace(/"/g, '""')}"`,
    literal: () => 'NULL',
    table: (name) => `"${entity(name).name}"`,
    entity,
    condition: () => 'TRUE',
    filter: () => 'TRUE',
    facts: () => '"facts"',
  };
}

interface DeclaredOutputs {
  key: string;
  outputs: [string, TransitionSchema][] | undefined;
}

/**
 * What activities' outputs declare, per data model and per activity object. Documents are
 * immutable and an edit replaces only the activities it changes, so an unchanged activity with
 * unchanged inputs is not compiled again (a Load file would otherwise parse its whole file at every
 * keystroke made elsewhere).
 */
const declared = new WeakMap<DataModel, WeakMap<object, DeclaredOutputs>>();

/**
 * Compile-time schema propagation: the dimension and columns of every transition upstream of
 * `activityId` (of every transition when it is absent), worked out from the document and the data
 * model alone, before and without the engine. Each activity's columns come from its own
 * definition's compile (an Enrichment adds its aliases, a Reconciliation carries the file's
 * columns, a Combine keeps its primary set's), so they never disagree with what the engine builds.
 * A transition is missing from the result when what produces it cannot be compiled.
 */
export function transitionSchemas(
  doc: Pick<CampaignDoc, 'id' | 'activities' | 'transitions' | 'settings'>,
  model: DataModel,
  activityId?: string,
): Map<string, TransitionSchema> {
  const g = indexGraph(doc);
  const wanted = activityId === undefined ? undefined : upstreamOf(g, activityId);
  const sql = schemaToolkit(model);
  const outputs = new Map<string, TransitionSchema>();
  const key = (id: string, port: string) => `${id}\u0000${port}`;
  for (const activity of topologicalOrder(doc).order) {
    if (wanted && !wanted.has(activity.id)) continue;
    const def = getActivityDef(activity.type);
    if (!def?.compile || activity.disabled) continue;
    const incoming = g.incoming.get(activity.id) ?? [];
    if (incoming.length === 0 && !def.producesAudience) continue;
    const inputs = idRecord<WorkingTableRef[]>();
    let ready = true;
    for (const t of incoming) {
      const out = outputs.get(key(t.source.activityId, t.source.port));
      if (!out) ready = false;
      else
        (inputs[t.target.port] ??= []).push({
          relation: `"in_${t.id}"`,
          dimension: out.dimension,
          columns: out.columns,
          transitionId: t.id,
        });
    }
    if (!ready) continue;
    // An unchanged activity with unchanged inputs is not compiled again (see `declared`).
    const cacheKey = JSON.stringify([inputs, doc.id, doc.settings.seed]);
    const perModel = declared.get(model) ?? new WeakMap<object, DeclaredOutputs>();
    declared.set(model, perModel);
    let known = perModel.get(activity);
    if (!known || known.key !== cacheKey) {
      known = { key: cacheKey, outputs: declaredOutputs(def, activity, inputs, doc, model, sql) };
      perModel.set(activity, known);
    }
    for (const [port, out] of known.outputs ?? []) outputs.set(key(activity.id, port), out);
  }
  const byTransition = new Map<string, TransitionSchema>();
  for (const t of doc.transitions) {
    const out = outputs.get(key(t.source.activityId, t.source.port));
    if (out) byTransition.set(t.id, out);
  }
  return byTransition;
}

/** The outputs a definition's compile declares, or undefined when it cannot compile. */
function declaredOutputs(
  def: NonNullable<ReturnType<typeof getActivityDef>>,
  activity: Activity,
  inputs: Record<string, WorkingTableRef[]>,
  doc: Pick<CampaignDoc, 'id' | 'settings'>,
  model: DataModel,
  sql: SqlToolkit,
): [string, TransitionSchema][] | undefined {
  if (findNestingProblem(activity.config)) return undefined;
  const parsed = def.schema.safeParse(activity.config);
  if (!parsed.success || !def.compile) return undefined;
  // Columns do not depend on simulated time nor on earlier messages: neither is known here.
  const ctx: CompileContext = { activity, inputs, seed: doc.settings.seed, model, referenceDate: model.referenceDate, sql, campaignId: doc.id, clock: `${model.referenceDate} 09:00:00`, channels: [] };
  try {
    const compiled: CompiledOutputs = def.compile(parsed.data, ctx);
    return Object.entries(compiled)
      .filter(([port]) => !isAuxOutput(port))
      .map(([port, out]): [string, TransitionSchema] => [port, { dimension: out.dimension, columns: out.columns }]);
  } catch {
    // An activity that cannot compile has no known schema; what it feeds says nothing about columns.
    return undefined;
  }
}

/** The schema of the first transition into `port` of an activity, when the document tells it. */
export function inboundSchema(
  doc: Pick<CampaignDoc, 'id' | 'activities' | 'transitions' | 'settings'>,
  model: DataModel,
  activityId: string,
  port = 'in',
): TransitionSchema | undefined {
  const t = doc.transitions.find((x) => x.target.activityId === activityId && x.target.port === port);
  return t ? transitionSchemas(doc, model, activityId).get(t.id) : undefined;
}
