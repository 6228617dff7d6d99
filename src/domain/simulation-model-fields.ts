import { defaultSimulationSettings, launchTimestamp, readSimulationSettings } from './simulation-settings';
import type { CampaignDoc } from './campaign';
import type { Problem } from './problems';

/**
 * The engagement model's fields as the settings form shows them: what each means, its default and
 * where the default comes from (docs/simulation.md cites the same sources).
 */
export interface ModelField {
  /** Path inside `settings.simulation.model`. */
  group: 'email' | 'sms' | 'push' | 'retry' | 'modulation' | 'conversion';
  key: string;
  label: string;
  /** `rate`: a probability 0–1; `number`: a plain number in its unit. */
  kind: 'rate' | 'number';
  unit?: string;
  source: string;
}

export const MODEL_GROUPS: { group: ModelField['group']; title: string }[] = [
  { group: 'email', title: 'Email' },
  { group: 'sms', title: 'SMS' },
  { group: 'push', title: 'Push' },
  { group: 'retry', title: 'Retries' },
  { group: 'modulation', title: 'Per-record modulation' },
  { group: 'conversion', title: 'Conversions' },
];

export const MODEL_FIELDS: ModelField[] = [
  { group: 'email', key: 'hardBounce', label: 'Hard bounce rate', kind: 'rate', source: 'Mailchimp 2019' },
  { group: 'email', key: 'softBounce', label: 'Soft bounce rate', kind: 'rate', source: 'Mailchimp 2019' },
  { group: 'email', key: 'open', label: 'Open rate', kind: 'rate', source: 'Mailchimp 2019, all industries' },
  { group: 'email', key: 'click', label: 'Click rate', kind: 'rate', source: 'Mailchimp 2019' },
  { group: 'email', key: 'unsubscribe', label: 'Unsubscribe rate', kind: 'rate', source: 'Mailchimp 2019' },
  { group: 'email', key: 'complaint', label: 'Spam complaint rate', kind: 'rate', source: 'Mailchimp 2018' },
  { group: 'sms', key: 'hardBounce', label: 'Failure rate', kind: 'rate', source: 'Burst SMS: 85–95 % delivered' },
  { group: 'sms', key: 'softBounce', label: 'Temporary failure rate', kind: 'rate', source: 'Burst SMS: 85–95 % delivered' },
  { group: 'sms', key: 'click', label: 'Link click rate', kind: 'rate', source: 'Burst SMS' },
  { group: 'sms', key: 'optOut', label: 'STOP opt-out rate', kind: 'rate', source: 'Burst SMS: 3–4 % after the first send' },
  { group: 'push', key: 'hardBounce', label: 'Invalid token rate', kind: 'rate', source: 'Braze' },
  { group: 'push', key: 'open', label: 'Open rate', kind: 'rate', source: 'Braze 2016: Android 6.1 %, iOS 2.0 %' },
  { group: 'retry', key: 'periodMinutes', label: 'Retry period', kind: 'number', unit: 'minutes', source: 'Adobe Campaign recommends 30' },
  { group: 'retry', key: 'maxRetries', label: 'Retries at most', kind: 'number', source: 'Adobe Campaign' },
  { group: 'retry', key: 'retrySuccess', label: 'Retry success rate', kind: 'rate', source: 'assumed' },
  { group: 'modulation', key: 'engagement', label: 'Engagement score weight', kind: 'number', source: 'model choice (0–1)' },
  { group: 'modulation', key: 'poorAddress', label: 'Doubtful address multiplier', kind: 'number', source: 'model choice (0–1)' },
  { group: 'modulation', key: 'fatigue', label: 'Fatigue per message in 7 days', kind: 'number', source: 'model choice (0–1)' },
  { group: 'conversion', key: 'baseline', label: 'Baseline conversion rate', kind: 'rate', source: 'assumed (holdout groups convert at it too)' },
  { group: 'conversion', key: 'clickUplift', label: 'Added for a click', kind: 'rate', source: 'assumed' },
  { group: 'conversion', key: 'windowDays', label: 'Attribution window', kind: 'number', unit: 'days', source: 'common default: 7 days' },
];

/** The default of a field. */
export function defaultOf(field: ModelField): number {
  const model = defaultSimulationSettings().model as unknown as Record<string, Record<string, number>>;
  return model[field.group]![field.key]!;
}

/** "22.71 %" for a rate, "30 minutes" for a number. */
export function formatDefault(field: ModelField): string {
  const value = defaultOf(field);
  if (field.kind === 'rate') return `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 3 })} %`;
  return field.unit ? `${value} ${field.unit}` : String(value);
}

/** The path of a field in the document, as readSimulationSettings names problems. */
export function fieldPath(field: ModelField): string {
  return `settings.simulation.model.${field.group}.${field.key}`;
}

/** Problems of the campaign's simulation settings (launch, model), each saying which setting. */
export function simulationSettingsProblems(doc: CampaignDoc, referenceDate: string | undefined): Problem[] {
  const read = readSimulationSettings(doc.settings.simulation);
  const problems: Problem[] = read.problems.map((p) => ({
    severity: 'error',
    code: 'simulation-settings',
    path: p.path,
    message: `Simulation settings, ${settingName(p.path)}: ${p.message}.`,
  }));
  const launch = (doc.settings.simulation as { launch?: unknown } | undefined)?.launch;
  if (typeof launch === 'string') {
    const at = launchTimestamp(launch, referenceDate ?? '2000-01-01');
    if (!at.ok) problems.push({ severity: 'error', code: 'simulation-settings', path: 'settings.simulation.launch', message: `Simulation settings: ${at.message}` });
  }
  return problems;
}

/** "email open rate" for `settings.simulation.model.email.open`. */
function settingName(path: string): string {
  if (path === 'settings.simulation.launch') return 'launch';
  const field = MODEL_FIELDS.find((f) => fieldPath(f) === path);
  if (!field) return path.replace(/^settings\.simulation\./, '');
  const group = MODEL_GROUPS.find((g) => g.group === field.group)!.title;
  // "Open rate" reads "open rate" after its group; an acronym ("STOP") keeps its capitals.
  const label = /^[A-Z][a-z]/.test(field.label) ? field.label.charAt(0).toLowerCase() + field.label.slice(1) : field.label;
  return `${group} ${label}`;
}
