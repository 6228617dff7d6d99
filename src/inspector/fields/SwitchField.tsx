import { Switch } from 'react-aria-components';

/** An on/off setting with its name and a hint that says what the current state does. */
export function SwitchField({ label, isSelected, onChange, hintOn, hintOff }: { label: string; isSelected: boolean; onChange: (on: boolean) => void; hintOn: string; hintOff: string }) {
  return (
    <Switch className="insp-switch" isSelected={isSelected} onChange={onChange}>
      <span className="insp-switch__track" aria-hidden>
        <span className="insp-switch__thumb" />
      </span>
      <span>
        {label}
        <span className="insp-switch__hint">{isSelected ? hintOn : hintOff}</span>
      </span>
    </Switch>
  );
}
