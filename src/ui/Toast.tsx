import {
  Button,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as AriaToastRegion,
} from 'react-aria-components';
import { CheckCircle2, Info, X, XCircle } from 'lucide-react';
import './toast.css';

/** What a toast says. */
export interface ToastMessage {
  title: string;
  description?: string;
  tone?: 'info' | 'success' | 'error';
}

/** The app's one toast queue; render <ToastRegion /> once near the root. */
export const toastQueue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 });

/**
 * Shows a toast. Success and info toasts close by themselves after `timeout` ms (5 s by default);
 * error toasts stay until dismissed, since they may need reading twice. Returns the toast's key.
 */
export function showToast(message: ToastMessage, options: { timeout?: number } = {}): string {
  const timeout = options.timeout ?? (message.tone === 'error' ? undefined : 5000);
  return toastQueue.add(message, timeout === undefined ? {} : { timeout });
}

const icons = { info: Info, success: CheckCircle2, error: XCircle } as const;

/** The landmark region where toasts appear (bottom right), announced to screen readers. */
export function ToastRegion() {
  return (
    <AriaToastRegion queue={toastQueue} className="cc-toast-region" aria-label="Notifications">
      {({ toast }) => {
        const tone = toast.content.tone ?? 'info';
        const Icon = icons[tone];
        return (
          <AriaToast toast={toast} className={`cc-toast cc-toast-${tone}`}>
            <Icon size={18} aria-hidden className="cc-toast-icon" />
            <ToastContent className="cc-toast-content">
              <Text slot="title" className="cc-toast-title">
                {toast.content.title}
              </Text>
              {toast.content.description && (
                <Text slot="description" className="cc-toast-description">
                  {toast.content.description}
                </Text>
              )}
            </ToastContent>
            <Button slot="close" className="cc-toast-close" aria-label="Dismiss">
              <X size={16} aria-hidden />
            </Button>
          </AriaToast>
        );
      }}
    </AriaToastRegion>
  );
}
