import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../domain/campaign';
import { parseCampaign } from '../domain/serialization';
import { validateCampaign } from '../domain/validate';
import { getActivityDef } from '../activities/registry';
import type { ConditionGroup, Condition } from '../domain/rule';
import { campaignTemplates, findTemplate, templateDoc } from './index';

const fileOf = (id: string) => fileURLToPath(new URL(`./${id}.json`, import.meta.url));

/** Fields of the profiles entity (and its purchases collection) that templates may use. */
const profileFields = new Set([
  'created_date',
  'email_consent',
  'sms_consent',
  'push_consent',
  'loyalty_tier',
  'last_purchase_date',
  'preferred_channel',
  'email',
]);

function attributePaths(group: ConditionGroup, inCollection = false): { path: string[]; inCollection: boolean }[] {
  return group.children.flatMap((c: Condition) => {
    switch (c.kind) {
      case 'attribute':
        return [{ path: c.path, inCollection }];
      case 'group':
        return attributePaths(c, inCollection);
      case 'collection':
        return attributePaths(c.where, true);
      default:
        return [];
    }
  });
}

describe('starter templates', () => {
  it('include a welcome series, a win-back with holdout and a multi-channel newsletter', () => {
    expect(campaignTemplates.map((t) => t.id)).toEqual(
      expect.arrayContaining(['welcome-series', 'win-back', 'multichannel-newsletter']),
    );
    expect(new Set(campaignTemplates.map((t) => t.id)).size).toBe(campaignTemplates.length);
  });

  describe.each(campaignTemplates.map((t) => [t.id, t] as const))('%s', (id, template) => {
    it('is a valid campaign file, read as an import would read it', () => {
      const result = parseCampaign(readFileSync(fileOf(id), 'utf8'));
      expect(result.ok ? [] : result.errors).toEqual([]);
    });

    it('matches the document schema and each activity config schema exactly, with no defaults needed', () => {
      const doc = campaignSchema.parse(template.source);
      for (const a of doc.activities) {
        const def = getActivityDef(a.type);
        expect(def, a.type).toBeDefined();
        const parsed = def!.schema.safeParse(a.config);
        expect(parsed.success ? [] : parsed.error.issues, a.label).toEqual([]);
        // Written out in full, so that the file documents every setting a marketer can change.
        expect(parsed.data, a.label).toEqual(a.config);
      }
    });

    it('has no validation problem at all', () => {
      expect(validateCampaign(templateDoc(template))).toEqual([]);
    });

    it('uses only fields of the profiles data model', () => {
      const doc = templateDoc(template);
      for (const a of doc.activities) {
        const rules: ConditionGroup[] = [];
        if (a.type === 'build-audience') rules.push((a.config as { rule: ConditionGroup }).rule);
        if (a.type === 'split')
          for (const s of (a.config as { subsets: { filter: ConditionGroup | null }[] }).subsets) if (s.filter) rules.push(s.filter);
        for (const rule of rules)
          for (const { path, inCollection } of attributePaths(rule))
            if (!inCollection) expect(profileFields, `${a.label}: ${path.join('.')}`).toContain(path.at(-1));
      }
    });

    it('has unique labels, so that problems and reports can name each activity', () => {
      const labels = templateDoc(template).activities.map((a) => a.label);
      expect(new Set(labels).size).toBe(labels.length);
    });
  });

  it('finds templates by id', () => {
    expect(findTemplate('win-back')?.id).toBe('win-back');
    expect(findTemplate('nope')).toBeUndefined();
  });

  it('the win-back holds out a random 10 % control group', () => {
    const doc = templateDoc(findTemplate('win-back')!);
    const split = doc.activities.find((a) => a.type === 'split')!;
    const subsets = (split.config as { subsets: { filter: unknown; limit: unknown; order: unknown }[] }).subsets;
    expect(subsets[0]).toMatchObject({ filter: null, limit: { kind: 'percent', value: 10 }, order: { mode: 'random' } });
  });
});
