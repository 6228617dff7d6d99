import type { DeliveryCondition } from '../../domain/rule';
import type { DeliveryEvent } from '../../domain/rule';
import { findEntity, resolvePath } from '../../domain/data-model';
import { CompileError } from '../../activities/compile-types';
import { MESSAGE_RESULTS_NEED_A_RUN } from '../../domain/rule-needs-run';
import { quoteIdent, timestampLiteral } from '../sql/quote';
import { linkedRecords, type RuleScope } from './rule-sql';

/**
 * A `delivery` condition (retargeting): the records to which a channel of this campaign sent a
 * message that had the event, read from the channel's simulated feedback and tracking **as of the
 * simulated time of the activity** being compiled. An event later than that clock has not happened
 * yet for this activity: "did not open" after a Wait of 3 days sees the opens of those 3 days.
 */
export function deliverySql(c: DeliveryCondition, scope: RuleScope): string {
  const messages = scope.messages;
  if (!messages?.simulated) throw new CompileError(MESSAGE_RESULTS_NEED_A_RUN);
  const channel = messages.channels.find((ch) => ch.activityId === c.activityId);
  if (!channel) throw new CompileError('This condition reads a channel that does not send before this activity; choose an earlier channel.');
  if (!channel.feedback || !channel.dimension) throw new CompileError(`${channel.label || channel.activityId} has no simulated results to read.`);
  const recipients = findEntity(scope.model, channel.dimension);
  if (!recipients) throw new CompileError(`The data has no ${channel.dimension}.`);
  const K = quoteIdent(recipients.primaryKey);
  const keys = eventKeys(c.event, channel.feedback, channel.tracking, K, timestampLiteral(messages.clock.replace(' ', 'T')));
  const path = c.path ?? [];
  let test: string;
  if (path.length === 0) {
    if (recipients.name !== scope.entity.name)
      throw new CompileError(`${channel.label || channel.activityId} sent to ${recipients.label || recipients.name}: choose the link to them and how many at least.`);
    test = `${scope.alias}.${K} IN (${keys})`;
  } else {
    const resolved = resolvePath(scope.model, scope.entity.name, path, 'link');
    if (!resolved.ok) throw new CompileError(`The link ${path.join('.')} cannot be followed: ${resolved.message}.`);
    if (resolved.entity.name !== recipients.name)
      throw new CompileError(`The link ${path.join('.')} leads to ${resolved.entity.label || resolved.entity.name}, not to the recipients of ${channel.label || channel.activityId}.`);
    const { last, from, where } = linkedRecords(scope, resolved.steps);
    test = `(SELECT count(DISTINCT ${last}.${K}) FROM ${from} WHERE ${where} AND ${last}.${K} IN (${keys})) >= ${Math.max(1, Math.floor(c.atLeast ?? 1))}`;
  }
  return c.negate ? `NOT COALESCE(${test}, FALSE)` : `COALESCE(${test}, FALSE)`;
}

/** Keys of the recipients whose message had `event` at or before `clock`. */
function eventKeys(event: DeliveryEvent, feedback: string, tracking: string | undefined, K: string, clock: string): string {
  switch (event) {
    case 'sent':
      return `SELECT ${K} FROM ${feedback} WHERE sent_at <= ${clock}`;
    case 'delivered':
      return `SELECT ${K} FROM ${feedback} WHERE status = 'delivered' AND status_at <= ${clock}`;
    case 'bounced':
      return `SELECT ${K} FROM ${feedback} WHERE status = 'bounce' AND status_at <= ${clock}`;
    case 'opened':
    case 'clicked':
      // A click counts as an open; every clicker also has an open row, at or before the click.
      return tracking ? `SELECT ${K} FROM ${tracking} WHERE event = '${event === 'opened' ? 'open' : 'click'}' AND "at" <= ${clock}` : `SELECT ${K} FROM ${feedback} WHERE false`;
  }
}
