import { z } from 'zod';
import { campaignSchema } from '../domain/campaign';
import { eventTableNames } from './simulation/event-tables';
import type { EngineRequest, RequestType } from './protocol';

/**
 * The shape of every request of the engine's protocol (protocol.ts), checked by the request handler
 * whichever way the request came: from the app's worker or over the network. A request carries
 * campaign documents and parameters, never SQL: the engine writes its statements from them, and
 * takes entity and field names only when the data model has them.
 */

const doc = campaignSchema;
const id = z.string().min(1).max(200);
/** A row count the engine is asked for: it clamps larger values itself. */
const count = z.number().int().nonnegative();
const page = { offset: count.optional(), limit: count.optional(), csv: z.boolean().optional() };
const table = z.enum(eventTableNames);
/** `YYYY-MM-DD HH:MM` on simulated event times, or an ISO date-time. */
const time = z.string().max(40);
const reportParams = {
  filters: z
    .object({ activities: z.array(id).optional(), branch: z.string().max(400).optional(), from: time.optional(), to: time.optional() })
    .optional(),
  bucket: z.enum(['hour', 'day']).optional(),
  omitDomain: z.boolean().optional(),
};
const none = z.object({}).strict();

/** Largest sample a request may ask for: beyond it, data is generated with the command line or loaded from files. */
export const MAX_SAMPLE_PROFILES = 50_000_000;

const dataSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample'), profiles: z.number().int().positive().max(MAX_SAMPLE_PROFILES), seed: z.number().int() }),
  z.object({ kind: z.literal('csv'), model: z.string(), files: z.array(z.object({ name: z.string().min(1), text: z.string() })) }),
]);

export const requestParamsSchemas = {
  ping: none,
  load: z.object({ source: dataSource }),
  dataset: none,
  counts: z.object({ doc, simulate: z.boolean().optional() }),
  preview: z.object({ doc, transitionId: id, limit: count.optional() }),
  events: z.object({ doc, table, ...page }),
  report: z.object({ doc, ...reportParams }),
  eventTables: z.object({ doc }),
  previewSchema: z.object({ doc, transitionId: id }),
  recipientPreview: z.object({ doc, transitionId: id, paths: z.array(z.string().max(400)), offset: count }),
  mailingRecipients: z.object({ doc, transitionId: id, paths: z.array(z.string().max(400)) }),
  trace: z.object({ doc, key: z.string().max(400), dimension: id.optional(), simulate: z.boolean().optional() }),
  searchRecords: z.object({ doc, text: z.string().max(400), dimension: id.optional(), limit: count.optional() }),
  sql: z.object({ doc }),
  entityRows: z.object({ entity: id, limit: count.optional() }),
  distribution: z.object({ entity: id, field: id, limit: count.optional() }),
  recordRun: z.object({ doc, runAt: time.optional() }),
  runs: z.object({ campaignId: id }),
  savedAudiences: none,
  deleteSavedAudience: z.object({ datasetId: id, name: z.string().min(1).max(400) }),
  clearRuns: z.object({ campaignId: id }),
  simulateRun: z.object({ doc, runId: id, launch: time }),
  simulatedRuns: z.object({ campaignId: id }),
  removeSimulatedRun: z.object({ runId: id }),
  simulatedRunEvents: z.object({ runId: id, table, ...page }),
  simulatedRunReport: z.object({ doc, runIds: z.array(id), ...reportParams }),
} satisfies Record<RequestType, z.ZodType>;

const requestTypes = Object.keys(requestParamsSchemas) as RequestType[];

/** A request refused before the engine sees it: its message names the field that is wrong. */
export class BadRequestError extends Error {
  override name = 'BadRequest';
}

/** Where a problem is, as a person reads it: `params.doc.activities[2].id`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${String(p)}`), 'params');
}

/**
 * Checks a request's envelope (`id`, `type`, `params`) and its parameters. Answers the request as
 * it came (the engine reads it, not a copy with defaults) or throws a BadRequestError naming each
 * wrong field, at most five.
 */
export function checkRequest(message: unknown): EngineRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new BadRequestError('A request must be an object with id, type and params.');
  const { id: requestId, type, params } = message as Record<string, unknown>;
  if (typeof requestId !== 'number' || !Number.isInteger(requestId)) throw new BadRequestError('The request’s id must be an integer.');
  if (typeof type !== 'string' || !(requestTypes as string[]).includes(type))
    throw new BadRequestError(`Unknown request type ${JSON.stringify(type)}: expected one of ${requestTypes.join(', ')}.`);
  const checked = requestParamsSchemas[type as RequestType].safeParse(params);
  if (!checked.success) {
    const problems = checked.error.issues.slice(0, 5).map((issue) => `${pathOf(issue.path)}: ${issue.message}`);
    throw new BadRequestError(`Malformed “${type}” request: ${problems.join('; ')}.`);
  }
  return message as EngineRequest;
}
