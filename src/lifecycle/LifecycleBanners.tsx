import { Button } from 'react-aria-components';
import { Eye, Lock, TriangleAlert } from 'lucide-react';
import type { PublishedVersion } from '../domain/lifecycle/versions';
import { formatModifiedFull } from '../campaigns/list/format-modified';

/** Under the top bar of a published version: why nothing can be edited, and how to change it. */
export function PublishedBanner({ reason, onEditAsDraft, disabled }: { reason: string; onEditAsDraft: () => void; disabled: boolean }) {
  return (
    <div className="lc-banner" role="region" aria-label="Published version">
      <Lock size={16} aria-hidden />
      <p role="status">{reason}</p>
      <Button className="cc-button cc-button-primary" onPress={onEditAsDraft} isDisabled={disabled}>
        Edit as a new draft
      </Button>
    </div>
  );
}

/** Under the top bar while an older version is looked at, read-only. */
export function ViewingBanner({ version, onBack }: { version: PublishedVersion; onBack: () => void }) {
  return (
    <div className="lc-banner lc-banner--viewing" role="region" aria-label="Version shown">
      <Eye size={16} aria-hidden />
      <p role="status">
        <strong>Version {version.number}</strong>, published {formatModifiedFull(version.publishedAt)}
        {version.note ? ` (“${version.note}”)` : ''}, shown read-only.
      </p>
      <Button className="cc-button" onPress={onBack}>
        Back to the campaign
      </Button>
    </div>
  );
}

/** The stored versions cannot be read: said, and nothing is published over them. */
export function LifecycleErrorBanner({ error }: { error: Error }) {
  return (
    <div className="lc-banner lc-banner--error" role="alert">
      <TriangleAlert size={16} aria-hidden />
      <p>{error.message} Publishing is off until they can be read.</p>
    </div>
  );
}
