import { useEffect, type RefObject } from 'react';
import type { EditorCommands } from './useEditorCommands';

/** True when the keyboard is typing into something: shortcuts must leave it alone. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('[role="dialog"], [role="menu"], [role="listbox"]')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/**
 * Keyboard shortcuts of the editor, active while focus is in the editor (or nowhere in particular):
 * undo Ctrl/Cmd+Z, redo Ctrl/Cmd+Shift+Z or Ctrl+Y, delete Delete/Backspace, duplicate Ctrl/Cmd+D,
 * select all Ctrl/Cmd+A, Escape clears the selection. Copy, cut and paste use the browser's own
 * clipboard events, which carry the system clipboard across tabs without asking for permission.
 */
export function useEditorShortcuts(root: RefObject<HTMLElement | null>, commands: EditorCommands) {
  useEffect(() => {
    const inScope = (target: EventTarget | null) =>
      target === document.body || (target instanceof Node && (root.current?.contains(target) ?? false));
    // A read-only editor (another tab edits the campaign) takes no shortcut.
    const active = (e: Event) =>
      !root.current?.hasAttribute('data-read-only') && inScope(e.target) && !isTyping(e.target);

    const onKeyDown = (e: KeyboardEvent) => {
      if (!active(e) || e.altKey) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z') {
        if (e.shiftKey) commands.redo();
        else commands.undo();
      } else if (mod && key === 'y') commands.redo();
      else if (mod && key === 'd') commands.duplicate();
      else if (mod && key === 'a') commands.selectAll();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) commands.remove();
      else if (!mod && e.key === 'Escape') commands.clearSelection();
      else handled = false;
      if (handled) e.preventDefault();
    };

    const onCopy = (e: ClipboardEvent) => {
      if (!active(e)) return;
      const text = commands.copyToEvent();
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut') commands.remove();
    };

    const onPaste = (e: ClipboardEvent) => {
      if (!active(e)) return;
      const text = e.clipboardData?.getData('text/plain') ?? null;
      e.preventDefault();
      commands.pasteText(text);
    };

    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [root, commands]);
}
