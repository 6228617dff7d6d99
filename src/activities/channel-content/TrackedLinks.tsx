import { emailLinks } from './email-links';

/** The links of an email body, as the tracking service will see them. */
export function TrackedLinks({ body }: { body: string }) {
  const links = emailLinks(body);
  const tracked = links.filter((l) => l.tracked);
  return (
    <section className="insp-field" aria-label="Tracked links">
      <span className="insp-field__label">Tracked links ({tracked.length})</span>
      {links.length === 0 ? (
        <p className="ff-hint">No link in the body. Every &lt;a href&gt; to an http(s) address is tracked; a marketing email needs an unsubscribe link.</p>
      ) : (
        <ul className="cc-links">
          {links.map((l, i) => (
            <li key={`${l.href}-${i}`}>
              {l.unsubscribe ? <span className="cc-badge">Unsubscribe</span> : !l.tracked && <span className="cc-badge">Not tracked</span>}
              <span>{l.text || '(no text)'}</span>
              <code>{l.href}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
