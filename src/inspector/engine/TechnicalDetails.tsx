/**
 * The engine's own message, folded away under "Technical details" when what is shown rewords it:
 * a marketer reads the sentence above it, whoever reports a problem can still copy the original.
 */
export function TechnicalDetails({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <details className="insp-engine__details">
      <summary>Technical details</summary>
      <pre aria-label="Message from the engine">{text}</pre>
    </details>
  );
}
