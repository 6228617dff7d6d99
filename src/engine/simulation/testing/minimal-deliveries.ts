import { isAuxOutput, type CompileContext, type CompiledOutputs } from '../../../activities/compile-types';
import { findDimension } from '../../../domain/data-model';
import { withSimulation, type SimulatedChannelConfig } from '../simulate-sql';

/**
 * A deliveries table for the simulator's tests, with the contract columns of docs/simulation.md:
 * one message per inbound record, sent at the channel's clock, excluded as `no-address` when the
 * record has no address for the channel. Eligibility proper (consent, denylist, capping, window) is
 * the channel's own; these tests only need messages to simulate.
 */
export function minimalDeliveriesSql(ctx: CompileContext): string {
  const input = ctx.inputs.in![0]!;
  const entity = ctx.sql.entity(input.dimension);
  const K = ctx.sql.ident(entity.primaryKey);
  const addresses = findDimension(ctx.model, input.dimension)?.addresses ?? {};
  const field = ctx.activity.type === 'email' ? addresses.email : ctx.activity.type === 'sms' ? addresses.phone : ctx.activity.type === 'push' ? addresses.pushToken : undefined;
  const address = field ? `NULLIF(trim(CAST(p.${ctx.sql.ident(field)} AS VARCHAR)), '')` : 'CAST(NULL AS VARCHAR)';
  const missing = field ? `${address} IS NULL` : 'false';
  return `SELECT i.${K}, ${ctx.sql.literal(`${ctx.activity.id}:`)} || CAST(i.${K} AS VARCHAR) AS message_id, CAST(NULL AS VARCHAR) AS linked_key,
  ${address} AS address, CASE WHEN ${missing} THEN 'no-address' END AS reason,
  CASE WHEN ${missing} THEN NULL ELSE TIMESTAMP '${ctx.clock}' END AS send_at
FROM ${input.relation} i JOIN ${ctx.sql.table(input.dimension)} p ON p.${K} = i.${K}`;
}

/** `compileChannel` with the test deliveries first, then the simulation (vi.mock of channel-common). */
export function withMinimalDeliveries<C extends SimulatedChannelConfig>(compile: (config: C, ctx: CompileContext) => CompiledOutputs) {
  return (config: C, ctx: CompileContext): CompiledOutputs => {
    const input = ctx.inputs.in?.[0];
    const own = compile(config, ctx);
    if (!input) return own;
    // The channel's own auxiliary tables (its eligibility, its simulation) give way to these, so that
    // the simulator's tests keep the messages they were worked out on.
    const ports = Object.fromEntries(Object.entries(own).filter(([key]) => !isAuxOutput(key)));
    const deliveries = { sql: minimalDeliveriesSql(ctx), dimension: input.dimension, columns: [] };
    return withSimulation(config, ctx, { '@deliveries': deliveries, ...ports });
  };
}
