import { describe, expect, it } from 'vitest';
import { downstreamOf, indexGraph, topologicalOrder, upstreamOf } from '../graph';
import { createActivity, createCampaign, uniqueLabel } from '../factory';
import { activity, campaign, transition } from './fixtures';

describe('graph helpers', () => {
  const doc = campaign(
    [activity('m', 'email'), activity('c', 'combine'), activity('a', 'build-audience'), activity('b', 'build-audience')],
    [transition('t1', 'a', 'c'), transition('t2', 'b', 'c'), transition('t3', 'c', 'm')],
  );

  it('orders activities upstream first, stable on document order', () => {
    expect(topologicalOrder(doc).order.map((a) => a.id)).toEqual(['a', 'b', 'c', 'm']);
    expect(topologicalOrder(doc).hasCycle).toBe(false);
  });

  it('detects cycles', () => {
    const cyclic = campaign([activity('x', 'wait'), activity('y', 'wait')], [transition('1', 'x', 'y'), transition('2', 'y', 'x')]);
    expect(topologicalOrder(cyclic)).toEqual({ order: [], hasCycle: true });
  });

  it('finds upstream and downstream activities', () => {
    const g = indexGraph(doc);
    expect([...upstreamOf(g, 'm')].sort()).toEqual(['a', 'b', 'c']);
    expect([...downstreamOf(g, 'a')].sort()).toEqual(['c', 'm']);
  });
});

describe('factory', () => {
  it('creates activities with defaults and unique labels', () => {
    const doc = createCampaign('Spring');
    const a = createActivity('email', { x: 10, y: 20 }, doc);
    doc.activities.push(a);
    const b = createActivity('email', { x: 0, y: 0 }, doc);
    expect(a.label).toBe('Email');
    expect(b.label).toBe('Email 2');
    expect(a.config).toMatchObject({ category: 'marketing' });
    expect(a.id).not.toBe(b.id);
    expect(uniqueLabel('Wait', [{ label: 'Wait' }, { label: 'Wait 2' }])).toBe('Wait 3');
  });

  it('refuses unknown types', () => {
    expect(() => createActivity('fax', { x: 0, y: 0 })).toThrow(/Unknown activity type/);
  });
});
