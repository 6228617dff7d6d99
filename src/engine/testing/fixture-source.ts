import Papa from 'papaparse';
import type { DataSource } from '../protocol';
import { fixtureModel, fixtureRows } from './fixture';

/** The fixture (fixture.ts) as a data model and one CSV per entity, as the app imports them. */
export function fixtureSource(): DataSource {
  return {
    kind: 'csv',
    model: JSON.stringify(fixtureModel),
    files: fixtureModel.entities.map((e) => ({
      name: `${e.name}.csv`,
      text: Papa.unparse({ fields: e.fields.map((f) => f.name), data: (fixtureRows[e.name] ?? []).map((r) => e.fields.map((f) => r[f.name] ?? '')) }),
    })),
  };
}
