import { Button } from 'react-aria-components';
import { Plus, Trash2 } from 'lucide-react';
import { TextField } from './fields/TextField';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { removeItem, replaceItem } from './fields/list-edits';
import { variableProblems, type CampaignVariable } from '../domain/variables';
import './fields/fields.css';

const none: readonly CampaignVariable[] = [];

/**
 * The campaign's variables in the inspector when nothing is selected: named values that Test
 * activities compare with ("season = summer"). A name left empty or used twice is told at its field.
 */
export function CampaignVariablesSection() {
  const store = useEditorStoreApi();
  const variables = useEditorStore((s) => s.doc.settings.variables ?? none);
  const doc = useEditorStore((s) => s.doc);
  const readOnly = useEditorStore((s) => s.readOnly);
  const problems = variableProblems(doc);
  const write = (next: readonly CampaignVariable[]) => store.getState().setVariables(next);
  return (
    <section className="sim-settings" aria-labelledby="campaign-variables-title">
      <h3 className="insp-subtitle" id="campaign-variables-title">
        Variables
      </h3>
      {variables.length === 0 && <p className="ff-hint">None yet. A Test activity can branch on a variable, e.g. season = summer.</p>}
      <ul className="ff-list" aria-label="Variables">
        {variables.map((v, i) => (
          <li key={i} className="ff-row en-pair" aria-label={v.name || `Variable ${i + 1}`}>
            <TextField
              label={`Variable ${i + 1} name`}
              value={v.name}
              commit="blur"
              problems={problems.filter((p) => p.path === `variables[${i}].name`).map((p) => ({ severity: 'error' as const, message: p.message }))}
              onChange={(name) => write(replaceItem(variables, i, { ...v, name: name.trim() }))}
            />
            <TextField label={`Variable ${i + 1} value`} value={v.value} commit="blur" onChange={(value) => write(replaceItem(variables, i, { ...v, value }))} />
            <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove variable ${v.name || i + 1}`} disabled={readOnly} onClick={() => write(removeItem(variables, i))}>
              <Trash2 size={15} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <Button className="cc-button ff-add" isDisabled={readOnly} onPress={() => write([...variables, { name: `variable${variables.length + 1}`, value: '' }])}>
        <Plus size={14} aria-hidden /> Add a variable
      </Button>
    </section>
  );
}
