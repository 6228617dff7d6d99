import { useEffect, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { CircleAlert, Send } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import type { DataModel } from '../domain/data-model';
import { problemsOf } from '../store/selectors';
import { useDataset } from '../queries/useDataset';
import { Dialog } from '../ui/Dialog';
import { requestProblemsPanel } from './problems-request';
import type { LifecycleOutcome } from './useEditorLifecycle';

/**
 * Publishing (docs/lifecycle.md#versions): validation first. While the campaign has an error the
 * dialog refuses, says how many, and the Problems panel opens on them; otherwise an optional note
 * and Publish freeze the draft as the next version.
 */
export function PublishDialog({
  isOpen,
  onOpenChange,
  doc,
  nextNumber,
  onPublish,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  doc: CampaignDoc;
  nextNumber: number;
  onPublish: (note: string, model: DataModel | null) => Promise<LifecycleOutcome>;
}) {
  const model = useDataset().data?.model ?? null;
  const errors = problemsOf(doc, model).all.filter((p) => p.severity === 'error').length;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!isOpen) return;
    setNote('');
    setFailure(null);
  }, [isOpen]);
  // Refused: the Problems panel opens on the errors behind the dialog.
  useEffect(() => {
    if (isOpen && errors > 0) requestProblemsPanel();
  }, [isOpen, errors]);

  const refused = errors > 0;
  return (
    <Dialog
      title={refused ? 'This campaign cannot be published yet' : `Publish version ${nextNumber}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      role={refused ? 'alertdialog' : 'dialog'}
      icon={refused ? <CircleAlert size={20} className="lc-icon-error" /> : <Send size={18} />}
      footer={(close) =>
        refused ? (
          <Button
            className="cc-button cc-button-primary"
            onPress={() => {
              close();
              // After the dialog gave the focus back: the panel takes it.
              setTimeout(requestProblemsPanel, 0);
            }}
          >
            Show the problems
          </Button>
        ) : (
          <>
            <Button className="cc-button" onPress={close}>
              Cancel
            </Button>
            <Button
              className="cc-button cc-button-primary"
              isDisabled={busy}
              onPress={async () => {
                setBusy(true);
                try {
                  const outcome = await onPublish(note, model);
                  if (outcome.ok) close();
                  else setFailure(outcome.reason);
                } catch (e) {
                  setFailure(`The version could not be saved: ${e instanceof Error ? e.message : String(e)}`);
                } finally {
                  setBusy(false);
                }
              }}
            >
              Publish
            </Button>
          </>
        )
      }
    >
      {refused ? (
        <div className="lc-publish-refused">
          <p>
            The campaign has {errors} {errors === 1 ? 'error' : 'errors'}. Correct {errors === 1 ? 'it' : 'them'} before
            publishing: the Problems panel, opened beside the canvas, lists {errors === 1 ? 'it' : 'them'}.
          </p>
          <p className="lc-muted">Warnings do not stop publishing.</p>
        </div>
      ) : (
        <div className="lc-publish-form">
          <p>
            Version {nextNumber} will be frozen as it is now and opened read-only. To change it later, edit it as a new
            draft{doc.settings.schedule !== undefined ? '; the campaign becomes Scheduled.' : '; the campaign goes Live.'}
          </p>
          <TextField className="lc-field" value={note} onChange={setNote} maxLength={500}>
            <Label className="lc-field-label">Note (optional)</Label>
            <Input className="lc-input" placeholder="What changed in this version" />
          </TextField>
          {failure && (
            <p className="lc-error" role="alert">
              {failure}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
