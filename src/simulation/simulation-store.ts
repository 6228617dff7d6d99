import { create } from 'zustand';
import type { CampaignDoc } from '../domain/campaign';
import { rememberSimulated } from './simulated-before';

/**
 * Which open campaigns are simulated. Kept in its own small store, not in the document (a
 * simulation is a way of looking at the campaign, not part of it, and never an undo step) and not
 * in the editor store (which is made afresh each time the editor opens): the Data screen lists the
 * event tables of the campaign simulated last, and coming back to the editor finds it still
 * simulated. Lives for the page only.
 */
export interface SimulationState {
  /** Campaign ids simulated: their counts query runs with `simulate`. */
  on: Readonly<Record<string, true>>;
  /** The campaign simulated last, as the engine sees it, for the Data screen's event tables. */
  last: { campaignId: string; name: string; doc: CampaignDoc } | null;
  start: (campaignId: string) => void;
  stop: (campaignId: string) => void;
  /** Records the document the engine simulates (the editor calls it on each edit while on). */
  remember: (doc: CampaignDoc) => void;
}

export const useSimulationStore = create<SimulationState>()((set) => ({
  on: {},
  last: null,
  start: (campaignId) => {
    rememberSimulated(campaignId);
    set((s) => (s.on[campaignId] ? s : { on: { ...s.on, [campaignId]: true } }));
  },
  stop: (campaignId) =>
    set((s) => {
      const { [campaignId]: _, ...rest } = s.on;
      return { on: rest, last: s.last?.campaignId === campaignId ? null : s.last };
    }),
  remember: (doc) =>
    set((s) => (s.last?.doc === doc ? s : { last: { campaignId: doc.id, name: doc.name, doc } })),
}));

/** Whether a campaign is simulated. */
export function useIsSimulated(campaignId: string | undefined): boolean {
  return useSimulationStore((s) => campaignId !== undefined && s.on[campaignId] === true);
}
