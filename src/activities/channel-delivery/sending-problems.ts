import type { ChannelBaseConfig } from '../channel-common';
import type { GraphContext } from '../define-activity';
import type { Problem } from '../../domain/problems';
import { findDimension } from '../../domain/data-model';
import { sendPerLink, MAX_VALIDITY_HOURS } from './deliveries-sql';
import { windowProblem } from './send-slots';

/**
 * Sending settings that cannot work: a capping that sends nothing, a window that never opens, a
 * throttle or validity of no hours, a "send per" that is not a one-to-many link of the audience.
 * Errors, at the setting's path: the channel would send nothing, or not what was meant.
 */
export function sendingProblems(config: ChannelBaseConfig, ctx: GraphContext): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string) => problems.push({ severity: 'error', code: 'invalid-config', message, activityId: ctx.activity.id, path });
  if (config.capping.enabled && config.category === 'marketing') {
    if (config.capping.maxMessages < 1) at('capping.maxMessages', 'Capping at 0 messages sends nothing: allow at least 1 message, or turn capping off.');
    if (config.capping.periodDays < 1) at('capping.periodDays', 'The capping period is at least 1 day.');
  }
  if (config.throttle.enabled && config.throttle.perHour < 1) at('throttle.perHour', 'A throttle of 0 messages an hour sends nothing: allow at least 1, or turn throttling off.');
  const window = windowProblem(config.window);
  if (window) at(config.window.days.length === 0 ? 'window.days' : 'window.fromHour', `${window} Nothing would be sent.`);
  if (config.validityHours < 1 || config.validityHours > MAX_VALIDITY_HOURS) at('validityHours', `Validity goes from 1 to ${MAX_VALIDITY_HOURS} hours (90 days).`);
  const dimension = ctx.inbound?.()?.dimension;
  const entity = dimension && ctx.model ? ctx.model.entities.find((e) => e.name === dimension) : undefined;
  if (entity && ctx.model && findDimension(ctx.model, entity.name)) {
    const link = sendPerLink(config, entity, ctx.model);
    if (link && 'problem' in link) at(link.path, link.problem);
  }
  return problems;
}
