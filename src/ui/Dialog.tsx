import type { ReactNode } from 'react';
import { Button, Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { X } from 'lucide-react';
import './dialog.css';

export interface DialogProps {
  /** Heading of the dialog; also its accessible name. */
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** Body. A function receives `close` for buttons inside the body. */
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Buttons at the bottom right, e.g. Cancel and a primary action. */
  footer?: ReactNode | ((close: () => void) => ReactNode);
  /** `alertdialog` for errors and confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog';
  /** Close on a click outside. Off by default for alerts. */
  isDismissable?: boolean;
  /** Width preset. */
  size?: 'small' | 'medium' | 'large';
  /** Icon shown before the title, e.g. a warning sign. */
  icon?: ReactNode;
}

/**
 * A modal dialog: focus is trapped and restored, Escape closes, the page behind is inert.
 * Controlled by `isOpen` / `onOpenChange`.
 */
export function Dialog({
  title,
  isOpen,
  onOpenChange,
  children,
  footer,
  role = 'dialog',
  isDismissable = role === 'dialog',
  size = 'medium',
  icon,
}: DialogProps) {
  return (
    <ModalOverlay className="cc-dialog-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable}>
      <Modal className={`cc-dialog-modal cc-dialog-${size}`}>
        <AriaDialog className="cc-dialog" role={role}>
          {({ close }) => (
            <>
              <div className="cc-dialog-header">
                {icon && <span className="cc-dialog-icon">{icon}</span>}
                <Heading slot="title" className="cc-dialog-title">
                  {title}
                </Heading>
                <Button className="cc-dialog-close" aria-label="Close" onPress={close}>
                  <X size={18} aria-hidden />
                </Button>
              </div>
              <div className="cc-dialog-body">{typeof children === 'function' ? children(close) : children}</div>
              {footer && <div className="cc-dialog-footer">{typeof footer === 'function' ? footer(close) : footer}</div>}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * The footer of a dialog that asks for something: Cancel, then the primary button that does it.
 * `onAction` receives `close`, so that it closes the dialog once done (or keeps it open on failure).
 */
export function CancelAndAction({ close, label, isDisabled, onAction }: { close: () => void; label: ReactNode; isDisabled?: boolean; onAction: (close: () => void) => void }) {
  return (
    <>
      <Button className="cc-button" onPress={close}>
        Cancel
      </Button>
      <Button className="cc-button cc-button-primary" isDisabled={isDisabled ?? false} onPress={() => onAction(close)}>
        {label}
      </Button>
    </>
  );
}
