import { Button } from 'react-aria-components';
import { Plus, Workflow } from 'lucide-react';
import { ImportButton } from '../transfer/ImportButton';

/** First visit: what the app is for and the ways to start (templates are offered right below). */
export function ListEmptyState({
  onCreate,
  onImport,
  isBusy,
}: {
  onCreate: () => void;
  onImport: (files: FileList | null) => void;
  isBusy?: boolean;
}) {
  return (
    <section className="cc-empty" aria-labelledby="cc-empty-heading">
      <span className="cc-empty-icon">
        <Workflow size={32} aria-hidden />
      </span>
      <h2 id="cc-empty-heading" className="cc-empty-title">
        Create your first campaign
      </h2>
      <p className="cc-empty-text">
        Build audiences, split and combine them, and send email, SMS, push or direct mail, with a count on every step.
        Start from scratch, from a template below, or import a campaign file.
      </p>
      <div className="cc-empty-actions">
        <Button className="cc-button cc-button-primary" onPress={onCreate} isDisabled={isBusy}>
          <Plus size={16} aria-hidden /> New campaign
        </Button>
        <ImportButton onSelect={onImport} isDisabled={isBusy} />
      </div>
    </section>
  );
}
