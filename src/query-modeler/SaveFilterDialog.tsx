import { useId, useState } from 'react';
import type { ConditionGroup } from '../domain/rule';
import { CancelAndAction, Dialog } from '../ui/Dialog';
import { showToast } from '../ui/Toast';
import { useSavedFilters } from './useSavedFilters';

/** "Save as filter": names the rule and keeps it for other rules and campaigns. */
export function SaveFilterDialog({ isOpen, onOpenChange, rule, entity }: { isOpen: boolean; onOpenChange: (open: boolean) => void; rule: ConditionGroup; entity: string }) {
  const { save, filters } = useSavedFilters();
  const [name, setName] = useState('');
  const id = useId();
  const replaces = filters.some((f) => f.entity === entity && f.name.toLowerCase() === name.trim().toLowerCase());
  const submit = async (close: () => void) => {
    if (name.trim() === '') return;
    try {
      const f = await save.mutateAsync({ name, entity, rule });
      showToast({ title: `Saved filter “${f.name}”`, description: 'Apply it from “Saved filters” in any rule.', tone: 'success' });
      setName('');
      close();
    } catch (e) {
      showToast({ title: 'Could not save the filter', description: e instanceof Error ? e.message : String(e), tone: 'error' });
    }
  };
  return (
    <Dialog
      title="Save as filter"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="small"
      footer={(close) => <CancelAndAction close={close} label={replaces ? 'Replace' : 'Save'} isDisabled={name.trim() === '' || save.isPending} onAction={(done) => void submit(done)} />}
    >
      {(close) => (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit(close);
          }}
        >
          <div className="insp-field">
            <label htmlFor={id} className="insp-field__label">
              Name
            </label>
            <input id={id} className="insp-field__input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Engaged French customers" autoFocus />
          </div>
          <p className="qm-dialog-status">{replaces ? 'A filter of that name exists: saving replaces it.' : 'Saved in this browser, for every campaign.'}</p>
        </form>
      )}
    </Dialog>
  );
}
