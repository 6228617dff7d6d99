import type { CampaignDoc } from '../src/domain/campaign';

/** A campaign of `count` activities in chains of 8, one chain per row (see large-campaign.mjs). */
export function largeCampaign(count: number, options?: { id?: string; name?: string }): CampaignDoc;
