import { useId, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { Search } from 'lucide-react';
import type { ActivityDef } from '../../activities/define-activity';
import { categoryTitles } from '../../activities/registry';
import { iconFor } from '../activity-icons';
import { ACTIVITY_DRAG_TYPE } from '../drag-data';
import { bestMatch, searchActivities } from './palette-search';
import './palette.css';

export interface ActivityListProps {
  /** Called with the activity type when a person clicks an entry or presses Enter on it. */
  onPick: (type: string) => void;
  /** Entries can be dragged onto the canvas (the side palette; not the insert menu). */
  draggable?: boolean;
  autoFocusSearch?: boolean;
  /** Names the search box, e.g. "Search activities". */
  searchLabel?: string;
  /** The activity types offered; every type by default. */
  defs?: readonly ActivityDef<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Searchable list of every activity type, grouped by category. Shared by the side palette and the
 * "+" insert menu on transitions, so both always offer the same activities the same way.
 */
export function ActivityList({
  onPick,
  draggable = false,
  autoFocusSearch = false,
  searchLabel = 'Search activities',
  defs,
}: ActivityListProps) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => searchActivities(query, defs), [query, defs]);
  const baseId = useId();

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter in the search box picks the best match: type "ema", Enter, done.
    if (e.key === 'Enter') {
      const first = bestMatch(query, groups);
      if (first) {
        e.preventDefault();
        onPick(first.type);
      }
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery('');
    }
  };

  const onDragStart = (e: DragEvent<HTMLButtonElement>, type: string) => {
    e.dataTransfer.setData(ACTIVITY_DRAG_TYPE, type);
    e.dataTransfer.setData('text/plain', type);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <div className="cv-activity-list">
      <div className="cv-search">
        <Search size={15} aria-hidden className="cv-search__icon" />
        <input
          type="search"
          className="cv-search__input"
          aria-label={searchLabel}
          placeholder="Search activities"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          autoFocus={autoFocusSearch}
        />
      </div>
      <div className="cv-activity-list__groups">
        {groups.length === 0 && <p className="cv-activity-list__empty">No activity matches “{query}”.</p>}
        {groups.map((group) => {
          const headingId = `${baseId}-${group.category}`;
          return (
            <section key={group.category} aria-labelledby={headingId} className="cv-activity-group">
              <h3 id={headingId} className="cv-activity-group__title">
                {categoryTitles[group.category]}
              </h3>
              <ul className="cv-activity-group__items">
                {group.defs.map((def) => {
                  const Icon = iconFor(def.meta.icon);
                  return (
                    <li key={def.type}>
                      <button
                        type="button"
                        className={`cv-activity-item cv-activity-item--${def.meta.category}`}
                        draggable={draggable}
                        onDragStart={draggable ? (e) => onDragStart(e, def.type) : undefined}
                        onClick={() => onPick(def.type)}
                        aria-label={def.meta.title}
                        aria-description={def.meta.description}
                        title={def.meta.description}
                      >
                        <span className="cv-activity-item__icon" aria-hidden>
                          <Icon size={16} />
                        </span>
                        <span className="cv-activity-item__text">
                          <span className="cv-activity-item__title">{def.meta.title}</span>
                          <span className="cv-activity-item__description">{def.meta.description}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
