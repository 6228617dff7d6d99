/** Shown instead of a form when an activity's saved settings do not match its schema. */
export function UnreadableSettings({ onReset }: { onReset: () => void }) {
  return (
    <div className="ff-form">
      <p className="insp-muted">These settings cannot be read.</p>
      <button type="button" className="insp-button" onClick={onReset}>
        Reset the settings
      </button>
    </div>
  );
}
