import { describe, expect, it } from 'vitest';
import { relabelActivity, moveActivities } from '../domain/edits';
import { sampleCampaign } from '../domain/edits/test-fixture';
import { deriveEdges, deriveNodes } from './flow-elements';
import { estimatedNodeSize } from './large-campaign';

const none = { selected: new Set<string>(), drag: null, measured: {} };

describe('deriveNodes', () => {
  it('keeps every unchanged node object when one activity changes', () => {
    const doc = sampleCampaign();
    const first = deriveNodes(doc.activities, none, new Map());
    const renamed = relabelActivity(doc, doc.activities[1]!.id, 'Renamed');
    const second = deriveNodes(renamed.activities, none, first.cache);
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[1]).not.toBe(first.nodes[1]);
    expect(second.nodes[1]!.ariaLabel).toBe('Renamed');
    expect(second.nodes[2]).toBe(first.nodes[2]);
    expect(second.nodes[3]).toBe(first.nodes[3]);
  });

  it('rebuilds only dragged and newly selected nodes, and keeps measured sizes', () => {
    const doc = sampleCampaign();
    const [a, b] = doc.activities;
    const measured = { [a!.id]: { width: 232, height: 64 } };
    const first = deriveNodes(doc.activities, { ...none, measured }, new Map());
    const drag = { [a!.id]: { x: 50, y: 60 } };
    const second = deriveNodes(doc.activities, { selected: new Set([b!.id]), drag, measured }, first.cache);
    expect(second.nodes[0]!.position).toEqual({ x: 50, y: 60 });
    expect(second.nodes[0]!.measured).toEqual({ width: 232, height: 64 });
    expect(second.nodes[1]!.selected).toBe(true);
    expect(second.nodes[2]).toBe(first.nodes[2]);
    // The drag ends: the document now holds the position; the node is rebuilt once more, then stable.
    const moved = moveActivities(doc, drag);
    const third = deriveNodes(moved.activities, { selected: new Set([b!.id]), drag: null, measured }, second.cache);
    const fourth = deriveNodes(moved.activities, { selected: new Set([b!.id]), drag: null, measured }, third.cache);
    expect(fourth.nodes).toEqual(third.nodes);
    fourth.nodes.forEach((n, i) => expect(n).toBe(third.nodes[i]));
  });

  it('gives unmeasured activities of a large campaign an estimated box and handles, and measured ones none', () => {
    const doc = sampleCampaign();
    const [a, b] = doc.activities;
    const measured = { [a!.id]: { width: 232, height: 80 } };
    const plain = deriveNodes(doc.activities, { ...none, measured }, new Map());
    expect(plain.nodes[1]!.handles).toBeUndefined();
    const large = deriveNodes(doc.activities, { ...none, measured, estimate: { vertical: false } }, plain.cache);
    // Measured: its own size, and React Flow keeps the handles it measured.
    expect(large.nodes[0]).toBe(plain.nodes[0]);
    expect(large.nodes[0]!.handles).toBeUndefined();
    // Not measured: rebuilt with the estimate, so React Flow can leave it undrawn out of view.
    expect(large.nodes[1]).not.toBe(plain.nodes[1]);
    expect(large.nodes[1]!.measured).toEqual(estimatedNodeSize(b!, false));
    expect(large.nodes[1]!.handles?.length).toBeGreaterThan(0);
    // Kept while nothing changes.
    expect(deriveNodes(doc.activities, { ...none, measured, estimate: { vertical: false } }, large.cache).nodes[1]).toBe(large.nodes[1]);
    // Once measured, the estimate goes.
    const drawn = deriveNodes(doc.activities, { ...none, measured: { ...measured, [b!.id]: { width: 232, height: 70 } }, estimate: { vertical: false } }, large.cache);
    expect(drawn.nodes[1]!.handles).toBeUndefined();
    expect(drawn.nodes[1]!.measured).toEqual({ width: 232, height: 70 });
    expect(drawn.nodes[2]).toBe(large.nodes[2]);
  });
});

describe('deriveEdges', () => {
  it('names transitions by their ends and keeps unchanged edges', () => {
    const doc = sampleCampaign();
    const labels = new Map(doc.activities.map((x) => [x.id, x.label]));
    const first = deriveEdges(doc.transitions, new Set(), labels, new Map());
    expect(first.edges[1]!.ariaLabel).toBe('Transition from Split to Email: VIP');
    expect(first.edges[1]!.sourceHandle).toBe('subset-1');
    const second = deriveEdges(doc.transitions, new Set([doc.transitions[0]!.id]), labels, first.cache);
    expect(second.edges[0]).not.toBe(first.edges[0]);
    expect(second.edges[1]).toBe(first.edges[1]);
  });
});
