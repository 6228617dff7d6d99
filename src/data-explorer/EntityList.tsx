import { ListBox, ListBoxItem } from 'react-aria-components';
import { Loader2, Target } from 'lucide-react';
import type { DatasetInfo } from '../engine/engine';
import { formatCount } from './format';

/**
 * The entities of the dataset, one option each with its row count; an entity still loading in the
 * background says so instead of a count. Selecting one shows it beside the list.
 */
export function EntityList({ dataset, selected, onSelect }: { dataset: DatasetInfo; selected: string; onSelect: (entity: string) => void }) {
  const loading = new Set(dataset.loading ?? []);
  const dimensions = new Set(dataset.model.dimensions.map((d) => d.entity));
  return (
    <ListBox
      aria-label="Entities"
      className="dx-entity-list"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[selected]}
      onSelectionChange={(keys) => {
        const [key] = [...(keys as Set<string>)];
        if (key) onSelect(key);
      }}
    >
      {dataset.model.entities.map((e) => {
        const count = dataset.rowCounts[e.name];
        const isLoading = loading.has(e.name) || count === undefined;
        return (
          <ListBoxItem key={e.name} id={e.name} textValue={e.label || e.name} className="dx-entity-item">
            <span className="dx-entity-text">
              <span className="dx-entity-label">
                {e.label || e.name}
                {dimensions.has(e.name) && <Target size={13} aria-label="targeting dimension" className="dx-entity-target" />}
              </span>
              <code className="dx-entity-name" title={e.name}>
                {e.name}
              </code>
            </span>
            <span className="dx-entity-count">
              {isLoading ? (
                <>
                  <Loader2 size={13} aria-hidden className="cc-spinner" /> loading
                </>
              ) : (
                `${formatCount(count)} rows`
              )}
            </span>
          </ListBoxItem>
        );
      })}
    </ListBox>
  );
}
