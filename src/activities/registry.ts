import type { ActivityDef, ActivityCategory } from './define-activity';
import { buildAudience } from './build-audience/definition';
import { combine } from './combine/definition';
import { deduplication } from './deduplication/definition';
import { enrichment } from './enrichment/definition';
import { split } from './split/definition';
import { saveAudience } from './save-audience/definition';
import { changeDimension } from './change-dimension/definition';
import { fork } from './fork/definition';
import { andJoin } from './and-join/definition';
import { wait } from './wait/definition';
import { end } from './end/definition';
import { test } from './test/definition';
import { alert } from './alert/definition';
import { email } from './email/definition';
import { sms } from './sms/definition';
import { push } from './push/definition';
import { directMail } from './direct-mail/definition';
import { loadFile } from './load-file/definition';
import { reconciliation } from './reconciliation/definition';
import { incrementalQuery } from './incremental-query/definition';

/**
 * Every activity type, in palette order. The config type is erased here: callers parse configs with
 * `def.schema` before using them.
 */
export const activityDefs: readonly ActivityDef<any>[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
  buildAudience,
  combine,
  deduplication,
  enrichment,
  split,
  changeDimension,
  saveAudience,
  loadFile,
  reconciliation,
  incrementalQuery,
  fork,
  andJoin,
  wait,
  test,
  alert,
  end,
  email,
  sms,
  push,
  directMail,
];

const byType = new Map(activityDefs.map((d) => [d.type, d]));

/** The definition of an activity type, or undefined for a type this version does not know. */
export function getActivityDef(type: string): ActivityDef<any> | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
  return byType.get(type);
}

export const categoryTitles: Record<ActivityCategory, string> = {
  targeting: 'Targeting',
  flow: 'Flow control',
  channel: 'Channels',
};
