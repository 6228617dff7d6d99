import { useLayoutEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { CampaignDoc } from '../domain/campaign';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { SidePanel } from '../inspector/SidePanel';
import { CountsProvider } from './counts/CountsProvider';
import { CountsStatus } from './counts/CountsStatus';
import { EditorNotice } from './EditorNotice';
import { FlowCanvas } from './FlowCanvas';
import { Palette } from './palette/Palette';
import { EditorToolbar } from './toolbar/EditorToolbar';
import { SimulateControl } from '../simulation/SimulateControl';
import { TraceButton } from '../trace/TraceButton';
import { TraceSync } from '../trace/TraceSync';
import { TestModePanel } from '../test-mode/TestModePanel';
import { useDataModelSync } from './useDataModelSync';
import { useEditorStore } from '../store/useEditorStore';
import { useDocumentSync } from './useDocumentSync';
import { useEditorCommands } from './useEditorCommands';
import { useEditorShortcuts } from './useEditorShortcuts';
import './canvas.css';

export interface CampaignEditorProps {
  /** The campaign to edit. A document with another id opens a fresh editor (new history). */
  doc: CampaignDoc;
  /** Called with the new document after every document edit, including undo and redo. */
  onChange: (doc: CampaignDoc) => void;
  /**
   * Shows the campaign without letting it be edited while another tab edits it: the canvas can be
   * panned and zoomed, nothing can be selected, moved or connected; palette, toolbar and side
   * panel are inert, and the editor's shortcuts do nothing. The document still follows the other tab.
   */
  readOnly?: boolean;
  /** A campaign opened from a link: its store refuses every edit for good, and there is no palette. */
  shared?: boolean;
  /**
   * A published version (docs/lifecycle.md): why it cannot be edited. The store refuses every
   * document change (undo, paste and imports included) with this reason, and every edit control
   * is disabled with it in view; null unlocks (a new draft).
   */
  lockReason?: string | null;
}

/**
 * The campaign editor: palette, canvas with toolbar, inspector and problems panel. It fills its
 * parent and owns one editor store per campaign (keyed by the document id).
 */
export function CampaignEditor(props: CampaignEditorProps) {
  return <EditorForCampaign key={props.doc.id} {...props} />;
}

function EditorForCampaign({ doc, onChange, readOnly = false, shared = false, lockReason = null }: CampaignEditorProps) {
  const [store] = useState<EditorStore>(() => createEditorStore(doc, { readOnly: shared, lockReason }));
  // Before the document sync below: a new draft unlocks before anything is applied to it.
  useLayoutEffect(() => store.getState().setLockReason(lockReason), [store, lockReason]);
  useDocumentSync(store, doc, onChange);
  return (
    <EditorStoreProvider store={store}>
      <CountsProvider>
        <ReactFlowProvider>
          <EditorLayout readOnly={readOnly} shared={shared} />
        </ReactFlowProvider>
      </CountsProvider>
    </EditorStoreProvider>
  );
}

function EditorLayout({ readOnly, shared }: { readOnly: boolean; shared: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  const commands = useEditorCommands();
  useEditorShortcuts(root, commands);
  useDataModelSync();
  const locked = useEditorStore((s) => s.lockReason);
  return (
    <div className={`cv-editor${shared ? ' cv-editor--read-only' : ''}`} ref={root} data-read-only={readOnly || undefined} data-locked={locked !== null || undefined}>
      {!shared && (
        <div className="cv-contents" inert={readOnly}>
          <Palette lockReason={locked} />
        </div>
      )}
      <section className="cv-main" aria-label="Canvas">
        {/* A bar above the canvas, never over it: neither tools nor the counts line hide a node. */}
        <div className="cv-canvas-bar">
          <CountsStatus />
          <SimulateControl />
          <TraceButton />
          <div className="cv-contents" inert={readOnly}>
            <EditorToolbar commands={commands} />
          </div>
        </div>
        <div className="cv-canvas-area">
          <FlowCanvas readOnly={readOnly} />
          <EditorNotice />
          <TraceSync />
          <TestModePanel />
        </div>
      </section>
      <div className="cv-contents" inert={readOnly}>
        <SidePanel lockReason={locked} />
      </div>
    </div>
  );
}
