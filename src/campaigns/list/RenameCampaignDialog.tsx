import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { Dialog } from '../../ui/Dialog';

/** Asks for a new campaign name; blank names are refused in place. */
export function RenameCampaignDialog({
  currentName,
  isOpen,
  onOpenChange,
  onRename,
}: {
  currentName: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onRename: (name: string) => Promise<void>;
}) {
  return (
    <Dialog title="Rename campaign" isOpen={isOpen} onOpenChange={onOpenChange} size="small">
      {(close) => <RenameForm currentName={currentName} onCancel={close} onRename={async (n) => (await onRename(n), close())} />}
    </Dialog>
  );
}

function RenameForm({
  currentName,
  onCancel,
  onRename,
}: {
  currentName: string;
  onCancel: () => void;
  onRename: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState(currentName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await onRename(name.trim());
    } catch (failure) {
      setError(`The campaign could not be renamed: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form onSubmit={(e) => void submit(e)} className="cc-rename-form">
      <TextField
        className="cc-field"
        value={name}
        onChange={setName}
        autoFocus
        isRequired
        validate={(v) => (v.trim() === '' ? 'A campaign needs a name.' : null)}
        validationBehavior="aria"
        onFocus={(e) => (e.target as HTMLInputElement).select()}
      >
        <Label className="cc-field-label">Campaign name</Label>
        <Input className="cc-input" maxLength={200} />
        <FieldError className="cc-field-error" />
      </TextField>
      {error && (
        <p className="cc-field-error" role="alert">
          {error}
        </p>
      )}
      <div className="cc-form-actions">
        <Button className="cc-button" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="cc-button cc-button-primary" isDisabled={busy || name.trim() === ''}>
          Rename
        </Button>
      </div>
    </Form>
  );
}
