/**
 * Campaigns simulated before in this browser, so that a report's link opened in another tab or
 * after a reload shows the report (the simulation is deterministic: the same campaign, seed and
 * data give the same events) instead of saying the campaign was never simulated. Only ids are
 * kept; nothing of the simulation itself.
 */
const KEY = 'campaign-canvas:simulated-campaigns';

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers that a campaign was simulated. */
export function rememberSimulated(campaignId: string): void {
  const ids = read();
  if (ids.includes(campaignId)) return;
  try {
    // The most recent 200 are enough: a forgotten one only asks to simulate again.
    globalThis.localStorage?.setItem(KEY, JSON.stringify([...ids, campaignId].slice(-200)));
  } catch {
    // Storage full or refused: the report then offers to simulate, nothing is lost.
  }
}

/** Whether a campaign was simulated before in this browser. */
export function wasSimulated(campaignId: string): boolean {
  return read().includes(campaignId);
}
