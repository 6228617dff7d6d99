import { useRef, useState } from 'react';
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
import { useDataModelSync } from './useDataModelSync';
import { useDocumentSync } from './useDocumentSync';
import { useEditorCommands } from './useEditorCommands';
import { useEditorShortcuts } from './useEditorShortcuts';
import './canvas.css';

export interface CampaignEditorProps {
  /** The campaign to edit. A document with another id opens a fresh editor (new history). */
  doc: CampaignDoc;
  /** Called with the new document after every document edit, including undo and redo. */
  onChange: (doc: CampaignDoc) => void;
  /** Shows the campaign without letting anything change it (a shared link): no palette, no edits. */
  readOnly?: boolean;
}

/**
 * The campaign editor: palette, canvas with toolbar, inspector and problems panel. It fills its
 * parent and owns one editor store per campaign (keyed by the document id).
 */
export function CampaignEditor(props: CampaignEditorProps) {
  return <EditorForCampaign key={props.doc.id} {...props} />;
}

function EditorForCampaign({ doc, onChange, readOnly = false }: CampaignEditorProps) {
  const [store] = useState<EditorStore>(() => createEditorStore(doc, { readOnly }));
  useDocumentSync(store, doc, onChange);
  return (
    <EditorStoreProvider store={store}>
      <CountsProvider>
        <ReactFlowProvider>
          <EditorLayout readOnly={readOnly} />
        </ReactFlowProvider>
      </CountsProvider>
    </EditorStoreProvider>
  );
}

function EditorLayout({ readOnly }: { readOnly: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  const commands = useEditorCommands();
  useEditorShortcuts(root, commands);
  useDataModelSync();
  return (
    <div className={`cv-editor${readOnly ? ' cv-editor--read-only' : ''}`} ref={root}>
      {!readOnly && <Palette />}
      <section className="cv-main" aria-label="Canvas">
        {/* A bar above the canvas, never over it: neither tools nor the counts line hide a node. */}
        <div className="cv-canvas-bar">
          <CountsStatus />
          <EditorToolbar commands={commands} />
        </div>
        <div className="cv-canvas-area">
          <FlowCanvas />
          <EditorNotice />
        </div>
      </section>
      <SidePanel />
    </div>
  );
}
