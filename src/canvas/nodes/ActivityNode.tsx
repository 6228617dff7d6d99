import { memo, useEffect, useMemo, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { CircleAlert, CircleCheck, CircleX, PowerOff } from 'lucide-react';
import { categoryTitles, getActivityDef } from '../../activities/registry';
import { portsOf } from '../../domain/ports';
import { statusOf } from '../../domain/problems';
import { selectActivityProblems } from '../../store/selectors';
import { useEditorStore } from '../../store/useEditorStore';
import { iconFor } from '../activity-icons';
import type { ActivityNodeType } from '../flow-types';
import { needsRunText } from '../counts/count-types';
import { formatCount } from '../counts/format-count';
import { ActivityCountBadge } from './ActivityCountBadge';
import { useActivityCount } from './useActivityCount';
import { ChannelNodeFigures } from '../../simulation/ChannelNodeFigures';
import { EligibilityLine } from '../../activities/channel-delivery/EligibilityLine';
import { statusWords, useActivityTrace } from '../../trace/trace-store';
import { TestModeNodeLine } from '../../test-mode/TestModeNodeLine';
import './nodes.css';

const statusText = { ok: 'Ready', incomplete: 'Incomplete', error: 'Error' } as const;
const statusIcons = { ok: CircleCheck, incomplete: CircleAlert, error: CircleX } as const;

/**
 * The node React Flow renders. Its props include the node's position, which changes on every move
 * of a drag, so it only hands what the drawing depends on to the memoised shell below: a dragged
 * node is moved by React Flow's wrapper without drawing it again.
 */
function ActivityNodeView({ id, data, selected }: NodeProps<ActivityNodeType>) {
  return <ActivityShell id={id} activity={data.activity} selected={!!selected} />;
}

/**
 * The shell every activity is drawn in: category colour, icon, label, status badge, handles for
 * its ports (labelled when there are several), a disabled look. Memoised: it draws again only when
 * its activity object, its selection, its status, its count or the orientation changes.
 */
const ActivityShell = memo(function ActivityShell({
  id,
  activity,
  selected,
}: {
  id: string;
  activity: ActivityNodeType['data']['activity'];
  selected: boolean;
}) {
  const def = getActivityDef(activity.type);
  const Icon = iconFor(def?.meta.icon);
  const vertical = useEditorStore((s) => s.doc.settings.orientation === 'vertical');
  const problems = useEditorStore(selectActivityProblems(id));
  const count = useActivityCount(id);
  const campaignId = useEditorStore((s) => s.doc.id);
  const traced = useActivityTrace(campaignId, id);
  const traceClass = traced ? (traced.status === 'in' || traced.status === 'out' ? ` cv-node--trace-${traced.status}` : ' cv-node--trace-dim') : '';
  // A failed query is an error on the activity like a validation error (one its problems explain is
  // already among them); needing a run is not an error; no count is why not shown.
  const status = count?.error !== undefined && !count.fromProblems ? 'error' : statusOf(problems);
  const StatusIcon = statusIcons[status];
  const ports = useMemo(() => portsOf(activity), [activity]);
  const category = def?.meta.category ?? 'unknown';

  // Handles move when the orientation or the ports change; React Flow must re-measure them. Not on
  // mount: React Flow measures a new node (handles included) itself, all nodes in one batch, while a
  // call per node costs a pass over every node each, which made opening a large campaign quadratic.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = `${vertical}|${ports.in.map((p) => p.id).join(',')}|${ports.out.map((p) => p.id).join(',')}`;
  const measuredPorts = useRef(portKey);
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);

  const outLabelled = ports.out.length > 1;
  const minHeight = !vertical && outLabelled ? 28 + ports.out.length * 22 : undefined;
  const problemText = [...problems.map((p) => p.message), count?.error, count?.needsRun ? needsRunText(count.reason) : count?.reason]
    .filter(Boolean)
    .join('\n');
  // The type, unless the label already says it; then the category, so the line never repeats the label.
  const title = def?.meta.title ?? activity.type;
  const subtitle = activity.label === title && def ? categoryTitles[def.meta.category] : title;

  return (
    <div
      className={`cv-node cv-node--${category}${activity.disabled ? ' cv-node--disabled' : ''}${selected ? ' cv-node--selected' : ''}${vertical ? ' cv-node--vertical' : ''}${traceClass}`}
      style={minHeight ? { minHeight } : undefined}
      data-status={status}
    >
      {traced && (
        <span className={`cv-node__trace cv-node__trace--${traced.status}`} title={traced.reason}>
          Trace: {statusWords[traced.status]}
        </span>
      )}
      <div className="cv-node__icon" aria-hidden>
        <Icon size={18} strokeWidth={2} />
      </div>
      <div className={`cv-node__text${outLabelled && !vertical ? ' cv-node__text--ports' : ''}`}>
        <div className="cv-node__label" title={activity.label}>
          {activity.label}
        </div>
        {/* The subtitle gives way (ellipsis) to the count, which is always shown whole. */}
        <div className="cv-node__type">
          {activity.disabled ? (
            <span className="cv-node__disabled">
              <PowerOff size={11} aria-hidden /> Disabled
            </span>
          ) : (
            <span className="cv-node__subtitle">{subtitle}</span>
          )}
          <ActivityCountBadge count={count} />
        </div>
        {category === 'channel' && !activity.disabled && <EligibilityLine activityId={id} />}
        {count?.leftOut && (
          <div className={`cv-node__left-out${count.stale ? ' cv-node__left-out--stale' : ''}`}>
            {formatCount(count.leftOut.count)} {count.leftOut.text}
          </div>
        )}
        {category === 'channel' && <ChannelNodeFigures activityId={id} />}
        <TestModeNodeLine campaignId={campaignId} activityId={id} />
      </div>
      <div
        className={`cv-node__status cv-node__status--${status}`}
        role="img"
        aria-label={`Status: ${statusText[status]}`}
        title={problemText || statusText[status]}
      >
        <StatusIcon size={14} aria-hidden />
      </div>

      {ports.in.map((port, i) => (
        <Handle
          key={port.id}
          id={port.id}
          type="target"
          position={vertical ? Position.Top : Position.Left}
          className="cv-handle cv-handle--in"
          style={spread(i, ports.in.length, vertical)}
          title={`${port.label} (input)`}
        />
      ))}
      {ports.out.map((port, i) => (
        <Handle
          key={port.id}
          id={port.id}
          type="source"
          position={vertical ? Position.Bottom : Position.Right}
          className={`cv-handle cv-handle--out${port.complement ? ' cv-handle--complement' : ''}`}
          style={spread(i, ports.out.length, vertical)}
          title={`${port.label} (output)`}
        >
          {outLabelled && (
            <span className="cv-handle__label" title={port.label}>
              {port.label}
            </span>
          )}
        </Handle>
      ))}
    </div>
  );
});

/** Spreads several handles evenly along one side of the node. */
function spread(index: number, count: number, vertical: boolean) {
  if (count <= 1) return undefined;
  const at = `${((index + 1) / (count + 1)) * 100}%`;
  return vertical ? { left: at } : { top: at };
}

export const ActivityNode = memo(ActivityNodeView);
