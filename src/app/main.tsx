import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getEngineClient } from '../engine/client';
import { initialDataFromUrl } from '../queries/initial-data-from-url';
import { engineFromAddress, engineOptions, rememberEngine, rememberedEngine } from '../engine/engine-choice';
import { setStartingEngine } from '../queries/useEngineChoice';
import { App } from './App';
import { redirectCampaignParam } from './routing/navigation';
import './global.css';

// The engine client is created here, before anything asks for it, so that it starts with the data
// the URL asks for (`?profiles=N`) on the engine chosen (the address's `?engine=…&token=…`, else
// the one remembered); creating it starts nothing until the first query.
const fromAddress = engineFromAddress(window.location.search);
if (fromAddress) {
  rememberEngine(window.localStorage, fromAddress.choice);
  // The token does not stay in the address bar, the history or a link copied from it.
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${fromAddress.search}${window.location.hash}`);
}
const choice = fromAddress?.choice ?? rememberedEngine(window.localStorage);
const initialData = initialDataFromUrl(window.location.search);
setStartingEngine(choice, initialData);
const engine = getEngineClient(engineOptions(choice, initialData));

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
