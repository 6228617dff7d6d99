import type { Activity, CampaignDoc } from './campaign';
import type { PortLayout } from '../activities/define-activity';
import { portsOf } from './ports';
import { getActivityDef } from '../activities/registry';

/**
 * A transition or an activity wired against the connection rules (docs/campaign-format.md): a
 * port that does not exist, two ports of one activity with the same id, an output feeding several
 * transitions, a single input taking several. Nothing is counted through such wiring: the engine
 * gives the activities it reaches an error instead of a count that would silently be wrong.
 */
export interface WiringProblem {
  code: 'dangling-transition' | 'duplicate-port' | 'output-used-twice' | 'input-used-twice';
  /** Where in the document, as `transitions[3].target.port`. */
  path: string;
  message: string;
  transitionId?: string;
  /** Index of that transition in the document. */
  transitionIndex?: number;
  activityId?: string;
  /** Activity that must not be computed through this wiring. */
  blocks?: string;
}

const quoted = (text: string) => JSON.stringify(text);

/** Every wiring problem of a campaign, in document order (activities first, then transitions). */
export function wiringProblems(doc: Pick<CampaignDoc, 'activities' | 'transitions'>): WiringProblem[] {
  const problems: WiringProblem[] = [];
  const activities = new Map<string, Activity>();
  const ports = new Map<string, PortLayout>();
  doc.activities.forEach((a, i) => {
    if (!activities.has(a.id)) activities.set(a.id, a);
    const layout = portsOf(a);
    ports.set(a.id, layout);
    for (const side of ['in', 'out'] as const) {
      const seen = new Set<string>();
      for (const p of layout[side]) {
        if (seen.has(p.id))
          problems.push({
            code: 'duplicate-port',
            path: `activities[${i}].config`,
            message: `"${a.label}" has two ${side === 'in' ? 'inputs' : 'outputs'} with the id ${quoted(p.id)}: give each its own id`,
            activityId: a.id,
            blocks: a.id,
          });
        seen.add(p.id);
      }
    }
  });

  // First transition seen on each single port, keyed by activity and port.
  const firstOut = new Map<string, number>();
  const firstIn = new Map<string, number>();
  const key = (activityId: string, port: string) => `${activityId}\u0000${port}`;
  doc.transitions.forEach((t, i) => {
    const from = activities.get(t.source.activityId);
    const to = activities.get(t.target.activityId);
    const outPort = from && ports.get(from.id)!.out.find((p) => p.id === t.source.port);
    const inPort = to && ports.get(to.id)!.in.find((p) => p.id === t.target.port);
    const where = { transitionId: t.id, transitionIndex: i, ...(to ? { blocks: to.id } : {}) };
    if (!from)
      problems.push({ code: 'dangling-transition', path: `transitions[${i}].source.activityId`, message: `no activity ${quoted(t.source.activityId)}`, ...where });
    if (!to)
      problems.push({ code: 'dangling-transition', path: `transitions[${i}].target.activityId`, message: `no activity ${quoted(t.target.activityId)}`, ...(from ? { activityId: from.id } : {}), ...where });
    if (from && !outPort)
      problems.push({ code: 'dangling-transition', path: `transitions[${i}].source.port`, message: `"${from.label}" has no output ${quoted(t.source.port)}`, activityId: from.id, ...where });
    if (to && !inPort)
      problems.push({ code: 'dangling-transition', path: `transitions[${i}].target.port`, message: `"${to.label}" has no input ${quoted(t.target.port)}`, activityId: to.id, ...where });
    if (from && outPort && !outPort.multiple) {
      const k = key(from.id, outPort.id);
      const first = firstOut.get(k);
      if (first === undefined) firstOut.set(k, i);
      else
        problems.push({
          code: 'output-used-twice',
          path: `transitions[${i}].source`,
          message: `the output "${outPort.label}" of "${from.label}" already feeds transition ${quoted(doc.transitions[first]!.id)}: use a Fork to send it to several activities`,
          activityId: from.id,
          ...where,
        });
    }
    // An activity that computes nothing from its input (End) may close several branches.
    if (to && inPort && !inPort.multiple && getActivityDef(to.type)?.compile) {
      const k = key(to.id, inPort.id);
      const first = firstIn.get(k);
      if (first === undefined) firstIn.set(k, i);
      else
        problems.push({
          code: 'input-used-twice',
          path: `transitions[${i}].target`,
          message: `"${to.label}" already takes transition ${quoted(doc.transitions[first]!.id)} on its input "${inPort.label}": use a Combine or an And-join to merge branches`,
          activityId: to.id,
          ...where,
        });
    }
  });
  return problems;
}

/**
 * What the engine must not compute through: per activity, the first wiring problem that reaches
 * it; and the transitions that carry no count. An output feeding two transitions blocks the
 * targets of both (neither is the right one), a single input taking two blocks its activity.
 */
export function wiringBlocks(doc: Pick<CampaignDoc, 'activities' | 'transitions'>): { activities: Map<string, string>; transitions: Set<string> } {
  const activities = new Map<string, string>();
  const transitions = new Set<string>();
  const block = (activityId: string | undefined, message: string) => {
    if (activityId !== undefined && !activities.has(activityId)) activities.set(activityId, message);
  };
  const problems = wiringProblems(doc);
  for (const p of problems) {
    block(p.blocks, `Not counted: ${p.message}.`);
    if (p.transitionId !== undefined) transitions.add(p.transitionId);
    if (p.code === 'output-used-twice') {
      const t = doc.transitions[p.transitionIndex!]!;
      for (const other of doc.transitions)
        if (other.source.activityId === t.source.activityId && other.source.port === t.source.port) {
          transitions.add(other.id);
          block(other.target.activityId, `Not counted: ${p.message}.`);
        }
    }
  }
  return { activities, transitions };
}
