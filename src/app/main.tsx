import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getEngineClient } from '../engine/client';
import { initialDataFromUrl } from '../queries/initial-data-from-url';
import { engineFromAddress, engineOptions, rememberEngine, rememberedEngine } from '../engine/engine-choice';
import { setStartingEngine } from '../queries/useEngineChoice';
import { App } from './App';
import { currentRoute, redirectCampaignParam } from './routing/navigation';
import { loadCampaignEditor } from './editor/load-campaign-editor';
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

// A page that opens on a canvas (a campaign, a shared link or file) draws it first: the editor's
// code loads at once, beside the campaign's reading, and the engine worker in the browser starts
// once the canvas is drawn (FlowCanvas releases it; at the latest after ENGINE_HOLD_MS). On two
// cores its start (DuckDB compiled, the data generated) would otherwise slow the editor's first
// render down by about as much as it takes; counts arrive a little later, the nodes saying they
// are loading meanwhile.
const ENGINE_HOLD_MS = 3_000;
if (['editor', 'shared', 'open-file'].includes(currentRoute().name)) {
  void loadCampaignEditor();
  if (choice.kind === 'browser') {
    engine.holdStart(ENGINE_HOLD_MS);
    // Another page (the Data screen…) asks the engine at once.
    window.addEventListener('hashchange', () => engine.releaseStart(), { once: true });
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
