import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Download } from 'lucide-react';
import { useEngineClient } from '../queries/EngineClientContext';
import { useDataset } from '../queries/useDataset';
import { campaignComputeKey } from '../queries/engine-queries';
import { formatCount } from '../canvas/counts/format-count';
import { useSimulationStore } from './simulation-store';
import { EVENT_TABLES, eventsClient, eventsFileName, toCsv, type EventsClient, type EventTableName } from './event-tables';
import { downloadText } from '../ui/download-text';
import './simulation.css';

/**
 * The Data screen's event tables of the campaign simulated last: message feedback, tracking and
 * step events, each with its row count and a Download CSV. Nothing is shown before a simulation.
 */
export function EventTablesSection() {
  const last = useSimulationStore((s) => s.last);
  const client = eventsClient(useEngineClient());
  if (!last) return null;
  return (
    <section className="sim-events" aria-labelledby="sim-events-title">
      <h2 id="sim-events-title" className="dx-subtitle">
        Simulation events
      </h2>
      <p className="sim-events__intro">
        Events of the simulation of <strong>{last.name}</strong>, as of its last edit.
      </p>
      {client ? (
        <table className="sim-events__table">
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">Rows</th>
              <th scope="col">
                <span className="sr-only">Download</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {EVENT_TABLES.map((t) => (
              <EventTableRow key={t.name} client={client} table={t} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="sim-events__intro">This version of the engine cannot list the event tables.</p>
      )}
    </section>
  );
}

function EventTableRow({ client, table }: { client: EventsClient; table: (typeof EVENT_TABLES)[number] }) {
  const last = useSimulationStore((s) => s.last)!;
  const version = useDataset().data?.version ?? '';
  const events = useQuery({
    queryKey: ['engine', version, 'events', campaignComputeKey(last.doc), table.name satisfies EventTableName],
    queryFn: ({ signal }) => client.events(last.doc, table.name, signal),
    enabled: version !== '',
    staleTime: Infinity,
    retry: false,
  });
  const rowsText = events.isPending ? 'Computing…' : events.error ? `Unavailable: ${events.error.message}` : formatCount(events.data.rows.length);
  return (
    <tr>
      <th scope="row">
        {table.title}
        <span className="sim-events__desc">{table.description}</span>
      </th>
      <td className="sim-events__rows">{rowsText}</td>
      <td>
        <Button
          className="cc-button"
          aria-label={`Download ${table.title} as CSV`}
          isDisabled={!events.data}
          onPress={() => events.data && downloadText(toCsv(events.data), eventsFileName(last.name, table.file))}
        >
          <Download size={14} aria-hidden />
          Download CSV
        </Button>
      </td>
    </tr>
  );
}
