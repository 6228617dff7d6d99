import { RefusedFileDialog } from '../ui/RefusedFileDialog';
import { problemPlace } from './import-files';
import type { DataLoadFailure } from './useDataImport';

/** Enough problems to fix the files, few enough to read; the rest are counted. */
const MAX_LISTED = 100;

/**
 * Lists why an import was refused, one problem per line with its file, line and column, and says
 * plainly that the data in use was kept.
 */
export function ImportProblemsDialog({ failure, onClose }: { failure: DataLoadFailure | null; onClose: () => void }) {
  return (
    <RefusedFileDialog
      title={failure?.title ?? ''}
      isOpen={failure !== null}
      onClose={onClose}
      problems={failure?.problems ?? []}
      maxListed={MAX_LISTED}
      listLabel="Problems"
      listClassName="dx-problems"
      renderProblem={(p) => (
        <>
          <span className="dx-problem-place">{problemPlace(p)}</span>
          <span className="dx-problem-message">{p.message}</span>
        </>
      )}
    >
      <p>Nothing was changed: the data in use before is still loaded, and campaign counts still use it.</p>
    </RefusedFileDialog>
  );
}
