import { idRecord } from '../../domain/ids';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { CampaignDoc, Position } from '../../domain/campaign';
import { portsOf } from '../../domain/ports';

type Size = { width: number; height: number };

/**
 * The ELK graph of a campaign: one node per activity with its measured size, one port per activity
 * port in a fixed order on the side the orientation puts it, one edge per transition. ELK orders
 * ports clockwise from the top-left, so the left and bottom sides are listed in reverse.
 */
export function toElkGraph(doc: CampaignDoc, sizeOf: (id: string) => Size): ElkNode {
  const vertical = doc.settings.orientation === 'vertical';
  const inSide = vertical ? 'NORTH' : 'WEST';
  const outSide = vertical ? 'SOUTH' : 'EAST';
  const children: ElkNode[] = doc.activities.map((a) => {
    const ports = portsOf(a);
    const size = sizeOf(a.id);
    const inPorts = ports.in.map((p, i) => port(`${a.id}/in/${p.id}`, inSide, vertical ? i : ports.in.length - 1 - i));
    const outPorts = ports.out.map((p, i) => port(`${a.id}/out/${p.id}`, outSide, vertical ? ports.out.length - 1 - i : i));
    return {
      id: a.id,
      width: size.width,
      height: size.height,
      ports: [...inPorts, ...outPorts],
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    };
  });
  const ids = new Set(doc.activities.map((a) => a.id));
  const edges: ElkExtendedEdge[] = doc.transitions
    .filter((t) => ids.has(t.source.activityId) && ids.has(t.target.activityId))
    .map((t) => ({
      id: t.id,
      sources: [`${t.source.activityId}/out/${t.source.port}`],
      targets: [`${t.target.activityId}/in/${t.target.port}`],
    }));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': vertical ? 'DOWN' : 'RIGHT',
      // Room between layers for a transition's label and count chips above its "+".
      'elk.layered.spacing.nodeNodeBetweenLayers': vertical ? '96' : '150',
      // Sibling branches far enough apart that their transitions' chips do not collide.
      'elk.spacing.nodeNode': '64',
      'elk.spacing.componentComponent': '64',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children,
    edges,
  };
}

function port(id: string, side: string, index: number): ElkPort {
  return { id, width: 8, height: 8, layoutOptions: { 'elk.port.side': side, 'elk.port.index': String(index) } };
}

/**
 * Computes a layered layout of the whole campaign and returns the new position of every activity,
 * anchored at the current top-left corner of the campaign so that the drawing does not jump away.
 * ELK is loaded on first use: tidy-up is an explicit action, never on the canvas's critical path.
 */
export async function computeTidyLayout(doc: CampaignDoc, sizeOf: (id: string) => Size): Promise<Record<string, Position>> {
  if (doc.activities.length === 0) return {};
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const laid = await elk.layout(toElkGraph(doc, sizeOf));
  const originX = Math.min(...doc.activities.map((a) => a.position.x));
  const originY = Math.min(...doc.activities.map((a) => a.position.y));
  const children = laid.children ?? [];
  // ELK pads the graph; anchor the laid-out drawing's own top-left instead.
  const minX = Math.min(...children.map((c) => c.x ?? 0));
  const minY = Math.min(...children.map((c) => c.y ?? 0));
  const out = idRecord<Position>();
  for (const c of children)
    out[c.id] = { x: Math.round((c.x ?? 0) - minX + originX), y: Math.round((c.y ?? 0) - minY + originY) };
  return out;
}
