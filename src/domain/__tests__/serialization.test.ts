import { describe, expect, it } from 'vitest';
import { formatErrors, parseCampaign, serializeCampaign } from '../serialization';
import { activity, campaign, transition } from './fixtures';

describe('parseCampaign', () => {
  const good = () =>
    campaign([activity('a', 'build-audience'), activity('s', 'split'), activity('m', 'email')], [
      transition('t1', 'a', 's'),
      transition('t2', 's', 'm', 'subset-1'),
    ]);

  it('round-trips a document', () => {
    const doc = good();
    const result = parseCampaign(serializeCampaign(doc));
    expect(result).toEqual({ ok: true, doc });
  });

  it('fills config defaults of older or partial configs', () => {
    const doc = good();
    doc.activities[0]!.config = { targetDimension: 'accounts' };
    const result = parseCampaign(JSON.stringify(doc));
    expect(result.ok && result.doc.activities[0]!.config).toMatchObject({ targetDimension: 'accounts', source: 'rule' });
  });

  it('refuses text that is not JSON', () => {
    const r = parseCampaign('{"name": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.path).toBe('(file)');
  });

  it('names the path of a wrong config value', () => {
    const doc = good();
    (doc.activities[1]!.config as { subsets: { limit: unknown }[] }).subsets[0]!.limit = { kind: 'count', value: 'ten' };
    const r = parseCampaign(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(!r.ok && formatErrors(r.errors)).toBe('activities[1].config.subsets[0].limit.value: expected a number, got a string');
  });

  it('names the path of a missing document field', () => {
    const { name: _name, ...rest } = good();
    const r = parseCampaign(JSON.stringify(rest));
    expect(!r.ok && formatErrors(r.errors)).toBe('name: expected a string, got nothing');
  });

  it('refuses unknown activity types, duplicate ids and dangling transitions', () => {
    const doc = good();
    doc.activities[2]!.type = 'fax';
    doc.activities[1]!.id = 'a';
    const r = parseCampaign(JSON.stringify(doc));
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual([
      'activities[1].id',
      'activities[2].type',
      'transitions[0].target.activityId',
      'transitions[1].source.activityId',
    ]);
  });

  it('refuses documents from a newer version', () => {
    const r = parseCampaign(JSON.stringify({ ...good(), schemaVersion: 99 }));
    expect(!r.ok && r.errors[0]!.message).toContain('newer');
  });

  it('refuses a JSON value that is not an object', () => {
    expect(parseCampaign('[1,2]').ok).toBe(false);
    expect(parseCampaign('null').ok).toBe(false);
  });
});
