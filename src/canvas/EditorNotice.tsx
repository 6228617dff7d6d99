import { useEffect } from 'react';
import { CircleAlert, Info, X } from 'lucide-react';
import { useEditorStore } from '../store/useEditorStore';

/**
 * The editor's message line at the bottom of the canvas: why a connection was refused, what was
 * pasted. The live region is always present so that screen readers announce every message;
 * refusals are alerts. Messages fade after a while; errors stay longer.
 */
export function EditorNotice() {
  const notice = useEditorStore((s) => s.notice);
  const dismiss = useEditorStore((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, notice.tone === 'error' ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div className="cv-notice-region" role="status" aria-live="polite" aria-label="Editor messages">
      {notice && (
        <div key={notice.id} className={`cv-notice cv-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined}>
          {notice.tone === 'error' ? <CircleAlert size={16} aria-hidden /> : <Info size={16} aria-hidden />}
          <span className="cv-notice__text">{notice.message}</span>
          <button type="button" className="cv-notice__close" aria-label="Dismiss message" onClick={dismiss}>
            <X size={14} aria-hidden />
          </button>
        </div>
      )}
    </div>
  );
}
