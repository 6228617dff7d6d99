import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { Bookmark, BookmarkPlus, Calculator, Code2, Loader2, Maximize2, Table2 } from 'lucide-react';
import type { ConditionGroup } from '../domain/rule';
import { Dialog } from '../ui/Dialog';
import { IconButton } from '../ui/IconButton';
import { CodeDialog } from './CodeDialog';
import { isNotCountedHere } from './column-guard';
import { useModeler } from './modeler-context';
import { ResultsDialog } from './ResultsDialog';
import { SaveFilterDialog } from './SaveFilterDialog';
import { SavedFiltersDialog } from './SavedFiltersDialog';

const numberFormat = new Intl.NumberFormat('en');

interface Total {
  state: 'loading' | 'done' | 'error';
  value?: number;
  error?: string;
  /** The rule changed since it was counted. */
  stale: boolean;
}

type Open = 'results' | 'code' | 'save' | 'filters' | 'expand' | undefined;

/** Calculate with its result, then View results, Code view, saved filters and the large editor. */
export function RuleToolbar({ rule, entity, entityLabel, total, onCalculate, invalid = 0, allowExpand, expanded }: { rule: ConditionGroup; entity: string; entityLabel: string; total: Total | undefined; onCalculate: () => void; /** Problems (errors) shown on the conditions. */ invalid?: number; allowExpand: boolean; expanded: ReactNode }) {
  const { services, model, edit } = useModeler();
  const [open, setOpen] = useState<Open>();
  const onOpenChange = (which: Open) => (isOpen: boolean) => setOpen(isOpen ? which : undefined);
  return (
    <div className="qm-toolbar">
      <div className="qm-toolbar__count">
        <Button className="cc-button qm-calc" onPress={onCalculate} isDisabled={!services || total?.state === 'loading'}>
          {total?.state === 'loading' ? <Loader2 size={15} className="cc-spinner" aria-hidden /> : <Calculator size={15} aria-hidden />}
          Calculate
        </Button>
        <output className={`qm-total${total?.stale ? ' qm-total--stale' : ''}${total?.state === 'error' ? (isNotCountedHere(total.error) ? ' qm-total--note' : ' qm-total--error') : ''}`} aria-live="polite" title={total?.stale ? 'The rule changed since: calculate again' : undefined}>
          {!services && 'Counts need the data, still loading…'}
          {services && !total && <span className="qm-total__hint">Count the {entityLabel.toLowerCase()} that match</span>}
          {total?.state === 'loading' && 'Counting…'}
          {total?.state === 'done' && (
            <>
              <strong>{numberFormat.format(total.value ?? 0)}</strong> {total.value === 1 ? 'record' : entityLabel.toLowerCase()}
              {total.stale && <span className="qm-total__stale"> · outdated</span>}
            </>
          )}
          {total?.state === 'error' && <span title={total.error}>{invalid > 0 && !total.stale ? `Fix the ${invalid === 1 ? 'problem' : `${invalid} problems`} marked in red to count the whole rule.` : total.error}</span>}
        </output>
      </div>
      <div className="qm-toolbar__actions" role="group" aria-label="Rule tools">
        <IconButton label="View results" onPress={() => setOpen('results')} isDisabled={!services}>
          <Table2 size={16} aria-hidden />
        </IconButton>
        <IconButton label="Code view" onPress={() => setOpen('code')} isDisabled={!services}>
          <Code2 size={16} aria-hidden />
        </IconButton>
        <IconButton label="Save as filter" onPress={() => setOpen('save')} isDisabled={rule.children.length === 0}>
          <BookmarkPlus size={16} aria-hidden />
        </IconButton>
        <IconButton label="Saved filters" onPress={() => setOpen('filters')}>
          <Bookmark size={16} aria-hidden />
        </IconButton>
        {allowExpand && (
          <IconButton label="Open in a large editor" onPress={() => setOpen('expand')}>
            <Maximize2 size={16} aria-hidden />
          </IconButton>
        )}
      </div>
      {services && open === 'results' && <ResultsDialog isOpen onOpenChange={onOpenChange('results')} rule={rule} entity={entity} entityLabel={entityLabel} services={services} />}
      {services && open === 'code' && <CodeDialog isOpen onOpenChange={onOpenChange('code')} rule={rule} entity={entity} services={services} />}
      {open === 'save' && <SaveFilterDialog isOpen onOpenChange={onOpenChange('save')} rule={rule} entity={entity} />}
      {open === 'filters' && <SavedFiltersDialog isOpen onOpenChange={onOpenChange('filters')} entity={entity} entityLabel={entityLabel} model={model} onApply={edit} />}
      {open === 'expand' && (
        <Dialog title={`Rule on ${entityLabel.toLowerCase()}`} isOpen onOpenChange={onOpenChange('expand')} size="large">
          <div className="qm-expanded">{expanded}</div>
        </Dialog>
      )}
    </div>
  );
}
