import './simulation.css';
import { Button } from 'react-aria-components';
import { RotateCcw } from 'lucide-react';
import { TextField } from '../inspector/fields/TextField';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { defaultOf, fieldPath, formatDefault, MODEL_FIELDS, MODEL_GROUPS, simulationSettingsProblems, type ModelField } from '../domain/simulation-model-fields';

type Raw = Record<string, unknown>;
const record = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});

/**
 * The campaign's settings in the inspector when nothing is selected: the seed, and the delivery
 * simulation's launch and engagement model, each model value with its default and the default's
 * source. Values are kept as typed: a wrong one is told at its field and in the problems panel,
 * and nothing else changes. Reset to defaults removes them all.
 */
export function CampaignSettingsForm() {
  const store = useEditorStoreApi();
  const doc = useEditorStore((s) => s.doc);
  const readOnly = useEditorStore((s) => s.readOnly);
  const referenceDate = useEditorStore((s) => s.dataModel?.referenceDate);
  const raw = record(doc.settings.simulation);
  const model = record(raw.model);
  const problems = simulationSettingsProblems(doc, referenceDate);
  const at = (path: string) => problems.filter((p) => p.path === path).map((p) => ({ severity: p.severity, message: p.message }));
  const defaultLaunch = referenceDate ? `${referenceDate} 09:00` : 'the reference date at 09:00';

  const write = (next: Raw) => store.getState().setSimulationSettings(Object.keys(next).length === 0 ? undefined : next);
  const setLaunch = (text: string) => {
    const { launch: _, ...rest } = raw;
    write(text.trim() === '' ? rest : { ...rest, launch: text.trim() });
  };
  const setModelValue = (field: ModelField, text: string) => {
    const group = { ...record(model[field.group]) };
    const trimmed = text.trim();
    const n = Number(trimmed);
    // Kept as typed when it is not a number, so that the field tells what is wrong.
    if (trimmed === '') delete group[field.key];
    else group[field.key] = trimmed !== '' && Number.isFinite(n) ? n : trimmed;
    const nextModel = { ...model, [field.group]: group };
    if (Object.keys(group).length === 0) delete nextModel[field.group];
    const { model: _, ...rest } = raw;
    write(Object.keys(nextModel).length === 0 ? rest : { ...rest, model: nextModel });
  };
  const valueOf = (field: ModelField) => {
    const v = record(model[field.group])[field.key];
    return v === undefined ? '' : String(v);
  };

  return (
    <section className="sim-settings" aria-labelledby="campaign-settings-title">
      <h2 className="insp-subtitle" id="campaign-settings-title">
        Campaign settings
      </h2>
      <TextField
        label="Seed"
        value={String(doc.settings.seed)}
        commit="blur"
        help="Every random choice of the campaign (random split, random deduplication, the simulation's draws) follows it."
        onChange={(text) => {
          const n = Number(text);
          if (Number.isInteger(n)) store.getState().setSeed(n);
        }}
      />
      <h3 className="insp-subtitle">Delivery simulation</h3>
      <TextField
        label="Launch"
        value={typeof raw.launch === 'string' ? raw.launch : ''}
        commit="blur"
        placeholder={defaultLaunch}
        help={`When simulated time starts, as YYYY-MM-DD HH:MM. Empty: the data's reference date at 09:00 (${defaultLaunch}).`}
        problems={at('settings.simulation.launch')}
        onChange={setLaunch}
      />
      {MODEL_GROUPS.map(({ group, title }) => (
        <fieldset key={group} className="sim-settings__group">
          <legend>{title}</legend>
          {MODEL_FIELDS.filter((f) => f.group === group).map((f) => (
            <TextField
              key={f.key}
              label={f.kind === 'rate' ? `${f.label} (0–1)` : f.unit ? `${f.label} (${f.unit})` : f.label}
              value={valueOf(f)}
              commit="blur"
              placeholder={String(defaultOf(f))}
              help={`Default ${formatDefault(f)} (${f.source}).`}
              problems={at(fieldPath(f)).map((p) => ({ ...p, message: p.message.replace(/Invalid input: expected number, received string/i, 'enter a number') }))}
              onChange={(text) => setModelValue(f, text)}
            />
          ))}
        </fieldset>
      ))}
      <Button className="cc-button" isDisabled={readOnly || doc.settings.simulation === undefined} onPress={() => write({})}>
        <RotateCcw size={14} aria-hidden />
        Reset to defaults
      </Button>
    </section>
  );
}
