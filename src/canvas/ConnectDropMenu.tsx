import { useRef, type SyntheticEvent } from 'react';
import { Dialog, Popover } from 'react-aria-components';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { ActivityList } from './palette/ActivityList';
import { followingActivities } from './palette/palette-search';

const stop = (e: SyntheticEvent) => e.stopPropagation();

/**
 * Dropping a connection on empty canvas opens this menu where it was dropped: the chosen activity
 * is created there, already connected (one undo step). Escape or a click elsewhere cancels.
 */
export function ConnectDropMenu() {
  const store = useEditorStoreApi();
  const pending = useEditorStore((s) => s.pendingConnection);
  const anchor = useRef<HTMLSpanElement>(null);
  const close = () => store.getState().setPendingConnection(null);

  return (
    <>
      <span
        ref={anchor}
        aria-hidden
        className="cv-connect-anchor"
        style={pending ? { left: pending.screen.x, top: pending.screen.y } : undefined}
      />
      {pending && (
        <Popover
          triggerRef={anchor}
          isOpen
          onOpenChange={(open) => !open && close()}
          className="cv-popover"
          placement="bottom start"
          offset={4}
        >
          <Dialog className="cv-insert-dialog" aria-label="Add a connected activity">
            <div onPointerDown={stop} onClick={stop}>
              <ActivityList
                autoFocusSearch
                defs={followingActivities}
                onPick={(type) => {
                  store.getState().addActivityFrom(type, pending.at, pending.source);
                  close();
                }}
              />
            </div>
          </Dialog>
        </Popover>
      )}
    </>
  );
}
