import { useMemo } from 'react';
import type { ActivityFormProps } from '../ui-registry';
import { changeDimensionConfigSchema } from './definition';
import { findEntity } from '../../domain/data-model';
import { labelOf } from '../../domain/rule-paths';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { SelectField } from '../../inspector/fields/SelectField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { linkPaths } from '../../inspector/fields/link-paths';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { isFileDimension } from '../working-table';
import '../../inspector/fields/fields.css';

/**
 * Settings of Change dimension: one choice of where to go, among the link paths the data model
 * offers from the incoming dimension (profiles -> their bookings, accounts -> their people).
 */
export function ChangeDimensionForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = changeDimensionConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const from = data.inbound[0]?.dimension;
  const paths = useMemo(() => (data.model && from && !isFileDimension(from) ? linkPaths(data.model, from, { depth: 2 }) : []), [data.model, from]);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(changeDimensionConfigSchema.parse({}))} />;
  const config = parsed.data;
  const entityLabel = (name: string) => {
    const e = data.model && findEntity(data.model, name);
    return e ? labelOf(e) : name;
  };
  const value = config.path.join('.');
  const chosen = paths.find((p) => p.path.join('.') === value);
  return (
    <div className="ff-form">
      <p className="ff-hint">{from ? (isFileDimension(from) ? 'The incoming records are lines of a file.' : `The incoming records are ${entityLabel(from).toLowerCase()}.`) : 'Connect the records to switch from.'}</p>
      <SelectField
        label="Switch to"
        value={value}
        placeholder="Choose where to go…"
        options={paths.map((p) => ({ value: p.path.join('.'), label: `${entityLabel(p.target)} (through ${p.label})`, group: entityLabel(p.target) }))}
        onChange={(v) => {
          const p = paths.find((x) => x.path.join('.') === v);
          if (p) onConfigChange({ ...config, targetDimension: p.target, path: p.path });
        }}
        disabled={paths.length === 0}
        problems={data.problemsAt('targetDimension', 'path')}
      />
      {chosen && (
        <p className="ff-hint">
          {chosen.toMany
            ? `Each ${entityLabel(from!).toLowerCase().replace(/s$/, '')} gives all its ${entityLabel(chosen.target).toLowerCase()}; each one appears once.`
            : `Each ${entityLabel(from!).toLowerCase().replace(/s$/, '')} gives its ${entityLabel(chosen.target).toLowerCase().replace(/s$/, '')}; each one appears once.`}{' '}
          Records without a match drop out, and enrichment columns are not carried over.
        </p>
      )}
      {data.model && !findEntity(data.model, config.targetDimension) && config.targetDimension !== '' && <FieldMessages problems={[{ severity: 'error', message: `${config.targetDimension} is not in the loaded data.` }]} />}
    </div>
  );
}
