import { useState } from 'react';
import type { Activity } from '../../domain/campaign';
import { useEditorStoreApi } from '../../store/useEditorStore';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeTargets, droppedTransitions } from './port-loss';

interface Pending {
  config: Record<string, unknown>;
  what: string;
  targets: string;
  count: number;
}

/**
 * Applies config edits that may remove output ports. When an edit would drop transitions, a
 * confirmation says which ones first; confirmed, the config and the removal are one undo step (the
 * store's config edit removes transitions of ports that disappear).
 */
export function usePortLossGuard(activity: Activity, onConfigChange: (config: Record<string, unknown>) => void) {
  const store = useEditorStoreApi();
  const [pending, setPending] = useState<Pending>();
  /** Applies `config` now, or asks first when it would remove transitions. `what` names the change ("Remove subset “VIP”"). */
  const apply = (config: Record<string, unknown>, what: string) => {
    const doc = store.getState().doc;
    const dropped = droppedTransitions(doc, activity.id, config);
    if (dropped.length === 0) onConfigChange(config);
    else setPending({ config, what, targets: describeTargets(doc, dropped), count: dropped.length });
  };
  const dialog = (
    <ConfirmDialog
      title={pending ? `${pending.what}?` : ''}
      isOpen={pending !== undefined}
      onOpenChange={(open) => !open && setPending(undefined)}
      confirmLabel={pending?.count === 1 ? 'Remove with its transition' : 'Remove with its transitions'}
      destructive
      onConfirm={() => {
        if (pending) onConfigChange(pending.config);
        setPending(undefined);
      }}
    >
      <p>
        {pending?.count === 1 ? 'The transition to ' : `${pending?.count ?? 0} transitions, to `}
        {pending?.targets} {pending?.count === 1 ? 'is' : 'are'} removed too. You can undo this.
      </p>
    </ConfirmDialog>
  );
  return { apply, dialog };
}
