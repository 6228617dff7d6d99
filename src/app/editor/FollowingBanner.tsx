import { Button } from 'react-aria-components';
import { Eye } from 'lucide-react';

/** Shown while another tab edits this campaign: why this tab is read-only, and how to edit here. */
export function FollowingBanner({ onTakeOver }: { onTakeOver: () => void }) {
  return (
    <div className="cc-following" role="region" aria-label="Read-only">
      <Eye size={16} aria-hidden />
      <p role="status">
        <strong>Read-only:</strong> this campaign is being edited in another tab. Its changes appear here as they
        are made.
      </p>
      <Button className="cc-button cc-button-primary" onPress={onTakeOver}>
        Take over editing
      </Button>
    </div>
  );
}
