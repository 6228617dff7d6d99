import { Button } from 'react-aria-components';
import { FileWarning } from 'lucide-react';
import { Dialog } from '../ui/Dialog';
import { problemPlace } from './import-files';
import type { DataLoadFailure } from './useDataImport';

/** Enough problems to fix the files, few enough to read; the rest are counted. */
const MAX_LISTED = 100;

/**
 * Lists why an import was refused, one problem per line with its file, line and column, and says
 * plainly that the data in use was kept.
 */
export function ImportProblemsDialog({ failure, onClose }: { failure: DataLoadFailure | null; onClose: () => void }) {
  const problems = failure?.problems ?? [];
  const listed = problems.slice(0, MAX_LISTED);
  const hidden = problems.length - listed.length;
  return (
    <Dialog
      title={failure?.title ?? ''}
      isOpen={failure !== null}
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      size="large"
      icon={<FileWarning size={20} aria-hidden className="cc-dialog-icon-danger" />}
      footer={(close) => (
        <Button className="cc-button cc-button-primary" onPress={close} autoFocus>
          OK
        </Button>
      )}
    >
      <p>Nothing was changed: the data in use before is still loaded, and campaign counts still use it.</p>
      <p className="dx-problems-count">{problems.length === 1 ? '1 problem' : `${problems.length} problems`} found:</p>
      <ul className="dx-problems" aria-label="Problems">
        {listed.map((p, i) => (
          <li key={i}>
            <span className="dx-problem-place">{problemPlace(p)}</span>
            <span className="dx-problem-message">{p.message}</span>
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="dx-problems-more">…and {hidden} more.</p>}
    </Dialog>
  );
}
