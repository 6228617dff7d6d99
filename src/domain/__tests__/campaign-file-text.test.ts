import { describe, expect, it } from 'vitest';
import { formatErrors, parseCampaign, parseCampaignValue, serializeCampaign } from '../serialization';
import { activity, campaign, transition } from './fixtures';

const good = () => campaign([activity('a', 'build-audience'), activity('m', 'email')], [transition('t1', 'a', 'm')]);

describe('campaign file text', () => {
  it('reads a file that starts with a UTF-8 byte-order mark like one without', () => {
    const doc = good();
    expect(parseCampaign(`\uFEFF${serializeCampaign(doc)}`)).toEqual({ ok: true, doc });
  });

  it('names a number too large for a double with its path and digits, not "expected a number, got a number"', () => {
    const text = serializeCampaign(good()).replace('"x": 0', '"x": 1e999');
    expect(text).toContain('1e999');
    const r = parseCampaign(text);
    expect(!r.ok && formatErrors(r.errors)).toBe('activities[0].position.x: a number out of range (1e999): numbers go up to about ±1.797e308');
  });

  it('finds an out-of-range number at any depth, and not the same digits inside a string', () => {
    const doc = good();
    const text = JSON.stringify({ ...doc, note: 'not 1e999 here', activities: doc.activities.map((a, i) => ({ ...a, config: { ...a.config, deep: [[0, i === 1 ? '__N__' : 1]] } })) }).replace('"__N__"', '-2E+400');
    const r = parseCampaign(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([{ path: 'activities[1].config.deep[0][1]', message: 'a number out of range (-2E+400): numbers go up to about ±1.797e308' }]);
  });

  it('a value already parsed says "a number out of range" too', () => {
    const doc = good() as unknown as { activities: { position: { y: number } }[] };
    doc.activities[1]!.position.y = -Infinity;
    const r = parseCampaignValue(doc);
    expect(!r.ok && formatErrors(r.errors)).toBe('activities[1].position.y: expected a number, got a number out of range');
  });
});
