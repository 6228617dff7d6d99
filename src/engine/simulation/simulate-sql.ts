import type { CompileContext, CompiledOutputs } from '../../activities/compile-types';
import { auxTable } from '../../activities/compile-types';
import type { ChannelBaseConfig } from '../../activities/channel-common';
import { trackedLinks } from '../../activities/channel-content/links';
import { findField } from '../../domain/data-model';
import { drawGroupSql, uniformSql } from './draws';
import { channelFiguresSql } from '../report/metric-sql';
import type { SqlDialect } from '../sql/dialect';
import {
  CLICK_MEAN_MINUTES,
  ENGAGEMENT_SCORE_FIELD,
  NIGHT_ENDS_HOUR,
  NIGHT_STARTS_HOUR,
  OPEN_MEAN_HOURS,
  ROLE_ADDRESS_PATTERN,
  UNSUBSCRIBE_MEAN_HOURS,
  exclusionStatus,
  hardFailureReasons,
  ignoredFailureReason,
  softFailureReasons,
} from './vocabulary';

/**
 * The delivery simulation of one channel activity, as SQL over its deliveries table (see
 * docs/simulation.md): `@feedback` (one row per targeted message), `@tracking` (one row per
 * interaction) and the simulation figures. Every outcome is a draw (draws.ts), so the same
 * campaign, data and seed give the same events.
 */

/** Channel settings the simulator reads: the shared ones, and the message body for its links. */
export type SimulatedChannelConfig = Pick<ChannelBaseConfig, 'expectedEffect'> & { body?: string; sendPer?: string };

/** Rates of one channel's sends: failures of the first attempt and engagement of delivered messages. */
interface ChannelRates {
  hardBounce: number;
  softBounce: number;
  open: number;
  click: number;
  unsubscribe: number;
  complaint: number;
  optOut: number;
}

function channelRates(channel: string, ctx: CompileContext): ChannelRates | undefined {
  const model = ctx.simulation!.model;
  const none = { hardBounce: 0, softBounce: 0, open: 0, click: 0, unsubscribe: 0, complaint: 0, optOut: 0 };
  if (channel === 'email') return { ...none, ...model.email };
  if (channel === 'sms') return { ...none, ...model.sms };
  if (channel === 'push') return { ...none, ...model.push };
  return undefined; // direct mail: extracted, no delivery feedback nor tracking
}

const num = (x: number) => (Number.isFinite(x) ? String(x) : '0');
const ts = (d: SqlDialect, stamp: string) => d.timestamp(stamp.replace(' ', 'T'));

/** Moves a time that falls in the night to the next morning, at the same minute and second. */
function dayTime(d: SqlDialect, at: string): string {
  // Whole hours forward to the morning's hour: the minute and second stay.
  const hour = d.hourOf(at);
  return `CASE WHEN ${hour} >= ${NIGHT_STARTS_HOUR} THEN ${at} + ${d.seconds(`CAST((24 - ${hour} + ${NIGHT_ENDS_HOUR}) * 3600 AS BIGINT)`)}
    WHEN ${hour} < ${NIGHT_ENDS_HOUR} THEN ${at} + ${d.seconds(`CAST((${NIGHT_ENDS_HOUR} - ${hour}) * 3600 AS BIGINT)`)} ELSE ${at} END`;
}

/** An exponential delay of mean `meanSeconds` drawn by uniform `u`, capped at 30 days. */
function delay(d: SqlDialect, u: string, meanSeconds: number): string {
  return d.seconds(`CAST(floor(least(-ln(1 - ${u}) * ${meanSeconds}, 2592000)) AS BIGINT)`);
}

const list = (values: readonly string[]) => `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/** The outcome of a message's first attempt, as a small integer (cheaper to test than text). */
const [EXCLUDED, HARD, IGNORED, SOFT, OK] = [0, 1, 2, 3, 4];

/**
 * How a table of one channel's messages (alias `b`) meets another (alias `a`): by record key, or by
 * message id when the channel sends per linked record (several messages per record).
 */
function sameMessage(ctx: CompileContext, config: SimulatedChannelConfig, key: string, a: string, b: string): string {
  const K = ctx.sql.ident(key);
  return config.sendPer ? `${b}.message_id = ${a}.message_id` : `${b}.${K} = ${a}.${K}`;
}

/** The `@feedback` SELECT: the outcome of each message of `deliveries`, its draws read from `messages`. */
function feedbackSql(config: SimulatedChannelConfig, ctx: CompileContext, deliveries: string, messages: string, key: string): string {
  const { ident, literal } = ctx.sql;
  const { model } = ctx.simulation!;
  const act = ctx.activity.id;
  const channel = ctx.activity.type;
  const rates = channelRates(channel, ctx);
  const K = ident(key);
  const excluded = `CASE d.reason ${Object.entries(exclusionStatus)
    .map(([reason, status]) => `WHEN ${literal(reason)} THEN ${literal(status)}`)
    .join(' ')} ELSE 'exclude' END`;
  const common = `d.message_id, ${literal(act)} AS activity_id, ${literal(channel)} AS channel, d.${K}, d.linked_key, d.address`;
  if (!rates)
    return `SELECT ${common}, CASE WHEN d.reason IS NULL THEN 'sent' ELSE ${excluded} END AS status,
  CAST(NULL AS VARCHAR) AS failure_type, d.reason AS failure_reason, 0 AS retries, d.send_at AS sent_at,
  CASE WHEN d.reason IS NULL THEN d.send_at ELSE ${ts(ctx.sql.dialect, ctx.clock)} END AS status_at
FROM ${deliveries} d`;
  const { periodMinutes, maxRetries, retrySuccess } = model.retry;
  // Attempts after the first until one succeeds (geometric, by inversion); more than the maximum fails.
  const attempts =
    retrySuccess >= 1 ? '1' : retrySuccess <= 0 ? String(maxRetries + 1) : `CAST(greatest(1, least(${maxRetries + 1}, ceil(ln(1 - dr.u_retry) / ${num(Math.log(1 - retrySuccess))}))) AS INTEGER)`;
  const hard = rates.hardBounce;
  const soft = hard + rates.softBounce;
  // The draws of group \`send\` were made once for the messages (see messagesWithDraws).
  return `WITH o AS (
  SELECT d.message_id AS message_id, d.${K} AS ${K}, d.linked_key AS linked_key, d.address AS address, d.reason AS reason, d.send_at AS send_at, dr.u_reason AS u_reason,
    CASE WHEN d.reason IS NOT NULL THEN ${EXCLUDED} WHEN dr.u_outcome < ${num(hard)} THEN ${HARD}
    WHEN dr.u_outcome < ${num(soft)} THEN CASE WHEN dr.u_reason < 1.0 / 6 THEN ${IGNORED} ELSE ${SOFT} END ELSE ${OK} END AS outcome,
    ${attempts} AS attempts
  FROM ${deliveries} d JOIN ${messages} dr ON ${sameMessage(ctx, config, key, 'd', 'dr')}
)
SELECT ${common},
  CASE d.outcome WHEN ${EXCLUDED} THEN ${excluded} WHEN ${OK} THEN 'delivered'
    WHEN ${SOFT} THEN CASE WHEN d.attempts <= ${maxRetries} THEN 'delivered' ELSE 'bounce' END ELSE 'bounce' END AS status,
  CASE d.outcome WHEN ${HARD} THEN 'hard' WHEN ${SOFT} THEN 'soft' WHEN ${IGNORED} THEN 'ignored' END AS failure_type,
  CASE d.outcome WHEN ${EXCLUDED} THEN d.reason
    WHEN ${HARD} THEN ${list(hardFailureReasons)}[CAST(floor(d.u_reason * ${hardFailureReasons.length}) AS INTEGER) + 1]
    WHEN ${SOFT} THEN ${list(softFailureReasons)}[CAST(floor((d.u_reason - 1.0 / 6) * 6) AS INTEGER) + 1]
    WHEN ${IGNORED} THEN ${literal(ignoredFailureReason)} END AS failure_reason,
  CAST(CASE d.outcome WHEN ${SOFT} THEN least(d.attempts, ${maxRetries}) ELSE 0 END AS INTEGER) AS retries,
  d.send_at AS sent_at,
  CASE d.outcome WHEN ${EXCLUDED} THEN ${ts(ctx.sql.dialect, ctx.clock)}
    WHEN ${SOFT} THEN d.send_at + ${ctx.sql.dialect.seconds(`CAST(least(d.attempts, ${maxRetries}) * ${periodMinutes} * 60 AS BIGINT)`)}
    ELSE d.send_at END AS status_at
FROM o d`;
}

/**
 * The part of a person's engagement multiplier their data alone gives (engagement score, address
 * quality), over messages aliased `m` whose record is joined as `p` by `join` when it is read.
 */
function baseFactor(ctx: CompileContext, dimension: string, key: string, columns: readonly string[]): { join?: string; factor: string } {
  const { ident, table, entity } = ctx.sql;
  const { modulation } = ctx.simulation!.model;
  const K = ident(key);
  const scoreField = findField(entity(dimension), ENGAGEMENT_SCORE_FIELD);
  let score = '1';
  let join: string | undefined;
  if (scoreField && (scoreField.type === 'integer' || scoreField.type === 'decimal')) {
    // The messages carry the score when the channel read it with its facts; else it is joined.
    const carried = columns.includes(ENGAGEMENT_SCORE_FIELD);
    if (!carried) join = `LEFT JOIN ${table(dimension)} p ON p.${K} = m.${K}`;
    score = `greatest(0, 1 + ${num(modulation.engagement)} * (coalesce(CAST(${carried ? 'm' : 'p'}.${ident(ENGAGEMENT_SCORE_FIELD)} AS DOUBLE), 50) - 50) / 50)`;
  }
  const poor = ctx.activity.type === 'email' ? `CASE WHEN ${ctx.sql.dialect.regexMatches(`lower(coalesce(m.address, ''))`, ROLE_ADDRESS_PATTERN)} THEN ${num(modulation.poorAddress)} ELSE 1 END` : '1';
  return { ...(join ? { join } : {}), factor: `${score} * ${poor}` };
}

/** Fatigue: messages this campaign sent the same person in the 7 days before this channel starts (`f` the messages). */
function fatigueFactor(ctx: CompileContext, dimension: string, key: string): { join?: string; factor: string } {
  const K = ctx.sql.ident(key);
  const { modulation } = ctx.simulation!.model;
  const earlier = ctx.channels.filter((c) => c.deliveries && (c.dimension === undefined || c.dimension === dimension));
  if (earlier.length === 0 || modulation.fatigue <= 0) return { factor: '1' };
  const since = `${ts(ctx.sql.dialect, ctx.clock)} - INTERVAL 7 DAY`;
  const sends = earlier.map((c) => `SELECT ${K} FROM ${c.deliveries} WHERE reason IS NULL AND send_at >= ${since} AND send_at <= ${ts(ctx.sql.dialect, ctx.clock)}`).join(' UNION ALL ');
  return {
    join: `LEFT JOIN (SELECT ${K}, count(*) AS n FROM (${sends}) GROUP BY ${K}) z ON z.${K} = f.${K}`,
    factor: `pow(${num(1 - modulation.fatigue)}, coalesce(z.n, 0))`,
  };
}

/**
 * The channel's messages (`messagesSql`, one row per targeted message, `early` the reason the data
 * alone excludes it) with every draw that does not depend on the clock, made once per message:
 * group \`send\` (outcome, failure reason, retries) and \`engage\` (open, click, unsubscribe or
 * opt-out, complaint) for the messages the data lets through, \`convert\` for all; and `m_base`, the
 * engagement multiplier from the person's data. A new launch reads them as they are.
 */
function messagesWithDraws(ctx: CompileContext, messagesSql: string, columns: readonly string[], dimension: string, key: string): string {
  const d = ctx.sql.dialect;
  const { seed } = ctx.simulation!;
  const act = ctx.activity.id;
  const { join, factor } = baseFactor(ctx, dimension, key, columns);
  const cols = (alias: string) => columns.map((c) => `${alias}.${ctx.sql.ident(c)} AS ${ctx.sql.ident(c)}`).join(', ');
  const group = (name: string) => drawGroupSql(d, seed, act, 'm.message_id', name);
  const u = (hash: string, index: 1 | 2 | 3 | 4, name: string) => `${uniformSql(d, hash, index)} AS ${name}`;
  return `SELECT ${cols('h')}, h.m_base AS m_base,
  ${u('h.h_send', 1, 'u_outcome')}, ${u('h.h_send', 2, 'u_reason')}, ${u('h.h_send', 3, 'u_retry')},
  ${u('h.h_engage', 1, 'u_open')}, ${u('h.h_engage', 2, 'u_click')}, ${u('h.h_engage', 3, 'u_unsubscribe')}, ${u('h.h_engage', 4, 'u_complaint')},
  ${u('h.h_convert', 1, 'u_convert')}, ${u('h.h_convert', 2, 'u_convert_at')}
FROM (
  SELECT ${cols('m')}, ${factor} AS m_base,
    CASE WHEN m.early IS NULL THEN ${group('send')} END AS h_send, CASE WHEN m.early IS NULL THEN ${group('engage')} END AS h_engage, ${group('convert')} AS h_convert
  FROM (${messagesSql}) m${join ? `\n  ${join}` : ''}
) h`;
}

/** The `@tracking` SELECT: opens, clicks, unsubscribes, complaints and opt-outs of delivered messages. */
function trackingSql(config: SimulatedChannelConfig, ctx: CompileContext, feedback: string, messages: string, dimension: string, key: string): string {
  const { ident, literal } = ctx.sql;
  const seed = ctx.simulation!.seed;
  const act = ctx.activity.id;
  const channel = ctx.activity.type;
  const rates = channelRates(channel, ctx)!;
  const K = ident(key);
  const effect = config.expectedEffect;
  const fatigue = fatigueFactor(ctx, dimension, key);
  const links = channel === 'email' ? trackedLinks(config.body ?? '').filter((l) => !l.unsubscribe).map((l) => l.url) : smsLinks(config.body ?? '');
  const pOpen = channel === 'sms' ? '0' : `least(1, ${num(rates.open * effect.open)} * m)`;
  // A click counts as an open: on email a clicker is drawn among the openers.
  const pClick = links.length === 0 ? '0' : channel === 'email' ? `least(p_open, ${num(rates.click * effect.click)} * m)` : `least(1, ${num(rates.click * effect.click)} * m)`;
  const opened = channel === 'sms' ? 'false' : `u_open < p_open`;
  const clicked = channel === 'email' ? `(u_open < p_open AND u_click * p_open < p_click)` : `u_click < p_click`;
  const url = links.length === 0 ? 'CAST(NULL AS VARCHAR)' : `${list(links)}[CAST(floor(u_link * ${links.length}) AS INTEGER) + 1]`;
  // The time and link draws only for the messages that have an event (most have none).
  const ht = drawGroupSql(ctx.sql.dialect, seed, act, 'g.message_id', 'time');
  const hl = drawGroupSql(ctx.sql.dialect, seed, act, 'g.message_id', 'link');
  const clickAfter = channel === 'email' ? 'open_at' : 'delivered_at';
  const clickMean = channel === 'email' ? CLICK_MEAN_MINUTES * 60 : OPEN_MEAN_HOURS * 3600;
  const unsubscribed = channel === 'email' ? `u_unsubscribe < ${num(rates.unsubscribe)}` : 'false';
  const complained = channel === 'email' ? `u_complaint < ${num(rates.complaint)}` : 'false';
  const optedOut = channel === 'sms' ? `u_unsubscribe < ${num(rates.optOut)}` : 'false';
  const rows = (event: string, when: string, at: string, urlSql = 'CAST(NULL AS VARCHAR)') =>
    `SELECT message_id, ${literal(act)} AS activity_id, ${literal(channel)} AS channel, ${K}, '${event}' AS event, ${urlSql} AS url, ${at} AS at FROM e WHERE ${when}`;
  const events = [
    rows('open', 'opened', 'open_at'),
    rows('click', 'clicked', 'click_at', 'url'),
    ...(channel === 'email' ? [rows('unsubscribe', 'unsubscribed', 'later_at'), rows('complaint', 'complained', 'later_at')] : []),
    ...(channel === 'sms' ? [rows('opt-out', 'opted_out', 'later_at')] : []),
  ];
  // Conversions: every targeted message's record, at the baseline (a clicker with the uplift), at a
  // uniform time within the attribution window after the send (a clicker's, after the click).
  const conversion = ctx.simulation!.model.conversion;
  const [baseline, uplift] = [num(conversion.baseline), num(conversion.clickUplift)];
  // `cw` keeps only the messages drawn under the larger of both chances: no other can convert.
  const conversions = `SELECT message_id, ${literal(act)} AS activity_id, ${literal(channel)} AS channel, ${K}, 'conversion' AS event, CAST(NULL AS VARCHAR) AS url,
  base_at + ${ctx.sql.dialect.seconds(`CAST(floor(u_convert_at * ${conversion.windowDays * 86400}) AS BIGINT)`)} AS at
FROM cw WHERE u_convert < least(1, ${baseline} + CASE WHEN clicked THEN ${uplift} ELSE 0 END)`;
  // The multiplier: the person's data (m_base, with the messages) times this channel's fatigue.
  return `WITH f AS (
  SELECT f.message_id AS message_id, f.${K} AS ${K}, f.status_at AS delivered_at, (dr.m_base * ${fatigue.factor}) AS m,
    dr.u_open AS u_open, dr.u_click AS u_click, dr.u_unsubscribe AS u_unsubscribe, dr.u_complaint AS u_complaint
  FROM ${feedback} f JOIN ${messages} dr ON ${sameMessage(ctx, config, key, 'f', 'dr')}${fatigue.join ? `\n  ${fatigue.join}` : ''}
  WHERE f.status = 'delivered'
), p AS (
  SELECT f.*, ${pOpen} AS p_open FROM f
), d AS (
  SELECT message_id, ${K}, delivered_at, p_open, ${pClick} AS p_click, u_open, u_click, u_unsubscribe, u_complaint
  FROM p
), g AS (
  SELECT message_id, ${K}, delivered_at, ${opened} AS opened, ${clicked} AS clicked, ${unsubscribed} AS unsubscribed, ${complained} AS complained, ${optedOut} AS opted_out
  FROM d
), t AS (
  SELECT g.*, ${ht} AS ht, CASE WHEN clicked THEN ${hl} END AS hl
  FROM g WHERE opened OR clicked OR unsubscribed OR complained OR opted_out
), u AS (
  SELECT t.*, ${uniformSql(ctx.sql.dialect, 'ht', 1)} AS u_open_at, ${uniformSql(ctx.sql.dialect, 'ht', 2)} AS u_click_at, ${uniformSql(ctx.sql.dialect, 'ht', 3)} AS u_later_at, ${uniformSql(ctx.sql.dialect, 'hl', 1)} AS u_link FROM t
), r AS (
  SELECT u.*, ${url} AS url, delivered_at + ${delay(ctx.sql.dialect, 'u_open_at', OPEN_MEAN_HOURS * 3600)} AS raw_open_at,
    delivered_at + ${delay(ctx.sql.dialect, 'u_later_at', UNSUBSCRIBE_MEAN_HOURS * 3600)} AS raw_later_at
  FROM u
), o AS (
  SELECT r.*, ${dayTime(ctx.sql.dialect, 'raw_open_at')} AS open_at, ${dayTime(ctx.sql.dialect, 'raw_later_at')} AS later_at FROM r
), c AS (
  SELECT o.*, ${clickAfter} + ${delay(ctx.sql.dialect, 'u_click_at', clickMean)} AS raw_click_at FROM o
), e AS (
  SELECT c.*, ${dayTime(ctx.sql.dialect, 'raw_click_at')} AS click_at FROM c
), cw AS (
  SELECT f.message_id AS message_id, f.${K} AS ${K}, CASE WHEN e.clicked THEN e.click_at ELSE coalesce(f.sent_at, f.status_at) END AS base_at,
    coalesce(e.clicked, false) AS clicked, dr.u_convert AS u_convert, dr.u_convert_at AS u_convert_at
  FROM ${feedback} f JOIN ${messages} dr ON ${sameMessage(ctx, config, key, 'f', 'dr')} LEFT JOIN e ON ${sameMessage(ctx, config, key, 'f', 'e')}
  WHERE dr.u_convert < least(1, greatest(${baseline}, ${baseline} + ${uplift}))
)
${[...events, conversions].join('\nUNION ALL\n')}`;
}

/** The links of an SMS text: its http(s) addresses. */
function smsLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"']+/gi)].map((m) => m[0]);
}

/**
 * The simulation outputs of a channel activity: its messages with their draws (`@messages`),
 * `@feedback`, `@tracking` (not for direct mail) and their figures, reading the deliveries table
 * named by `deliveries` (a placeholder or a relation). `messages` is the channel's own clock-free
 * `@messages` output when it plans one (channel-delivery/deliveries-sql.ts); without it the
 * messages are read from the deliveries.
 */
export function simulationOutputs(config: SimulatedChannelConfig, ctx: CompileContext, deliveries: string, messages?: CompiledOutputs[string]): CompiledOutputs {
  if (!ctx.simulation) return {};
  const dimension = ctx.inputs.in?.[0]?.dimension;
  if (!dimension) return {};
  const key = ctx.sql.entity(dimension).primaryKey;
  const channel = ctx.activity.type;
  const feedback = auxTable('@feedback');
  const tracking = auxTable('@tracking');
  const hasTracking = channel !== 'direct-mail';
  const columns = (names: string[]) => names.map((name) => ({ name, type: name.endsWith('_at') || name === 'at' ? 'TIMESTAMP' : name === 'retries' ? 'INTEGER' : 'VARCHAR' }));
  const out: CompiledOutputs = {};
  if (channelRates(channel, ctx)) {
    const own = messages ?? {
      sql: `SELECT d.${ctx.sql.ident(key)} AS ${ctx.sql.ident(key)}, d.message_id AS message_id, d.address AS address, d.reason AS early FROM ${deliveries} d`,
      dimension,
      columns: [{ name: key, type: 'string' }, ...['message_id', 'address', 'early'].map((name) => ({ name, type: 'string' }))],
    };
    const draws = ['u_outcome', 'u_reason', 'u_retry', 'u_open', 'u_click', 'u_unsubscribe', 'u_complaint', 'u_convert', 'u_convert_at'];
    out['@messages'] = {
      sql: messagesWithDraws(ctx, own.sql, own.columns.map((c) => c.name), dimension, key),
      dimension,
      columns: [...own.columns, { name: 'm_base', type: 'DOUBLE' }, ...draws.map((name) => ({ name, type: 'DOUBLE' }))],
    };
  }
  const withDraws = auxTable('@messages');
  out['@feedback'] = {
    sql: feedbackSql(config, ctx, deliveries, withDraws, key),
    dimension,
    columns: columns(['message_id', 'activity_id', 'channel', 'linked_key', 'address', 'status', 'failure_type', 'failure_reason', 'retries', 'sent_at', 'status_at']),
    // Keyed by the registry's ids, computed by its formulas (src/domain/metrics.ts).
    figures: channelFiguresSql(ctx.sql.dialect, channel, feedback, hasTracking ? tracking : undefined),
  };
  if (hasTracking)
    out['@tracking'] = { sql: trackingSql(config, ctx, feedback, withDraws, dimension, key), dimension, columns: columns(['message_id', 'activity_id', 'channel', 'event', 'url', 'at']) };
  return out;
}

/**
 * A channel's outputs with its simulation added when the campaign is simulated and the channel
 * plans a deliveries table. Its clock-free `@messages` (when it plans one) come first and get their
 * draws; then `@deliveries`, which reads them; then the event tables, which read both.
 */
export function withSimulation(config: SimulatedChannelConfig, ctx: CompileContext, outputs: CompiledOutputs): CompiledOutputs {
  if (!ctx.simulation || !outputs['@deliveries']) return outputs;
  return { ...outputs, ...simulationOutputs(config, ctx, auxTable('@deliveries'), outputs['@messages']) };
}
