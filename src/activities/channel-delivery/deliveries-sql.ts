import type { ChannelBaseConfig } from '../channel-common';
import type { SqlDialect } from '../../engine/sql/dialect';
import { CompileError, auxTable, passThrough } from '../compile-types';
import type { CompileContext, CompiledOutputs, EarlierChannelRef } from '../compile-types';
import { findEntity, findField } from '../../domain/data-model';
import type { EntityDef, LinkDef } from '../../domain/data-model';
import { addressIdentity, addressSql, channelAddress, isChannelKind } from './addresses';
import type { ChannelKind } from './addresses';
import { eligibilityFiguresSql } from './reasons';
import { firstSendTime, sendSlots, windowProblem } from './send-slots';
import { HOUR_MS, simMillis } from '../../domain/sim-time';
import { ENGAGEMENT_SCORE_FIELD } from '../../engine/simulation/vocabulary';

/**
 * A channel's eligibility, counted live: its `@deliveries` table (one row per message, with the
 * first reason it is not sent, or when it is handed to the provider), its figures, and its
 * outbound transition (the targeted records, unchanged). One statement with window functions, so
 * that a recount after an edit stays within the counts' budget on a million profiles.
 */

/** Validity is counted hour by hour; past 90 days a message is no longer "this campaign's". */
export const MAX_VALIDITY_HOURS = 24 * 90;

const DELIVERY_COLUMNS = [
  { name: 'message_id', type: 'string' },
  { name: 'linked_key', type: 'string' },
  { name: 'address', type: 'string' },
  { name: 'reason', type: 'string' },
  { name: 'send_at', type: 'timestamp' },
  { name: 'category', type: 'string' },
];

/** The one-to-many link messages are sent per, checked; undefined without multi-level sending. */
export function sendPerLink(config: Pick<ChannelBaseConfig, 'sendPer' | 'linkedAddressField'>, entity: EntityDef, model: CompileContext['model']): { link: LinkDef; target: EntityDef } | { problem: string; path: string } | undefined {
  if (config.sendPer === '') return config.linkedAddressField === '' ? undefined : { problem: 'Choose what to send per before the linked address field.', path: 'linkedAddressField' };
  const link = entity.links.find((l) => l.name === config.sendPer);
  if (!link) return { problem: `Send per: ${entity.label || entity.name} have no link "${config.sendPer}".`, path: 'sendPer' };
  if (link.cardinality !== 'one-to-many') return { problem: `Send per: "${link.label || link.name}" links each record to one other, not to several; choose a one-to-many link.`, path: 'sendPer' };
  const target = findEntity(model, link.target);
  if (!target) return { problem: `Send per: the link "${link.name}" leads to an unknown entity.`, path: 'sendPer' };
  if (config.linkedAddressField !== '' && !findField(target, config.linkedAddressField))
    return { problem: `Linked address field: ${target.label || target.name} have no field "${config.linkedAddressField}".`, path: 'linkedAddressField' };
  return { link, target };
}

export function compileDeliveries(config: ChannelBaseConfig & { emitOutbound: boolean }, ctx: CompileContext): CompiledOutputs {
  const input = ctx.inputs.in?.[0];
  if (!input) throw new CompileError('This channel has no audience.');
  const kind = ctx.activity.type;
  if (!isChannelKind(kind)) throw new CompileError(`${kind} is not a channel.`);
  const { ident, literal } = ctx.sql;
  const entity = ctx.sql.entity(input.dimension);
  const pk = ident(entity.primaryKey);
  const perLink = sendPerLink(config, entity, ctx.model);
  if (perLink && 'problem' in perLink) throw new CompileError(perLink.problem);
  const marketing = config.category === 'marketing';
  const own = channelAddress(ctx.model, input.dimension, kind);

  // Where the address comes from: the linked record's field, or the record's own address.
  const fromLinked = perLink && config.linkedAddressField !== '';
  const addr = fromLinked
    ? addressSql(kind, perLink.target, [config.linkedAddressField], undefined, 'l', ident, ctx.sql.dialect)
    : addressSql(kind, entity, own.fields, own.postalCode, 'p', ident, ctx.sql.dialect);
  const consent = own.consent ? `coalesce(p.${ident(own.consent)}, false)` : 'true';
  const linkJoin = perLink ? `\nJOIN ${ctx.sql.table(perLink.target.name)} AS l ON ${perLink.link.on.map((o) => `l.${ident(o.to)} = p.${ident(o.from)}`).join(' AND ')}` : '';
  const linkOrder = perLink ? `l.${ident(perLink.target.primaryKey)}` : 'NULL';
  const linkedKey = perLink ? `CAST(${linkOrder} AS VARCHAR)` : 'CAST(NULL AS VARCHAR)';
  const messageId = `${literal(`${ctx.activity.id}:`)} || CAST(i.${pk} AS VARCHAR)${perLink ? ` || ':' || ${linkedKey}` : ''}`;
  const identity = addressIdentity(ctx.sql.dialect, kind, 'address');

  const sendStart = firstSendTime(config, ctx.clock);
  const earlier = marketing && config.capping.enabled ? earlierSendsSql(ctx, input.dimension, entity.primaryKey, sendStart, config.capping.periodDays) : undefined;

  // What the data alone says of each record's address (the same for every audience and setting):
  // read from a facts table the engine computes once per dataset, so that an edit only joins it.
  const listed = ctx.model.denylist ? datasetDenySql(ctx, kind) : undefined;
  // The person's engagement score rides along, for the simulation (its messages read it from here
  // rather than joining the whole dimension again).
  const scoreField = findField(entity, ENGAGEMENT_SCORE_FIELD);
  const score = scoreField && (scoreField.type === 'integer' || scoreField.type === 'decimal') ? ident(ENGAGEMENT_SCORE_FIELD) : undefined;
  const split = ctx.simulation !== undefined;
  const ownFacts =
    `SELECT p.${pk}, ${addr.address} AS address, ${addr.valid} AS valid, ${consent} AS consent${score ? `, p.${score} AS ${score}` : ''} FROM ${ctx.sql.table(entity.name)} AS p`;
  const scoreOf = (alias: string) => (score && split ? `, ${alias}.${score} AS ${score}` : '');
  // `shared`: a valid address another valid message of the data also has (a valid address always
  // has an identity). Counted by grouping the identities then joining them back, which is several
  // times faster than a window partitioned by long address texts on millions of records.
  const factsSql = (from: string) =>
    `WITH o AS (SELECT o0.*, ${identity} AS ident FROM (${from}) AS o0),\n` +
    `s AS (SELECT ident FROM o WHERE valid AND ident IS NOT NULL GROUP BY ident HAVING count(*) > 1)\n` +
    `SELECT o.*, (o.valid AND s.ident IS NOT NULL) AS shared` +
    (listed ? `, o.ident IN (${listed}) AS listed` : ', false AS listed') +
    ` FROM o LEFT JOIN s ON s.ident = o.ident`;
  const ctes = perLink
    ? [
        `m0 AS (\n  SELECT i.${pk} AS ${pk}, ${linkOrder} AS link_order, ${messageId} AS message_id, ${linkedKey} AS linked_key, ${addr.address} AS address, ${addr.valid} AS valid, ${consent} AS consent${scoreOf('p')}\n  FROM ${input.relation} AS i\n  LEFT JOIN ${ctx.sql.table(entity.name)} AS p ON p.${pk} = i.${pk}${linkJoin}\n)`,
        `a AS (${factsSql('SELECT * FROM m0')})`,
      ]
    : [
        `a AS (\n  SELECT i.${pk} AS ${pk}, NULL AS link_order, ${messageId} AS message_id, ${linkedKey} AS linked_key, f.address, coalesce(f.valid, false) AS valid, f.consent, f.ident, coalesce(f.shared, false) AS shared, coalesce(f.listed, false) AS listed${scoreOf('f')}\n  FROM ${input.relation} AS i LEFT JOIN ${ctx.sql.facts(factsSql(ownFacts))} AS f ON f.${pk} = i.${pk}\n)`,
      ];
  // Duplicates can only be among addresses the data holds more than once: rank those alone.
  ctes.push(`dup AS (SELECT ${pk}, link_order, row_number() OVER (PARTITION BY ident ORDER BY ${pk}, link_order) AS k FROM a WHERE shared AND valid)`);
  const dupJoin = `dup.${pk} = a.${pk}${perLink ? ' AND dup.link_order = a.link_order' : ''}`;
  const fed = marketing ? fedDenySql(ctx, kind) : undefined;
  // What the data alone excludes, in order; the denylist that earlier sends taught (`fed`) comes last.
  const early = (fedJoined: boolean) => [
    `WHEN a.address IS NULL THEN 'no-address'`,
    `WHEN NOT a.valid THEN 'invalid-address'`,
    // The first message to an address, by record key then linked key, is kept.
    `WHEN coalesce(dup.k, 1) > 1 THEN 'duplicate-address'`,
    ...(marketing ? [`WHEN NOT a.consent THEN 'no-consent'`, `WHEN a.listed${fedJoined ? ' OR fed.ident IS NOT NULL' : ''} THEN 'denylisted'`] : []),
  ];
  // Simulated, the channel's messages and what the data alone says of them are a table of their
  // own (`@messages`), which reads no clock: a new launch (or any change that leaves the audience
  // as it is) reuses it with the draws the simulation adds to it, and only schedules the sends again.
  const messageColumns = [
    { name: entity.primaryKey, type: entity.fields.find((f) => f.name === entity.primaryKey)?.type ?? 'string' },
    ...(perLink ? [{ name: 'link_order', type: perLink.target.fields.find((f) => f.name === perLink.target.primaryKey)?.type ?? 'string' }] : []),
    ...['message_id', 'linked_key', 'address', 'ident', 'early'].map((name) => ({ name, type: 'string' })),
    ...(score ? [{ name: ENGAGEMENT_SCORE_FIELD, type: scoreField!.type }] : []),
  ];
  const messagesSql = split
    ? `WITH ${[...ctes].join(',\n')}\n` +
      `SELECT a.${pk} AS ${pk}${perLink ? ', a.link_order AS link_order' : ''}, a.message_id AS message_id, a.linked_key AS linked_key, a.address AS address, a.ident AS ident${scoreOf('a')},\n` +
      `  CASE ${early(false).join('\n    ')} END AS early\nFROM a LEFT JOIN dup ON ${dupJoin}`
    : undefined;
  // Simulated, the deliveries read `@messages`; otherwise they are one statement from the audience.
  if (split) ctes.splice(0);
  if (fed) ctes.push(`fed AS (SELECT DISTINCT ident FROM (${fed}) WHERE ident IS NOT NULL)`);
  if (earlier) ctes.push(`earlier AS (${earlier})`);
  if (split) {
    const reason = fed ? `CASE WHEN m.early IS NULL AND fed.ident IS NOT NULL THEN 'denylisted' ELSE m.early END` : 'm.early';
    ctes.push(
      `r AS (\n  SELECT m.${pk} AS ${pk}, ${perLink ? 'm.link_order' : 'NULL'} AS link_order, m.message_id AS message_id, m.linked_key AS linked_key, m.address AS address, ${reason} AS early\n  FROM ${auxTable('@messages')} AS m${fed ? ' LEFT JOIN fed ON fed.ident = m.ident' : ''}\n)`,
    );
  } else
    ctes.push(
      `r AS (\n  SELECT ${A_COLUMNS.map((c) => `a.${c === 'pk' ? pk : c} AS ${c === 'pk' ? pk : c}`).join(', ')}, CASE ${early(fed !== undefined).join('\n    ')} END AS early\n  FROM a LEFT JOIN dup ON ${dupJoin}${fed ? ' LEFT JOIN fed ON fed.ident = a.ident' : ''}\n)`,
    );
  // Capping: earlier sends in the period plus this person's messages of this delivery so far.
  const capped = earlier
    ? `CASE WHEN early IS NULL AND coalesce(e.n, 0) + row_number() OVER (PARTITION BY r.${pk}, early IS NULL ORDER BY link_order) > ${Math.max(0, config.capping.maxMessages)} THEN 'capped' ELSE early END`
    : 'early';
  ctes.push(`c AS (\n  SELECT r.*, ${capped} AS reason0\n  FROM r${earlier ? ` LEFT JOIN earlier AS e ON e.${pk} = r.${pk}` : ''}\n)`);
  // The send order (by record key) matters only when the throttle spreads the sends.
  const ranked = config.throttle.enabled ? `CASE WHEN reason0 IS NULL THEN row_number() OVER (PARTITION BY reason0 IS NULL ORDER BY c.${pk}, link_order) - 1 END` : '0';
  ctes.push(`t AS (\n  SELECT c.*, ${ranked} AS rank\n  FROM c\n)`);

  const slot = slotSql(config, ctx.clock, ctx.sql.dialect);
  const sql =
    `WITH ${ctes.join(',\n')}\n` +
    `SELECT ${pk}, message_id, linked_key, address,\n  CASE WHEN reason0 IS NULL AND NOT (${slot.fits}) THEN 'window' ELSE reason0 END AS reason,\n` +
    `  CASE WHEN reason0 IS NULL AND (${slot.fits}) THEN ${slot.at} END AS send_at,\n  ${literal(config.category)} AS category\nFROM t`;

  const outputs: CompiledOutputs = {
    ...(messagesSql ? { '@messages': { sql: messagesSql, dimension: input.dimension, columns: messageColumns } } : {}),
    '@deliveries': { sql, dimension: input.dimension, columns: DELIVERY_COLUMNS, figures: eligibilityFiguresSql(ctx.sql.dialect, auxTable('@deliveries')) },
  };
  if (config.emitOutbound) outputs.out = passThrough(input);
  return outputs;
}



/**
 * Whether the message of rank `rank` (0 first, among those not excluded so far) can go, and when.
 * Throttled: `perHour` messages per open hour, spread evenly over the hour (over what is left of
 * it for a first hour that starts late). Not throttled: every message at the first open hour.
 */
function slotSql(config: ChannelBaseConfig, clock: string, d: SqlDialect): { fits: string; at: string } {
  if (windowProblem(config.window)) return { fits: 'false', at: `CAST(NULL AS ${d.sqlType('timestamp')})` };
  const slots = sendSlots({ window: config.window, validityHours: Math.min(config.validityHours, MAX_VALIDITY_HOURS) }, clock);
  if (slots.length === 0) return { fits: 'false', at: `CAST(NULL AS ${d.sqlType('timestamp')})` };
  if (!config.throttle.enabled) return { fits: 'true', at: d.timestamp(slots[0]!) };
  const perHour = Math.max(1, config.throttle.perHour);
  const seconds = slots.map((s) => {
    const ms = simMillis(s)!;
    return Math.round((Math.floor(ms / HOUR_MS + 1) * HOUR_MS - ms) / 1000);
  });
  const slotIndex = `(${d.intDiv('rank', String(perHour))})`;
  const offset = `CAST(${d.intDiv(`(rank % ${perHour}) * [${seconds.join(', ')}][${slotIndex} + 1]`, String(perHour))} AS BIGINT)`;
  return {
    fits: `rank < ${slots.length * perHour}`,
    at: `[${slots.map((x) => d.timestamp(x)).join(', ')}][${slotIndex} + 1] + ${d.seconds(offset)}`,
  };
}

/**
 * Identities on the dataset's denylist for this channel (an entry without a channel applies to
 * every channel), matched by the identity rule.
 */
function datasetDenySql(ctx: CompileContext, kind: ChannelKind): string | undefined {
  const { ident, literal } = ctx.sql;
  const def = ctx.model.denylist;
  const entity = def ? findEntity(ctx.model, def.entity) : undefined;
  if (!def || !entity) return undefined;
  const addressType = findField(entity, def.address)?.type ?? 'string';
  const key = addressIdentity(ctx.sql.dialect, kind, addressType === 'string' ? `x.${ident(def.address)}` : `CAST(x.${ident(def.address)} AS VARCHAR)`);
  const channel = def.channel ? ` AND (x.${ident(def.channel)} IS NULL OR lower(trim(CAST(x.${ident(def.channel)} AS VARCHAR))) IN (${literal(kind)}, ''))` : '';
  return `SELECT ${key} FROM ${ctx.sql.table(entity.name)} AS x WHERE ${key} IS NOT NULL${channel}`;
}

/**
 * When the campaign is simulated, what earlier sends of the same channel taught before this one
 * starts: addresses that hard-bounced, unsubscribed, complained or opted out (the simulator's
 * feedback and tracking tables, docs/simulation.md).
 */
function fedDenySql(ctx: CompileContext, kind: ChannelKind): string | undefined {
  const parts: string[] = [];
  const before = ctx.sql.dialect.timestamp(ctx.clock);
  const fed = addressIdentity(ctx.sql.dialect, kind, 'f.address');
  for (const ref of sameChannel(ctx.channels, kind)) {
    if (!ref.feedback) continue;
    parts.push(`SELECT ${fed} AS ident FROM ${ref.feedback} AS f WHERE f.status = 'bounce' AND f.failure_type = 'hard' AND f.status_at < ${before}`);
    if (ref.tracking)
      parts.push(
        `SELECT ${fed} AS ident FROM ${ref.tracking} AS k JOIN ${ref.feedback} AS f ON f.message_id = k.message_id WHERE k.event IN ('unsubscribe', 'complaint', 'opt-out') AND k."at" < ${before}`,
      );
  }
  return parts.length === 0 ? undefined : parts.join('\nUNION ALL\n');
}

/**
 * The columns of the CTE `a` (`pk`: the key), named one by one where it is joined to two others:
 * past one join ClickHouse names `a.*`'s columns `a.column`.
 */
const A_COLUMNS = ['pk', 'link_order', 'message_id', 'linked_key', 'address', 'valid', 'consent', 'ident', 'shared', 'listed'];

const sameChannel = (refs: readonly EarlierChannelRef[], kind: ChannelKind) => refs.filter((r) => r.type === kind);

/**
 * Per person, the marketing messages earlier channels of this campaign send in the capping period
 * before this channel starts sending (channels on the same targeting dimension, of any channel).
 */
function earlierSendsSql(ctx: CompileContext, dimension: string, primaryKey: string, sendStart: string, periodDays: number): string | undefined {
  const pk = ctx.sql.ident(primaryKey);
  const from = ctx.sql.dialect.timestamp(sendStart);
  const parts = ctx.channels
    .filter((r) => r.deliveries !== undefined && r.dimension === dimension)
    .map((r) => `SELECT ${pk} FROM ${r.deliveries} WHERE reason IS NULL AND category = 'marketing' AND send_at > ${from} - INTERVAL ${Math.max(0, periodDays)} DAY`);
  if (parts.length === 0) return `SELECT NULL AS ${pk}, 0 AS n WHERE false`;
  return `SELECT ${pk}, count(*) AS n FROM (${parts.join(' UNION ALL ')}) GROUP BY ${pk}`;
}
