import type { SavedAudienceEntry } from '../../engine/protocol';
import { useSavedAudiences } from '../../queries/useEngineState';
import { useCampaignNames } from '../../queries/useCampaignNames';
import { SelectField, type SelectOption } from '../../inspector/fields/SelectField';
import { formatRunTime } from '../incremental-query/format-run-time';

interface Props {
  /** Name of the audience read, '' when none is chosen. */
  value: string;
  onChange: (audience: { name: string; dimension?: string }) => void;
  /** Names written by Save audience activities of this campaign, offered before their first computation. */
  namesInCampaign: readonly string[];
  /** Label of a dimension, e.g. "Profiles". */
  dimensionLabel: (entity: string) => string;
}

/**
 * Chooses a saved audience among those the engine keeps: the ones saved from the data in use can be
 * read; those of other data are listed apart, with their data, so that nothing seems lost when
 * other data is loaded.
 */
export function SavedAudiencePicker({ value, onChange, namesInCampaign, dimensionLabel }: Props) {
  const saved = useSavedAudiences();
  const campaignName = useCampaignNames();
  const all = saved.data?.audiences ?? [];
  const usable = all.filter((a) => a.usable);
  const elsewhere = all.filter((a) => !a.usable);
  const pending = namesInCampaign.filter((n) => !usable.some((a) => a.name === n));
  const options: SelectOption[] = [
    ...usable.map((a) => ({
      value: a.name,
      label: `${a.name} — ${a.count.toLocaleString('en-US')} ${dimensionLabel(a.dimension).toLowerCase()}`,
      group: 'Saved from the data in use',
    })),
    ...pending.map((n) => ({ value: n, label: `${n} — not saved until the campaign runs`, group: 'Saved by this campaign' })),
  ];
  const chosen = usable.find((a) => a.name === value);
  const describe = (a: SavedAudienceEntry) => {
    const by = campaignName.get(a.campaignId);
    return `${a.count.toLocaleString('en-US')} ${dimensionLabel(a.dimension).toLowerCase()}, saved ${formatRunTime(a.savedAt)}${by ? ` by “${by}”` : ''}, from ${a.datasetLabel}.`;
  };

  return (
    <>
      <SelectField
        label="Saved audience"
        value={value}
        placeholder={saved.isPending ? 'Loading the saved audiences…' : 'Choose a saved audience…'}
        options={options}
        onChange={(name) =>
          onChange({
            name,
            ...(usable.find((a) => a.name === name)
              ? { dimension: usable.find((a) => a.name === name)!.dimension }
              : {}),
          })
        }
        help={
          chosen
            ? describe(chosen)
            : options.length === 0 && !saved.isPending
              ? 'No audience has been saved from the data in use yet: a Save audience activity writes one each time its campaign runs.'
              : 'Audiences are written by Save audience activities, in this campaign or another.'
        }
      />
      {saved.data?.problems.map((p) => (
        <p key={p} className="ba-hint ba-hint--problem" role="alert">
          {p}
        </p>
      ))}
      {elsewhere.length > 0 && (
        <section className="ba-elsewhere" aria-labelledby="ba-elsewhere-title">
          <h4 id="ba-elsewhere-title" className="ba-elsewhere__title">
            Kept for other data
          </h4>
          <p className="ba-hint">
            These audiences were saved from other data. They are kept, and can be read again once that data is
            loaded (Data screen).
          </p>
          <ul className="ba-elsewhere__list" aria-label="Saved audiences of other data">
            {elsewhere.map((a) => (
              <li key={`${a.datasetId}/${a.name}`}>
                <strong>{a.name}</strong> — {describe(a)}
                {a.datasetId === saved.data?.datasetId
                  ? ' Saved in another tab: reload to read it here.'
                  : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
