import { SimulateAction } from '../simulation/SimulateAction';
import { Info } from 'lucide-react';
import type { DeliveryCondition } from '../domain/rule';
import { deliveryEvents } from '../domain/rule';
import { useModeler } from './modeler-context';
import { findEntity } from '../domain/data-model';

/** The event after "Did" / "Did not": "Did open", "Did not click in" the message. */
const eventWords: Record<DeliveryCondition['event'], string> = {
  sent: 'get sent',
  delivered: 'receive',
  opened: 'open',
  clicked: 'click in',
  bounced: 'bounce on',
};

/** "Did / did not open the email of activity X": retargeting on earlier sends. */
export function DeliveryEditor({ condition, entity, onChange }: { condition: DeliveryCondition; entity: string; onChange: (next: DeliveryCondition) => void }) {
  const { earlierChannels, model } = useModeler();
  const known = earlierChannels.some((c) => c.id === condition.activityId);
  // B2B: on accounts, the people of the account through a one-to-many link, and how many at least.
  // Only links to records a message can be sent to (a targeting dimension with an address).
  const addressed = (name: string) => model.dimensions.some((d) => d.entity === name && Object.values(d.addresses).some((a) => a !== undefined && a.length > 0));
  const collections = (findEntity(model, entity)?.links ?? []).filter((l) => l.cardinality === 'one-to-many' && l.target !== entity && addressed(l.target));
  const through = condition.path?.[0] ?? '';
  const setThrough = (link: string) => {
    const { path: _path, atLeast: _atLeast, ...rest } = condition;
    onChange(link === '' ? rest : { ...rest, path: [link], atLeast: condition.atLeast ?? 1 });
  };
  return (
    <div className="qm-attr">
      <div className="qm-attr__line">
        <select className="qm-select" aria-label="Did or did not" value={condition.negate ? 'not' : 'did'} onChange={(e) => onChange({ ...condition, negate: e.target.value === 'not' ? true : undefined } as DeliveryCondition)}>
          <option value="did">Did</option>
          <option value="not">Did not</option>
        </select>
        <select className="qm-select qm-select--grow" aria-label="What happened to the message" value={condition.event} onChange={(e) => onChange({ ...condition, event: e.target.value as DeliveryCondition['event'] })}>
          {deliveryEvents.map((ev) => (
            <option key={ev} value={ev}>
              {eventWords[ev]}
            </option>
          ))}
        </select>
      </div>
      <select className="qm-select qm-select--full" aria-label="Message" value={known ? condition.activityId : ''} onChange={(e) => onChange({ ...condition, activityId: e.target.value })}>
        <option value="">{earlierChannels.length === 0 ? 'No earlier message to choose' : 'Choose the message…'}</option>
        {!known && condition.activityId !== '' && <option value={condition.activityId} disabled>Missing activity</option>}
        {earlierChannels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      {(collections.length > 0 || through !== '') && (
        <div className="qm-attr__line">
          <select className="qm-select qm-select--grow" aria-label="Who received the message" value={through} onChange={(e) => setThrough(e.target.value)}>
            <option value="">These records</option>
            {!collections.some((l) => l.name === through) && through !== '' && <option value={through} disabled>Missing link</option>}
            {collections.map((l) => (
              <option key={l.name} value={l.name}>
                {`Their ${l.label || l.name}`}
              </option>
            ))}
          </select>
          {through !== '' && (
            <label className="qm-inline-label">
              at least
              <input
                className="qm-input qm-input--number"
                type="number"
                min={1}
                step={1}
                aria-label="How many at least"
                value={condition.atLeast ?? 1}
                onChange={(e) => {
                  const n = Math.floor(Number(e.target.value));
                  if (Number.isFinite(n) && n >= 1) onChange({ ...condition, atLeast: n });
                }}
              />
            </label>
          )}
        </div>
      )}
      <p className="qm-note">
        <Info size={13} aria-hidden /> Message results exist once the campaign is simulated: press Simulate to count them, as of this activity’s simulated time.
        <SimulateAction />
      </p>
    </div>
  );
}
