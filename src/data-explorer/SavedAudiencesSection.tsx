import { useSavedAudiences } from '../queries/useEngineState';
import { useCampaignNames } from '../queries/useCampaignNames';
import { formatRunTime } from '../activities/incremental-query/format-run-time';
import { formatCount } from './format';

/**
 * The saved audiences this browser keeps, each with the data it was saved from, so that replacing
 * the data in use never seems to lose them: those of other data come back when it is loaded again.
 */
export function SavedAudiencesSection() {
  const saved = useSavedAudiences();
  const names = useCampaignNames();
  const audiences = saved.data?.audiences ?? [];
  return (
    <section className="dx-audiences" aria-labelledby="dx-audiences-title">
      <h2 id="dx-audiences-title" className="dx-subtitle">
        Saved audiences
      </h2>
      <p className="dx-muted">
        Kept in this browser with the data they were saved from, together with the campaigns’ run history.
        Loading other data keeps them: Build audience reads an audience once its data is in use again.
      </p>
      {saved.data?.problems.map((p) => (
        <p key={p} className="dx-audiences-problem" role="alert">
          {p}
        </p>
      ))}
      {audiences.length === 0 ? (
        <p className="dx-empty">
          {saved.isPending
            ? 'Reading the saved audiences…'
            : 'No audience saved yet: a Save audience activity writes one each time its campaign is computed.'}
        </p>
      ) : (
        <table className="dx-table" aria-label="Saved audiences">
          <thead>
            <tr>
              <th scope="col">Audience</th>
              <th scope="col" className="dx-num">
                Records
              </th>
              <th scope="col">Saved by</th>
              <th scope="col">When</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {audiences.map((a) => (
              <tr key={`${a.datasetId}/${a.name}`}>
                <th scope="row">{a.name}</th>
                <td className="dx-num">{formatCount(a.count)}</td>
                <td>{names.get(a.campaignId) ?? 'a deleted campaign'}</td>
                <td>{formatRunTime(a.savedAt)}</td>
                <td>
                  {a.usable
                    ? `${a.datasetLabel} (in use)`
                    : a.datasetId === saved.data?.datasetId
                      ? `${a.datasetLabel} (saved in another tab: reload)`
                      : a.datasetLabel}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
