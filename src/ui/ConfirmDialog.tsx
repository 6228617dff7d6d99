import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { AlertTriangle } from 'lucide-react';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** What will happen, in words a person can weigh. */
  children: ReactNode;
  /** Label of the confirming button, a verb: "Delete", "Replace". */
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button and a warning icon, for actions that cannot be undone. */
  destructive?: boolean;
  /** Runs on confirm; the dialog closes when it resolves and stays open (re-enabled) if it throws. */
  onConfirm: () => void | Promise<void>;
}

/**
 * An `alertdialog` asking to confirm one action. Focus starts on Cancel so that Enter never
 * confirms a destructive action by accident.
 */
export function ConfirmDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive = false,
  onConfirm,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const confirm = async (close: () => void) => {
    setBusy(true);
    try {
      await onConfirm();
      close();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      role="alertdialog"
      size="small"
      icon={destructive ? <AlertTriangle size={20} aria-hidden className="cc-dialog-icon-danger" /> : undefined}
      footer={(close) => (
        <>
          <Button className="cc-button" onPress={close} autoFocus>
            {cancelLabel}
          </Button>
          <Button
            className={destructive ? 'cc-button cc-button-danger' : 'cc-button cc-button-primary'}
            onPress={() => void confirm(close)}
            isDisabled={busy}
          >
            {confirmLabel}
          </Button>
        </>
      )}
    >
      {children}
    </Dialog>
  );
}
