import { z } from 'zod';

/**
 * The campaign's delivery-simulation settings (`settings.simulation`): when simulated time starts
 * and the engagement model that decides what happens to each message. Every rate is a probability
 * (0–1) per delivered message unless said otherwise; the defaults come from published benchmarks
 * cited in docs/simulation.md. A document without these settings simulates with the defaults.
 */

const rate = z.number().min(0, 'a rate is between 0 and 1').max(1, 'a rate is between 0 and 1');

/** Email: outcomes of sending, then engagement of delivered messages. */
export const emailModelSchema = z.object({
  /** Share of sent messages that hard-bounce (invalid recipient, refused). Mailchimp 2019: 0.40 %. */
  hardBounce: rate.default(0.004),
  /** Share of sent messages whose first attempt soft-bounces (retried). Mailchimp 2019: 0.61 %. */
  softBounce: rate.default(0.0061),
  /** Unique opens / delivered. Mailchimp 2019, all industries: 22.71 %. */
  open: rate.default(0.2271),
  /** Unique clicks / delivered (a click counts as an open). Mailchimp 2019: 2.91 %. */
  click: rate.default(0.0291),
  /** Unsubscribes / delivered. Mailchimp 2019: 0.25 %. */
  unsubscribe: rate.default(0.0025),
  /** Spam complaints / delivered. Mailchimp 2018: 0.012 %. */
  complaint: rate.default(0.00012),
});

export const smsModelSchema = z.object({
  /** Share of sent messages that fail for good (unknown number). */
  hardBounce: rate.default(0.03),
  /** Share whose first attempt fails temporarily (retried). Burst SMS: 85–95 % delivered. */
  softBounce: rate.default(0.05),
  /** Link clicks / delivered. */
  click: rate.default(0.06),
  /** STOP replies / delivered. Burst SMS: 3–4 % after the first send. */
  optOut: rate.default(0.035),
});

export const pushModelSchema = z.object({
  /** Share of sends whose token is no longer valid (a hard failure). */
  hardBounce: rate.default(0.02),
  /** Direct opens / delivered. Braze 2016: Android 6.1 %, iOS 2.0 %; between them. */
  open: rate.default(0.04),
});

export const retrySchema = z.object({
  /** Minutes between two attempts of a soft-bounced message. Adobe Campaign recommends 30. */
  periodMinutes: z.number().int().min(1, 'the retry period is at least 1 minute').max(10080).default(30),
  /** Attempts after the first one before the message fails. */
  maxRetries: z.number().int().min(0).max(20).default(5),
  /** Share of retries that succeed. */
  retrySuccess: rate.default(0.5),
});

/** How a record's own data moves its rates (multipliers; see docs/simulation.md). */
export const modulationSchema = z.object({
  /** Weight of the engagement score (0–100, 50 neutral): rate × (1 + weight × (score − 50) / 50). */
  engagement: z.number().min(0).max(1).default(0.6),
  /** Multiplier of opens and clicks for an address whose quality is doubtful (unverified, role address). */
  poorAddress: z.number().min(0).max(1).default(0.5),
  /** Each message received in the 7 days before multiplies engagement by (1 − fatigue). */
  fatigue: z.number().min(0).max(1).default(0.1),
});

/**
 * Conversions (docs/simulation.md#conversions): every targeted record of a channel, and every record
 * of a Split's holdout branch, converts with the baseline probability within the attribution
 * window; a record that clicked converts with the uplift added.
 */
export const conversionSchema = z.object({
  /** Share of records converting anyway, messaged or not. */
  baseline: rate.default(0.02),
  /** Added to the baseline for a record that clicked in the message. */
  clickUplift: rate.default(0.1),
  /** Days after the send (or the holdout's split) within which a conversion is attributed. */
  windowDays: z.number().int().min(1, 'the attribution window is at least 1 day').max(90).default(7),
});

export const engagementModelSchema = z.object({
  email: emailModelSchema.default(() => emailModelSchema.parse({})),
  sms: smsModelSchema.default(() => smsModelSchema.parse({})),
  push: pushModelSchema.default(() => pushModelSchema.parse({})),
  retry: retrySchema.default(() => retrySchema.parse({})),
  modulation: modulationSchema.default(() => modulationSchema.parse({})),
  conversion: conversionSchema.default(() => conversionSchema.parse({})),
});

export const simulationSettingsSchema = z.object({
  /**
   * Launch of the campaign in simulated time, `YYYY-MM-DDTHH:MM` (wall clock, no time zone).
   * Empty: the data's reference date at 09:00.
   */
  launch: z.string().default(''),
  model: engagementModelSchema.default(() => engagementModelSchema.parse({})),
});

export type EmailModel = z.infer<typeof emailModelSchema>;
export type SmsModel = z.infer<typeof smsModelSchema>;
export type PushModel = z.infer<typeof pushModelSchema>;
export type EngagementModel = z.infer<typeof engagementModelSchema>;
export type ConversionModel = z.infer<typeof conversionSchema>;
export type SimulationSettings = z.infer<typeof simulationSettingsSchema>;

export const defaultSimulationSettings = (): SimulationSettings => simulationSettingsSchema.parse({});

const LAUNCH = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The launch as a timestamp `YYYY-MM-DD HH:MM:SS`, or the reason it cannot be read. Empty means
 * the reference date at 09:00.
 */
export function launchTimestamp(launch: string, referenceDate: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = launch.trim();
  if (text === '') return { ok: true, value: `${referenceDate} 09:00:00` };
  const m = LAUNCH.exec(text);
  if (!m) return { ok: false, message: `The launch "${text}" is not a date and time (YYYY-MM-DD HH:MM).` };
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  )
    return { ok: false, message: `The launch "${text}" is not a real date and time.` };
  return { ok: true, value: `${y}-${mo}-${d} ${h}:${mi}:${s ?? '00'}` };
}

/**
 * Reads the campaign's simulation settings, with defaults for what is absent. Never throws: a
 * wrong value is reported with its path and replaced by its default alone, so that the other
 * customised values still apply.
 */
export function readSimulationSettings(value: unknown): { settings: SimulationSettings; problems: { path: string; message: string }[] } {
  const first = simulationSettingsSchema.safeParse(value ?? {});
  if (first.success) return { settings: first.data, problems: [] };
  const problems = first.error.issues.map((i) => ({ path: ['settings', 'simulation', ...i.path].join('.'), message: i.message }));
  let draft: unknown = structuredClone(value ?? {});
  for (const issue of first.error.issues) draft = withoutPath(draft, issue.path);
  const second = simulationSettingsSchema.safeParse(draft);
  return { settings: second.success ? second.data : defaultSimulationSettings(), problems };
}

/** `value` without the entry at `path` (a copy is changed in place; a path that is not there changes nothing). */
function withoutPath(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return undefined;
  let node: unknown = value;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return value;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  if (node !== null && typeof node === 'object') delete (node as Record<PropertyKey, unknown>)[path[path.length - 1]!];
  return value;
}
