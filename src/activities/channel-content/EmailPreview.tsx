import type { EmailConfig } from '../email/definition';
import { escapeHtml, renderTokens, type TokenValue } from './tokens';

/** What the preview shows for the unsubscribe token: the platform writes each recipient's own address. */
const UNSUBSCRIBE_PREVIEW = 'https://unsubscribe.example/preview';

/**
 * The email's HTML document as the preview frame shows it: tokens filled with the record's values
 * (escaped, so a value can never add markup), behind a Content-Security-Policy that forbids every
 * script. The frame's empty sandbox is the guarantee; the policy is a second wall.
 */
export function emailPreviewDocument(body: string, valueOf: (path: string) => TokenValue): string {
  const html = renderTokens(body, (p) => (p === 'unsubscribe_url' ? UNSUBSCRIBE_PREVIEW : valueOf(p)), escapeHtml);
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"><style>body{margin:12px;font:14px/1.5 system-ui,sans-serif;color:#1d2130;overflow-wrap:anywhere}img{max-width:100%}</style></head><body>${html}</body></html>`;
}

/** Sender, subject and preheader as the inbox lists them, then the body in a frame that runs nothing. */
export function EmailPreview({ config, valueOf }: { config: EmailConfig; valueOf: (path: string) => TokenValue }) {
  const text = (s: string) => renderTokens(s, valueOf);
  return (
    <>
      <dl className="cc-envelope">
        <dt>From</dt>
        <dd>{text(config.sender)}</dd>
        {config.replyTo.trim() !== '' && (
          <>
            <dt>Reply-to</dt>
            <dd>{text(config.replyTo)}</dd>
          </>
        )}
        <dt>Subject</dt>
        <dd data-testid="email-preview-subject">{text(config.subject)}</dd>
        {config.preheader.trim() !== '' && (
          <>
            <dt>Preheader</dt>
            <dd>{text(config.preheader)}</dd>
          </>
        )}
      </dl>
      {/* sandbox="" allows nothing: no script, no form, no navigation of the app, no popup. */}
      <iframe className="cc-email-frame" title="Email body preview" sandbox="" referrerPolicy="no-referrer" srcDoc={emailPreviewDocument(config.body, valueOf)} />
    </>
  );
}
