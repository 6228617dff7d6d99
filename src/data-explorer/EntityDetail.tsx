import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { DatasetInfo } from '../engine/engine';
import type { EntityDef } from '../domain/data-model';
import { DimensionPanel } from './DimensionPanel';
import { DistributionChart } from './DistributionChart';
import { EntityRowsTable } from './EntityRowsTable';
import { FieldsTable } from './FieldsTable';
import { LinksTable } from './LinksTable';
import { formatCount } from './format';

/**
 * One entity: its key and row count, then tabs for its fields (with the distribution of a chosen
 * field), links, first rows and, for a targeting dimension, its channels.
 */
export function EntityDetail({ dataset, entity, onOpenEntity }: { dataset: DatasetInfo; entity: EntityDef; onOpenEntity: (name: string) => void }) {
  const [field, setField] = useState<string | undefined>(entity.fields.find((f) => f.type === 'enum')?.name ?? entity.displayFields[0]);
  const rowCount = dataset.rowCounts[entity.name];
  const loading = (dataset.loading ?? []).includes(entity.name) || rowCount === undefined;
  const dimension = dataset.model.dimensions.find((d) => d.entity === entity.name);
  const fieldDef = entity.fields.find((f) => f.name === field);
  const title = entity.label || entity.name;
  const entityLabel = (name: string) => {
    const e = dataset.model.entities.find((x) => x.name === name);
    return e?.label || name;
  };
  return (
    <section className="dx-detail" aria-labelledby="dx-entity-title">
      <header className="dx-detail-header">
        <h2 id="dx-entity-title" className="dx-detail-title">
          {title}
          {dimension && <span className="dx-pill">Targeting dimension</span>}
        </h2>
        <dl className="dx-facts">
          <div>
            <dt>Table</dt>
            <dd>
              <code>{entity.name}</code>
            </dd>
          </div>
          <div>
            <dt>Rows</dt>
            <dd>{loading ? 'loading…' : formatCount(rowCount)}</dd>
          </div>
          <div>
            <dt>Primary key</dt>
            <dd>
              <code>{entity.primaryKey}</code>
            </dd>
          </div>
          <div>
            <dt>Fields</dt>
            <dd>{entity.fields.length}</dd>
          </div>
        </dl>
      </header>
      <Tabs className="dx-tabs">
        <TabList aria-label={`About ${title}`} className="dx-tablist">
          <Tab id="fields" className="dx-tab">
            Fields
          </Tab>
          <Tab id="links" className="dx-tab">
            Links ({entity.links.length})
          </Tab>
          <Tab id="rows" className="dx-tab">
            Rows
          </Tab>
          {dimension && (
            <Tab id="targeting" className="dx-tab">
              Targeting
            </Tab>
          )}
        </TabList>
        <TabPanel id="fields" className="dx-tabpanel dx-fields-panel">
          <div className="dx-fields-scroll">
            <FieldsTable entity={entity} selectedField={field} onShowDistribution={setField} />
          </div>
          {fieldDef ? (
            <DistributionChart key={fieldDef.name} entity={entity} field={fieldDef} isLoadingInBackground={loading} />
          ) : (
            <p className="dx-empty dx-distribution">Choose a field’s chart button to see the distribution of its values.</p>
          )}
        </TabPanel>
        <TabPanel id="links" className="dx-tabpanel">
          <LinksTable entity={entity} entityLabel={entityLabel} onOpenEntity={onOpenEntity} />
        </TabPanel>
        <TabPanel id="rows" className="dx-tabpanel">
          <EntityRowsTable entity={entity} rowCount={loading ? undefined : rowCount} isLoadingInBackground={loading} />
        </TabPanel>
        {dimension && (
          <TabPanel id="targeting" className="dx-tabpanel">
            <DimensionPanel dimension={dimension} entityLabel={title} />
          </TabPanel>
        )}
      </Tabs>
    </section>
  );
}
