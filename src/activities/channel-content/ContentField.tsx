import { useRef } from 'react';
import type { Problem } from '../../domain/problems';
import { TextField } from '../../inspector/fields/TextField';
import { TokenMenu } from './TokenMenu';
import type { TokenSource } from './token-sources';
import { tokenText } from './tokens';
import './channel-content.css';

export interface ContentFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  sources: readonly TokenSource[];
  help?: string;
  placeholder?: string;
  multiline?: boolean;
  /** Source code (an HTML body): monospace, no wrapping of long lines. */
  source?: boolean;
  problems?: readonly Pick<Problem, 'severity' | 'message'>[];
}

/**
 * A message field that takes personalization tokens: the text field, and an insert-token menu that
 * writes `{{path}}` where the cursor is (at the end when the field was never focused).
 */
export function ContentField({ label, value, onChange, sources, source, ...field }: ContentFieldProps) {
  const box = useRef<HTMLDivElement>(null);
  const caret = useRef<number | undefined>(undefined);
  const insert = (path: string) => {
    const at = Math.min(caret.current ?? value.length, value.length);
    const token = tokenText(path);
    onChange(value.slice(0, at) + token + value.slice(at));
    caret.current = at + token.length;
  };
  const remember = () => {
    const control = box.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (control) caret.current = control.selectionStart ?? undefined;
  };
  return (
    <div ref={box} className={`cc-content-field${source ? ' cc-content-field--source' : ''}`} onKeyUp={remember} onMouseUp={remember} onBlur={remember}>
      <TextField label={label} value={value} onChange={onChange} {...field} />
      <div className="cc-content-field__menu">
        <TokenMenu fieldLabel={label} sources={sources} onInsert={insert} />
      </div>
    </div>
  );
}
