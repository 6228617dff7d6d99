import { useState } from 'react';
import { Group, Input, Label, NumberField, Radio, RadioGroup } from 'react-aria-components';
import { CancelAndAction, Dialog } from '../ui/Dialog';
import { formatCount } from './format';

/** The sizes the sample generator is tuned for: tests, the app's default, the benchmark. */
export const SAMPLE_PROFILE_SIZES = [10_000, 100_000, 1_000_000] as const;

const sizeHint: Record<(typeof SAMPLE_PROFILE_SIZES)[number], string> = {
  10_000: 'quick to load',
  100_000: 'the default',
  1_000_000: 'about 10M web events and 3M purchases; takes a while',
};

/**
 * Chooses the sample data to go back to: a size and a seed (same size and seed, same rows).
 * Loading replaces the data in use, including an import, once the new data is in.
 */
export function SampleDataDialog({
  isOpen,
  onOpenChange,
  initial,
  onLoad,
}: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  initial: { profiles: number; seed: number };
  onLoad: (profiles: number, seed: number) => void;
}) {
  const [profiles, setProfiles] = useState(String(SAMPLE_PROFILE_SIZES.find((s) => s === initial.profiles) ?? 100_000));
  const [seed, setSeed] = useState(initial.seed);
  const seedValid = Number.isInteger(seed);
  return (
    <Dialog
      title="Use sample data"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="small"
      footer={(close) => (
        <CancelAndAction
          close={close}
          label="Load sample data"
          isDisabled={!seedValid}
          onAction={(done) => {
            onLoad(Number(profiles), seed);
            done();
          }}
        />
      )}
    >
      <p>Generated rows replace the data in use once they are loaded. The same size and seed give the same rows.</p>
      <RadioGroup className="dx-radio-group" value={profiles} onChange={setProfiles}>
        <Label className="dx-field-label">Size</Label>
        {SAMPLE_PROFILE_SIZES.map((size) => (
          <Radio key={size} value={String(size)} className="dx-radio">
            <span className="dx-radio-mark" aria-hidden />
            <span>
              {formatCount(size)} profiles <span className="dx-muted">— {sizeHint[size]}</span>
            </span>
          </Radio>
        ))}
      </RadioGroup>
      <NumberField className="dx-number-field" value={seed} onChange={setSeed} minValue={0} maxValue={2 ** 31 - 1} step={1} formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}>
        <Label className="dx-field-label">Seed</Label>
        <Group>
          <Input className="dx-input" />
        </Group>
      </NumberField>
    </Dialog>
  );
}
