import { Button, FileTrigger } from 'react-aria-components';
import { Upload } from 'lucide-react';

/** Opens the file picker for campaign JSON files. */
export function ImportButton({
  onSelect,
  isDisabled,
  className = 'cc-button',
  label = 'Import',
}: {
  onSelect: (files: FileList | null) => void;
  isDisabled?: boolean;
  className?: string;
  label?: string;
}) {
  return (
    <FileTrigger acceptedFileTypes={['application/json', '.json']} onSelect={onSelect}>
      <Button className={className} isDisabled={isDisabled}>
        <Upload size={16} aria-hidden />
        <span className="cc-action-label">{label}</span>
      </Button>
    </FileTrigger>
  );
}
