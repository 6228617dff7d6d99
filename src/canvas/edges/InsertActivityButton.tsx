import { memo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Dialog, Popover } from 'react-aria-components';
import { useEditorStoreApi } from '../../store/useEditorStore';
import { ActivityList } from '../palette/ActivityList';
import { insertableActivities } from '../palette/palette-search';

const stop = (e: SyntheticEvent) => e.stopPropagation();
// Escape must still reach the popover, which closes on it.
const stopKeys = (e: KeyboardEvent) => {
  if (e.key !== 'Escape') e.stopPropagation();
};

/**
 * The "+" on a transition: opens a searchable activity menu and inserts the chosen activity on the
 * transition. The menu lives in a portal, but React still bubbles its events to the edge, so they
 * are stopped here to keep typing and clicking in the menu from selecting the edge. Memoised: the
 * edge around it draws again on every move of a drag that moves one of its ends.
 */
export const InsertActivityButton = memo(function InsertActivityButton({
  transitionId,
}: {
  transitionId: string;
}) {
  const store = useEditorStoreApi();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="cv-edge-insert"
        aria-label="Insert an activity here"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-pressed={open || undefined}
        onClick={() => setOpen(true)}
      >
        <span className="cv-edge-insert__plus" aria-hidden />
      </button>
      {open && (
        <Popover
          className="cv-popover"
          placement="bottom"
          offset={6}
          triggerRef={button}
          isOpen
          onOpenChange={setOpen}
        >
          <Dialog className="cv-insert-dialog" aria-label="Insert an activity">
            {({ close }) => (
              <div onClick={stop} onPointerDown={stop} onKeyDown={stopKeys} onDoubleClick={stop}>
                <ActivityList
                  autoFocusSearch
                  defs={insertableActivities}
                  onPick={(type) => {
                    store.getState().insertActivityOnTransition(type, transitionId, { x: 0, y: 0 });
                    close();
                  }}
                />
              </div>
            )}
          </Dialog>
        </Popover>
      )}
    </>
  );
});
