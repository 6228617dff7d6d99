import { useContext } from 'react';
import { CampaignRepositoryContext } from './repository-context';
import type { CampaignRepository } from './campaign-repository';

/** The campaign repository of the surrounding provider. */
export function useCampaignRepository(): CampaignRepository {
  return useContext(CampaignRepositoryContext);
}
