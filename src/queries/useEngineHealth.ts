import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EngineHealth } from '../engine/client';
import { useEngineClient } from './EngineClientContext';
import { engineKeys } from './engine-queries';

/** Whether the engine answers, is restarting after it stopped, or was given up. */
export function useEngineHealth(): EngineHealth {
  const client = useEngineClient();
  return useSyncExternalStore(client.subscribe, client.getHealth);
}

/**
 * Once a stopped engine is back (a new worker with the same data and its saved state), everything
 * it answered is asked again: the counts on screen are recomputed by the new engine, and what is
 * not on screen is recomputed when it shows. Mount once, inside the query client's provider.
 */
export function useEngineRecovery(): void {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    let previous = client.getHealth().state;
    return client.subscribe((health) => {
      if (previous === 'restarting' && health.state === 'running') void queryClient.invalidateQueries({ queryKey: engineKeys.all });
      previous = health.state;
    });
  }, [client, queryClient]);
}
