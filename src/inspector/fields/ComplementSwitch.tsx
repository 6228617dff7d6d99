import { SwitchField } from './SwitchField';

/**
 * The "Complement" switch of the activities that can send the records they leave out on an extra
 * output (Combine, Deduplication, Split). Turning it off removes that output and its transition, so
 * the change goes through the port-loss guard, which asks first; only the hints differ.
 */
export function ComplementSwitch<C extends { complement: boolean }>({
  config,
  guard,
  hintOn,
  hintOff,
}: {
  config: C;
  guard: { apply: (config: C, what: string) => void };
  hintOn: string;
  hintOff: string;
}) {
  return <SwitchField label="Complement" isSelected={config.complement} onChange={(complement) => guard.apply({ ...config, complement }, 'Turn off the complement')} hintOn={hintOn} hintOff={hintOff} />;
}
