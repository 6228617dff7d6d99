import { beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../domain/factory';
import { setSeed } from '../domain/edits/settings';
import { useSimulationStore } from './simulation-store';

describe('which campaigns are simulated', () => {
  beforeEach(() => useSimulationStore.setState({ on: {}, last: null }));

  it('keeps each campaign simulated until it is stopped, apart from the others', () => {
    const s = useSimulationStore.getState();
    s.start('a');
    s.start('b');
    useSimulationStore.getState().stop('a');
    expect(useSimulationStore.getState().on).toEqual({ b: true });
  });

  it('remembers the campaign simulated last for the Data screen, and forgets it when its simulation stops', () => {
    const doc = createCampaign('Spring');
    const s = useSimulationStore.getState();
    s.start(doc.id);
    s.remember(doc);
    expect(useSimulationStore.getState().last).toEqual({ campaignId: doc.id, name: 'Spring', doc });
    const before = useSimulationStore.getState();
    useSimulationStore.getState().remember(doc);
    expect(useSimulationStore.getState()).toBe(before);
    useSimulationStore.getState().stop('another');
    expect(useSimulationStore.getState().last?.campaignId).toBe(doc.id);
    useSimulationStore.getState().stop(doc.id);
    expect(useSimulationStore.getState().last).toBeNull();
  });
});

describe('the seed as campaign settings set it', () => {
  it('takes a whole number and refuses anything else, leaving the document as it was', () => {
    const doc = createCampaign('c');
    expect(setSeed(doc, 7).settings.seed).toBe(7);
    expect(setSeed(doc, 1.5)).toBe(doc);
    expect(setSeed(doc, doc.settings.seed)).toBe(doc);
  });
});
