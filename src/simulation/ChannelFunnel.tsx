import './simulation.css';
import { useActivityFigures, useCounts } from '../canvas/counts/counts-store';
import { formatCount } from '../canvas/counts/format-count';
import { channelFunnel, formatRate } from './sim-format';

/**
 * A channel's funnel in its inspector after a simulation: targeted → to send → sent → delivered →
 * opened → clicked, each with its count, a bar relative to the targeted records, and its rate as
 * the metric defines it. A plain table, read as one by assistive technology.
 */
export function ChannelFunnel({ activityId }: { activityId: string }) {
  const simulated = useCounts((s) => s.simulated);
  const figures = useActivityFigures(activityId);
  if (!simulated || !figures) return null;
  const steps = channelFunnel(figures);
  if (steps.length === 0) return null;
  const top = Math.max(1, ...steps.map((s) => s.count));
  return (
    <div className="sim-funnel" role="group" aria-labelledby={`sim-funnel-${activityId}`}>
      <h3 className="insp-subtitle" id={`sim-funnel-${activityId}`}>
        Simulated delivery
      </h3>
      <table className="sim-funnel__table">
        <caption className="sr-only">Funnel of this channel in the simulation</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Messages</th>
            <th scope="col">Rate</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.key}>
              <th scope="row">
                {s.label}
                <span className="sim-funnel__bar" aria-hidden>
                  <span style={{ width: `${(s.count / top) * 100}%` }} />
                </span>
              </th>
              <td className="sim-funnel__num">{formatCount(s.count)}</td>
              <td className="sim-funnel__rate">
                {s.rate ? (
                  <span title={`${s.rate.name}: ${s.label.toLowerCase()} / ${s.rate.of}`}>
                    {formatRate(s.rate.value)} <span className="sim-funnel__rate-name">{s.rate.name.toLowerCase()}</span>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
