import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Copy, Loader2 } from 'lucide-react';
import type { ConditionGroup } from '../domain/rule';
import { stableStringify } from '../engine/compile/hash';
import { Dialog } from '../ui/Dialog';
import { showToast } from '../ui/Toast';
import type { RuleServices } from './services';

/** "Code view": the SQL the rule compiles to, read-only, with a copy button. */
export function CodeDialog({ isOpen, onOpenChange, rule, entity, services }: { isOpen: boolean; onOpenChange: (open: boolean) => void; rule: ConditionGroup; entity: string; services: RuleServices }) {
  const query = useQuery({
    queryKey: ['rule-sql', entity, stableStringify(rule)],
    queryFn: ({ signal }) => services.sql(rule, entity, signal),
    enabled: isOpen,
    retry: false,
    staleTime: 30_000,
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(query.data ?? '');
      showToast({ title: 'SQL copied', tone: 'success' });
    } catch {
      showToast({ title: 'Could not copy the SQL', tone: 'error' });
    }
  };
  return (
    <Dialog
      title="Code view"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="large"
      footer={
        query.data ? (
          <Button className="cc-button" onPress={() => void copy()}>
            <Copy size={15} aria-hidden /> Copy SQL
          </Button>
        ) : undefined
      }
    >
      <p className="qm-dialog-status">The SQL the engine runs for this rule (values are escaped, names come from the data model).</p>
      {query.isPending && (
        <p className="qm-dialog-status">
          <Loader2 size={16} className="cc-spinner" aria-hidden /> Compiling…
        </p>
      )}
      {query.error && <p className="qm-dialog-status qm-dialog-status--error">{query.error.message}</p>}
      {query.data && (
        <pre className="qm-code" tabIndex={0} aria-label="SQL">
          <code>{query.data}</code>
        </pre>
      )}
    </Dialog>
  );
}
