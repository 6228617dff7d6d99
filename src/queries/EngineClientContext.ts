import { createContext, useContext } from 'react';
import { getEngineClient } from '../engine/client';
import type { EngineClient } from '../engine/client';

/**
 * The engine client the hooks use. Without a provider, the app's shared client (created lazily;
 * its worker starts with the first query). Tests and the bench can provide another.
 */
export const EngineClientContext = createContext<EngineClient | null>(null);

export function useEngineClient(): EngineClient {
  return useContext(EngineClientContext) ?? getEngineClient();
}
