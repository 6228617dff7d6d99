import { useQuery } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import type { ConditionGroup } from '../domain/rule';
import { stableStringify } from '../engine/compile/hash';
import { Dialog } from '../ui/Dialog';
import type { RuleServices } from './services';
import { RecordsTable } from '../ui/RecordsTable';

const numberFormat = new Intl.NumberFormat('en');
const LIMIT = 50;

/** "View results": the first records the rule selects. */
export function ResultsDialog({ isOpen, onOpenChange, rule, entity, entityLabel, services }: { isOpen: boolean; onOpenChange: (open: boolean) => void; rule: ConditionGroup; entity: string; entityLabel: string; services: RuleServices }) {
  const query = useQuery({
    queryKey: ['rule-rows', entity, stableStringify(rule)],
    queryFn: ({ signal }) => services.rows(rule, entity, LIMIT, signal),
    enabled: isOpen,
    retry: false,
    staleTime: 30_000,
  });
  return (
    <Dialog title={`Results: ${entityLabel.toLowerCase()}`} isOpen={isOpen} onOpenChange={onOpenChange} size="large">
      {query.isPending && (
        <p className="qm-dialog-status">
          <Loader2 size={16} className="cc-spinner" aria-hidden /> Selecting records…
        </p>
      )}
      {query.error && <p className="qm-dialog-status qm-dialog-status--error">{query.error.message}</p>}
      {query.data && (
        <>
          <p className="qm-dialog-status">
            {query.data.total === 0
              ? 'No record matches this rule.'
              : query.data.total === 1
                ? 'One record matches this rule:'
                : `${numberFormat.format(query.data.total)} records match this rule${query.data.total > query.data.rows.length ? `; the first ${query.data.rows.length}, by key` : ''}:`}
          </p>
          {query.data.rows.length > 0 && <RecordsTable columns={query.data.columns} rows={query.data.rows} label="Records" />}
        </>
      )}
    </Dialog>
  );
}
