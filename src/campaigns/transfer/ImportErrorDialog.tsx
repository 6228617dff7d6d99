import { RefusedFileDialog } from '../../ui/RefusedFileDialog';
import type { ImportFailure } from './useCampaignImport';
import './transfer.css';

/** How many problems are listed before "and N more": enough to fix a file, short enough to read. */
const MAX_LISTED = 50;

/** Explains why a file was refused, one line per path and problem. */
export function ImportErrorDialog({ failure, onClose }: { failure: ImportFailure | null; onClose: () => void }) {
  return (
    <RefusedFileDialog
      title="This file could not be imported"
      isOpen={failure !== null}
      onClose={onClose}
      problems={failure?.errors ?? []}
      maxListed={MAX_LISTED}
      listLabel="Problems in the file"
      listClassName="cc-import-errors"
      renderProblem={(e) => (
        <>
          <code className="cc-import-path">{e.path}</code>
          <span className="cc-import-sep">: </span>
          <span>{e.message}</span>
        </>
      )}
    >
      <p>
        <strong className="cc-import-file">{failure?.fileName}</strong> is not a valid campaign file. Nothing was
        imported and no campaign was changed.
      </p>
    </RefusedFileDialog>
  );
}
