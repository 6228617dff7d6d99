import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';

export const alertConfigSchema = z.object({
  /** Shown as the notification's heading and at the start of its log line. */
  title: z.string().default(''),
  message: z.string().default(''),
});
export type AlertConfig = z.infer<typeof alertConfigSchema>;

/** What an Alert reached by `records` records says, in the app and in the log. */
export interface AlertNotice {
  activityId: string;
  title: string;
  message: string;
  records: number;
}

/** The notice of an Alert activity reached by `records` records, or null when none reached it. */
export function alertNotice(activity: { id: string; label: string; config: unknown }, records: number): AlertNotice | null {
  if (records <= 0) return null;
  const parsed = alertConfigSchema.safeParse(activity.config);
  const config = parsed.success ? parsed.data : alertConfigSchema.parse({});
  return { activityId: activity.id, title: config.title || activity.label || 'Alert', message: config.message, records };
}

/** The notice as one line of text, for the log: `Alert: <title>: <message> (<n> records)`. */
export function alertLine(n: AlertNotice): string {
  return `Alert: ${n.title}${n.message ? `: ${n.message}` : ''} (${n.records.toLocaleString('en-US')} records)`;
}

export const alert = defineActivity<AlertConfig>({
  type: 'alert',
  version: 1,
  meta: {
    title: 'Alert',
    description: 'Notify the team when records reach this point; they pass through unchanged.',
    category: 'flow',
    icon: 'siren',
    keywords: ['notify', 'notification', 'warning', 'monitor'],
  },
  ports: () => ({ in: [{ id: 'in', label: 'Records' }], out: [{ id: 'out', label: 'Records' }] }),
  schema: alertConfigSchema,
  defaults: () => alertConfigSchema.parse({ title: 'Alert' }),
  compile: (_config, ctx) => {
    // An alert tells, it does not filter: the records go on as they came.
    const input = ctx.inputs.in?.[0];
    if (!input) throw new CompileError('Alert has no input.');
    return { out: passThrough(input) };
  },
  validate: (config, ctx) =>
    config.title.trim() === '' && config.message.trim() === ''
      ? [{ severity: 'warning', code: 'missing-config', message: `"${ctx.activity.label}": write the alert's title or message.`, activityId: ctx.activity.id, path: 'title' }]
      : [],
});
