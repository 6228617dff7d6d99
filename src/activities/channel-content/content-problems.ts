import type { GraphContext } from '../define-activity';
import type { Problem } from '../../domain/problems';
import { parseTokens } from './tokens';
import { builtinTokens, dimensionLabel, resolveToken } from './token-sources';

/** A config field that holds message content, with the name the form gives it. */
export interface ContentField {
  path: string;
  label: string;
}

/** Activity types that send a message; the campaign-wide limit counts them. */
export const channelTypes: readonly string[] = ['email', 'sms', 'push', 'direct-mail'];

/** At most this many channel activities in one campaign (a platform guardrail). */
export const MAX_CHANNEL_ACTIVITIES = 10;

type Validate<C> = (config: C, ctx: GraphContext) => Problem[];

/** One validate made of several, in order. */
export function allProblems<C>(...parts: Validate<C>[]): Validate<C> {
  return (config, ctx) => parts.flatMap((p) => p(config, ctx));
}

/**
 * Tokens of the content fields that cannot be read or name nothing (no field of the records'
 * dimension, none one link away, no column of the inbound records): an error at the field, naming
 * the token. Names are checked only when the data model and the inbound records are known.
 */
export function tokenProblems<C>(channel: string, fields: readonly ContentField[]): Validate<C> {
  const builtins = (builtinTokens[channel] ?? []).map((b) => b.name);
  return (config, ctx) => {
    const scope = ctx.model ? ctx.inbound?.() : undefined;
    const problems: Problem[] = [];
    for (const { path, label } of fields) {
      const text = (config as Record<string, unknown>)[path];
      if (typeof text !== 'string') continue;
      for (const t of parseTokens(text)) {
        const at = { severity: 'error' as const, activityId: ctx.activity.id, path };
        if (t.error) problems.push({ ...at, code: 'bad-token', message: `The token ${t.raw} in ${label} ${t.error}.` });
        else if (ctx.model && scope && !resolveToken(ctx.model, scope, t.path, builtins))
          problems.push({
            ...at,
            code: 'unknown-token',
            message: `The token ${t.raw} in ${label} names nothing: “${t.path}” is not a field of ${dimensionLabel(ctx.model, scope.dimension)}, a field one link away or a column of the inbound records.`,
          });
      }
    }
    return problems;
  };
}

/**
 * The campaign-wide guardrail: the channel activities after the tenth, in document order, each
 * carry an error (the first ten stay as they are, so adding one never moves the problem).
 */
export function channelLimitProblems<C>(_config: C, ctx: GraphContext): Problem[] {
  const channels = ctx.doc.activities.filter((a) => channelTypes.includes(a.type));
  const rank = channels.findIndex((a) => a.id === ctx.activity.id);
  if (rank < MAX_CHANNEL_ACTIVITIES) return [];
  return [
    {
      severity: 'error',
      code: 'too-many-channels',
      message: `A campaign sends at most ${MAX_CHANNEL_ACTIVITIES} messages: this is channel activity ${rank + 1} of ${channels.length}. Remove it or move it to another campaign.`,
      activityId: ctx.activity.id,
    },
  ];
}

/** A marketing message's rule (unsubscribe link, STOP wording): a warning at `path` when `ok` fails. */
export function marketingRule<C extends { category: string }>(path: string, code: string, ok: (config: C) => boolean, message: string): Validate<C> {
  return (config, ctx) => (config.category !== 'marketing' || ok(config) ? [] : [{ severity: 'warning', code, message, activityId: ctx.activity.id, path }]);
}
