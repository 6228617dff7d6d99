import { createContext } from 'react';
import { createCampaignRepository, type CampaignRepository } from './campaign-repository';
import { createIdbStorage } from './idb-storage';
import { createMemoryStorage } from './campaign-storage';
import { withChangeAnnouncements } from './campaign-events';

/**
 * The app's repository: IndexedDB, or memory where IndexedDB is missing (some private browsing
 * modes), so the app still works for the session instead of failing to start. Writes are announced
 * to the app's other tabs.
 */
export const defaultRepository: CampaignRepository = withChangeAnnouncements(
  createCampaignRepository(typeof indexedDB === 'undefined' ? createMemoryStorage() : createIdbStorage()),
);

/** Lets tests and stories swap the repository; the app uses the default. */
export const CampaignRepositoryContext = createContext<CampaignRepository>(defaultRepository);
