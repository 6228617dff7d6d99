import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ToastRegion } from '../ui/Toast';
import { useEngineRecovery } from '../queries/useEngineHealth';
import { useKeptDataNotice } from '../queries/useKeptDataNotice';
import { AppRoutes } from './AppRoutes';

/**
 * The app: providers around the routes. One QueryClient for the app's lifetime; campaign data is
 * local (IndexedDB), so window-focus refetches are pointless and off.
 */
export function App() {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <EngineRecovery />
      <AppRoutes />
      <ToastRegion />
    </QueryClientProvider>
  );
}

/** Asks again what the engine answered once a stopped engine is back; says once when data cannot be kept. */
function EngineRecovery() {
  useEngineRecovery();
  useKeptDataNotice();
  return null;
}
