import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Plus, Trash2 } from 'lucide-react';
import { CancelAndAction, Dialog } from '../../ui/Dialog';
import { NumberField } from '../../inspector/fields/NumberField';
import { TextField } from '../../inspector/fields/TextField';
import { removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { equalGroups, type RandomGroup } from './split-presets';

/**
 * Asks for the groups of a random split (A/B/n test, holdout): labels and shares of the whole
 * audience. What the groups do not cover goes to the complement.
 */
export function RandomSplitDialog({ isOpen, onOpenChange, onApply }: { isOpen: boolean; onOpenChange: (open: boolean) => void; onApply: (groups: RandomGroup[]) => void }) {
  const [groups, setGroups] = useState<RandomGroup[]>(() => equalGroups(2));
  const total = Math.round(groups.reduce((s, g) => s + g.share, 0) * 100) / 100;
  const invalid = total > 100 || groups.some((g) => g.share <= 0 || g.label.trim() === '');
  return (
    <Dialog
      title="Random split"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="medium"
      footer={(close) => (
        <CancelAndAction
          close={close}
          label="Replace the subsets"
          isDisabled={invalid}
          onAction={(done) => {
            onApply(groups);
            done();
          }}
        />
      )}
    >
      <div className="ff-form">
        <p className="ff-hint">
          Records are drawn at random (the same draw every time until the campaign’s seed changes). Shares are of the whole audience; when they add up to less than 100 %, the rest goes to the complement.
        </p>
        <div className="ff-row">
          {[2, 3, 4].map((n) => (
            <Button key={n} className="cc-button ff-add" onPress={() => setGroups(equalGroups(n))}>
              {n} equal groups
            </Button>
          ))}
          <Button
            className="cc-button ff-add"
            onPress={() =>
              setGroups([
                { label: 'Control', share: 10 },
                { label: 'Target', share: 90 },
              ])
            }
          >
            10 % holdout
          </Button>
        </div>
        <ol className="ff-list">
          {groups.map((g, i) => (
            <li key={i} className="ff-row sp-group">
              <TextField label={`Label of group ${i + 1}`} value={g.label} onChange={(label) => setGroups(replaceItem(groups, i, { ...g, label }))} />
              <NumberField label={`Share of group ${i + 1}`} value={g.share} min={0} max={100} suffix="%" onChange={(share) => setGroups(replaceItem(groups, i, { ...g, share }))} />
              <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove group ${i + 1}`} disabled={groups.length <= 1} onClick={() => setGroups(removeItem(groups, i))}>
                <Trash2 size={15} aria-hidden />
              </button>
            </li>
          ))}
        </ol>
        <Button className="cc-button ff-add" onPress={() => setGroups([...groups, { label: `Group ${groups.length + 1}`, share: Math.max(0, Math.round((100 - total) * 100) / 100) }])}>
          <Plus size={14} aria-hidden /> Add a group
        </Button>
        <p className={`ff-message ${total > 100 ? 'ff-message--error' : ''}`} role="status">
          Total {total} %{total > 100 ? ': the shares cannot add up to more than 100 %.' : total < 100 ? ` · ${Math.round((100 - total) * 100) / 100} % go to the complement.` : ''}
        </p>
      </div>
    </Dialog>
  );
}
