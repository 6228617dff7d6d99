import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { channelBaseSchema, channelPorts, channelSendStart, compileChannel, requiredContent } from '../channel-common';
import { allProblems, channelLimitProblems } from '../channel-content/content-problems';
import { dimensionLabel, resolveToken } from '../channel-content/token-sources';
import { mailingColumns } from '../channel-content/mailing-file';
import type { Problem } from '../../domain/problems';

export const directMailConfigSchema = channelBaseSchema.extend({
  /** Name of the extraction file sent to the mailing provider. */
  fileName: z.string().default('mailing.csv'),
  format: z.string().default('A4 letter'),
  /**
   * Columns of the file after the postal address lines: fields of the dimension, fields one link
   * away (`account.name`) or inbound columns, named as tokens are.
   */
  columns: z.array(z.string()).default([]),
});
export type DirectMailConfig = z.infer<typeof directMailConfigSchema>;

export const directMail = defineActivity<DirectMailConfig>({
  type: 'direct-mail',
  version: 1,
  meta: {
    title: 'Direct mail',
    description: 'Produce a postal mailing file for the audience.',
    category: 'channel',
    icon: 'mailbox',
    keywords: ['postal', 'letter', 'print'],
  },
  ports: channelPorts,
  schema: directMailConfigSchema,
  defaults: () => directMailConfigSchema.parse({}),
  compile: compileChannel,
  advanceClock: channelSendStart,
  validate: allProblems<DirectMailConfig>(
    requiredContent<DirectMailConfig>({ fileName: 'Name the file sent to the mailing provider.' }),
    (config, ctx) => {
      const problems: Problem[] = [];
      if (/[\\/:*?"<>|]/.test(config.fileName))
        problems.push({ severity: 'error', code: 'bad-file-name', message: `The file name “${config.fileName}” has a character files cannot have (\\ / : * ? " < > |).`, activityId: ctx.activity.id, path: 'fileName' });
      const scope = ctx.model ? ctx.inbound?.() : undefined;
      if (!ctx.model || !scope) return problems;
      config.columns.forEach((c, i) => {
        if (!resolveToken(ctx.model!, scope, c))
          problems.push({ severity: 'error', code: 'unknown-column', message: `The column “${c}” names nothing: not a field of ${dimensionLabel(ctx.model!, scope.dimension)}, a field one link away or a column of the inbound records.`, activityId: ctx.activity.id, path: `columns[${i}]` });
      });
      if (mailingColumns(ctx.model, scope.dimension, []).length === 0 && config.columns.length === 0)
        problems.push({ severity: 'warning', code: 'no-postal-address', message: `${dimensionLabel(ctx.model, scope.dimension)} have no postal address in the data model: choose the columns of the file.`, activityId: ctx.activity.id, path: 'columns' });
      return problems;
    },
    channelLimitProblems,
  ),
  needsAudience: true,
});
