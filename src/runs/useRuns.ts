import { useCallback, useEffect, useRef, useState } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import type { EngineClient } from '../engine/client';
import { runsRepository, type StoredRun } from '../campaigns/lifecycle/runs-repository';

/** Where the runs' computation is: idle, or run `done` of `total` (optionally recomputing after a reload). */
export interface RunsProgress {
  done: number;
  total: number;
  /** Computing the kept runs again (after a reload) rather than new ones. */
  again: boolean;
}

/** The run id of a campaign's launch: one run per launch (running a launch again replaces it). */
export const runIdOf = (campaignId: string, launch: string) => `${campaignId}@${launch}`;

/**
 * A campaign's runs: those kept in this browser (runsRepository), new ones computed by the engine
 * one launch after the other, removal, and `ensureInEngine`, which computes the kept runs again
 * (from their documents, in launch order: they are deterministic) when the engine no longer holds
 * their event tables, e.g. after a reload.
 */
export function useRuns(campaignId: string, client: EngineClient, loadCampaign: (id: string) => Promise<CampaignDoc | null>) {
  const [runs, setRuns] = useState<StoredRun[] | undefined>(undefined);
  const [progress, setProgress] = useState<RunsProgress | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const runsRef = useRef<StoredRun[]>([]);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    runsRepository()
      .load(campaignId)
      .then(
        (loaded) => {
          if (!live) return;
          runsRef.current = loaded;
          setRuns(loaded);
        },
        (e: unknown) => {
          if (!live) return;
          setRuns([]);
          setError(`The runs kept in this browser could not be read: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    return () => {
      live = false;
    };
  }, [campaignId]);

  const keep = useCallback(
    async (next: StoredRun[]) => {
      const sorted = [...next].sort((a, b) => a.launch.localeCompare(b.launch));
      runsRef.current = sorted;
      setRuns(sorted);
      await runsRepository().save(campaignId, sorted);
    },
    [campaignId],
  );

  /** Computes the kept runs again when the engine lacks any of them. */
  const ensureInEngine = useCallback(async () => {
    const kept = runsRef.current;
    const held = new Set((await client.simulatedRuns(campaignId)).map((r) => r.runId));
    if (kept.every((r) => held.has(r.runId))) return;
    for (const [i, r] of kept.entries()) {
      setProgress({ done: i, total: kept.length, again: true });
      await client.simulateRun(r.doc, r.runId, r.launch);
    }
    setProgress(undefined);
  }, [campaignId, client]);

  /**
   * An End of a run signalled another campaign: that campaign runs at the End's simulated time, and
   * the run is kept with its own runs. Its own Ends signal nothing further here (no chains, no loops).
   */
  const runSignalled = useCallback(
    async (targetId: string, at: string) => {
      const target = await loadCampaign(targetId);
      if (!target) return;
      const result = await client.simulateRun(target, runIdOf(targetId, at), at);
      const repo = runsRepository();
      const kept = await repo.load(targetId);
      await repo.save(targetId, [...kept.filter((r) => r.runId !== result.runId), { ...result, doc: target }]);
    },
    [client, loadCampaign],
  );

  /** Runs `doc` at each launch, in order; each run is kept as soon as it is computed. */
  const runLaunches = useCallback(
    async (doc: CampaignDoc, launches: string[]) => {
      if (busy.current) return;
      busy.current = true;
      setError(undefined);
      try {
        // Runs launched before these carry over into them: the engine must hold them first.
        await ensureInEngine();
        let current = runsRef.current;
        for (const [i, launch] of launches.entries()) {
          setProgress({ done: i, total: launches.length, again: false });
          const result = await client.simulateRun(doc, runIdOf(campaignId, launch), launch);
          current = [...current.filter((r) => r.runId !== result.runId), { ...result, doc }];
          await keep(current);
          for (const signal of result.signals) await runSignalled(signal.campaignId, signal.at);
        }
      } catch (e) {
        setError(`The run could not be computed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        busy.current = false;
        setProgress(undefined);
      }
    },
    [campaignId, client, ensureInEngine, keep, runSignalled],
  );

  /** Removes a run: its events in the engine, and what this browser keeps of it. */
  const remove = useCallback(
    async (runId: string) => {
      await client.removeSimulatedRun(runId);
      await keep(runsRef.current.filter((r) => r.runId !== runId));
    },
    [client, keep],
  );

  return { runs, progress, error, runLaunches, remove, ensureInEngine };
}
