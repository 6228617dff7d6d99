import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getEngineClient } from '../engine/client';
import { initialDataFromUrl } from '../queries/initial-data-from-url';
import { App } from './App';
import { redirectCampaignParam } from './routing/navigation';
import './global.css';

// The engine client is created here, before anything asks for it, so that it starts with the data
// the URL asks for (`?profiles=N`); creating it starts nothing until the first query.
const engine = getEngineClient({ initialData: initialDataFromUrl(window.location.search) });

// The end-to-end build lets a test stop the engine's workers as a crash would, to check the recovery.
if (import.meta.env.VITE_ENGINE_FAULTS === '1') {
  Object.assign(window, {
    engineFaults: {
      stopEngineWorker: () => engine.simulateFault('engine'),
      stopDatabaseWorker: () => engine.simulateFault('database'),
    },
  });
}

redirectCampaignParam();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
