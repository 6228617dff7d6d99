import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { engineOptions, rememberEngine, type EngineChoice } from '../engine/engine-choice';
import type { DataSource } from '../engine/protocol';
import { DEFAULT_DATA } from '../engine/client';
import { useEngineClient } from './EngineClientContext';
import { engineKeys } from './engine-queries';

/** The engine in use this visit: set once at start (main.tsx), then by the Data screen. */
let current: { choice: EngineChoice; initialData: DataSource | undefined } = { choice: { kind: 'browser' }, initialData: undefined };
const listeners = new Set<() => void>();

export function setStartingEngine(choice: EngineChoice, initialData: DataSource): void {
  current = { choice, initialData };
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The engine in use and the way to move to another: the client lets the old one go, the choice is
 * remembered in this browser, and everything the app asked the engine is asked again of the new one.
 */
export function useEngineChoice(): { choice: EngineChoice; choose: (choice: EngineChoice) => void } {
  const client = useEngineClient();
  const queryClient = useQueryClient();
  const choice = useSyncExternalStore(subscribe, () => current.choice);
  const choose = useCallback(
    (next: EngineChoice) => {
      client.reconfigure(engineOptions(next, current.initialData ?? DEFAULT_DATA));
      rememberEngine(globalThis.localStorage, next);
      current = { ...current, choice: next };
      for (const l of listeners) l();
      void queryClient.resetQueries({ queryKey: engineKeys.all });
    },
    [client, queryClient],
  );
  return { choice, choose };
}
