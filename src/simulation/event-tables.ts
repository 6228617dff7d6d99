import type { CampaignDoc } from '../domain/campaign';
import type { EngineClient } from '../engine/client';
import type { PlainRow } from '../engine/rows';
import { csvFileName, rowsToCsv } from '../domain/csv';

/**
 * The simulation's event tables (docs/simulation.md, "Events") as the Data screen lists them, and
 * their CSV. The rows come from the engine's events request, `client.events(doc, table)`, which
 * simulates the campaign as the counts do (the same cache) and answers the table's columns and rows.
 */
export type EventTableName = 'feedback' | 'tracking' | 'steps';

export interface EventsResult {
  columns: string[];
  rows: PlainRow[];
}

export const EVENT_TABLES: { name: EventTableName; title: string; description: string; file: string }[] = [
  { name: 'feedback', title: 'Message feedback', description: 'One row per targeted message: status, failure type and reason, times.', file: 'message-feedback' },
  { name: 'tracking', title: 'Tracking', description: 'One row per interaction: open, click, unsubscribe, complaint, opt-out.', file: 'tracking' },
  { name: 'steps', title: 'Step events', description: 'One row per activity: records in and out, simulated start and end.', file: 'step-events' },
];

/** A client that can answer the events request. */
export interface EventsClient {
  events(doc: CampaignDoc, table: EventTableName, signal?: AbortSignal): Promise<EventsResult>;
}

/** The engine client, when its version answers the events request. */
export function eventsClient(client: EngineClient): EventsClient | undefined {
  const candidate = client as unknown as Partial<EventsClient>;
  return typeof candidate.events === 'function' ? (candidate as EventsClient) : undefined;
}

/** The table as CSV: a header row of its columns, then one line per row (RFC 4180). */
export function toCsv(result: EventsResult): string {
  return rowsToCsv(result.columns, result.rows);
}

/** "Welcome series - message-feedback.csv". */
export function eventsFileName(campaignName: string, file: string): string {
  return csvFileName(campaignName, file);
}
