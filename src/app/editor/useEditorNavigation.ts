import { useMemo } from 'react';
import { navigate } from '../routing/navigation';

/** Navigation actions the editor needs, kept behind a hook so that the editor never builds URLs. */
export function useNavigate() {
  return useMemo(
    () => ({
      openCampaign: (id: string) => navigate({ name: 'editor', campaignId: id }),
      openList: () => navigate({ name: 'list' }),
    }),
    [],
  );
}
