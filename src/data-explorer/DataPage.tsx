import { EventTablesSection } from '../simulation/EventTablesSection';
import { useEffect, useState } from 'react';
import { Upload } from 'lucide-react';
import { useDataset } from '../queries/useDataset';
import { useFileDrop } from '../campaigns/list/useFileDrop';
import { DatasetSummary } from './DatasetSummary';
import { EngineSection } from './EngineSection';
import { SavedAudiencesSection } from './SavedAudiencesSection';
import { EntityDetail } from './EntityDetail';
import { EntityList } from './EntityList';
import { ImportProblemsDialog } from './ImportProblemsDialog';
import { SampleDataDialog } from './SampleDataDialog';
import { datasetSource } from './describe-dataset';
import { errorText, Failed, Waiting } from './LoadState';
import { useDataImport } from './useDataImport';
import { AppHeader } from '../ui/AppHeader';
import './data-explorer.css';

const exampleBase = `${import.meta.env.BASE_URL}examples/shop/`;
const exampleFiles = ['data-model.json', 'customers.csv', 'orders.csv', 'stores.csv'];

/**
 * The Data screen: where the engine runs (this browser or a server), the dataset in use and its entities (fields, links, rows, distributions), and
 * the ways to replace it: import a data model with CSVs (picker or drop) or go back to the sample
 * data of a chosen size and seed.
 */
export function DataPage() {
  const dataset = useDataset();
  const importer = useDataImport();
  const [chosen, setChosen] = useState<string | undefined>();
  const [sampleOpen, setSampleOpen] = useState(false);
  const { isDragging, dropProps } = useFileDrop((files) => void importer.importFiles(files));

  useEffect(() => {
    document.title = 'Data – Campaign Canvas';
  }, []);

  const info = dataset.data;
  const entities = info?.model.entities ?? [];
  // After another dataset loads, the chosen entity may not exist any more: fall back to the first
  // targeting dimension, which is where a marketer starts.
  const selected = entities.find((e) => e.name === chosen) ?? entities.find((e) => e.name === info?.model.dimensions[0]?.entity) ?? entities[0];
  const source = info ? datasetSource(info) : undefined;

  return (
    <div className="dx-page" {...dropProps}>
      <AppHeader current="data" brandIsHeading={false} />
      <main className="dx-main">
        <h1 className="cc-page-title">Data</h1>
        <EngineSection />
        {dataset.isPending && <Waiting>Starting the data engine and loading the data…</Waiting>}
        {dataset.isError && <Failed>The data engine could not start: {errorText(dataset.error)}</Failed>}
        {info && (
          <>
            <DatasetSummary dataset={info} busy={importer.busy} onImport={(f) => void importer.importFiles(f)} onChooseSample={() => setSampleOpen(true)} />
            {/* The events of the last simulation come first: a marketer arriving from Simulate looks for them. */}
            <EventTablesSection />
            {selected ? (
              <div className="dx-layout">
                <aside className="dx-aside" aria-label="Entities of the dataset">
                  <h2 className="dx-aside-title">Entities</h2>
                  <EntityList dataset={info} selected={selected.name} onSelect={setChosen} />
                </aside>
                <EntityDetail key={`${info.version}:${selected.name}`} dataset={info} entity={selected} onOpenEntity={setChosen} />
              </div>
            ) : (
              <p className="dx-empty">This dataset has no entities.</p>
            )}
            <SavedAudiencesSection />
            <section className="dx-help" aria-labelledby="dx-help-title">
              <h2 id="dx-help-title" className="dx-subtitle">
                Bring your own data
              </h2>
              <p>
                Import a data model (one <code>.json</code> file) and one CSV per entity, named after it (for example{' '}
                <code>customers.csv</code>), with a header row naming the fields. Pick them all at once with{' '}
                <strong>Import data…</strong> or drop them anywhere on this page. Every file is checked first; if anything is
                wrong, nothing changes and each problem is listed with its file, line and column.
              </p>
              <p>
                Example:{' '}
                {exampleFiles.map((f, i) => (
                  <span key={f}>
                    {i > 0 && ', '}
                    <a href={exampleBase + f} download>
                      {f}
                    </a>
                  </span>
                ))}
                .
              </p>
            </section>
          </>
        )}
      </main>
      {isDragging && (
        <div className="cc-drop-overlay dx-drop-overlay" aria-hidden>
          <div className="cc-drop-overlay-inner">
            <Upload size={28} />
            Drop the data model and its CSV files to import them
          </div>
        </div>
      )}
      {sampleOpen && (
        <SampleDataDialog
          isOpen
          onOpenChange={setSampleOpen}
          initial={source?.kind === 'sample' ? source : { profiles: 100_000, seed: 42 }}
          onLoad={(profiles, seed) => void importer.loadSample(profiles, seed)}
        />
      )}
      <ImportProblemsDialog failure={importer.failure} onClose={importer.clearFailure} />
    </div>
  );
}

