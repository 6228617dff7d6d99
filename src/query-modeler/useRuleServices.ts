import { useMemo } from 'react';
import type { EngineClient } from '../engine/client';
import type { DataModel } from '../domain/data-model';
import { walkPath } from '../domain/rule-paths';
import { useEngineClient } from '../queries/EngineClientContext';
import { useDataset } from '../queries/useDataset';
import { RULE_DOC_IDS, ruleDoc } from './rule-doc';
import type { RuleServices } from './services';
import { inlineSavedFilters, type SavedFilter } from './saved-filters';

/**
 * RuleServices over the engine client. Rules run as a one-activity campaign through `preview`
 * (never `counts`, which would cancel the canvas's own counts and drop its tables). Saved filters
 * are inlined first, since the engine does not read them.
 */
export function ruleServicesFor(client: EngineClient, model: DataModel, savedFilters: readonly SavedFilter[] = []): RuleServices {
  const byId = new Map(savedFilters.map((f) => [f.id, f]));
  const doc = (rule: Parameters<RuleServices['count']>[0], entity: string) => ruleDoc(inlineSavedFilters(rule, (id) => byId.get(id), entity), entity);
  return {
    count: async (rule, entity, signal) => (await client.preview(doc(rule, entity), RULE_DOC_IDS.transition, 0, signal)).total,
    rows: async (rule, entity, limit, signal) => {
      const r = await client.preview(doc(rule, entity), RULE_DOC_IDS.transition, limit, signal);
      return { columns: r.columns, rows: r.rows, total: r.total };
    },
    sql: async (rule, entity, signal) => {
      const r = await client.sql(doc(rule, entity), signal);
      const sql = r.sql[RULE_DOC_IDS.activity];
      // Show the query itself, not the working table the engine wraps it in (DuckDB's temporary
      // table, or a ClickHouse table with its engine).
      if (sql) return sql.replace(/^(--[^\n]*\n)+/, '').replace(/^CREATE (OR REPLACE )?(TEMP(ORARY)? )?TABLE \S+(\s+ENGINE = [^\n]+?)? AS\s*/i, '').replace(/;\s*$/, '');
      throw new Error(r.errors[RULE_DOC_IDS.activity] ?? 'This rule does not compile.');
    },
    topValues: async (entity, path, signal) => {
      // Through links, values are those of the linked table (all products' categories), which is
      // what a marketer picks from.
      const walked = walkPath(model, entity, path, 'field');
      if (!walked.ok) throw new Error(walked.message);
      const rows = await client.distribution(walked.entity.name, walked.field!.name, 20, signal);
      return rows.map((r) => ({ value: r.value, count: r.count, percent: r.share * 100 }));
    },
  };
}

/** The data model of the loaded data and RuleServices over the app's engine (undefined while loading). */
export function useRuleServices(savedFilters: readonly SavedFilter[] = []): { model: DataModel | undefined; services: RuleServices | undefined; error: Error | null } {
  const client = useEngineClient();
  const dataset = useDataset();
  const model = dataset.data?.model;
  const services = useMemo(() => (model ? ruleServicesFor(client, model, savedFilters) : undefined), [client, model, savedFilters]);
  return { model, services, error: dataset.error };
}
