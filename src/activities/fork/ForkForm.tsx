import { Button } from 'react-aria-components';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { forkConfigSchema, type ForkConfig } from './definition';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { freshId, freshLabel, moveItem, removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import '../../inspector/fields/fields.css';

/** Settings of Fork: its branches (at least two), each a copy of the input on its own transition. */
export function ForkForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = forkConfigSchema.safeParse(activity.config);
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(fork())} />;
  const config = parsed.data;
  const update = (patch: Partial<ForkConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const add = () =>
    update({ branches: [...config.branches, { id: freshId('branch', config.branches.map((b) => b.id)), label: freshLabel(`Branch ${config.branches.length + 1}`, config.branches.map((b) => b.label)) }] });
  return (
    <div className="ff-form">
      <p className="ff-hint">Every branch carries all the incoming records; they run side by side.</p>
      <ol className="ff-list" aria-label="Branches">
        {config.branches.map((b, i) => {
          const name = b.label || `Branch ${i + 1}`;
          return (
            <li key={b.id} className="ff-row en-pair" aria-label={name}>
              <TextField label={`Branch ${i + 1} label`} value={b.label} onChange={(label) => update({ branches: replaceItem(config.branches, i, { ...b, label }) }, `branch-label-${b.id}`)} />
              <span className="ff-row fk-actions">
                <button type="button" className="ff-icon-button" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => update({ branches: moveItem(config.branches, i, i - 1) })}>
                  <ArrowUp size={15} aria-hidden />
                </button>
                <button type="button" className="ff-icon-button" aria-label={`Move ${name} down`} disabled={i === config.branches.length - 1} onClick={() => update({ branches: moveItem(config.branches, i, i + 1) })}>
                  <ArrowDown size={15} aria-hidden />
                </button>
                <button
                  type="button"
                  className="ff-icon-button ff-icon-button--danger"
                  aria-label={`Remove ${name}`}
                  disabled={config.branches.length <= 2}
                  title={config.branches.length <= 2 ? 'A fork has at least two branches.' : undefined}
                  onClick={() => guard.apply({ ...config, branches: removeItem(config.branches, i) }, `Remove the branch “${name}”`)}
                >
                  <Trash2 size={15} aria-hidden />
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <Button className="cc-button ff-add" onPress={add}>
        <Plus size={14} aria-hidden /> Add a branch
      </Button>
      {guard.dialog}
    </div>
  );
}

function fork(): ForkConfig {
  return { branches: [{ id: 'branch-1', label: 'Branch 1' }, { id: 'branch-2', label: 'Branch 2' }] };
}
