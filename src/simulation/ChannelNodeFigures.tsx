import './simulation.css';
import { useActivityFigures, useCounts } from '../canvas/counts/counts-store';
import { formatCompactCount, formatCount } from '../canvas/counts/format-count';
import { NODE_FIGURES } from './sim-format';

/**
 * After a simulation, a channel node's sent, delivered, opened and clicked: compact on screen
 * (12.3K), whole in the accessible name. Zoomed out, where a second line would be drawn too small,
 * it is hidden on screen and still read by assistive technology (see nodes.css).
 */
export function ChannelNodeFigures({ activityId }: { activityId: string }) {
  const simulated = useCounts((s) => s.simulated);
  const figures = useActivityFigures(activityId);
  if (!simulated || !figures) return null;
  const shown = NODE_FIGURES.filter((f) => figures[f.key] !== undefined);
  if (shown.length === 0) return null;
  const name = shown.map((f) => `${formatCount(figures[f.key]!)} ${f.label}`).join(', ');
  return (
    <div className="sim-node-figures" role="group" aria-label={`Simulated: ${name}`} title={name}>
      {shown.map((f) => (
        <span key={f.key} className="sim-node-figures__item" aria-hidden>
          <b>{formatCompactCount(figures[f.key]!)}</b> {f.label}
        </span>
      ))}
    </div>
  );
}
