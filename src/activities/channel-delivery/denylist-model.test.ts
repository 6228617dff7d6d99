import { describe, expect, it } from 'vitest';
import { dataModelSchema } from '../../domain/data-model';
import { deliveryModel } from './delivery-fixture';

describe('the denylist declaration', () => {
  const withDenylist = (denylist: unknown) => dataModelSchema.safeParse({ ...deliveryModel, denylist });
  const messages = (denylist: unknown) => {
    const r = withDenylist(denylist);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('is optional', () => {
    expect(withDenylist(undefined).success).toBe(true);
  });

  it('names an entity and its fields, each checked at its path', () => {
    expect(messages({ entity: 'blocked', address: 'address', channel: 'channel' })).toEqual([]);
    expect(messages({ entity: 'nowhere', address: 'address' })).toEqual(['denylist.entity: denylist: nowhere is not an entity']);
    expect(messages({ entity: 'blocked', address: 'mail', channel: 'via' })).toEqual([
      'denylist.address: denylist: mail is not a field of blocked',
      'denylist.channel: denylist: via is not a field of blocked',
    ]);
  });
});
