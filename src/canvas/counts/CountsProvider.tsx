import { useState, type ReactNode } from 'react';
import { CountsStoreContext, createCountsStore } from './counts-store';
import { useCountsSync } from './useCountsSync';

/**
 * Computes the open campaign's counts and provides them to the nodes, edges, inspector and status
 * line inside it. Mount once per open campaign, inside the editor store's provider.
 */
export function CountsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createCountsStore);
  return (
    <CountsStoreContext.Provider value={store}>
      <CountsSync store={store} />
      {children}
    </CountsStoreContext.Provider>
  );
}

// A leaf of its own: re-rendering on each document edit or counts update touches nothing else.
function CountsSync({ store }: { store: ReturnType<typeof createCountsStore> }) {
  useCountsSync(store);
  return null;
}
