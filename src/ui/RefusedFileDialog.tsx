import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { FileWarning } from 'lucide-react';
import { Dialog } from './Dialog';
import './refused-file.css';

/**
 * The alert shown when files are refused (a campaign to import, data files): a warning icon, what
 * it means (`children`), how many problems were found, the first `maxListed` of them in a list
 * named `listLabel` (the rest counted), and OK. Campaign import and data import refuse files the
 * same way, so they share this and differ only in how one problem reads.
 */
export function RefusedFileDialog<P>({
  title,
  isOpen,
  onClose,
  children,
  problems,
  maxListed,
  listLabel,
  listClassName,
  renderProblem,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  problems: readonly P[];
  maxListed: number;
  listLabel: string;
  /** The list's own class, for how its lines are laid out. */
  listClassName: string;
  /** The content of one problem's line. */
  renderProblem: (problem: P) => ReactNode;
}) {
  const listed = problems.slice(0, maxListed);
  const hidden = problems.length - listed.length;
  return (
    <Dialog
      title={title}
      isOpen={isOpen}
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
      {children}
      <p className="cc-refused-count">{problems.length === 1 ? '1 problem' : `${problems.length} problems`} found:</p>
      <ul className={`cc-refused-list ${listClassName}`} aria-label={listLabel}>
        {listed.map((p, i) => (
          <li key={i}>{renderProblem(p)}</li>
        ))}
      </ul>
      {hidden > 0 && <p className="cc-refused-more">…and {hidden} more.</p>}
    </Dialog>
  );
}
