import { useEffect, useRef, useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { SavedAudienceEntry } from '../engine/protocol';
import { useDeleteSavedAudience, useSavedAudiences } from '../queries/useEngineState';
import { useCampaignNames } from '../queries/useCampaignNames';
import { useDataset } from '../queries/useDataset';
import { formatRunTime } from '../activities/incremental-query/format-run-time';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatCount } from './format';
import { OrphanAudiences } from './OrphanAudiences';

/**
 * The saved audiences this browser keeps, each with the data it was saved from, so that replacing
 * the data in use never seems to lose them: those of other data come back when it is loaded again.
 * Each can be deleted, after a confirmation.
 */
export function SavedAudiencesSection() {
  const saved = useSavedAudiences();
  const names = useCampaignNames();
  const dataset = useDataset();
  const remove = useDeleteSavedAudience();
  const [target, setTarget] = useState<SavedAudienceEntry | undefined>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const audiences = saved.data?.audiences ?? [];

  // The row of a deleted audience goes with its button: focus moves to the section's heading, where
  // the outcome is read next.
  useEffect(() => {
    if (target !== undefined || !focusHeading.current) return;
    focusHeading.current = false;
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [target]);

  /** "profiles" for the sample's profiles: the label of the dimension when the data in use has it. */
  const dimensionLabel = (entity: string) =>
    dataset.data?.model.entities.find((e) => e.name === entity)?.label ?? entity;
  const savedBy = (a: SavedAudienceEntry) => names.get(a.campaignId);

  const confirmDelete = async () => {
    if (!target) return;
    const { name, datasetId, datasetLabel } = target;
    try {
      await remove.mutateAsync({ datasetId, name });
      setOutcome({ ok: true, text: `Deleted the audience “${name}” of ${datasetLabel}.` });
      focusHeading.current = true;
    } catch (e) {
      setOutcome({
        ok: false,
        text: `The audience “${name}” could not be deleted: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  return (
    <section className="dx-audiences" aria-labelledby="dx-audiences-title">
      <h2 id="dx-audiences-title" className="dx-subtitle" ref={heading} tabIndex={-1}>
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
      <p className={outcome?.ok === false ? 'dx-audiences-problem' : 'dx-audiences-outcome'} role="status">
        {outcome?.text}
      </p>
      {audiences.length === 0 ? (
        <p className="dx-audiences-empty">
          {saved.isPending
            ? 'Reading the saved audiences…'
            : 'No audience is saved in this browser. A Save audience activity writes one each time its campaign runs; it then appears here.'}
        </p>
      ) : (
        <div className="dx-audiences-scroll">
          <table className="dx-table dx-audiences-table" aria-label="Saved audiences">
            <thead>
              <tr>
                <th scope="col">Audience</th>
                <th scope="col">Dimension</th>
                <th scope="col" className="dx-num">
                  Records
                </th>
                <th scope="col">Saved by</th>
                <th scope="col">When</th>
                <th scope="col">Data</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {audiences.map((a) => (
                <tr key={`${a.datasetId}/${a.name}`}>
                  <th scope="row" className="dx-audiences-name">
                    {a.name}
                  </th>
                  <td>{dimensionLabel(a.dimension)}</td>
                  <td className="dx-num">{formatCount(a.count)}</td>
                  <td className="dx-audiences-by">
                    {savedBy(a) ?? <span className="dx-cell-empty">a deleted campaign</span>}
                  </td>
                  <td className="dx-audiences-when">{formatRunTime(a.savedAt)}</td>
                  <td>
                    {a.usable
                      ? `${a.datasetLabel} (in use)`
                      : a.datasetId === saved.data?.datasetId
                        ? `${a.datasetLabel} (saved in another tab: reload)`
                        : a.datasetLabel}
                  </td>
                  <td className="dx-cell-action">
                    <button
                      type="button"
                      className="cc-button cc-button-quiet dx-audiences-delete"
                      aria-label={`Delete ${a.name} (${a.datasetLabel})`}
                      onClick={() => {
                        setOutcome(undefined);
                        setTarget(a);
                      }}
                    >
                      <Trash2 size={14} aria-hidden />
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OrphanAudiences
        onOutcome={(o) => {
          setOutcome(o);
          // The orphans' table and button go once removed: focus moves to the heading, as above.
          if (o.ok) requestAnimationFrame(() => heading.current?.focus());
        }}
      />
      {target && (
        <ConfirmDialog
          isOpen
          onOpenChange={(open) => {
            if (!open) setTarget(undefined);
          }}
          title="Delete this saved audience?"
          confirmLabel="Delete audience"
          destructive
          onConfirm={confirmDelete}
        >
          <p className="dx-confirm-name">
            <strong>{target.name}</strong>: {formatCount(target.count)} {dimensionLabel(target.dimension).toLowerCase()}{' '}
            saved from {target.datasetLabel}.
          </p>
          <p>
            It is removed from this browser for good. A Build audience that reads it then shows a problem until
            another audience is chosen.
          </p>
          {savedBy(target) !== undefined && (
            <p>
              If the campaign “{savedBy(target)}” still saves it, it is written again the next time that campaign
              runs.
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
