import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { copyFragment, parseFragment, serializeFragment, type CampaignFragment } from '../domain/clipboard';
import type { CampaignDoc, Position } from '../domain/campaign';
import { NODE_BOX } from '../store/node-size';
import type { EditorStore } from '../store/editor-store';
import { useEditorStoreApi } from '../store/useEditorStore';
import { readClipboardText, rememberCopied, writeClipboardText } from './clipboard-bridge';
import { FIT_VIEW } from './fit-view';
import { computeTidyLayout } from './layout/tidy-up';
import { useViewportCentre } from './useViewportCentre';

/**
 * Every editor command in one place. The toolbar buttons and the keyboard shortcuts both call
 * these, so a button and its shortcut can never behave differently.
 */
export function useEditorCommands() {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const centre = useViewportCentre();

  return useMemo(() => {
    const s = () => store.getState();
    const history = () => store.temporal.getState();

    const copyText = (): string | null => {
      const fragment = copyFragment(s().doc, s().selection.activityIds);
      return fragment ? serializeFragment(fragment) : null;
    };

    const pasteText = (text: string | null) => {
      const fragment = text ? parseFragment(text) : null;
      if (!fragment) {
        s().notify('The clipboard holds no campaign activities to paste.');
        return;
      }
      s().pasteFragment(fragment, pastePosition(fragment, centre()));
    };

    const sizeOf = (id: string) => s().measured[id] ?? NODE_BOX;

    const tidyUp = async (orientation?: CampaignDoc['settings']['orientation']) => {
      const current = s().doc;
      const doc = orientation ? { ...current, settings: { ...current.settings, orientation } } : current;
      const positions = await computeTidyLayout(doc, sizeOf);
      // The document may have changed while ELK worked; a stale layout would undo that edit.
      if (s().doc !== current) return;
      if (orientation) s().setOrientation(orientation, positions);
      else s().moveActivities(positions);
      requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 250 }));
    };

    return {
      undo: () => history().undo(),
      redo: () => history().redo(),
      remove: () => s().removeSelection(),
      duplicate: () => s().duplicateSelection(),
      selectAll: () => s().setSelection({ activityIds: s().doc.activities.map((a) => a.id), transitionIds: [] }),
      clearSelection: () => s().clearSelection(),
      /** Text for a native copy event (keyboard), remembered for the in-tab fallback. */
      copyToEvent: (): string | null => {
        const text = copyText();
        if (text) rememberCopied(text);
        return text;
      },
      copy: async () => {
        const text = copyText();
        if (!text) return;
        await writeClipboardText(text);
        s().notify(copiedMessage(store));
      },
      cut: async () => {
        const text = copyText();
        if (!text) return;
        await writeClipboardText(text);
        s().removeSelection();
      },
      paste: async () => pasteText(await readClipboardText()),
      pasteText,
      toggleDisabled: () => {
        const { doc, selection } = s();
        const selected = doc.activities.filter((a) => selection.activityIds.includes(a.id));
        if (selected.length === 0) return;
        s().setDisabled(
          selected.map((a) => a.id),
          !selected.every((a) => a.disabled),
        );
      },
      tidyUp: () => tidyUp(),
      setOrientation: (orientation: CampaignDoc['settings']['orientation']) => {
        if (s().doc.settings.orientation === orientation) return;
        return tidyUp(orientation);
      },
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      zoomToActualSize: () => void flow.zoomTo(1, { duration: 150 }),
      fitView: () => void flow.fitView({ ...FIT_VIEW, duration: 250 }),
    };
  }, [store, flow, centre]);
}

export type EditorCommands = ReturnType<typeof useEditorCommands>;

/** Top-left corner that centres a pasted fragment on the given spot. */
function pastePosition(fragment: CampaignFragment, centre: Position): Position {
  const xs = fragment.activities.map((a) => a.position.x);
  const ys = fragment.activities.map((a) => a.position.y);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  return { x: Math.round(centre.x - width / 2), y: Math.round(centre.y - height / 2) };
}

function copiedMessage(store: EditorStore): string {
  const n = store.getState().selection.activityIds.length;
  return `Copied ${n} ${n === 1 ? 'activity' : 'activities'}.`;
}
