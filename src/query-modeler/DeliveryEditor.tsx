import { SimulateAction } from '../simulation/SimulateAction';
import { Info } from 'lucide-react';
import type { DeliveryCondition } from '../domain/rule';
import { deliveryEvents } from '../domain/rule';
import { useModeler } from './modeler-context';

/** The event after "Did" / "Did not": "Did open", "Did not click in" the message. */
const eventWords: Record<DeliveryCondition['event'], string> = {
  sent: 'get sent',
  delivered: 'receive',
  opened: 'open',
  clicked: 'click in',
  bounced: 'bounce on',
};

/** "Did / did not open the email of activity X": retargeting on earlier sends. */
export function DeliveryEditor({ condition, onChange }: { condition: DeliveryCondition; onChange: (next: DeliveryCondition) => void }) {
  const { earlierChannels } = useModeler();
  const known = earlierChannels.some((c) => c.id === condition.activityId);
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
      <p className="qm-note">
        <Info size={13} aria-hidden /> Message results exist once the campaign is simulated: until then, a rule that reads them is not counted.
        <SimulateAction />
      </p>
    </div>
  );
}
