import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../domain/factory';
import { freshId, freshLabel, moveItem, removeItem, replaceItem } from './list-edits';
import { dimensionOfTransition, inboundDimension } from './dimension-of';
import { droppedTransitions } from './port-loss';
import type { Activity, CampaignDoc, Transition } from '../../domain/campaign';

describe('list edits', () => {
  it('moves, replaces and removes without touching the original', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(list, 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 7, 0)).toEqual(list);
    expect(replaceItem(list, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeItem(list, 0)).toEqual(['b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('finds fresh ids and labels', () => {
    expect(freshId('subset', ['subset-1', 'subset-3'])).toBe('subset-2');
    expect(freshLabel('Subset 3', ['Subset 3', 'Subset 3 2'])).toBe('Subset 3 3');
    expect(freshLabel('VIP', [])).toBe('VIP');
  });
});

const activity = (id: string, type: string, config: Record<string, unknown> = {}): Activity => ({ id, type, label: id, position: { x: 0, y: 0 }, config, configVersion: 1, disabled: false }) as Activity;
const transition = (id: string, from: string, to: string, fromPort = 'out', toPort = 'in'): Transition => ({ id, source: { activityId: from, port: fromPort }, target: { activityId: to, port: toPort }, label: '' }) as Transition;

function doc(activities: Activity[], transitions: Transition[]): CampaignDoc {
  return { ...createCampaign('t'), activities, transitions };
}

describe('dimension of a transition', () => {
  it('follows pass-through activities back to where the dimension is chosen', () => {
    const d = doc(
      [activity('acc', 'build-audience', { targetDimension: 'accounts' }), activity('split', 'split'), activity('cd', 'change-dimension', { targetDimension: 'profiles', path: ['people'] }), activity('file', 'load-file'), activity('dd', 'deduplication')],
      [transition('t1', 'acc', 'split'), transition('t2', 'split', 'cd', 'subset-1'), transition('t3', 'file', 'dd')],
    );
    expect(inboundDimension(d, 'split')).toBe('accounts');
    expect(dimensionOfTransition(d, d.transitions[1]!)).toBe('accounts');
    expect(inboundDimension(d, 'dd')).toBe('file:file');
    expect(inboundDimension(d, 'acc')).toBeUndefined();
  });

  it('takes the primary set of a combine', () => {
    const d = doc(
      [activity('p', 'build-audience', { targetDimension: 'profiles' }), activity('a', 'build-audience', { targetDimension: 'accounts' }), activity('c', 'combine', { primaryTransitionId: 't2' }), activity('e', 'end')],
      [transition('t1', 'p', 'c'), transition('t2', 'a', 'c'), transition('t3', 'c', 'e')],
    );
    expect(dimensionOfTransition(d, d.transitions[2]!)).toBe('accounts');
  });
});

describe('transitions a config edit drops', () => {
  it('lists the transitions of ports that disappear', () => {
    const split = activity('split', 'split', { subsets: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] });
    const d = doc([activity('src', 'build-audience'), split, activity('e', 'end')], [transition('t1', 'src', 'split'), transition('t2', 'split', 'e', 'b')]);
    expect(droppedTransitions(d, 'split', { subsets: [{ id: 'b', label: 'B' }] })).toEqual([]);
    expect(droppedTransitions(d, 'split', { subsets: [{ id: 'a', label: 'A' }] }).map((t) => t.id)).toEqual(['t2']);
  });
});
