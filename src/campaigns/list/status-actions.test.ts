import { describe, expect, it } from 'vitest';
import { statusActionsOf } from './CampaignRowActions';

describe("the changes of status a campaign's menu offers", () => {
  it.each([
    ['draft', []],
    ['scheduled', ['stop']],
    ['live', ['pause', 'stop']],
    ['paused', ['resume', 'stop']],
    ['stopped', ['archive']],
    ['completed', ['archive']],
    ['archived', ['unarchive']],
  ] as const)('%s: %j (publishing is in the editor; start and complete are the schedule’s)', (status, actions) => {
    expect(statusActionsOf(status)).toEqual(actions);
  });

  it('a campaign whose status is not read offers none', () => {
    expect(statusActionsOf(undefined)).toEqual([]);
  });
});
