import { Separator, ToggleButton, ToggleButtonGroup, Toolbar } from 'react-aria-components';
import {
  ArrowDown,
  ArrowRight,
  ClipboardPaste,
  Copy,
  CopyPlus,
  Maximize,
  Network,
  Power,
  PowerOff,
  Redo2,
  Scan,
  Scissors,
  Trash2,
  Undo2,
  ZoomIn,
  ZoomOut,
} from 'lucide-react';
import { IconButton } from '../../ui/IconButton';
import { useEditorStore, useHistory } from '../../store/useEditorStore';
import type { EditorCommands } from '../useEditorCommands';
import './toolbar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** The editor toolbar: history, clipboard, enable/disable, layout and zoom. */
export function EditorToolbar({ commands }: { commands: EditorCommands }) {
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const selectedActivities = useEditorStore(
    (s) => s.selection.activityIds.filter((id) => s.doc.activities.some((a) => a.id === id)).length,
  );
  const selectedTransitions = useEditorStore((s) => s.selection.transitionIds.length);
  const allDisabled = useEditorStore((s) => {
    const selected = s.doc.activities.filter((a) => s.selection.activityIds.includes(a.id));
    return selected.length > 0 && selected.every((a) => a.disabled);
  });
  const orientation = useEditorStore((s) => s.doc.settings.orientation);
  const hasActivities = useEditorStore((s) => s.doc.activities.length > 0);
  const none = selectedActivities === 0;
  const readOnly = useEditorStore((s) => s.readOnly);
  // A published version: the edit tools stay in view, disabled (the reason is in the banner above
  // and in the side panels); their shortcuts are refused by the store with the same reason.
  const locked = useEditorStore((s) => s.lockReason !== null);
  const zoom = (
    <div className="cv-toolbar__zoom">
      {!readOnly && <Separator orientation="vertical" className="cv-toolbar__sep" />}
      <IconButton label="Zoom in" onPress={commands.zoomIn}>
        <ZoomIn size={17} />
      </IconButton>
      <IconButton label="Zoom out" onPress={commands.zoomOut}>
        <ZoomOut size={17} />
      </IconButton>
      <IconButton label="Zoom to 100%" onPress={commands.zoomToActualSize}>
        <Scan size={17} />
      </IconButton>
      <IconButton label="Fit view" onPress={commands.fitView}>
        <Maximize size={17} />
      </IconButton>
    </div>
  );
  // A read-only campaign can only be looked at: its toolbar keeps the view tools.
  if (readOnly)
    return (
      <Toolbar className="cv-toolbar" aria-label="Editor tools">
        {zoom}
      </Toolbar>
    );

  return (
    <Toolbar className="cv-toolbar" aria-label="Editor tools">
      <IconButton label="Undo" shortcut={`${mod}Z`} onPress={commands.undo} isDisabled={locked || !canUndo}>
        <Undo2 size={17} />
      </IconButton>
      <IconButton label="Redo" shortcut={`${mod}Shift+Z`} onPress={commands.redo} isDisabled={locked || !canRedo}>
        <Redo2 size={17} />
      </IconButton>
      <Separator orientation="vertical" className="cv-toolbar__sep" />
      <IconButton label="Copy" shortcut={`${mod}C`} onPress={() => void commands.copy()} isDisabled={none}>
        <Copy size={17} />
      </IconButton>
      <IconButton label="Cut" shortcut={`${mod}X`} onPress={() => void commands.cut()} isDisabled={locked || none}>
        <Scissors size={17} />
      </IconButton>
      <IconButton label="Paste" shortcut={`${mod}V`} onPress={() => void commands.paste()} isDisabled={locked}>
        <ClipboardPaste size={17} />
      </IconButton>
      <IconButton label="Duplicate" shortcut={`${mod}D`} onPress={commands.duplicate} isDisabled={locked || none}>
        <CopyPlus size={17} />
      </IconButton>
      <IconButton
        label={allDisabled ? 'Enable' : 'Disable'}
        onPress={commands.toggleDisabled}
        isDisabled={locked || none}
      >
        {allDisabled ? <Power size={17} /> : <PowerOff size={17} />}
      </IconButton>
      <IconButton
        label="Delete"
        shortcut="Delete"
        onPress={commands.remove}
        isDisabled={locked || (none && selectedTransitions === 0)}
      >
        <Trash2 size={17} />
      </IconButton>
      <Separator orientation="vertical" className="cv-toolbar__sep" />
      <IconButton label="Tidy up" onPress={() => void commands.tidyUp()} isDisabled={locked || !hasActivities}>
        <Network size={17} />
      </IconButton>
      <ToggleButtonGroup
        className="cv-toolbar__toggle"
        aria-label="Orientation"
        selectionMode="single"
        disallowEmptySelection
        isDisabled={locked}
        selectedKeys={[orientation]}
        onSelectionChange={(keys) => {
          const next = [...keys][0];
          if (next === 'horizontal' || next === 'vertical') void commands.setOrientation(next);
        }}
      >
        <ToggleButton id="horizontal" className="cv-toolbar__toggle-button" aria-label="Horizontal">
          <ArrowRight size={16} aria-hidden />
        </ToggleButton>
        <ToggleButton id="vertical" className="cv-toolbar__toggle-button" aria-label="Vertical">
          <ArrowDown size={16} aria-hidden />
        </ToggleButton>
      </ToggleButtonGroup>
      {/* The only zoom controls: the canvas has no second set in a corner. */}
      {zoom}
    </Toolbar>
  );
}
