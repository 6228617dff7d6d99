import type { ReactNode } from 'react';
import { Button, Tooltip, TooltipTrigger } from 'react-aria-components';
import './icon-button.css';

export interface IconButtonProps {
  /** Accessible name and tooltip text, e.g. "Undo". */
  label: string;
  /** Shown after the label in the tooltip, e.g. "Ctrl+Z"; also announced as aria-keyshortcuts. */
  shortcut?: string;
  onPress: () => void;
  isDisabled?: boolean;
  /** Pressed state, for toggles. */
  isPressed?: boolean;
  children: ReactNode;
}

/** A square toolbar button showing an icon, named for assistive technology, with a tooltip. */
export function IconButton({ label, shortcut, onPress, isDisabled, isPressed, children }: IconButtonProps) {
  return (
    <TooltipTrigger delay={500} closeDelay={0}>
      <Button
        className="ui-icon-button"
        aria-label={label}
        aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
        aria-pressed={isPressed}
        onPress={onPress}
        isDisabled={isDisabled}
      >
        {children}
      </Button>
      <Tooltip className="ui-tooltip" offset={6}>
        {label}
        {shortcut && <kbd className="ui-tooltip__kbd">{shortcut}</kbd>}
      </Tooltip>
    </TooltipTrigger>
  );
}

/** "Ctrl+Shift+Z" -> "Control+Shift+Z" as aria-keyshortcuts spells it. */
function ariaShortcut(shortcut: string): string {
  return shortcut.replace(/Ctrl/g, 'Control').replace(/⌘/g, 'Meta');
}
