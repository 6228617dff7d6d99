import type { Activity } from '../../domain/campaign';
import type { ChannelBaseConfig } from '../channel-common';
import { weekDays, type WeekDay } from '../channel-common';
import { NumberField } from '../../inspector/fields/NumberField';
import { SelectField } from '../../inspector/fields/SelectField';
import { SwitchField } from '../../inspector/fields/SwitchField';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { EligibilityPanel } from './EligibilityPanel';
import { MAX_VALIDITY_HOURS } from './deliveries-sql';
import './eligibility.css';

const dayLabels: Record<WeekDay, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/**
 * The sending settings every channel shares, and who they let through: multi-level sending,
 * capping (marketing only), throttle, execution window and validity, under the channel's counts of
 * targeted, excluded by reason and to send. Each channel form renders it once.
 */
export function SendingSettings({ activity, config, onChange }: { activity: Activity; config: ChannelBaseConfig; onChange: (patch: Partial<ChannelBaseConfig>, group?: string) => void }) {
  const data = useActivityFormData(activity);
  const dimension = data.inbound[0]?.dimension;
  const entity = dimension ? data.model?.entities.find((e) => e.name === dimension) : undefined;
  const links = entity?.links.filter((l) => l.cardinality === 'one-to-many') ?? [];
  const linked = data.model?.entities.find((e) => e.name === links.find((l) => l.name === config.sendPer)?.target);
  const marketing = config.category === 'marketing';
  const toggleDay = (day: WeekDay, on: boolean) =>
    onChange({ window: { ...config.window, days: weekDays.filter((d) => (d === day ? on : config.window.days.includes(d))) } }, 'window.days');
  return (
    <>
      <EligibilityPanel activityId={activity.id} />
      <h3 className="ch-sending__title">Sending</h3>
      <p className="ch-sending__note">
        {marketing
          ? 'Marketing: only people who consented receive it; the denylist and capping apply.'
          : 'Transactional: consent, the denylist and capping do not apply; addresses must still be valid.'}
      </p>
      <SelectField
        label="Send per"
        value={config.sendPer}
        onChange={(sendPer) => onChange({ sendPer, linkedAddressField: '' }, 'sendPer')}
        options={[{ value: '', label: 'One message per record' }, ...links.map((l) => ({ value: l.name, label: `One per ${(l.label || l.name).toLowerCase()}` }))]}
        help="Several messages per person, one for each linked record (each booking, each contact address)."
        problems={data.problemsAt('sendPer')}
      />
      {config.sendPer !== '' && (
        <SelectField
          label="Address from the linked record"
          value={config.linkedAddressField}
          onChange={(linkedAddressField) => onChange({ linkedAddressField }, 'linkedAddressField')}
          options={[{ value: '', label: 'The person’s own address' }, ...(linked?.fields.filter((f) => f.type === 'string').map((f) => ({ value: f.name, label: f.label || f.name })) ?? [])]}
          problems={data.problemsAt('linkedAddressField')}
        />
      )}
      <SwitchField
        label="Capping"
        isSelected={config.capping.enabled}
        onChange={(enabled) => onChange({ capping: { ...config.capping, enabled } }, 'capping.enabled')}
        hintOn={marketing ? 'Limits the marketing messages each person receives from this campaign.' : 'Transactional messages are never capped.'}
        hintOff="No limit on messages per person."
      />
      {config.capping.enabled && (
        <div className="ch-sending__row">
          <NumberField label="At most (messages)" integer min={0} value={config.capping.maxMessages} onChange={(maxMessages) => onChange({ capping: { ...config.capping, maxMessages } }, 'capping.maxMessages')} problems={data.problemsAt('capping.maxMessages')} />
          <NumberField label="In (days)" integer min={1} value={config.capping.periodDays} onChange={(periodDays) => onChange({ capping: { ...config.capping, periodDays } }, 'capping.periodDays')} problems={data.problemsAt('capping.periodDays')} />
        </div>
      )}
      <SwitchField
        label="Throttle"
        isSelected={config.throttle.enabled}
        onChange={(enabled) => onChange({ throttle: { ...config.throttle, enabled } }, 'throttle.enabled')}
        hintOn="Spreads the sends over the open hours, in record order."
        hintOff="Everything goes at the first open hour."
      />
      {config.throttle.enabled && (
        <NumberField label="Messages per hour" integer min={1} value={config.throttle.perHour} onChange={(perHour) => onChange({ throttle: { ...config.throttle, perHour } }, 'throttle.perHour')} problems={data.problemsAt('throttle.perHour')} />
      )}
      <SwitchField
        label="Execution window"
        isSelected={config.window.enabled}
        onChange={(enabled) => onChange({ window: { ...config.window, enabled } }, 'window.enabled')}
        hintOn="Sends only on the chosen days, between the hours below."
        hintOff="Sends at any hour."
      />
      {config.window.enabled && (
        <>
          <div className="ch-sending__days" role="group" aria-label="Days of the window">
            {weekDays.map((d) => (
              <label key={d}>
                <input type="checkbox" checked={config.window.days.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} />
                {dayLabels[d]}
              </label>
            ))}
          </div>
          <div className="ch-sending__row">
            <NumberField label="From (hour)" integer min={0} max={24} value={config.window.fromHour} onChange={(fromHour) => onChange({ window: { ...config.window, fromHour } }, 'window.fromHour')} problems={data.problemsAt('window')} />
            <NumberField label="To (hour)" integer min={0} max={24} value={config.window.toHour} onChange={(toHour) => onChange({ window: { ...config.window, toHour } }, 'window.toHour')} />
          </div>
        </>
      )}
      <NumberField
        label="Validity (hours)"
        integer
        min={1}
        max={MAX_VALIDITY_HOURS}
        value={config.validityHours}
        onChange={(validityHours) => onChange({ validityHours }, 'validityHours')}
        help="A message that cannot go within this time (window closed, throttle full) is excluded."
        problems={data.problemsAt('validityHours')}
      />
    </>
  );
}
