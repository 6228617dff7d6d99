import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../domain/campaign';
import { parseCampaign } from '../domain/serialization';
import { validateCampaign } from '../domain/validate';
import { getActivityDef } from '../activities/registry';
import type { ConditionGroup, Condition } from '../domain/rule';
import { findEntity, type DataModel } from '../domain/data-model';
import { sampleDataModel } from '../engine/data/sample-model';
import { campaignTemplates, findTemplate, templateDoc } from './index';

const fileOf = (id: string) => fileURLToPath(new URL(`./${id}.json`, import.meta.url));

/**
 * Every field a rule reaches, with the entity it must belong to: attribute paths follow one-to-one
 * and many-to-one links from `entity`; collection conditions move to the collection's entity.
 */
function fieldProblems(model: DataModel, entity: string, group: ConditionGroup): string[] {
  return group.children.flatMap((c: Condition): string[] => {
    switch (c.kind) {
      case 'group':
        return fieldProblems(model, entity, c);
      case 'attribute': {
        let current = findEntity(model, entity);
        for (const link of c.path.slice(0, -1)) {
          const l = current?.links.find((x) => x.name === link && x.cardinality !== 'one-to-many');
          current = l ? findEntity(model, l.target) : undefined;
        }
        const field = c.path.at(-1);
        return current?.fields.some((f) => f.name === field) ? [] : [`${entity}: ${c.path.join('.')}`];
      }
      case 'collection': {
        const link = findEntity(model, entity)?.links.find((l) => l.name === c.path[0] && l.cardinality === 'one-to-many');
        if (!link || c.path.length !== 1) return [`${entity}: collection ${c.path.join('.')}`];
        const target = findEntity(model, link.target);
        const aggregateField = c.aggregate?.field;
        const badAggregate = aggregateField && !target?.fields.some((f) => f.name === aggregateField);
        return [...fieldProblems(model, link.target, c.where), ...(badAggregate ? [`${link.target}: ${aggregateField}`] : [])];
      }
      default:
        return [];
    }
  });
}

/** Rules and field names of an activity's config, for the data-model check. */
function rulesOf(type: string, config: Record<string, unknown>): { rules: ConditionGroup[]; fields: string[] } {
  switch (type) {
    case 'build-audience':
      return { rules: [(config as { rule: ConditionGroup }).rule], fields: [] };
    case 'split':
      return {
        rules: (config as { subsets: { filter: ConditionGroup | null }[] }).subsets.flatMap((s) => (s.filter ? [s.filter] : [])),
        fields: [],
      };
    case 'deduplication': {
      const d = config as { fields: string[]; method: string; expression: { field: string } };
      return { rules: [], fields: [...d.fields, ...(d.method === 'expression' ? [d.expression.field] : [])] };
    }
    default:
      return { rules: [], fields: [] };
  }
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
        // Nothing in the file is silently dropped by the schema.
        expect(parsed.data, a.label).toMatchObject(a.config);
      }
    });

    it('has no validation problem at all', () => {
      expect(validateCampaign(templateDoc(template))).toEqual([]);
    });

    it('has messages whose tokens all name something of the sample data, with their opt-out wording', () => {
      const doc = templateDoc(template);
      expect(validateCampaign(doc, sampleDataModel).filter((p) => ['unknown-token', 'bad-token', 'no-unsubscribe', 'no-stop'].includes(p.code))).toEqual([]);
      const channels = doc.activities.filter((a) => ['email', 'sms', 'push'].includes(a.type));
      for (const a of channels) expect(JSON.stringify(a.config), a.label).toContain('{{');
    });

    it('uses only entities, links and fields of the sample data model', () => {
      const doc = templateDoc(template);
      const profiles = findEntity(sampleDataModel, 'profiles')!;
      for (const a of doc.activities) {
        const { rules, fields } = rulesOf(a.type, a.config);
        const problems = [
          ...rules.flatMap((r) => fieldProblems(sampleDataModel, 'profiles', r)),
          ...fields.filter((f) => !profiles.fields.some((x) => x.name === f)),
        ];
        expect(problems, a.label).toEqual([]);
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
