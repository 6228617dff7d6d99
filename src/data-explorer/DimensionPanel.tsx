import type { TargetingDimension } from '../domain/data-model';

const channelRows = [
  { channel: 'Email', address: (d: TargetingDimension) => d.addresses.email, consent: (d: TargetingDimension) => d.consents.email },
  { channel: 'SMS', address: (d: TargetingDimension) => d.addresses.phone, consent: (d: TargetingDimension) => d.consents.sms },
  { channel: 'Push', address: (d: TargetingDimension) => d.addresses.pushToken, consent: (d: TargetingDimension) => d.consents.push },
  { channel: 'Direct mail', address: (d: TargetingDimension) => d.addresses.postal?.join(', '), consent: (d: TargetingDimension) => d.consents.directMail },
];

/** How a targeting dimension is reached per channel: its address field(s) and consent field. */
export function DimensionPanel({ dimension, entityLabel }: { dimension: TargetingDimension; entityLabel: string }) {
  return (
    <>
      <p className="dx-note">
        Campaigns can target {dimension.label || entityLabel}: a transition carries their keys. Channel activities use these
        fields.
      </p>
      <table className="dx-table" aria-label={`Channels of ${dimension.label || entityLabel}`}>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Address</th>
            <th scope="col">Consent</th>
          </tr>
        </thead>
        <tbody>
          {channelRows.map((r) => {
            const address = r.address(dimension);
            const consent = r.consent(dimension);
            return (
              <tr key={r.channel}>
                <th scope="row">{r.channel}</th>
                <td>{address ? <code>{address}</code> : <span className="dx-muted">none</span>}</td>
                <td>{consent ? <code>{consent}</code> : <span className="dx-muted">none</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
