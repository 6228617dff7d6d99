import { useMemo, useState } from 'react';
import { Button, Collection, ComboBox, Header, Input, ListBox, ListBoxItem, ListBoxSection, Popover } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { attributeChoices, labelOf, type AttributeChoice } from '../domain/rule-paths';
import { findEntity } from '../domain/data-model';
import type { DataModel } from '../domain/data-model';
import { columnField, type WorkingTableColumn } from '../domain/rule-columns';
import type { ConditionTarget } from './attribute-edits';

const typeHints: Record<string, string> = { string: 'Text', enum: 'List', integer: 'Number', decimal: 'Number', date: 'Date', timestamp: 'Date', boolean: 'Yes/no' };

interface Section {
  id: string;
  title: string;
  items: (AttributeChoice & { id: string; text: string })[];
}

/** Key of a working table column in the list; field names never hold a colon, so it cannot clash with a path. */
const COLUMN_KEY = 'column:';

/**
 * Chooses a field of the entity or of a record it links to (purchase -> product -> category), or a
 * column of the inbound working table (an Enrichment's) when there are some. One searchable list,
 * in sections per link followed, so that linked fields are found by typing.
 */
export function FieldPicker({ model, entity, path, source, columns, onChange, label = 'Field' }: { model: DataModel; entity: string; path: string[]; source?: 'column' | undefined; columns?: readonly WorkingTableColumn[] | undefined; onChange: (target: ConditionTarget) => void; label?: string }) {
  const sections = useMemo<Section[]>(() => {
    const byPrefix = new Map<string, Section>();
    if (columns && columns.length > 0)
      byPrefix.set(COLUMN_KEY, {
        id: COLUMN_KEY,
        title: 'Columns of the inbound records',
        items: columns.map((c) => ({ path: [c.name], labels: [c.name], field: columnField(c), id: `${COLUMN_KEY}${c.name}`, text: c.name })),
      });
    const root = findEntity(model, entity);
    for (const c of attributeChoices(model, entity, 2)) {
      const prefix = c.path.slice(0, -1).join('.');
      let s = byPrefix.get(prefix);
      if (!s) {
        s = { id: prefix || '.', title: prefix ? c.labels.slice(0, -1).join(' › ') : root ? labelOf(root) : entity, items: [] };
        byPrefix.set(prefix, s);
      }
      s.items.push({ ...c, id: c.path.join('.'), text: c.labels.join(' › ') });
    }
    return [...byPrefix.values()];
  }, [model, entity, columns]);
  const selectedKey = path.length === 0 ? null : source === 'column' ? `${COLUMN_KEY}${path[0]}` : path.join('.');
  const known = sections.some((s) => s.items.some((i) => i.id === selectedKey));
  // The list is filtered here, not by the ComboBox (`defaultItems`): React Aria's own filtering of
  // a list in sections hands React clones of its collection nodes, and React 19's development
  // build reads them when it logs what changed, through a getter that throws ("childNodes is not
  // supported"); the field then stops taking keystrokes. A list rebuilt from filtered items never
  // goes through those clones.
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => filterSections(sections, filter), [sections, filter]);

  return (
    <ComboBox
      className="qm-combo"
      aria-label={label}
      items={shown}
      onInputChange={setFilter}
      // Opened by focus or the button, the list shows every field; typing narrows it again.
      onOpenChange={(open, trigger) => {
        if (open && trigger !== 'input') setFilter('');
      }}
      selectedKey={known ? selectedKey : null}
      onSelectionChange={(key) => {
        if (key === null || key === selectedKey) return;
        const k = String(key);
        onChange(k.startsWith(COLUMN_KEY) ? { path: [k.slice(COLUMN_KEY.length)], source: 'column' } : { path: k.split('.') });
      }}
      menuTrigger="focus"
      {...(!known && selectedKey ? { defaultInputValue: source === 'column' ? path[0] : selectedKey } : {})}
    >
      <div className="qm-combo__field">
        <Input className="qm-input qm-combo__input" placeholder="Choose a field…" />
        <Button className="qm-combo__button" aria-label={`Show ${label.toLowerCase()}s`}>
          <ChevronDown size={14} aria-hidden />
        </Button>
      </div>
      <Popover className="qm-popover qm-popover--list" placement="bottom start">
        <ListBox<Section> className="qm-listbox">
          {(section) => (
            <ListBoxSection id={section.id} className="qm-listbox__section">
              <Header className="qm-listbox__header">{section.title}</Header>
              <Collection items={section.items}>
                {(item) => (
                  <ListBoxItem id={item.id} textValue={item.text} className="qm-listbox__item">
                    <span className="qm-listbox__label">{item.labels[item.labels.length - 1]}</span>
                    <span className="qm-listbox__hint">{typeHints[item.field.type] ?? item.field.type}</span>
                  </ListBoxItem>
                )}
              </Collection>
            </ListBoxSection>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** Sections keeping the fields whose label path contains `text` (any case); empty sections go. */
export function filterSections<S extends { items: readonly { text: string }[] }>(sections: readonly S[], text: string): S[] {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return [...sections];
  return sections.map((s) => ({ ...s, items: s.items.filter((i) => i.text.toLocaleLowerCase().includes(needle)) })).filter((s) => s.items.length > 0);
}
