import { useNavigate } from './useEditorNavigation';
import { Button } from 'react-aria-components';
import { ArrowLeft, BarChart3, CalendarClock, Download } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import type { SaveState } from '../../campaigns/autosaver';
import { downloadCampaign } from '../../campaigns/transfer/download-campaign';
import { ImportButton } from '../../campaigns/transfer/ImportButton';
import { CopyLinkButton } from '../../campaigns/share/CopyLinkButton';
import { ImportErrorDialog } from '../../campaigns/transfer/ImportErrorDialog';
import { DataInUseLink } from './DataInUseLink';
import { useCampaignImport } from '../../campaigns/transfer/useCampaignImport';
import { showToast } from '../../ui/Toast';
import { CampaignNameField } from './CampaignNameField';
import { SaveIndicator } from './SaveIndicator';
import { hrefFor } from '../routing/routes';
import type { ReactNode } from 'react';
import type { CampaignLifecycle } from '../../domain/lifecycle/versions';
import { TestModeGroup } from '../../test-mode/TestModeGroup';
import { usePrefetchReport } from '../../report/useReport';

/**
 * The editor's top bar: back to the list, the campaign name (inline rename), the save state, and
 * export / import. Import always creates a new campaign and opens it, so the campaign being edited
 * can never be overwritten by a file.
 */
export function EditorTopBar({
  doc,
  saveState,
  readOnly,
  lockReason = null,
  lifecycle,
  versions,
  onRename,
}: {
  doc: CampaignDoc;
  saveState: SaveState;
  /** Another tab edits the campaign: the name cannot be changed here and nothing is saved. */
  readOnly: boolean;
  /** A published version (or one looked at): the name cannot be changed, for this reason. */
  lockReason?: string | null;
  /** The status, Versions and Publish (src/lifecycle/LifecycleControls). */
  lifecycle?: ReactNode;
  /** The campaign's status and versions, exported with it. */
  versions?: CampaignLifecycle | undefined;
  onRename: (name: string) => void;
}) {
  const { openCampaign } = useNavigate();
  const prefetchReport = usePrefetchReport(doc);
  const importer = useCampaignImport({
    onImported: (imported) => {
      showToast({ title: `Imported “${imported.name}” as a new campaign`, tone: 'success' });
      openCampaign(imported.id);
    },
  });
  return (
    <header className="cc-topbar">
      <a className="cc-button cc-button-quiet cc-topbar-back" href="#/">
        <ArrowLeft size={16} aria-hidden />
        Campaigns
      </a>
      <span className="cc-topbar-divider" aria-hidden />
      {/* The page's heading for assistive technology; the name itself is the editable field. */}
      <h1 className="sr-only">{doc.name}</h1>
      <CampaignNameField
        name={doc.name}
        onRename={onRename}
        readOnly={readOnly || lockReason !== null}
        {...(lockReason !== null && !readOnly ? { readOnlyReason: lockReason } : {})}
      />
      {!readOnly && <SaveIndicator state={saveState} />}
      {lifecycle}
      <div className="cc-topbar-actions">
        <TestModeGroup doc={doc} readOnly={readOnly || lockReason !== null} />
        <DataInUseLink />
        <a className="cc-button cc-topbar-report" href={hrefFor({ name: 'report', campaignId: doc.id, query: '' })} title="Report" {...(readOnly ? {} : { onPointerDown: prefetchReport, onClick: prefetchReport })}>
          <BarChart3 size={16} aria-hidden />
          <span className="cc-topbar-report-label">Report</span>
        </a>
        <a className="cc-button cc-topbar-report" href={hrefFor({ name: 'runs', campaignId: doc.id })} title="Runs">
          <CalendarClock size={16} aria-hidden />
          <span className="cc-topbar-report-label">Runs</span>
        </a>
        <ImportButton onSelect={(files) => void importer.importFiles(files)} isDisabled={importer.busy} />
        <CopyLinkButton doc={doc} />
        <Button className="cc-button" onPress={() => downloadCampaign(doc, versions)}>
          <Download size={16} aria-hidden />
          <span className="cc-action-label">Export JSON</span>
        </Button>
      </div>
      <ImportErrorDialog failure={importer.failure} onClose={importer.clearFailure} />
    </header>
  );
}
