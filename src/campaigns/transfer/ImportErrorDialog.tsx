import { Button } from 'react-aria-components';
import { FileWarning } from 'lucide-react';
import { Dialog } from '../../ui/Dialog';
import type { ImportFailure } from './useCampaignImport';
import './transfer.css';

/** How many problems are listed before "and N more": enough to fix a file, short enough to read. */
const MAX_LISTED = 50;

/** Explains why a file was refused, one line per path and problem. */
export function ImportErrorDialog({ failure, onClose }: { failure: ImportFailure | null; onClose: () => void }) {
  const listed = failure?.errors.slice(0, MAX_LISTED) ?? [];
  const hidden = (failure?.errors.length ?? 0) - listed.length;
  return (
    <Dialog
      title="This file could not be imported"
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
      <p>
        <strong className="cc-import-file">{failure?.fileName}</strong> is not a valid campaign file. Nothing was
        imported and no campaign was changed.
      </p>
      <p className="cc-import-count">
        {failure?.errors.length === 1 ? '1 problem' : `${failure?.errors.length ?? 0} problems`} found:
      </p>
      <ul className="cc-import-errors" aria-label="Problems in the file">
        {listed.map((e, i) => (
          <li key={`${e.path}-${i}`}>
            <code className="cc-import-path">{e.path}</code>
            <span className="cc-import-sep">: </span>
            <span>{e.message}</span>
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="cc-import-more">…and {hidden} more.</p>}
    </Dialog>
  );
}
