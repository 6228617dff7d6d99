import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { Eye, History, RotateCcw } from 'lucide-react';
import type { CampaignLifecycle, PublishedVersion } from '../domain/lifecycle/versions';
import { diffSummary, diffVersions } from '../domain/lifecycle/version-diff';
import { formatModifiedFull } from '../campaigns/list/format-modified';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { CompareVersions } from './CompareVersions';

/**
 * The versions of a campaign (docs/lifecycle.md#versions), newest first: when each was published,
 * its note, and what changed from the one before. Any version opens read-only; two compare side
 * by side; an older one becomes a new draft (revert), the versions themselves never change.
 */
export function VersionsDialog({
  isOpen,
  onOpenChange,
  lifecycle,
  onOpenVersion,
  onRevert,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  lifecycle: CampaignLifecycle;
  onOpenVersion: (number: number) => void;
  /** Starts the draft, or says why not (then the dialog stays open); true when started. */
  onRevert: (number: number) => Promise<boolean>;
}) {
  const versions = lifecycle.versions;
  const newest = [...versions].reverse();
  const last = versions.at(-1)?.number ?? 0;
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [reverting, setReverting] = useState<PublishedVersion | null>(null);
  const byNumber = (n: number) => versions.find((v) => v.number === n);
  const from = compare ? byNumber(compare.from) : undefined;
  const to = compare ? byNumber(compare.to) : undefined;

  return (
    <Dialog title="Versions" isOpen={isOpen} onOpenChange={onOpenChange} size="large" icon={<History size={18} />}>
      {(close) => (
        <div className="lc-versions">
          {versions.length === 0 ? (
            <p>This campaign has not been published yet: publishing freezes its first version.</p>
          ) : (
            <ol className="lc-version-list" aria-label="Published versions">
              {newest.map((v) => {
                const previous = byNumber(v.number - 1);
                return (
                  <li key={v.number} className="lc-version" aria-label={`Version ${v.number}`}>
                    <div className="lc-version__head">
                      <strong>Version {v.number}</strong>
                      {v.number === last && <span className="lc-version__latest">latest</span>}
                      {lifecycle.draft?.from === v.number && <span className="lc-version__latest">draft started from it</span>}
                      <time dateTime={v.publishedAt} className="lc-muted">
                        {formatModifiedFull(v.publishedAt)}
                      </time>
                    </div>
                    {v.note && <p className="lc-version__note">“{v.note}”</p>}
                    <p className="lc-version__summary">
                      {previous ? diffSummary(diffVersions(previous.doc, v.doc)) : 'First version'}
                    </p>
                    <div className="lc-version__actions">
                      <Button
                        className="cc-button cc-button-small"
                        onPress={() => {
                          close();
                          onOpenVersion(v.number);
                        }}
                      >
                        <Eye size={15} aria-hidden /> Open version {v.number}
                      </Button>
                      <Button className="cc-button cc-button-small" onPress={() => setReverting(v)}>
                        <RotateCcw size={15} aria-hidden /> Revert to version {v.number}
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
          {versions.length > 1 && (
            <section className="lc-compare-pick" aria-labelledby="lc-compare-title">
              <h3 id="lc-compare-title">Compare two versions</h3>
              <div className="lc-compare-pick__row">
                <VersionSelect
                  label="From"
                  versions={versions}
                  value={compare?.from ?? last - 1}
                  onChange={(n) => setCompare({ from: n, to: compare?.to ?? last })}
                />
                <VersionSelect
                  label="To"
                  versions={versions}
                  value={compare?.to ?? last}
                  onChange={(n) => setCompare({ from: compare?.from ?? last - 1, to: n })}
                />
                {!compare && (
                  <Button className="cc-button" onPress={() => setCompare({ from: last - 1, to: last })}>
                    Compare
                  </Button>
                )}
              </div>
              {from && to && <CompareVersions before={from} after={to} />}
            </section>
          )}
          <ConfirmDialog
            title={`Revert to version ${reverting?.number ?? ''}`}
            isOpen={reverting !== null}
            onOpenChange={(open) => !open && setReverting(null)}
            confirmLabel="Revert as a new draft"
            onConfirm={async () => {
              if (!reverting) return;
              if (await onRevert(reverting.number)) close();
            }}
          >
            A new draft starts from version {reverting?.number}: it replaces the draft being edited, if any. The published
            versions stay as they are, and the campaign keeps running version {last} until the draft is published.
          </ConfirmDialog>
        </div>
      )}
    </Dialog>
  );
}

function VersionSelect({
  label,
  versions,
  value,
  onChange,
}: {
  label: string;
  versions: readonly PublishedVersion[];
  value: number;
  onChange: (n: number) => void;
}) {
  const id = useId();
  return (
    <div className="lc-status-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number}
          </option>
        ))}
      </select>
    </div>
  );
}
